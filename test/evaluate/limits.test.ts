/**
 * The time-aware limits, case by case with hand-worked instants: start and end instants, the
 * account's and a message's cooldown, snooze, delivery cap, one per day / week in a time zone,
 * rollout and hold-out — each through `evaluate` (decision and `reevaluateAt`) and `explain`
 * (reason and the instant it lifts). Rollout buckets against GrowthBook's published vectors and a
 * binomial bound; periods against `Intl`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, explain, parseMessage, type Delivery, type EvaluateOptions, type Message, type Visitor } from '../../src/index.js';
import { bucketOf, inHoldout, inRollout } from '../../src/frequency/rollout.js';
import { periodAt } from '../../src/schedule/period.js';
import { KIT_TIME_ZONES } from '../../src/testing/pools.js';
import { T0, message, visitor } from './fixtures.js';

const MIN = 60_000;
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** A delivery of `messageId` at `at`, in this visit's earlier page view `pv_2` unless said otherwise. */
function delivery(messageId: string, at: number, extra: Partial<Delivery> = {}): Delivery {
  return { messageId, at: iso(at), visitId: 'visit_9', pageViewId: 'pv_2', ...extra };
}

function decide(messages: Message[], v: Visitor = visitor(), now = T0, options?: EvaluateOptions) {
  const d = evaluate(v, messages, now, options);
  expect(d.invalidInput).toBeNull();
  expect(d.invalid).toEqual([]);
  return d;
}

function verdict(messages: Message[], id: string, v: Visitor = visitor(), now = T0, options?: EvaluateOptions) {
  const found = explain(v, messages, now, options).find((x) => x.id === id);
  if (found === undefined) throw new Error(`no verdict for ${id}`);
  return found;
}

function gate(messages: Message[], id: string, name: string, v: Visitor = visitor(), now = T0, options?: EvaluateOptions) {
  return verdict(messages, id, v, now, options).gates.find((g) => g.gate === name);
}

describe('activeFrom / activeUntil', () => {
  const later = message('a', { activeFrom: '2026-11-23T11:00:00Z' });
  it('a message that has not started waits, and asks again when it starts', () => {
    const d = decide([later]);
    expect(d.eligible).toEqual([]);
    expect(d.reevaluateAt).toBe(T0 + HOUR);
    expect(verdict([later], 'a').reason).toBe('notStarted');
    expect(gate([later], 'a', 'activeFrom')).toMatchObject({ passed: false, startsAt: T0 + HOUR });
    // At the instant itself it starts (inclusive).
    expect(decide([later], visitor(), T0 + HOUR).eligible).toEqual(['a']);
  });
  const ending = message('a', { activeUntil: '2026-11-23T10:30:00Z' });
  it('a message that ends is eligible until then, and not from that instant on (exclusive)', () => {
    expect(decide([ending])).toMatchObject({ eligible: ['a'], reevaluateAt: T0 + 30 * MIN });
    expect(decide([ending], visitor(), T0 + 30 * MIN - 1).eligible).toEqual(['a']);
    expect(decide([ending], visitor(), T0 + 30 * MIN)).toMatchObject({ eligible: [], reevaluateAt: null });
    expect(verdict([ending], 'a', visitor(), T0 + 30 * MIN).reason).toBe('ended');
  });
  it('activeUntil must come after activeFrom', () => {
    const r = parseMessage(message('a', { activeFrom: '2026-11-23T11:00:00Z', activeUntil: '2026-11-23T11:00:00Z' }));
    expect(r.ok ? [] : r.issues.map((i) => [i.path, i.code])).toEqual([[['activeUntil'], 'invalidRange']]);
  });
});

