/** The computation whose result must not depend on the host's time zone. */
import { evaluate, explain } from '../../src/index.js';
import type { Schedule } from '../../src/core/types.js';
import { isOpen, nextChange } from '../../src/index.js';
import type { Scenario } from '../../src/testing/index.js';

export interface HostZoneCases {
  readonly scenarios: readonly Scenario[];
  readonly schedules: readonly { readonly schedule: Schedule; readonly at: number }[];
}

export function computeAnswers(cases: HostZoneCases): unknown {
  return {
    decisions: cases.scenarios.map((s) => {
      const d = evaluate(s.visitor, s.messages, s.now);
      const reasons = explain(s.visitor, s.messages, s.now).map((v) => v.reason ?? v.outcome);
      return [d.message?.id ?? null, d.eligible, d.reevaluateAt, reasons];
    }),
    schedules: cases.schedules.map(({ schedule, at }) => [isOpen(schedule, at), nextChange(schedule, at)]),
  };
}
