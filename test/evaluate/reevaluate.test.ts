import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluate, readFacts, type ConditionNode, type Message, type SendWindow, type Trigger, type Visitor } from '../../src/index.js';
import { compileMessages, type CompiledMessage } from '../../src/evaluate/compile.js';
import { stableUntil, timedGates } from '../../src/evaluate/evaluate.js';
import { T0, message, visitor } from './fixtures.js';

const schedules = [
  { timezone: 'Europe/Berlin', weekly: [{ day: 'mon', open: '11:00', close: '11:05' }], holidays: [] },
  { timezone: 'Asia/Kathmandu', weekly: [{ day: 'mon', open: '15:40', close: '15:50' }], holidays: [] },
  { timezone: 'America/New_York', weekly: [{ day: 'mon', open: '04:58', close: '05:03' }], holidays: [] },
] as const;

const windowArb: fc.Arbitrary<SendWindow> = fc.oneof(
  fc.constant({ type: 'anytime' } as const),
  fc.record({ type: fc.constantFrom('businessHours', 'outsideBusinessHours'), schedule: fc.constantFrom(...schedules) }),
);
const triggerArb: fc.Arbitrary<Trigger> = fc.oneof(
  fc.constant({ event: 'pageLoad' } as const),
  fc.record({ event: fc.constant('timeOnPage' as const), seconds: fc.integer({ min: 0, max: 400 }) }),
);
const timeLeaf = fc.record({
  fact: fc.constantFrom('timeOnPage', 'timeOnSite'),
  operator: fc.constantFrom('greaterThan', 'lessThan', 'equal', 'greaterThanInclusive'),
  value: fc.integer({ min: 0, max: 500 }),
}) as fc.Arbitrary<ConditionNode>;
const staticLeaf = fc.record({
  fact: fc.constant('pageUrl'),
  operator: fc.constant('containsAnyOf'),
  value: fc.constantFrom(['/pricing'], ['/checkout']),
}) as fc.Arbitrary<ConditionNode>;
const conditionsArb: fc.Arbitrary<ConditionNode | null> = fc.oneof(
  fc.constant(null),
  timeLeaf,
  fc.record({ all: fc.tuple(timeLeaf, staticLeaf, timeLeaf) }) as fc.Arbitrary<ConditionNode>,
  fc.record({ any: fc.tuple(staticLeaf, timeLeaf, timeLeaf) }) as fc.Arbitrary<ConditionNode>,
);
const messagesArb = fc
  .array(fc.record({ w: windowArb, t: triggerArb, c: conditionsArb, p: fc.integer({ min: 0, max: 3 }) }), { minLength: 1, maxLength: 6 })
  .map((rows) => rows.map((r, i): Message => message(`m${i}`, { sendWindow: r.w, trigger: r.t, conditions: r.c, priority: r.p })));
// T0 = Monday 10:00 UTC: Berlin 11:00, Kathmandu 15:45, New York 05:00 — all windows flip near it.
const nowArb = fc.integer({ min: T0 - 600_000, max: T0 + 600_000 });

/** The reference rule of docs/evaluate.md, from the same gate functions `explain` uses. */
function referenceReevaluateAt(v: Visitor, messages: readonly Message[], nowMs: number): number | null {
  const facts = readFacts(v, nowMs);
  const enteredAt = Date.parse(v.page.enteredAt);
  let best: number | null = null;
  for (const entry of compileMessages(messages).entries) {
    const until = stableUntil(timedGates(entry as CompiledMessage, facts, enteredAt, nowMs));
    if (until !== null && (best === null || until < best)) best = until;
  }
  return best;
}

describe('reevaluateAt', () => {
  it('equals the reference rule (lazy hot loop ≡ timedGates + stableUntil)', () => {
    fc.assert(
      fc.property(messagesArb, nowArb, (messages, now) => {
        expect(evaluate(visitor(), messages, now).reevaluateAt).toBe(referenceReevaluateAt(visitor(), messages, now));
      }),
      { numRuns: 400 },
    );
  });

  it('law: for t in [now, reevaluateAt) the decision is the same', () => {
    let bounded = 0;
    fc.assert(
      fc.property(messagesArb, nowArb, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }), (messages, now, fractions) => {
        const d = evaluate(visitor(), messages, now);
        if (d.reevaluateAt === null) return;
        bounded += 1;
        expect(d.reevaluateAt).toBeGreaterThan(now);
        const times = [now, d.reevaluateAt - 1, ...fractions.map((f) => Math.min(d.reevaluateAt! - 1, now + Math.floor(f * (d.reevaluateAt! - now))))];
        for (const t of times) {
          const at = evaluate(visitor(), messages, t);
          expect(at.message?.id ?? null).toBe(d.message?.id ?? null);
          expect(at.eligible).toEqual(d.eligible);
        }
      }),
      { numRuns: 400 },
    );
    // The law must be exercised, not vacuous.
    expect(bounded).toBeGreaterThan(200);
  });
});