describe('cooldown', () => {
  // `b` was delivered 5 minutes ago (on the previous page view) and is capped for the visit.
  const history = visitor({ deliveries: [delivery('b', T0 - 5 * MIN)] });
  const b = message('b', { frequency: 'oncePerVisit' });
  it("the account's cooldown holds every other message from the latest delivery, and lifts at its end", () => {
    const options = { cooldownSeconds: 600 };
    const d = decide([message('a'), b], history, T0, options);
    expect(d).toMatchObject({ eligible: [], reevaluateAt: T0 + 5 * MIN });
    expect(verdict([message('a'), b], 'a', history, T0, options).reason).toBe('coolingDown');
    expect(gate([message('a'), b], 'a', 'cooldown', history, T0, options)).toMatchObject({ passed: false, cooldownUntil: T0 + 5 * MIN });
    expect(decide([message('a'), b], history, T0 + 5 * MIN, options).eligible).toEqual(['a']);
    // Without the option: no cooldown.
    expect(decide([message('a'), b], history).eligible).toEqual(['a']);
  });
  it("a message's own cooldown overrides the account's; 0 ignores it", () => {
    const options = { cooldownSeconds: 600 };
    expect(decide([message('a', { cooldownSeconds: 0 }), b], history, T0, options).eligible).toEqual(['a']);
    expect(decide([message('a', { cooldownSeconds: 60 }), b], history, T0, options).eligible).toEqual(['a']);
    expect(decide([message('a', { cooldownSeconds: 3_600 }), b], history).reevaluateAt).toBe(T0 + 55 * MIN);
  });
  it('does not hold back the message delivered last (its own frequency decides)', () => {
    const d = decide([message('a'), message('b')], history, T0, { cooldownSeconds: 600 });
    expect(d).toMatchObject({ eligible: ['b'], reevaluateAt: T0 + 5 * MIN });
  });
  it("each message waits from the latest delivery of another one (so more history never shortens a wait)", () => {
    // a at 09:59, b at 09:58, both every time: b waits from a's delivery (until 10:09), a from b's (until 10:08).
    const v = visitor({ deliveries: [delivery('a', T0 - MIN), delivery('b', T0 - 2 * MIN)] });
    const d = decide([message('a'), message('b')], v, T0, { cooldownSeconds: 600 });
    expect(d).toMatchObject({ eligible: [], reevaluateAt: T0 + 8 * MIN });
    expect(gate([message('a'), message('b')], 'b', 'cooldown', v, T0, { cooldownSeconds: 600 })).toMatchObject({ cooldownUntil: T0 + 9 * MIN });
    expect(decide([message('a'), message('b')], v, T0 + 8 * MIN, { cooldownSeconds: 600 }).eligible).toEqual(['a']);
  });
  it('is measured from the latest delivery by `at`, not by position in the history', () => {
    const v = visitor({ deliveries: [delivery('b', T0 - 1 * MIN), delivery('c', T0 - 30 * MIN)] });
    expect(decide([message('a'), b, message('c', { frequency: 'once' })], v, T0, { cooldownSeconds: 600 }).reevaluateAt).toBe(T0 + 9 * MIN);
  });
});

describe('snooze', () => {
  const a = message('a', { snoozeSeconds: 3_600 });
  it('after a dismissal, not again until the snooze ends (from the delivery), then again', () => {
    const v = visitor({ deliveries: [delivery('a', T0 - MIN, { dismissed: true })] });
    expect(decide([a], v)).toMatchObject({ eligible: [], reevaluateAt: T0 + 59 * MIN });
    expect(verdict([a], 'a', v).reason).toBe('snoozed');
    expect(gate([a], 'a', 'snooze', v)).toMatchObject({ passed: false, snoozedUntil: T0 + 59 * MIN });
    expect(decide([a], v, T0 + 59 * MIN).eligible).toEqual(['a']);
  });
  it('a close snoozes too; a delivery that was neither dismissed nor closed does not', () => {
    expect(decide([a], visitor({ deliveries: [delivery('a', T0 - MIN, { closed: true })] })).eligible).toEqual([]);
    expect(decide([a], visitor({ deliveries: [delivery('a', T0 - MIN)] })).eligible).toEqual(['a']);
  });
});

describe('maxDeliveries', () => {
  const a = message('a', { maxDeliveries: 2 });
  const old = (n: number) => Array.from({ length: n }, (_, i) => delivery('a', T0 - (i + 2) * 86_400_000, { visitId: `visit_${i}`, pageViewId: 'pv_1' }));
  it('stops after N deliveries, for good', () => {
    expect(decide([a], visitor({ deliveries: old(1) })).eligible).toEqual(['a']);
    const capped = visitor({ deliveries: old(2) });
    expect(decide([a], capped)).toMatchObject({ eligible: [], reevaluateAt: null });
    expect(verdict([a], 'a', capped).reason).toBe('deliveryLimitReached');
    expect(gate([a], 'a', 'maxDeliveries', capped)).toMatchObject({ passed: false, delivered: 2, maxDeliveries: 2 });
  });
});

