/**
 * `evaluate` reuses per-list scratch arrays from call to call (a short history resets only the
 * entries it wrote). Law: a sequence of calls on one list, with visitors whose histories differ
 * (short, long, empty, frozen by the library or not), decides exactly as a fresh compile of the
 * same list for each call does — also for a call made from inside another one on the same list
 * (a delivery's getter, read while the outer call uses the list's scratch).
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

  it('a call made while another one on the same list is deciding decides as a fresh compile, and so does the outer one', () => {
    const list = messageListArb({ status: 'live', channelId: 'web_main', minLength: 1, maxLength: 12 });
    const delivered = visitorArb({ channelId: 'web_main', messageIds: ids, maxDeliveries: 4 }).filter((v) => v.deliveries.length > 0)
      // In a conversation, a call decides before it reads the history.
      .map((v) => ({ ...v, inActiveConversation: false }));
    const other = visitorArb({ channelId: 'web_main', messageIds: ids, maxDeliveries: 4 });
    fc.assert(
      fc.property(list, delivered, other, fc.integer({ min: 0, max: 86_400_000 }), (messages, v, w, shift) => {
        const now = KIT_NOW_MS + shift;
        evaluate(w, messages, now); // compiled, its scratch made and used once
        let reads = 0;
        let inner: ReturnType<typeof evaluate> | null = null;
        const first = v.deliveries[0] as Visitor['deliveries'][number];
        // The checker reads the id first; the next read is the outer call's history pass.
        const tricky = Object.defineProperty({ ...first }, 'messageId', {
          enumerable: true,
          get() {
            reads += 1;
            if (reads === 2) inner = evaluate(w, messages, now);
            return first.messageId;
          },
        });
        const outer = evaluate({ ...v, deliveries: [tricky, ...v.deliveries.slice(1)] }, messages, now);
        expect(inner).not.toBeNull();
        const innerAlone = evaluate(w, fresh(messages), now);
        const outerAlone = evaluate(v, fresh(messages), now);
        const shape = (r: ReturnType<typeof evaluate>) => ({ ...r, message: r.message?.id ?? null });
        expect(shape(inner as unknown as ReturnType<typeof evaluate>)).toStrictEqual(shape(innerAlone));
        expect(shape(outer)).toStrictEqual(shape(outerAlone));
        // And the list goes on deciding right afterwards.
        expect(shape(evaluate(w, messages, now))).toStrictEqual(shape(innerAlone));
      }),
      { numRuns: 200 },
    );
  });
});
