/**
 * Law: parse ⇔ evaluate, on hostile input. For every message, schedule, condition tree and
 * visitor — valid documents from the kit with one to three parts broken by hostile values (wrong
 * types, bounds ± 1, holes, prototype keys, 100,000-deep trees; `test/helpers/mutate.ts`) —
 * `parse*` accepts it exactly when `evaluate` uses it, and when they refuse it they name the same
 * first issue (code, path and parameters). One checker, two modes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IssueData } from '../../src/core/issues.js';
import { evaluate, parseConditions, parseMessage, parseSchedule, parseVisitor, type Issue, type Message, type Visitor } from '../../src/index.js';
import { KIT_NOW_MS, conditionTreeArb, messageArb, scheduleArb, visitorArb } from '../../src/testing/index.js';
import { mutate, mutationArb, show, type Json } from '../helpers/mutate.js';

const RUNS = 10_000;
const NOW = KIT_NOW_MS;

/** A visitor every valid message can be evaluated for (no history). */
const VISITOR: Visitor = {
  id: 'v_law',
  channelId: 'web_main',
  visit: { id: 'visit_1', number: 2, startedAt: '2026-11-23T09:58:00Z', pageViews: 3 },
  page: { viewId: 'pv_1', url: 'https://shop.example/pricing', title: 'Pricing', enteredAt: '2026-11-23T09:59:00Z' },
  inActiveConversation: false,
  deliveries: [],
};

/** A valid live message whose schedule or conditions a case replaces. */
const BASE: Message = {
  id: 'msg_law',
  name: 'Law',
  brandId: 'brand_1',
  channelId: 'web_main',
  status: 'live',
  response: { type: 'agent', text: 'Hello', capture: [] },
  trigger: { event: 'pageLoad' },
  conditions: null,
  tags: [],
  sendWindow: { type: 'anytime' },
  frequency: 'everyTime',
  priority: 0,
  metrics: { sent: 0, read: 0, replied: 0 },
  createdAt: '2026-11-01T09:00:00Z',
  updatedAt: '2026-11-20T12:00:00Z',
};

function firstIssue(issues: readonly Issue[]): IssueData {
  const { message: _text, ...data } = issues[0] as Issue;
  return data as IssueData;
}

/** Both verdicts on one message: same acceptance, same first issue. */
function agreeOnMessage(message: Json): boolean {
  const parsed = parseMessage(message);
  const decision = evaluate(VISITOR, [message as Message], NOW);
  expect(decision.invalidInput, show(message)).toBeNull();
  if (parsed.ok) {
    expect(decision.invalid, show(message)).toStrictEqual([]);
    return true;
  }
  expect(decision.invalid.map((entry) => entry.issue), show(message)).toStrictEqual([firstIssue(parsed.issues)]);
  return false;
}

const broken = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<Json> =>
  fc.tuple(arb, fc.array(mutationArb, { minLength: 1, maxLength: 3 })).map(([valid, mutations]) => mutate(JSON.parse(JSON.stringify(valid)) as Json, mutations));

describe('law: parse ⇔ evaluate on hostile input (one checker, two modes)', () => {
  it(`messages: ${RUNS} hostile cases`, () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof({ arbitrary: broken(messageArb()), weight: 9 }, { arbitrary: messageArb(), weight: 1 }), (message) => {
        if (agreeOnMessage(message)) accepted += 1;
      }),
      { numRuns: RUNS },
    );
    // Not vacuous: both verdicts occur often.
    expect(accepted).toBeGreaterThan(RUNS / 20);
    expect(accepted).toBeLessThan(RUNS - RUNS / 20);
  });

  it(`schedules: ${RUNS} hostile cases, as a message's send window`, () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof({ arbitrary: broken(scheduleArb()), weight: 9 }, { arbitrary: scheduleArb(), weight: 1 }), (schedule) => {
        const message = { ...BASE, sendWindow: { type: 'businessHours', schedule } };
        const agree = agreeOnMessage(message);
        // The schedule's own parser agrees with the message verdict too.
        expect(parseSchedule(schedule).ok).toBe(agree);
        if (agree) accepted += 1;
      }),
      { numRuns: RUNS },
    );
    expect(accepted).toBeGreaterThan(RUNS / 20);
  });

  it(`condition trees: ${RUNS} hostile cases, as a message's conditions`, () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof({ arbitrary: broken(conditionTreeArb()), weight: 9 }, { arbitrary: conditionTreeArb(), weight: 1 }), (tree) => {
        const message = { ...BASE, conditions: tree };
        const agree = agreeOnMessage(message);
        // BASE is valid, so the message's verdict is the tree's own.
        expect(parseConditions(tree).ok).toBe(agree);
        if (agree) accepted += 1;
      }),
      { numRuns: RUNS },
    );
    expect(accepted).toBeGreaterThan(RUNS / 20);
  });

  it(`visitors: ${RUNS} hostile cases`, () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof({ arbitrary: broken(visitorArb()), weight: 9 }, { arbitrary: visitorArb(), weight: 1 }), (visitor) => {
        const parsed = parseVisitor(visitor);
        const decision = evaluate(visitor as Visitor, [BASE], NOW);
        if (parsed.ok) {
          expect(decision.invalidInput, show(visitor)).toBeNull();
          accepted += 1;
        } else {
          const first = firstIssue(parsed.issues);
          expect(decision.invalidInput, show(visitor)).toStrictEqual({ ...first, path: ['visitor', ...first.path] });
          expect(decision.message).toBeNull();
        }
      }),
      { numRuns: RUNS },
    );
    expect(accepted).toBeGreaterThan(RUNS / 20);
  });
});
