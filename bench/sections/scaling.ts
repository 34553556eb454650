/**
 * Section `scaling` — cost per message on the visitor's channel at 1 → 2,000 messages, each size
 * interleaved with 140: per-message(2000) ÷ per-message(140) (target ≤ 1.5×), and the same for
 * the tight hand-written decision (the workload's own growth, informational); and 140 on the
 * visitor's channel + 1,400 on another ÷ the 140 alone (expected ≈ 1×: an index lookup).
 * @module
 */
import { assertAgreement } from '../agree.js';
import { evaluateCalls, handCalls } from '../calls.js';
import { batchFor, beginSection, compare, formatUs, reportRatio, scaleComparison, type BenchSection, type Comparison } from '../harness.js';
import { describeMix } from '../instants.js';
import { casesOf, mixInstants, mixVisitor, tightMix } from '../workloads/mix.js';
import { SIZES, scalingMessages } from '../workloads/scaling.js';

export const scalingSection: BenchSection = {
  name: 'scaling',
  about: `1 → ${SIZES[SIZES.length - 1]} messages on the visitor's channel; + 1,400 on another channel`,
  async run() {
    beginSection('scaling');
    const instants = mixInstants();
    console.log(describeMix(instants));
    const cases = casesOf(mixVisitor, instants);
    const all = scalingMessages(Math.max(...SIZES));
    const base = all.slice(0, 140);
    const baseCalls = evaluateCalls(base, cases);
    const baseBatch = await batchFor(baseCalls, cases.length);
    const results = new Map<number, Comparison>();
    for (const size of SIZES) {
      if (size === 140) continue;
      const list = all.slice(0, size);
      const calls = evaluateCalls(list, cases);
      results.set(size, await compare(calls, baseCalls, { slow: await batchFor(calls, cases.length), fast: baseBatch }, size >= 1000 ? 20 : 24));
    }
    const basePerMessage = [...results.values()].map((c) => c.fastUs / 140).sort((a, b) => a - b)[Math.floor(results.size / 2)] as number;
    console.log('messages  per call     per message  per message ÷ at 140 (interleaved)');
    for (const size of SIZES) {
      const c = results.get(size);
      const perCall = c === undefined ? basePerMessage * 140 : c.slowUs;
      const relative = c === undefined ? '1.00× (reference)' : `${(c.ratio * (140 / size)).toFixed(2)}× (quartiles ${(c.ratioLow * (140 / size)).toFixed(2)}–${(c.ratioHigh * (140 / size)).toFixed(2)}×)`;
      console.log(`${String(size).padStart(8)}  ${formatUs(perCall).padStart(10)}  ${formatUs(perCall / size).padStart(10)}   ${relative}`);
    }
    const top = Math.max(...SIZES);
    reportRatio(`scaling: per message at ${top.toLocaleString('en-US')} ÷ at 140`, scaleComparison(results.get(top) as Comparison, 140 / top), 2, { op: '≤', bound: 1.5 });

    // The workload itself scales linearly: the tight hand-written decision, same sizes.
    const tightTop = tightMix(all);
    await assertAgreement(`scaling (${top})`, all, cases, [{ name: 'hand-written', decide: (k) => tightTop(k.visitor, k.nowMs) }]);
    const handTop = handCalls(tightTop, cases);
    const handBase = handCalls(tightMix(base), cases);
    const hand = await compare(handTop, handBase, { slow: await batchFor(handTop, cases.length, 8), fast: await batchFor(handBase, cases.length, 8) }, 30);
    reportRatio(`scaling: hand-written per message at ${top.toLocaleString('en-US')} ÷ at 140`, scaleComparison(hand, 140 / top), 2, undefined, `(the workload's own growth; ${formatUs(hand.slowUs)} vs ${formatUs(hand.fastUs)} per call)`);

    // Other channels: an index lookup.
    const crowded = [...base, ...scalingMessages(1400, 'other_', 'web_other')];
    const crowdedCalls = evaluateCalls(crowded, cases);
    const others = await compare(crowdedCalls, baseCalls, { slow: await batchFor(crowdedCalls, cases.length, 8), fast: await batchFor(baseCalls, cases.length, 8) }, 50);
    reportRatio('scaling: 140 + 1,400 on another channel ÷ 140 alone', others, 2, { op: '≤', bound: 1.1 }, '(expected ≈ 1×)');
  },
};
