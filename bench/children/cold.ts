/**
 * Child process: the first 30 calls of a fresh process (the widget case, never JIT-hot), one side
 * per process. `evaluate`: call 1 also compiles the list. `json-rules-engine`: the engine is
 * prepared first (timed apart, `prepareMs`), then 30 decisions. Started by the `cold` section:
 * `node --import tsx bench/children/cold.ts <evaluate|json-rules-engine>`.
 * @module
 */
import { performance } from 'node:perf_hooks';
import { evaluate } from '../../src/index.js';
import { sendResult } from '../child.js';
import { jreDecider } from '../workloads/jre.js';
import { casesOf, mixInstants, mixMessages, mixVisitor } from '../workloads/mix.js';

export interface ColdResult {
  readonly side: string;
  readonly prepareMs: number;
  /** Microseconds of each of the first 30 calls. */
  readonly callsUs: readonly number[];
}

export const COLD_CALLS = 30;

const side = process.argv[2];
const messages = mixMessages();
const cases = casesOf(mixVisitor, mixInstants());
const callsUs: number[] = [];
let prepareMs = 0;
let checksum = 0;
if (side === 'evaluate') {
  for (let i = 0; i < COLD_CALLS; i++) {
    const c = cases[i % cases.length] as (typeof cases)[number];
    const t0 = performance.now();
    checksum += evaluate(c.visitor, messages, c.nowMs).eligible.length;
    callsUs.push((performance.now() - t0) * 1000);
  }
} else if (side === 'json-rules-engine') {
  const t0 = performance.now();
  const jre = jreDecider(messages);
  prepareMs = performance.now() - t0;
  for (let i = 0; i < COLD_CALLS; i++) {
    const c = cases[i % cases.length] as (typeof cases)[number];
    const t1 = performance.now();
    checksum += (await jre.decide(c.visitor, c.nowMs)).eligible.length;
    callsUs.push((performance.now() - t1) * 1000);
  }
} else {
  throw new Error(`unknown side ${side}`);
}
if (checksum < 0) console.log(checksum);
const result: ColdResult = { side, prepareMs, callsUs };
sendResult(result);
