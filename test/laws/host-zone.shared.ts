/** The computation whose result must not depend on the host's time zone. */
import { evaluate, explain, readFacts } from '../../src/index.js';
import type { Schedule } from '../../src/core/types.js';
import { isOpen, nextChange } from '../../src/index.js';
import type { Scenario } from '../../src/testing/index.js';

export interface HostZoneCases {
  readonly scenarios: readonly Scenario[];
  readonly schedules: readonly { readonly schedule: Schedule; readonly at: number }[];
  /**
   * Scenarios whose visitor did not come through the parser: timestamps without an offset (read
   * in the host's zone by 0.1), sub-millisecond digits, junk in one place; `now` as an ISO string.
   */
  readonly unparsed: readonly Scenario[];
}

function answersOf(s: Scenario, now: unknown): unknown {
  const d = evaluate(s.visitor, s.messages, now as number);
  const reasons = explain(s.visitor, s.messages, now as number).map((v) => v.reason ?? v.outcome);
  const facts = readFacts(s.visitor, typeof now === 'number' ? now : Date.parse(String(now)));
  const { visitor: _visitor, ...values } = facts;
  return [d.message?.id ?? null, d.eligible, d.reevaluateAt, d.invalidInput, reasons, values];
}

export function computeAnswers(cases: HostZoneCases): unknown {
  return {
    decisions: cases.scenarios.map((s) => answersOf(s, s.now)),
    unparsed: cases.unparsed.map((s) => answersOf(s, new Date(s.now).toISOString())),
    schedules: cases.schedules.map(({ schedule, at }) => [isOpen(schedule, at), nextChange(schedule, at)]),
  };
}
