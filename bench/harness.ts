/** Tiny benchmark harness: warm up, take many timed samples of a batch, report the median. */
import { performance } from 'node:perf_hooks';

/** A section of `npm run bench`. */
export interface BenchSection {
  readonly name: string;
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
