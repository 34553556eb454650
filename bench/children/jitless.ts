/**
 * Child process run with `node --jitless`: the mix's steady state without an optimising compiler
 * (as on hosts that forbid JIT, e.g. iOS lockdown mode, and close to a widget's first seconds) —
 * json-rules-engine ÷ evaluate and evaluate ÷ the tight hand-written decision, interleaved over
 * the instant mix. Started by the `cold` section.
 * @module
 */
import { evaluateCalls, handCalls, jreCalls } from '../calls.js';
import { sendResult } from '../child.js';
import { batchFor, compare, type Comparison } from '../harness.js';
import { jreDecider } from '../workloads/jre.js';
import { casesOf, mixInstants, mixMessages, mixVisitor, tightMix } from '../workloads/mix.js';

export interface JitlessResult {
  readonly jitless: boolean;
  readonly vsJre: Comparison;
  readonly vsHand: Comparison;
}

const messages = mixMessages();
const cases = casesOf(mixVisitor, mixInstants());
const ours = evaluateCalls(messages, cases);
const hand = handCalls(tightMix(messages), cases);
const viaJre = jreCalls(jreDecider(messages).decide, cases);
const batch = { ours: await batchFor(ours, cases.length, 40), hand: await batchFor(hand, cases.length, 40) };
const vsHand = await compare(ours, hand, { slow: batch.ours, fast: batch.hand }, 10);
const vsJre = await compare(viaJre, ours, { slow: 6, fast: batch.ours }, 10);
const result: JitlessResult = { jitless: process.execArgv.includes('--jitless'), vsJre, vsHand };
sendResult(result);