describe('oncePer: calendar days and weeks in the account time zone', () => {
  // T0 is Monday 2026-11-23 10:00 UTC: 05:00 in New York (EST), 19:00 in Tokyo.
  const earlierVisit = (at: number) => visitor({ deliveries: [delivery('a', at, { visitId: 'visit_8', pageViewId: 'pv_1' })] });
  const daily = message('a', { oncePer: 'day' });
  it('UTC by default: delivered today (08:00) caps until the next UTC midnight', () => {
    const v = earlierVisit(Date.parse('2026-11-23T08:00:00Z'));
    expect(decide([daily], v)).toMatchObject({ eligible: [], reevaluateAt: Date.parse('2026-11-24T00:00:00Z') });
    expect(gate([daily], 'a', 'oncePer', v)).toMatchObject({ passed: false, nextPeriodAt: Date.parse('2026-11-24T00:00:00Z') });
    expect(verdict([daily], 'a', v).reason).toBe('periodCapped');
  });
  it('in the account zone: the same delivery caps until midnight there', () => {
    const v = earlierVisit(Date.parse('2026-11-23T08:00:00Z'));
    expect(decide([daily], v, T0, { timeZone: 'America/New_York' }).reevaluateAt).toBe(Date.parse('2026-11-24T05:00:00Z'));
    expect(decide([daily], v, T0, { timeZone: 'Asia/Tokyo' }).reevaluateAt).toBe(Date.parse('2026-11-23T15:00:00Z'));
  });
  it('a delivery yesterday in UTC is today in Tokyo', () => {
    const v = earlierVisit(Date.parse('2026-11-22T20:00:00Z'));
    expect(decide([daily], v).eligible).toEqual(['a']);
    expect(decide([daily], v, T0, { timeZone: 'Asia/Tokyo' }).eligible).toEqual([]);
  });
  it('weeks start on Monday', () => {
    const weekly = message('a', { oncePer: 'week' });
    expect(decide([weekly], earlierVisit(Date.parse('2026-11-22T12:00:00Z'))).eligible).toEqual(['a']);
    expect(decide([weekly], earlierVisit(Date.parse('2026-11-23T08:00:00Z'))).reevaluateAt).toBe(Date.parse('2026-11-30T00:00:00Z'));
  });
  it('periodAt agrees with Intl: the start is the first instant of the local day (or Monday), the end the next one', () => {
    const dayOf = (zone: string, t: number) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(t);
    const weekdayOf = (zone: string, t: number) => new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short' }).format(t);
    fc.assert(
      fc.property(fc.constantFrom(...KIT_TIME_ZONES, 'America/Santiago', 'Asia/Beirut'), fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 11, 31) }), fc.constantFrom('day' as const, 'week' as const), (zone, at, kind) => {
        const [start, end] = periodAt(zone, kind, at);
        expect(start).toBeLessThanOrEqual(at);
        expect(end).toBeGreaterThan(at);
        // The local date changes exactly at the start and at the end (to the second).
        expect(dayOf(zone, start)).not.toBe(dayOf(zone, start - 1000));
        expect(dayOf(zone, end)).not.toBe(dayOf(zone, end - 1000));
        if (kind === 'day') expect(dayOf(zone, start)).toBe(dayOf(zone, at));
        else {
          expect(weekdayOf(zone, start)).toBe('Mon');
          expect(weekdayOf(zone, end)).toBe('Mon');
          expect(end - start).toBeGreaterThan(6 * 86_400_000);
          expect(end - start).toBeLessThan(8 * 86_400_000);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('rollout and hold-out', () => {
  it('a percent counts to its nearest hundredth, halves up as written in decimal (1.005 is 1.01 although 1.005 * 100 < 100.5)', () => {
    // A visitor whose bucket is exactly 0.0100 (basis point 100), found by search: in at 1.01 %, out at 1.00 %.
    const ids = Array.from({ length: 200_000 }, (_, i) => `v_${i}`);
    const id = ids.find((v) => Math.round(bucketOf('msg_round', v) * 10_000) === 100) as string;
    expect(id).toBeDefined();
    expect(1.005 * 100).toBeLessThan(100.5); // the binary product the rule must not trust
    expect(inRollout('msg_round', id, 1.005)).toBe(true); // 1.01 %: basis points 0–100
    expect(inRollout('msg_round', id, 1.01)).toBe(true);
    expect(inRollout('msg_round', id, 1.004)).toBe(false); // 1.00 %: basis points 0–99
    expect(inRollout('msg_round', id, 1)).toBe(false);
    expect(inRollout('msg_round', id, 1.1)).toBe(true); // 1.1 * 100 is 110.00000000000001: 110 bp
  });

  it("buckets are GrowthBook's hash version 2 (its published test vectors)", () => {
    // From growthbook/growthbook packages/sdk-js/test/cases.json, "hash" cases of version 2.
    const vectors: [string, string, number][] = [
      ['seed', 'a', 0.0505],
      ['seed', 'b', 0.2696],
      ['foo', 'ab', 0.2575],
      ['foo', 'def', 0.2019],
      ['89123klj', '8952klfjas09ujkasdf', 0.124],
      ['90850943850283058242805', '123', 0.7516],
      ['()**(%$##$%#$#', '___)((*":&', 0.0128],
    ];
    for (const [seed, value, expected] of vectors) expect(bucketOf(seed, value)).toBe(expected);
  });
  it('rollout 0 shows to nobody, 100 to everybody; a visitor out of the rollout never qualifies', () => {
    expect(decide([message('a', { rolloutPercent: 0 })])).toMatchObject({ eligible: [], reevaluateAt: null });
    expect(verdict([message('a', { rolloutPercent: 0 })], 'a').reason).toBe('notInRollout');
    expect(decide([message('a', { rolloutPercent: 100 })]).eligible).toEqual(['a']);
  });
  it('a held-out visitor qualifies but is never shown: listed in heldOut, the next message wins', () => {
    const messages = [message('a', { holdoutPercent: 100, priority: 5, activeUntil: '2026-11-23T10:30:00Z' }), message('b')];
    const d = decide(messages);
    expect(d).toMatchObject({ eligible: ['b'], heldOut: ['a'], reevaluateAt: T0 + 30 * MIN });
    expect(d.message?.id).toBe('b');
    expect(verdict(messages, 'a').reason).toBe('heldOut');
  });
  it('over 100,000 random visitor ids, a 30 % rollout reaches 30 % within a binomial bound', () => {
    // σ = √(n p (1 − p)) ≈ 144.9; ±5σ: a false failure with probability < 1e-6.
    const ids = fc.sample(fc.string({ minLength: 1, maxLength: 24 }), { numRuns: 100_000, seed: 20261201 });
    const n = ids.length;
    const sigma = Math.sqrt(n * 0.3 * 0.7);
    const inside = ids.filter((id) => inRollout('msg_pricing', id, 30)).length;
    expect(Math.abs(inside - 0.3 * n)).toBeLessThan(5 * sigma);
    // The hold-out bucket is independent of the rollout one: 20 % of the rolled-out visitors.
    const rolled = ids.filter((id) => inRollout('msg_pricing', id, 30));
    const held = rolled.filter((id) => inHoldout('msg_pricing', id, 20)).length;
    expect(Math.abs(held - 0.2 * rolled.length)).toBeLessThan(5 * Math.sqrt(rolled.length * 0.2 * 0.8));
  });
  it('sticky: the bucket depends only on the two ids — not on now, the order, other messages, or raising the rollout', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: -HOUR, max: HOUR }), (id, p, q, shift) => {
        const v = visitor({ id });
        const a = message('a', { rolloutPercent: Math.min(p, q) });
        const wider = message('a', { rolloutPercent: Math.max(p, q) });
        const alone = decide([a], v).eligible.includes('a');
        expect(decide([message('z', { priority: -1 }), a], v, T0 + shift).eligible.includes('a')).toBe(alone);
        // Raising the rollout only adds visitors.
        if (alone) expect(decide([wider], v).eligible).toContain('a');
      }),
      { numRuns: 300 },
    );
  });
  it('hold-out count plus exposed count equals the qualifying count', () => {
    const m = message('a', { holdoutPercent: 25 });
    let held = 0;
    let exposed = 0;
    const n = 2_000;
    for (let i = 0; i < n; i += 1) {
      const d = decide([m], visitor({ id: `v_${i}` }));
      held += d.heldOut.length;
      exposed += d.eligible.length;
      // Never both, never shown when held out.
      if (d.heldOut.length > 0) expect(d.message).toBeNull();
    }
    expect(held + exposed).toBe(n);
    expect(held).toBeGreaterThan(0.25 * n - 5 * Math.sqrt(n * 0.25 * 0.75));
    expect(held).toBeLessThan(0.25 * n + 5 * Math.sqrt(n * 0.25 * 0.75));
  });
});

describe('existing messages are unchanged', () => {
  it('a message without the new fields parses to itself (nothing added) and evaluates as before', () => {
    const m = message('a');
    const parsed = parseMessage(m);
    expect(parsed.ok && parsed.value).toEqual(m);
    expect(Object.keys(parsed.ok ? parsed.value : {}).sort()).toEqual(Object.keys(m).sort());
    // No options and empty options decide the same.
    const v = visitor({ deliveries: [delivery('a', T0 - MIN, { dismissed: true })] });
    expect(evaluate(v, [m], T0)).toEqual(evaluate(v, [m], T0, {}));
  });
  it('options are checked: a bad cooldown or zone is invalidInput at its path', () => {
    expect(evaluate(visitor(), [message('a')], T0, { cooldownSeconds: -1 }).invalidInput).toMatchObject({ path: ['options', 'cooldownSeconds'], code: 'tooSmall' });
    expect(evaluate(visitor(), [message('a')], T0, { timeZone: 'Mars/Olympus' }).invalidInput).toMatchObject({ path: ['options', 'timeZone'], code: 'invalidFormat' });
    expect(evaluate(visitor(), [message('a')], T0, 'x' as never).invalidInput).toMatchObject({ path: ['options'], code: 'invalidType' });
  });
});
