/**
 * Section `fresh` — a server that re-reads its list per request: `evaluate(visitor,
 * [...sameMessageObjects], now)` (a new array of the same message objects on every call; the copy
 * is inside the timed call, ≈ 0.2 µs) ÷ the cached same-array call (target ≤ 1.3×). Also the
 * compile cost: evaluate on a structuredClone of every message (fresh objects, nothing cached),
 * informational; the clones are made outside the timed region.
 * @module
 */
import { evaluate, type Message } from '../../src/index.js';
import { evaluateCalls } from '../calls.js';
import { batchFor, beginSection, compare, formatUs, quantiles, reportRatio, reportValue, type BenchSection } from '../harness.js';
import { describeMix } from '../instants.js';
import { cycle } from '../workloads/common.js';
import { casesOf, mixInstants, mixMessages, mixVisitor } from '../workloads/mix.js';

export const freshSection: BenchSection = {
  name: 'fresh',
  about: 'a new array of the same 140 message objects per call, and fully fresh messages (compile cost)',
  async run() {
    beginSection('fresh');
    const messages = mixMessages();
    const cases = casesOf(mixVisitor, mixInstants());
    console.log(describeMix(cases.map((c) => c.instant)));
    const cached = evaluateCalls(messages, cases);
    const nextCase = cycle(cases);
    const copied = (): number => {
      const c = nextCase();
      return evaluate(c.visitor, [...messages], c.nowMs).eligible.length;
    };
    for (const c of cases) {
      const a = evaluate(c.visitor, [...messages], c.nowMs);
      const b = evaluate(c.visitor, messages, c.nowMs);
      if (a.message !== b.message || a.eligible.join() !== b.eligible.join() || a.reevaluateAt !== b.reevaluateAt) throw new Error('a fresh array of the same messages decides differently');
    }
    const c = await compare(copied, cached, { slow: await batchFor(copied, cases.length), fast: await batchFor(cached, cases.length, 8) }, 30);
    console.log(`cached array ${formatUs(c.fastUs)}, fresh array of the same objects ${formatUs(c.slowUs)} per call`);
    reportRatio('fresh: new array of the same objects ÷ cached array', c, 2, { op: '≤', bound: 1.3 });

    // Compile cost: every message a fresh object (as after JSON.parse per request); clones made up front.
    const rounds = 40;
    const clones: Message[][] = Array.from({ length: rounds }, () => structuredClone(messages));
    const perRound: number[] = [];
    clones.forEach((list, r) => {
      const k = cases[r % cases.length] as (typeof cases)[number];
      const t0 = performance.now();
      evaluate(k.visitor, list, k.nowMs);
      perRound.push((performance.now() - t0) * 1000);
    });
    const q = quantiles(perRound.slice(5));
    reportValue('fresh: compile + first evaluate of 140 fresh messages', q.median / 1000, 'ms', 2, `${(q.low / 1000).toFixed(2)}–${(q.high / 1000).toFixed(2)} ms`, undefined, `(${rounds - 5} rounds after 5 warm-up; = ${(q.median / c.fastUs).toFixed(0)}× the cached call)`);
  },
};
