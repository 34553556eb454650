/**
 * The time-aware limits of a message — start and end instants, rollout, delivery cap, one per
 * period, snooze, cooldown — each rule written once, as a function of the message's limits, the
 * visitor's history and `now`, returning the instant it lifts. `evaluate` (hot loop) and `explain`
 * (every gate) both call these.
 * @module
 */
import { parseTimestamp } from '../core/instants.js';
import type { Delivery, Message } from '../core/types.js';
import type { Period } from '../core/vocabulary.js';
import { isVouched } from '../check/visitor.js';

/** A message's limits, read once at compile time (absent fields: no limit). */
export interface MessageLimits {
  /** Epoch ms, `-Infinity` without `activeFrom`. */
  readonly activeFrom: number;
  /** Epoch ms, `Infinity` without `activeUntil`. */
  readonly activeUntil: number;
  readonly rolloutPercent: number;
  readonly holdoutPercent: number;
  /** 0: no cap. */
  readonly maxDeliveries: number;
  readonly oncePer: Period | null;
  /** 0: no snooze. */
  readonly snoozeMs: number;
  /** The message's own cooldown in ms, or `null` for the account's. */
  readonly cooldownMs: number | null;
  /** Whether any limit needs the history's delivery counts or times. */
  readonly timed: boolean;
  /** Whether the message has any limit at all (old messages: `false`, and nothing here runs). */
  readonly any: boolean;
}

/**
 * The limits of a checked message.
 * @example
 * ```ts
 * limitsOf({ ...message, snoozeSeconds: 3600 }).snoozeMs; // 3_600_000
 * ```
 */
export function limitsOf(m: Message): MessageLimits {
  const { activeFrom, activeUntil, rolloutPercent = 100, holdoutPercent = 0, maxDeliveries = 0, snoozeSeconds = 0, cooldownSeconds } = m;
  const oncePer = m.oncePer ?? null;
  const snoozeMs = snoozeSeconds * 1000;
  const cooldownMs = cooldownSeconds === undefined ? null : cooldownSeconds * 1000;
  const timed = snoozeMs > 0 || oncePer !== null || (cooldownMs ?? 0) > 0 || maxDeliveries > 0;
  // One object per message (compiling fresh messages reads this for each of them).
  return {
    // `activeFrom` rounds up and `activeUntil` down: neither is ever reached early / left late.
    activeFrom: activeFrom === undefined ? -Infinity : (parseTimestamp(activeFrom, 'up') as number),
    activeUntil: activeUntil === undefined ? Infinity : (parseTimestamp(activeUntil) as number),
    rolloutPercent,
    holdoutPercent,
    maxDeliveries,
    oncePer,
    snoozeMs,
    cooldownMs,
    timed,
    any: timed || rolloutPercent < 100 || holdoutPercent > 0 || activeFrom !== undefined || activeUntil !== undefined || cooldownMs !== null,
  };
}

/** The limits of a message without any (only the account's cooldown applies to it). */
export const NO_LIMITS: MessageLimits = {
  activeFrom: -Infinity,
  activeUntil: Infinity,
  rolloutPercent: 100,
  holdoutPercent: 0,
  maxDeliveries: 0,
  oncePer: null,
  snoozeMs: 0,
  cooldownMs: null,
  timed: false,
  any: false,
};

/** What the history says about one message's deliveries in time (all `undefined`-free; `-Infinity`: none). */
export interface TimedHistory {
  /** Deliveries of the message, ever. */
  readonly count: number;
  /** `at` of its latest delivery. */
  readonly lastAt: number;
  /** `at` of its latest dismissed or closed delivery. */
  readonly endedAt: number;
}

/** The visitor's latest delivery of any message, and the latest of any other message (the cooldowns' starts). */
export interface LatestDelivery {
  readonly at: number;
  readonly messageId: string;
  /** `at` of the latest delivery of a message other than `messageId` (`-Infinity`: none). */
  readonly otherAt: number;
}

/** Parsed `at` of every delivery of a frozen history this library wrote (it cannot change). */
const parsedTimes = new WeakMap<readonly Delivery[], Float64Array>();

/**
 * Epoch ms of every delivery's `at` of a frozen history (rounded up: the instants limits count
 * from never come early), parsed once; `undefined` for any other history (parsed as it is read).
 */
function frozenTimesOf(deliveries: readonly Delivery[]): Float64Array | undefined {
  if (!isVouched(deliveries)) return undefined;
  const cached = parsedTimes.get(deliveries);
  if (cached !== undefined) return cached;
  const times = new Float64Array(deliveries.length);
  for (let i = 0; i < deliveries.length; i++) times[i] = parseTimestamp((deliveries[i] as Delivery).at, 'up') as number;
  parsedTimes.set(deliveries, times);
  return times;
}

