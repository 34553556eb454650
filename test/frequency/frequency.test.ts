import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import vectors from './vectors.json' with { type: 'json' };
import {
  compactDeliveries,
  evaluate,
  LIMITS,
  markDelivery,
  parseVisitor,
  recordDelivery,
  type Decision,
  type Delivery,
  type Frequency,
  type Message,
  type Result,
  type Visitor,
} from '../../src/index.js';
import { FREQUENCY_CAP, indexDeliveries } from '../../src/frequency/history.js';
import { KIT_NOW_MS, evaluateOptionsArb, instantNearDstArb, messageListArb, visitorArb } from '../../src/testing/index.js';
import { T0, deepFreeze, message, visitor } from '../evaluate/fixtures.js';

function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

function deliveriesOf(rows: readonly (readonly [string, string, boolean])[]): Delivery[] {
  return rows.map(([visitId, pageViewId, dismissed]) => ({
    messageId: 'm',
    at: '2026-11-01T00:00:00Z',
    visitId,
    pageViewId,
    ...(dismissed ? { dismissed: true } : {}),
  }));
}

/** The frequency rule: a delivery is allowed unless the history flag of the frequency's cap is set. */
const allowed = (frequency: Frequency, v: Visitor): boolean => indexDeliveries(v).get('m')?.[FREQUENCY_CAP[frequency]] !== true;

describe('frequency × history vectors', () => {
  it.each(vectors.cases)('$name → allowed: $allowed', (c) => {
    const v = visitor({ deliveries: deliveriesOf(c.deliveries as [string, string, boolean][]) });
    expect(allowed(c.frequency as Frequency, v)).toBe(c.allowed);
    // The same answer from evaluate: a new delivery (not the one already on screen) is due exactly when allowed.
    const d = evaluate(v, [message('m', { frequency: c.frequency as Frequency })], T0);
    expect(d.invalid).toEqual([]);
    expect(d.message !== null && !d.onScreen).toBe(c.allowed);
  });
});

describe('recordDelivery', () => {
  it('appends a delivery in the current visit and page view without touching the input', () => {
    const v = deepFreeze(visitor());
    const next = unwrap(recordDelivery(v, 'msg_1', T0 + 5000));
    expect(v.deliveries).toHaveLength(0);
    expect(next.deliveries).toEqual([{ messageId: 'msg_1', at: '2026-11-23T10:00:05.000Z', visitId: 'visit_9', pageViewId: 'pv_3' }]);
    expect(parseVisitor(next).ok).toBe(true);
  });

  it('accepts a Date or an ISO-8601 string with an offset for now', () => {
    expect(unwrap(recordDelivery(visitor(), 'm', new Date(T0))).deliveries[0]?.at).toBe('2026-11-23T10:00:00.000Z');
    expect(unwrap(recordDelivery(visitor(), 'm', '2026-11-23T11:00:00+01:00')).deliveries[0]?.at).toBe('2026-11-23T10:00:00.000Z');
  });

  it('fails (never throws) on an invalid now, message id or visitor', () => {
    const codes = (result: Result<Visitor>) => (result.ok ? [] : result.issues.map((i) => [i.path, i.code]));
    for (const now of [Number.NaN, Infinity, null, '2026-11-23T10:00:00', '2026-02-30T10:00:00Z', 8.64e15, undefined]) {
      expect(codes(recordDelivery(visitor(), 'm', now as never))).toEqual([[['now'], 'invalidInstant']]);
    }
    expect(codes(recordDelivery(visitor(), '', T0))).toEqual([[['messageId'], 'tooSmall']]);
    // An argument's name first, as for messageId and now (and in evaluate).
    expect(codes(recordDelivery(null as unknown as Visitor, 'm', T0))).toEqual([[['visitor'], 'invalidType']]);
  });

  /** A visitor with `count` deliveries of messages `m0`, `m1`, … in earlier visits, oldest first. */
  function loyalVisitor(count: number, messageOf: (i: number) => string): Visitor {
    const start = Date.parse('2025-01-01T00:00:00Z');
    const deliveries: Delivery[] = Array.from({ length: count }, (_, i) => ({
      messageId: messageOf(i),
      at: new Date(start + i * 3_600_000).toISOString(),
      visitId: `visit_old_${i}`,
      pageViewId: 'pv_1',
      dismissed: true,
    }));
    return visitor({ deliveries });
  }

  // Issue 12: 0.1 appended forever, and parseVisitor rejects more than 1,000 deliveries, so a
  // loyal returning visitor silently stopped seeing anything.
  it('never produces a history over LIMITS.deliveries (appending to a 1,000-delivery visitor)', () => {
    for (const messageOf of [(i: number) => `m${i % 7}`, (i: number) => `m${i}`, () => 'same']) {
      let v = loyalVisitor(LIMITS.deliveries, messageOf);
      expect(parseVisitor(v).ok).toBe(true);
      for (let k = 0; k < 30; k += 1) {
        v = unwrap(recordDelivery(v, k % 2 === 0 ? 'fresh' : 'm1', T0 + k));
        expect(v.deliveries.length).toBeLessThanOrEqual(LIMITS.deliveries);
        expect(v.deliveries[v.deliveries.length - 1]).toEqual({ messageId: k % 2 === 0 ? 'fresh' : 'm1', at: new Date(T0 + k).toISOString(), visitId: 'visit_9', pageViewId: 'pv_3' });
      }
      expect(parseVisitor(v).ok).toBe(true);
      expect(evaluate(v, [message('fresh')], T0 + 30).invalidInput).toBeNull();
    }
  });

  // Frequency monotonicity through recordDelivery: bounding the history must not forget that a
  // `once` message was shown while the history names far fewer messages than it can hold.
  it('keeping the history bounded never re-enables a once message (61 messages in 1,000 deliveries)', () => {
    // `onceOnly` delivered first; then 60 other messages, 16–17 deliveries each (≤ 20 per message).
    const v = loyalVisitor(LIMITS.deliveries, (i) => (i === 0 ? 'onceOnly' : `m${i % 60}`));
    const messages = [message('onceOnly', { frequency: 'once' })];
    expect(evaluate(v, messages, T0).message).toBeNull(); // shown once, long ago
    const next = unwrap(recordDelivery(v, 'fresh', T0));
    expect(next.deliveries.length).toBeLessThanOrEqual(LIMITS.deliveries);
    expect(evaluate(next, messages, T0).message).toBeNull();
  });
});

