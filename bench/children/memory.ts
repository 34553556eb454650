/**
 * Child process run with `--expose-gc`: memory retained per compiled message. Builds N fresh
 * messages (the scaling list: no URL leaf repeats), measures the heap and the array buffers
 * (typed arrays' contents live outside the heap) after GC with the raw objects alive, evaluates
 * once (compiling them) keeping the array alive, measures again: (after − before) ÷ N.
 * Process-wide tables the compile fills count, as they are retained too. (The compiled arrays
 * are carved out of shared 16 KB buffers: the one already begun before the measure is not
 * counted again, at most 16 KB ÷ N too little.)
 * `node --expose-gc --no-concurrent-recompilation --import tsx bench/children/memory.ts <N>`
 * (optimisation on the main thread: see `bench/sections/memory.ts`).
 * @module
 */
import { evaluate } from '../../src/index.js';
import { sendResult } from '../child.js';
import { casesOf, mixInstants, mixVisitor } from '../workloads/mix.js';
import { scalingMessages } from '../workloads/scaling.js';

export interface MemoryResult {
  readonly count: number;
  readonly beforeBytes: number;
  readonly afterBytes: number;
  readonly perMessageBytes: number;
}

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with --expose-gc');
const heap = (): number => {
  gc();
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
};

const count = Number(process.argv[2] ?? 2000);
const [first] = casesOf(mixVisitor, mixInstants());
if (first === undefined) throw new Error('no instants');
// Warm the code paths on a throw-away list (module-level caches of the evaluator's code itself).
evaluate(first.visitor, scalingMessages(3, 'warm_'), first.nowMs);
const messages = scalingMessages(count);
const beforeBytes = heap();
let shown = evaluate(first.visitor, messages, first.nowMs).eligible.length;
const afterBytes = heap();
shown += messages.length;
const result: MemoryResult = { count, beforeBytes, afterBytes, perMessageBytes: (afterBytes - beforeBytes) / count };
if (shown < 0) console.log(shown);
sendResult(result);
