/**
 * Section `limits` — the time-aware limits cost little: the mix with an account cooldown
 * (`cooldownSeconds: 300`, `timeZone: 'Europe/Berlin'`) and a mix of per-message limits
 * (snoozes, delivery caps, once per day, start/end instants, rollouts, hold-outs, cooldown
 * overrides on about half the messages) ÷ the plain mix, same visitor and instants (target ≤ 1.1×);
 * and the 10,000-delivery visitor compacted as recorded ÷ the same visitor with no history, both
 * with the limits (target ≤ 1.1×). The two sides decide differently on purpose (the limits hold
 * messages back); how many instants differ is printed.
 * @module
 */
import { evaluate, type EvaluateOptions, type Message, type Visitor } from '../../src/index.js';
import { batchFor, beginSection, compare, formatUs, reportRatio, type BenchSection } from '../harness.js';
import { describeMix } from '../instants.js';
import { cycle, type Case } from '../workloads/common.js';
import { casesOf, mixInstants, mixMessages, mixVisitor } from '../workloads/mix.js';
import { compactDeliveriesExport, compactHistory, longHistory } from './history.js';

const POLICY: EvaluateOptions = { cooldownSeconds: 300, timeZone: 'Europe/Berlin' };

/** The mix with limits on about half its messages, deterministically by position. */
export function limitedMessages(): Message[] {
  return mixMessages().map((m, i): Message => ({
    ...m,
    ...(i % 5 === 0 ? { snoozeSeconds: 600 } : {}),
    ...(i % 7 === 1 ? { maxDeliveries: 3 } : {}),
    ...(i % 6 === 2 ? { oncePer: 'day' as const } : {}),
    ...(i % 9 === 3 ? { activeFrom: '2026-11-01T00:00:00Z', activeUntil: '2027-01-01T00:00:00Z' } : {}),
    ...(i % 10 === 4 ? { rolloutPercent: 50 } : {}),
    ...(i % 12 === 5 ? { holdoutPercent: 10 } : {}),
    ...(i % 8 === 6 ? { cooldownSeconds: 0 } : {}),
  }));
}

function calls(messages: readonly Message[], cases: readonly Case[], options?: EvaluateOptions): () => number {
  const next = cycle(cases);
  return () => {
    const c = next();
    return evaluate(c.visitor, messages, c.nowMs, options).eligible.length;
  };
}

export const limitsSection: BenchSection = {
  name: 'limits',
  about: 'the mix with an account cooldown and per-message limits vs the plain mix; a compacted 10,000-delivery history with limits',
  async run() {
    beginSection('limits');
    const plain = mixMessages();
    const limited = limitedMessages();
    const instants = mixInstants();
    const cases = casesOf(mixVisitor, instants);
    console.log(describeMix(instants));
    let differ = 0;
    for (const c of cases) {
      const a = evaluate(c.visitor, limited, c.nowMs, POLICY);
      const b = evaluate(c.visitor, plain, c.nowMs);
      if (a.invalidInput !== null || a.invalid.length > 0) throw new Error(`the limited list does not evaluate: ${JSON.stringify(a.invalidInput ?? a.invalid[0])}`);
      if (a.eligible.join() !== b.eligible.join() || a.heldOut.length > 0) differ += 1;
    }
    console.log(`limits change the decision at ${differ} of ${cases.length} instants`);
    const withLimits = calls(limited, cases, POLICY);
    const without = calls(plain, cases);
    const c = await compare(withLimits, without, { slow: await batchFor(withLimits, cases.length, 8), fast: await batchFor(without, cases.length, 8) }, 40);
    console.log(`plain mix ${formatUs(c.fastUs)}, with limits and a cooldown ${formatUs(c.slowUs)} per call`);
    reportRatio('limits: mix with a cooldown policy and per-message limits ÷ plain mix', c, 2, { op: '≤', bound: 1.1 });

    const compact = compactDeliveriesExport();
    if (compact === undefined) return;
    const deliveries = longHistory(limited);
    const empty = casesOf({ ...mixVisitor, deliveries: [] }, instants);
    const raw = casesOf({ ...mixVisitor, deliveries }, instants);
    const compacted: Case[] = raw.map((x) => ({ ...x, visitor: compactHistory(compact, x.visitor, limited, x.nowMs).visitor as Visitor }));
    const sizes = compacted.map((x) => x.visitor.deliveries.length);
    console.log(`compacted with the limits: ${Math.min(...sizes)}–${Math.max(...sizes)} deliveries kept`);
    const h = await compare(calls(limited, compacted, POLICY), calls(limited, empty, POLICY), { slow: await batchFor(calls(limited, compacted, POLICY), compacted.length, 8), fast: await batchFor(calls(limited, empty, POLICY), empty.length, 8) }, 40);
    reportRatio('limits: compacted 10,000-delivery history ÷ none, with the limits', h, 2, { op: '≤', bound: 1.1 });
  },
};