describe('markDelivery', () => {
  it('marks the latest delivery of the message in this page view and leaves older ones alone', () => {
    const v = deepFreeze(
      visitor({
        deliveries: [
          { messageId: 'm', at: '2026-11-20T00:00:00Z', visitId: 'visit_1', pageViewId: 'pv_3' },
          { messageId: 'm', at: '2026-11-23T10:00:00Z', visitId: 'visit_9', pageViewId: 'pv_3' },
        ],
      }),
    );
    const next = unwrap(markDelivery(v, 'm', 'dismissed'));
    expect(next.deliveries[0]).toEqual(v.deliveries[0]);
    expect(next.deliveries[1]).toMatchObject({ dismissed: true });
    expect(indexDeliveries(next).get('m')?.onScreen).toBe(false);
    expect(indexDeliveries(v).get('m')?.onScreen).toBe(true);
    const closed = unwrap(markDelivery(v, 'm', 'closed'));
    expect(closed.deliveries[1]).toMatchObject({ closed: true });
    expect(closed.deliveries[1]).not.toHaveProperty('dismissed');
  });

  it('returns the same visitor when there is nothing to mark', () => {
    const v = visitor();
    expect(markDelivery(v, 'm', 'closed')).toEqual({ ok: true, value: v });
    expect(unwrap(markDelivery(v, 'm', 'closed'))).toBe(v);
  });

  // Issue 12: 0.1's `markDelivery(v, id, 'dismised')` wrote a junk key.
  it('refuses an unknown outcome instead of writing a junk key', () => {
    const v = visitor({ deliveries: [{ messageId: 'm', at: '2026-11-23T10:00:00Z', visitId: 'visit_9', pageViewId: 'pv_3' }] });
    const result = markDelivery(v, 'm', 'dismised' as never);
    expect(!result.ok && result.issues.map((i) => [i.path, i.code, i.params])).toEqual([[['outcome'], 'invalidValue', { allowed: ['dismissed', 'closed'] }]]);
  });
});