/**
 * Per message position: how many deliveries, the latest one's and the latest ended one's `at`,
 * added into caller-owned arrays (which the caller clears first: `count` to 0, the times to
 * `-Infinity`); returns the latest delivery of all (by `at`; the later one in the list on a
 * tie), or `null`. `positions[i]` is the position of delivery `i`'s message (-1: not in the
 * list), as `readHistoryBits` writes them. Allocates nothing but the answer.
 * @example
 * ```ts
 * const latest = readTimedHistory(visitor.deliveries, positions, count, lastAt, endedAt);
 * latest?.at; // the cooldown starts here
 * ```
 */
export function readTimedHistory(
  deliveries: readonly Delivery[],
  positions: Int32Array,
  count: Uint16Array,
  lastAt: Float64Array,
  endedAt: Float64Array,
): LatestDelivery | null {
  const times = frozenTimesOf(deliveries);
  // The latest delivery, and the latest of another message (the later one in the list on a tie).
  let latest = -1;
  let latestAt = -Infinity;
  let otherAt = -Infinity;
  let other = -1;
  for (let i = 0; i < deliveries.length; i++) {
    const d = deliveries[i] as Delivery;
    const at = times === undefined ? (parseTimestamp(d.at, 'up') as number) : (times[i] as number);
    if (latest < 0 || at >= latestAt) {
      if (latest >= 0 && (deliveries[latest] as Delivery).messageId !== d.messageId) {
        other = latest;
        otherAt = latestAt;
      }
      latest = i;
      latestAt = at;
    } else if (d.messageId !== (deliveries[latest] as Delivery).messageId && (other < 0 || at >= otherAt)) {
      other = i;
      otherAt = at;
    }
    const p = positions[i] as number;
    if (p < 0) continue;
    count[p] = (count[p] as number) + 1;
    if (at > (lastAt[p] as number)) lastAt[p] = at;
    if ((d.dismissed === true || d.closed === true) && at > (endedAt[p] as number)) endedAt[p] = at;
  }
  if (latest < 0) return null;
  return { at: latestAt, messageId: (deliveries[latest] as Delivery).messageId, otherAt };
}

/**
 * Until when the account's or the message's cooldown holds message `id` back, or `null` when it
 * does not: from the latest delivery of any *other* message, for the message's own cooldown (`0`:
 * none) or else the account's. (From another message's: a message's own deliveries are its
 * frequency's business, and more history can then only hold a message back longer.)
 * @example
 * ```ts
 * cooldownUntil(limits, 'msg_b', { at: t0, messageId: 'msg_a', otherAt: -Infinity }, 600_000, t0 + 60_000); // t0 + 600_000
 * ```
 */
export function cooldownUntil(limits: MessageLimits, id: string, latest: LatestDelivery | null, accountMs: number, nowMs: number): number | null {
  const ms = limits.cooldownMs ?? accountMs;
  if (ms === 0 || latest === null) return null;
  const from = latest.messageId === id ? latest.otherAt : latest.at;
  const end = from + ms;
  return nowMs < end ? end : null;
}

/**
 * Until when a dismissed or closed delivery snoozes the message, or `null`.
 * @example
 * ```ts
 * snoozedUntil(limits, history, nowMs); // endedAt + snoozeSeconds, while that is ahead
 * ```
 */
export function snoozedUntil(limits: MessageLimits, h: TimedHistory, nowMs: number): number | null {
  if (limits.snoozeMs === 0 || h.endedAt === -Infinity) return null;
  const end = h.endedAt + limits.snoozeMs;
  return nowMs < end ? end : null;
}

/**
 * Until when the `oncePer` cap holds: the end of the current period if the message was delivered
 * in it, else `null`. `period` is the current period `[start, end)` of the account's zone.
 * @example
 * ```ts
 * periodCappedUntil(limits, history, periodAt('UTC', 'day', nowMs)); // the next UTC midnight
 * ```
 */
export function periodCappedUntil(limits: MessageLimits, h: TimedHistory, period: readonly [number, number] | null): number | null {
  return limits.oncePer === null || period === null || h.lastAt < period[0] ? null : period[1];
}

/**
 * Whether the `maxDeliveries` cap is reached (for good).
 * @example
 * ```ts
 * deliveryCapReached(limits, history); // true after maxDeliveries deliveries
 * ```
 */
export function deliveryCapReached(limits: MessageLimits, h: TimedHistory): boolean {
  return limits.maxDeliveries > 0 && h.count >= limits.maxDeliveries;
}
