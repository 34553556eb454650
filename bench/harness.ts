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
