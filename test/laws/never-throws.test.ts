import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, explain } from '../../src/index.js';
import type { Message, Visitor } from '../../src/core/types.js';
import { messageListArb, visitorArb } from '../../src/testing/index.js';
import { keyOf, lawScenarioArb } from './helpers.js';

const junk = fc.anything({ maxDepth: 3, withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true });
const junkNow = fc.oneof(fc.integer(), fc.double(), fc.constant(Number.NaN), fc.date({ noInvalidDate: false }), fc.constant(new Date(Number.NaN)));

describe('law: never throws', () => {
  it('evaluate and explain never throw on generated input', () => {
    fc.assert(
      fc.property(lawScenarioArb(), (s) => {
        evaluate(s.visitor, s.messages, s.now, s.options);
        expect(explain(s.visitor, s.messages, s.now, s.options)).toHaveLength(s.messages.length);
      }),
      { numRuns: 200 },
    );
  });

  it('evaluate and explain never throw on junk visitors, junk message lists and junk instants', () => {
    fc.assert(
      fc.property(fc.oneof(junk, visitorArb()), fc.oneof(fc.array(junk, { maxLength: 5 }), messageListArb()), junkNow, (visitor, messages, now) => {
        const decision = evaluate(visitor as Visitor, messages as Message[], now as number);
        expect(Array.isArray(decision.eligible)).toBe(true);
        expect(explain(visitor as Visitor, messages as Message[], now as number)).toHaveLength((messages as unknown[]).length);
      }),
      { numRuns: 300 },
    );
  });

  it('evaluate and explain never throw on a real visitor with junk in one place (a field, a page or visit field, a delivery)', () => {
    const place = fc.constantFrom('field', 'page', 'visit', 'delivery');
    const field = fc.constantFrom('page', 'visit', 'deliveries', 'metadata', 'language', 'deviceType', 'channelId', 'inActiveConversation');
    const inner = fc.constantFrom('url', 'title', 'referrer', 'enteredAt', 'viewId', 'id', 'number', 'startedAt', 'pageViews');
    fc.assert(
      fc.property(lawScenarioArb(), place, field, inner, fc.nat(), junk, (s, where, key, innerKey, at, value) => {
        const v = { ...s.visitor } as Record<string, unknown>;
        if (where === 'field') v[key] = value;
        else if (where === 'page') v.page = { ...s.visitor.page, [innerKey]: value };
        else if (where === 'visit') v.visit = { ...s.visitor.visit, [innerKey]: value };
        else {
          const deliveries: unknown[] = [...s.visitor.deliveries];
          deliveries.splice(at % (deliveries.length + 1), 0, value);
          v.deliveries = deliveries;
        }
        const decision = evaluate(v as unknown as Visitor, s.messages, s.now);
        expect(Array.isArray(decision.eligible)).toBe(true);
        expect(explain(v as unknown as Visitor, s.messages, s.now)).toHaveLength(s.messages.length);
      }),
      { numRuns: 500 },
    );
  });

  it('junk messages are skipped and reported; the valid ones decide exactly as without them', () => {
    fc.assert(
      fc.property(lawScenarioArb(), fc.array(fc.tuple(fc.nat(), junk), { maxLength: 4 }), (s, inserts) => {
        const mixed: unknown[] = [...s.messages];
        for (const [at, item] of inserts) mixed.splice(at % (mixed.length + 1), 0, item);
        const decision = evaluate(s.visitor, mixed as Message[], s.now, s.options);
        expect(decision.invalid.length).toBe(inserts.length);
        expect(keyOf(decision)).toEqual(keyOf(evaluate(s.visitor, s.messages, s.now, s.options)));
      }),
      { numRuns: 200 },
    );
  });
});
