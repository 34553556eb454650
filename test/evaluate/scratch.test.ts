/**
 * `evaluate` reuses per-list scratch arrays from call to call (a short history resets only the
 * entries it wrote). Law: a sequence of calls on one list, with visitors whose histories differ
 * (short, long, empty, frozen by the library or not), decides exactly as a fresh compile of the
 * same list for each call does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, recordDelivery, type EvaluateOptions, type Message, type Visitor } from '../../src/index.js';
import { KIT_NOW_MS, limitFieldsArb, messageListArb, visitorArb } from '../../src/testing/index.js';

const ids = Array.from({ length: 12 }, (_, i) => `msg_${i + 1}`);

/** The same messages as new objects: a list `evaluate` has never compiled. */
const fresh = (messages: readonly Message[]): Message[] => structuredClone(messages) as Message[];

describe('scratch state never leaks from one call to the next', () => {
  it('a sequence of visitors on one list decides as a fresh compile per call', () => {
    const visitor = fc.oneof(
      visitorArb({ channelId: 'web_main', messageIds: ids, maxDeliveries: 2 }),
      visitorArb({ channelId: 'web_main', messageIds: ids, maxDeliveries: 30 }),
      visitorArb({ channelId: 'web_main', messageIds: [] }),
    );
    const limited = fc.tuple(messageListArb({ status: 'live', channelId: 'web_main', minLength: 1, maxLength: 12 }), fc.array(limitFieldsArb(), { minLength: 12, maxLength: 12 })).map(([messages, limits]) => messages.map((m, i) => ({ ...m, ...limits[i] })));
    const policy: fc.Arbitrary<EvaluateOptions | undefined> = fc.constantFrom(undefined, { cooldownSeconds: 600 }, { cooldownSeconds: 60, timeZone: 'Europe/Berlin' });
    fc.assert(
      // The policy per call too: a call that reads the delivery times (a cooldown) next to calls
      // that do not, on the same list, resets only what the last call wrote.
      fc.property(limited, fc.array(fc.tuple(visitor, fc.boolean(), fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 600_000 }), fc.integer({ min: 0, max: 3 * 86_400_000 })), policy), { minLength: 2, maxLength: 8 }), (messages, calls) => {
        for (const [v, freeze, shift, options] of calls) {
          // A history the library wrote (frozen) is read through another path than a plain one.
          let visitor: Visitor = v;
          if (freeze && v.deliveries.length > 0) {
            const recorded = recordDelivery({ ...v, deliveries: v.deliveries.slice(0, -1) }, (v.deliveries.at(-1) as { messageId: string }).messageId, KIT_NOW_MS - 1000);
            if (recorded.ok) visitor = recorded.value;
          }
          const now = KIT_NOW_MS + shift;
          const reused = evaluate(visitor, messages, now, options);
          const alone = evaluate(visitor, fresh(messages), now, options);
          expect({ ...reused, message: reused.message?.id ?? null }).toStrictEqual({ ...alone, message: alone.message?.id ?? null });
        }
      }),
      { numRuns: 300 },
    );
  });
});