describe('frequency monotonicity', () => {
  const frequency = fc.constantFrom<Frequency>('once', 'oncePerVisit', 'everyTime');
  const row = fc.tuple(fc.constantFrom('visit_8', 'visit_9'), fc.constantFrom('pv_2', 'pv_3'), fc.boolean());
  it('more deliveries never re-enable a message', () => {
    fc.assert(
      fc.property(frequency, fc.array(row, { maxLength: 5 }), fc.array(row, { maxLength: 5 }), (f, before, extra) => {
        const few = visitor({ deliveries: deliveriesOf(before) });
        const more = visitor({ deliveries: deliveriesOf([...before, ...extra]) });
        // allowed(more) ⇒ allowed(few)
        expect(!allowed(f, more) || allowed(f, few)).toBe(true);
      }),
    );
  });
});

describe('compactDeliveries', () => {
  const MESSAGE_IDS = Array.from({ length: 8 }, (_, i) => `msg_${i + 1}`);
  // `now`: the kit's default instant, or one near a DST transition (business-hours windows flip there).
  const nows = fc.sample(fc.oneof(fc.constant(KIT_NOW_MS), instantNearDstArb({ zones: ['Europe/Berlin', 'America/New_York'] })), { numRuns: 6, seed: 42 });
  const perNow = [...new Set([KIT_NOW_MS, ...nows])].map((now) =>
    fc.record({
      now: fc.constant(now),
      messages: messageListArb({ now, minLength: 1, maxLength: 8, channelId: ['web_main', 'web_main', 'web_main', 'web_help'], status: ['live', 'live', 'live', 'paused'], limits: true }),
      options: fc.option(evaluateOptionsArb(), { nil: undefined }),
      visitor: visitorArb({ now, channelId: 'web_main', messageIds: MESSAGE_IDS, maxDeliveries: 14, inActiveConversation: false }),
      // Later instants of the same page view: a little later, past common thresholds, hours later.
      later: fc.array(fc.oneof(fc.integer({ min: 1, max: 120_000 }), fc.integer({ min: 1, max: 12 * 3_600_000 })), { minLength: 1, maxLength: 3 }),
      // Sometimes a history out of time order (a clock that went back, merged sources).
      order: fc.option(fc.array(fc.nat(), { minLength: 14, maxLength: 14 }), { nil: undefined }),
    }),
  );
  const scenario = fc.oneof(...perNow);
  const decisionOf = (d: Decision) => ({ message: d.message?.id ?? null, eligible: d.eligible, heldOut: d.heldOut, reevaluateAt: d.reevaluateAt, onScreen: d.onScreen, invalidInput: d.invalidInput });

  it('evaluate gives the same decision for the compacted visitor, at now and at later instants of the page view', () => {
    let dropped = 0;
    fc.assert(
      fc.property(scenario, ({ now, messages, visitor: original, later, options, order }) => {
        const v = order === undefined ? original : { ...original, deliveries: original.deliveries.map((d, i) => [order[i] ?? 0, d] as const).sort((a, b) => a[0] - b[0]).map(([, d]) => d) };
        const compacted = unwrap(compactDeliveries(v, messages, now));
        if (compacted.deliveries.length < v.deliveries.length) dropped += 1;
        expect(parseVisitor(compacted).ok).toBe(true);
        for (const t of [now, ...later.map((d) => now + d)]) {
          expect(decisionOf(evaluate(compacted, messages, t, options))).toEqual(decisionOf(evaluate(v, messages, t, options)));
        }
      }),
      { numRuns: 1_000 },
    );
    // Compaction must actually drop deliveries in many cases, or the property proves nothing.
    expect(dropped).toBeGreaterThan(150);
  });

  // Found by the property above (seed -739579862): what is on screen is the last delivery of this
  // page view in list order, whatever its message; compaction once kept only each message's latest
  // and the latest by `at`, and could drop it. Expected decisions worked out by hand from the rule.
  it('keeps the last delivery of this page view, which decides what is on screen', () => {
    const at = (ms: number) => new Date(T0 + ms).toISOString();
    const here = { visitId: 'visit_9', pageViewId: 'pv_3' };
    const m = message('m', { frequency: 'once' });
    const x = message('x', { frequency: 'once' });
    // `m` shown on this page view, then listed after it an earlier page view's delivery at the same
    // instant: `m` is on screen (the one delivery of this page view, not dismissed).
    const outOfOrder = visitor({ deliveries: [{ messageId: 'm', at: at(-1000), ...here }, { messageId: 'm', at: at(-1000), visitId: 'visit_9', pageViewId: 'pv_2' }] });
    // The last delivery of this page view is of a deleted message: nothing is on screen, and `m`
    // and `x` are spent (`once`), so nothing is shown.
    const deleted = visitor({
      deliveries: [
        { messageId: 'm', at: at(-1000), ...here },
        { messageId: 'gone', at: at(-3000), ...here },
        { messageId: 'x', at: at(-2000), visitId: 'visit_1', pageViewId: 'pv_1' },
        { messageId: 'm', at: at(-500), visitId: 'visit_9', pageViewId: 'pv_2' },
      ],
    });
    const cases = [
      { v: outOfOrder, list: [m], message: 'm', onScreen: true },
      { v: deleted, list: [m, x], message: null, onScreen: false },
    ];
    for (const c of cases) {
      const compacted = unwrap(compactDeliveries(c.v, c.list, T0));
      for (const v of [c.v, compacted]) {
        const d = evaluate(v, c.list, T0);
        expect({ message: d.message?.id ?? null, onScreen: d.onScreen }).toEqual({ message: c.message, onScreen: c.onScreen });
      }
    }
  });

  it('is idempotent, never grows the history, keeps order, and never mutates its input', () => {
    fc.assert(
      fc.property(scenario, ({ now, messages, visitor: v }) => {
        deepFreeze(v);
        deepFreeze(messages);
        const once = unwrap(compactDeliveries(v, messages, now));
        const twice = unwrap(compactDeliveries(once, messages, now));
        expect(twice).toEqual(once);
        expect(once.deliveries.length).toBeLessThanOrEqual(v.deliveries.length);
        // A subsequence of the original history, in order, with every delivery unchanged (copies:
        // the compacted history is frozen and the input's objects are never frozen).
        let j = 0;
        for (const d of once.deliveries) {
          while (j < v.deliveries.length && JSON.stringify(v.deliveries[j]) !== JSON.stringify(d)) j += 1;
          expect(j).toBeLessThan(v.deliveries.length);
          j += 1;
        }
        expect({ ...once, deliveries: [] }).toEqual({ ...v, deliveries: [] });
      }),
      { numRuns: 500 },
    );
  });

  it('returns a frozen history that evaluate accepts unread, and drops deleted messages', () => {
    const base = unwrap(recordDelivery(visitor({ deliveries: [] }), 'gone', T0));
    const kept = unwrap(recordDelivery(base, 'kept', T0));
    expect(Object.isFrozen(kept.deliveries)).toBe(true);
    expect(kept.deliveries.every((d) => Object.isFrozen(d))).toBe(true);
    const compacted = unwrap(compactDeliveries({ ...kept, deliveries: [...kept.deliveries, kept.deliveries[1] as Delivery] }, [message('kept', { frequency: 'once' })], T0));
    // `kept` once: its latest only. `gone` is in no list, but its delivery is the latest of another
    // message than the latest one, where a cooldown of `kept` would start: kept for that.
    expect(compacted.deliveries.map((d) => d.messageId)).toEqual(['gone', 'kept']);
    const older = unwrap(recordDelivery(unwrap(recordDelivery(kept, 'gone', T0)), 'kept', T0));
    // Of `gone`, only the latest delivery stays (the earlier one is no cooldown's start).
    expect(unwrap(compactDeliveries(older, [message('kept', { frequency: 'once' })], T0)).deliveries.map((d) => d.messageId)).toEqual(['gone', 'kept']);
    expect(Object.isFrozen(compacted.deliveries)).toBe(true);
    // A copy of the frozen history (not vouched) is checked in full: a bad delivery in it is reported.
    const tampered = { ...compacted, deliveries: [...compacted.deliveries, { messageId: '', at: 'x', visitId: 'v', pageViewId: 'p' }] };
    expect(evaluate(tampered, [], T0).invalidInput?.code).toBe('tooSmall');
  });

  it('keeps the latest by `at` for oncePer and snooze, whatever the order of the history', () => {
    const at = (iso: string, messageId: string, extra: Partial<Delivery> = {}): Delivery => ({ messageId, at: iso, visitId: 'visit_old', pageViewId: 'pv_old', ...extra });
    const now = Date.parse('2026-11-23T10:00:00Z');
    // Today's delivery of `a` listed before yesterday's, then another message's.
    const daily = visitor({ deliveries: [at('2026-11-23T08:00:00Z', 'a'), at('2026-11-22T08:00:00Z', 'a'), at('2026-11-23T09:00:00Z', 'b'), at('2026-11-23T09:30:00Z', 'c')] });
    const list = [message('a', { frequency: 'everyTime', oncePer: 'day' }), message('b', { frequency: 'once' }), message('c', { frequency: 'once' })];
    const compacted = unwrap(compactDeliveries(daily, list, now));
    expect(compacted.deliveries.map((d) => d.at)).toContain('2026-11-23T08:00:00Z');
    expect(evaluate(compacted, list, now).eligible).toEqual(evaluate(daily, list, now).eligible);
    expect(evaluate(compacted, list, now).eligible).toEqual([]);
    // The later of two dismissals decides the snooze.
    const snoozed = visitor({ deliveries: [at('2026-11-23T09:59:00Z', 'a', { dismissed: true }), at('2026-11-23T09:00:00Z', 'a', { dismissed: true }), at('2026-11-23T09:59:30Z', 'b'), at('2026-11-23T09:59:40Z', 'c')] });
    const snoozing = [message('a', { frequency: 'everyTime', snoozeSeconds: 3_600 }), message('b', { frequency: 'once' }), message('c', { frequency: 'once' })];
    const kept = unwrap(compactDeliveries(snoozed, snoozing, now));
    expect(evaluate(kept, snoozing, now).reevaluateAt).toBe(Date.parse('2026-11-23T10:59:00Z'));
    expect(evaluate(snoozed, snoozing, now).reevaluateAt).toBe(Date.parse('2026-11-23T10:59:00Z'));
  });

  it('keeps per message only what its frequency needs, and the latest delivery of all', () => {
    const d = (messageId: string, visitId: string, pageViewId: string, extra: Partial<Delivery> = {}): Delivery => ({ messageId, at: '2026-11-23T09:00:00Z', visitId, pageViewId, ...extra });
    const history = [
      d('once', 'visit_1', 'pv_1'), // dropped: a later delivery of `once` exists
      d('once', 'visit_8', 'pv_1'), // kept: the latest of `once`
      d('visit', 'visit_8', 'pv_1'), // dropped: an earlier visit
      d('visit', 'visit_9', 'pv_1'), // kept: the latest in this visit
      d('every', 'visit_9', 'pv_1'), // dropped: an earlier page view
      d('every', 'visit_9', 'pv_3', { dismissed: true }), // kept: the latest in this page view
      d('gone', 'visit_9', 'pv_3'), // kept: the latest delivery of all (it may be on screen)
    ];
    const messages = [message('once', { frequency: 'once' }), message('visit', { frequency: 'oncePerVisit' }), message('every', { frequency: 'everyTime' })];
    const compacted = unwrap(compactDeliveries(visitor({ deliveries: history }), messages, T0));
    expect(compacted.deliveries).toEqual([history[1], history[3], history[5], history[6]]);
  });

  it('fails (never throws) on invalid input', () => {
    const codes = (result: Result<Visitor>) => (result.ok ? [] : result.issues.map((i) => [i.path, i.code]));
    expect(codes(compactDeliveries(visitor(), [], 'soon' as never))).toEqual([[['now'], 'invalidInstant']]);
    expect(codes(compactDeliveries(visitor(), 'all' as never, T0))).toEqual([[['messages'], 'invalidType']]);
    expect(codes(compactDeliveries(visitor(), { length: 22_567_486.5 } as never, T0))).toEqual([[['messages'], 'invalidType']]);
    expect(codes(compactDeliveries(visitor(), new Array<Message>(LIMITS.listMessages + 1), T0))).toEqual([[['messages'], 'tooBig']]);
    expect(codes(compactDeliveries({} as Visitor, [], T0))[0]?.[1]).toBe('required');
  });
});
