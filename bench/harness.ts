/** Tiny benchmark harness: warm up, take many timed samples of a batch, report the median. */
import { performance } from 'node:perf_hooks';

/** A section of `npm run bench` (each runs in its own process; see `index.ts`). */
export interface BenchSection {
  readonly name: string;
  /** One line: what the section measures. */
  readonly about: string;
  run(): Promise<void>;
}

export interface Measurement {
  /** Median time per call, in microseconds. */
  readonly medianUs: number;
  readonly samples: number;
  readonly batch: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export let sink = 0;

/** Keeps a result alive (adds it to {@link sink}) so the work that produced it cannot be optimised away. */
export function absorb(value: number): void {
  sink += value;
}

/** Times `fn` on its own: a warm-up of five batches, then `samples` batches; per-call µs of each. */
export function sampleAlone(fn: () => number, batch: number, samples: number): number[] {
  for (let i = 0; i < batch * 5; i += 1) sink += fn();
  const out: number[] = [];
  for (let s = 0; s < samples; s += 1) {
    const start = performance.now();
    for (let i = 0; i < batch; i += 1) sink += fn();
    out.push(((performance.now() - start) * 1000) / batch);
  }
  return out;
}

/** Times a synchronous function: `samples` samples of `batch` calls each, after a warm-up. */
export function measureSync(fn: () => number, batch: number, samples: number, warmup = batch * 5): Measurement {
  for (let i = 0; i < warmup; i += 1) sink += fn();
  const perCall: number[] = [];
  for (let s = 0; s < samples; s += 1) {
    const start = performance.now();
    for (let i = 0; i < batch; i += 1) sink += fn();
    perCall.push(((performance.now() - start) * 1000) / batch);
  }
  return { medianUs: median(perCall), samples, batch };
}

/** Times an asynchronous function the same way (each call awaited in turn). */
export async function measureAsync(fn: () => Promise<number>, batch: number, samples: number, warmup = batch * 5): Promise<Measurement> {
  for (let i = 0; i < warmup; i += 1) sink += await fn();
  const perCall: number[] = [];
  for (let s = 0; s < samples; s += 1) {
    const start = performance.now();
    for (let i = 0; i < batch; i += 1) sink += await fn();
    perCall.push(((performance.now() - start) * 1000) / batch);
  }
  return { medianUs: median(perCall), samples, batch };
}

export function formatUs(us: number): string {
  return us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(2)} µs`;
}

/** Two functions timed in interleaved samples, and the ratio `slow ÷ fast` per sample. */
export interface Comparison {
  /** Median time per call of each, in microseconds. */
  readonly slowUs: number;
  readonly fastUs: number;
  /** Median of the per-sample ratios `slow ÷ fast`, and its quartiles. */
  readonly ratio: number;
  readonly ratioLow: number;
  readonly ratioHigh: number;
  readonly samples: number;
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

/**
 * Times `slow` and `fast` in interleaved samples (a batch of one, then a batch of the other, the
 * order alternating) and reports the median of the per-sample ratios. Load on a shared machine
 * drifts over seconds; interleaving makes both sides of each ratio see the same load, so the
 * ratio is far steadier than one computed from two separate runs.
 */
export async function compare(
  slow: () => number | Promise<number>,
  fast: () => number | Promise<number>,
  batches: { readonly slow: number; readonly fast: number },
  samples: number,
): Promise<Comparison> {
  const time = async (fn: () => number | Promise<number>, batch: number): Promise<number> => {
    const start = performance.now();
    for (let i = 0; i < batch; i += 1) {
      const result = fn();
      // Only a promise is awaited: awaiting a plain number would add a microtask per call.
      sink += typeof result === 'number' ? result : await result;
    }
    return ((performance.now() - start) * 1000) / batch;
  };
  await time(slow, batches.slow * 5);
  await time(fast, batches.fast * 5);
  const slowUs: number[] = [];
  const fastUs: number[] = [];
  const ratios: number[] = [];
  for (let s = 0; s < samples; s += 1) {
    let a: number;
    let b: number;
    if (s % 2 === 0) {
      a = await time(slow, batches.slow);
      b = await time(fast, batches.fast);
    } else {
      b = await time(fast, batches.fast);
      a = await time(slow, batches.slow);
    }
    slowUs.push(a);
    fastUs.push(b);
    ratios.push(a / b);
  }
  return {
    slowUs: median(slowUs),
    fastUs: median(fastUs),
    ratio: median(ratios),
    ratioLow: quantile(ratios, 0.25),
    ratioHigh: quantile(ratios, 0.75),
    samples,
  };
}

/** `2.02× (quartiles 1.95–2.10×, 60 interleaved samples)`. */
export function formatRatio(c: Comparison, digits: number): string {
  return `${c.ratio.toFixed(digits)}× (quartiles ${c.ratioLow.toFixed(digits)}–${c.ratioHigh.toFixed(digits)}×, ${c.samples} interleaved samples)`;
}

/** The same comparison with every ratio multiplied by `factor` (e.g. per-call → per-message). */
export function scaleComparison(c: Comparison, factor: number): Comparison {
  return { ...c, ratio: c.ratio * factor, ratioLow: c.ratioLow * factor, ratioHigh: c.ratioHigh * factor };
}

/** A target of SPEC §3 / issue 16: the value must be at most or at least `bound`. */
export interface Target {
  readonly op: '≤' | '≥';
  readonly bound: number;
}

/** One line of the final summary table. */
export interface SummaryRow {
  readonly section: string;
  readonly label: string;
  /** `12.3×`, `1.42 KB`, or why the section has no number (aborted). */
  readonly value: string;
  readonly spread: string;
  readonly target: string;
  readonly status: 'OK' | 'MISSED' | 'info' | 'ABORTED' | 'N/A';
}

/** Rows reported by the sections of this process, in order. */
export const summary: SummaryRow[] = [];

let currentSection = '';

/** Sets the section name the following rows are filed under. */
export function beginSection(name: string): void {
  currentSection = name;
}

function verdict(value: number, target: Target | undefined): SummaryRow['status'] {
  if (target === undefined) return 'info';
  return (target.op === '≤' ? value <= target.bound : value >= target.bound) ? 'OK' : 'MISSED';
}

function targetText(target: Target | undefined, unit: string): string {
  return target === undefined ? '—' : `${target.op} ${target.bound}${unit}`;
}

/**
 * Prints `label = ratio (quartiles …)   target ≤ 2×: OK` (or without a target, informational)
 * and files the row for the summary.
 */
export function reportRatio(label: string, c: Comparison, digits: number, target?: Target, note = ''): void {
  const status = verdict(c.ratio, target);
  const tail = target === undefined ? '   (informational)' : `   target ${targetText(target, '×')}: ${status}`;
  console.log(`${label} = ${formatRatio(c, digits)}${tail}${note === '' ? '' : `  ${note}`}`);
  summary.push({
    section: currentSection,
    label,
    value: `${c.ratio.toFixed(digits)}×`,
    spread: `${c.ratioLow.toFixed(digits)}–${c.ratioHigh.toFixed(digits)}×`,
    target: targetText(target, '×'),
    status,
  });
}

/**
 * Prints and files a value that is not an interleaved ratio (ms, KB, a sequential ratio), with its
 * spread (e.g. quartiles, `low–high unit`), an optional target and a note for the printed line.
 */
export function reportValue(label: string, value: number, unit: string, digits: number, spread: string, target?: Target, note = ''): void {
  const status = verdict(value, target);
  const u = unit === '×' ? '×' : ` ${unit}`;
  const tail = target === undefined ? '   (informational)' : `   target ${targetText(target, u)}: ${status}`;
  console.log(`${label} = ${value.toFixed(digits)}${u}${spread === '' ? '' : ` (${spread})`}${tail}${note === '' ? '' : `  ${note}`}`);
  summary.push({ section: currentSection, label, value: `${value.toFixed(digits)}${u}`, spread, target: targetText(target, u), status });
}

/** Files a target that cannot be measured yet (e.g. the API it needs is not exported). */
export function reportUnavailable(label: string, target: Target, unit: string, reason: string): void {
  console.log(`${label}: ${reason}   target ${targetText(target, unit)}: N/A`);
  summary.push({ section: currentSection, label, value: '—', spread: reason, target: targetText(target, unit), status: 'N/A' });
}

/** Files a section that could not produce numbers. */
export function reportAborted(section: string, reason: string): void {
  summary.push({ section, label: reason.split('\n')[0] as string, value: '—', spread: '', target: '', status: 'ABORTED' });
}

export function quantiles(values: readonly number[]): { readonly median: number; readonly low: number; readonly high: number } {
  return { median: median([...values]), low: quantile(values, 0.25), high: quantile(values, 0.75) };
}

/**
 * A batch size for `fn` that is a whole number of cycles through `cycleLength` cases (so every
 * sample covers the whole instant mix) and takes about `targetMs`: at least one cycle.
 */
export async function batchFor(fn: () => number | Promise<number>, cycleLength: number, targetMs = 20): Promise<number> {
  const run = async (calls: number): Promise<number> => {
    const start = performance.now();
    for (let i = 0; i < calls; i += 1) {
      const result = fn();
      sink += typeof result === 'number' ? result : await result;
    }
    return performance.now() - start;
  };
  await run(cycleLength);
  const cycleMs = Math.min(await run(cycleLength), await run(cycleLength));
  return Math.max(1, Math.round(targetMs / Math.max(cycleMs, 1e-3))) * cycleLength;
}
