/**
 * Writing the delivery history: `recordDelivery`, `markDelivery`, `compactDeliveries`. Pure: they
 * return new visitors and never mutate their input.
 * @module
 */
import { issueAt, type IssueData, type Result } from '../core/issues.js';
import { isoOf, parseTimestamp, toInstant } from '../core/instants.js';
import { MAX_DELIVERIES, MAX_DELIVERIES_CAP } from '../core/limits.js';
import type { Delivery, Frequency, Instant, Message, Visitor } from '../core/types.js';
import { PERIODS } from '../core/vocabulary.js';
import { kindOf } from '../core/values.js';
import { runCheck } from '../check/check.js';
import { readList, readOption, UNREADABLE, UNREADABLE_ITEM } from '../check/list.js';
import { id as idCheck } from '../check/primitives.js';
import { visitorCheck, vouchDeliveries } from '../check/visitor.js';
import { fail, ok } from '../parse/parse.js';
import { FREQUENCY_CAP } from './history.js';

/** The checked visitor, or the failed result of its issues (paths start with `visitor`). */
function checkedVisitor(visitor: unknown): Result<Visitor> {
  // An argument's name first, as for `messageId` and `now` here, and in `evaluate`.
  const checked = runCheck(visitorCheck, visitor, true, ['visitor']);
  return checked.ok ? ok(checked.value) : fail(checked.issues);
}

function instantIssue(now: unknown): IssueData[] {
  return toInstant(now) === undefined ? [issueAt(['now'], 'invalidInstant', { got: kindOf(now) })] : [];
}

/** How many deliveries per message a history kept by {@link recordDelivery} alone retains at most: enough for any `maxDeliveries`. */
const KEPT_PER_MESSAGE = MAX_DELIVERIES_CAP;

/** The last `perMessage` deliveries of each message, in order. */
function lastPerMessage(deliveries: readonly Delivery[], perMessage: number): readonly Delivery[] {
  const seen = new Map<string, number>();
  const keep: boolean[] = new Array<boolean>(deliveries.length).fill(false);
  for (let i = deliveries.length - 1; i >= 0; i -= 1) {
    const { messageId } = deliveries[i] as Delivery;
    const count = seen.get(messageId) ?? 0;
    if (count < perMessage) keep[i] = true;
    seen.set(messageId, count + 1);
  }
  return deliveries.filter((_, i) => keep[i]);
}

/**
 * A history of at most `LIMITS.deliveries`: the last `perMessage` deliveries of each message,
 * fewer per message as long as that is still too many — down to one, the latest, which is all
 * `once` needs — and only past that (more than `LIMITS.deliveries` different messages) the
 * messages delivered longest ago. Deliveries are appended in time order, so the last ones of a
 * message include its latest in this visit and page view.
 */
function trim(deliveries: readonly Delivery[], perMessage: number): readonly Delivery[] {
  if (deliveries.length <= MAX_DELIVERIES) return deliveries;
  let kept = deliveries;
  for (let n = perMessage; n >= 1 && kept.length > MAX_DELIVERIES; n = n > 1 ? Math.floor(n / 2) : 0) kept = lastPerMessage(kept, n);
  return kept.length <= MAX_DELIVERIES ? kept : kept.slice(kept.length - MAX_DELIVERIES);
}

/**
 * Returns a new visitor whose history records that `messageId` was shown at `now`, in the
 * visitor's current visit and page view. The input visitor is not changed. A history that would
 * grow past `LIMITS.deliveries` keeps the last 20 deliveries of each message (every frequency
 * rule reads only those); call {@link compactDeliveries} with the message list to keep it small
 * long before that.
 * @example
 * ```ts
 * const decision = evaluate(visitor, messages, now);
 * if (decision.message !== null && !decision.onScreen) {
 *   const recorded = recordDelivery(visitor, decision.message.id, now);
 *   if (recorded.ok) visitor = recorded.value;
 * }
 * ```
 */
export function recordDelivery(visitor: Visitor, messageId: string, now: Instant): Result<Visitor> {
  const checked = checkedVisitor(visitor);
  const id = runCheck(idCheck, messageId, true, ['messageId']);
  const at = toInstant(now);
  const issues = [...(checked.ok ? [] : checked.issues), ...(id.ok ? [] : id.issues), ...instantIssue(now)];
  if (!checked.ok || !id.ok || at === undefined) return fail(issues);
  const v = checked.value;
  const delivery: Delivery = { messageId: id.value, at: isoOf(at), visitId: v.visit.id, pageViewId: v.page.viewId };
  return ok({ ...v, deliveries: vouchDeliveries(trim([...v.deliveries, delivery], KEPT_PER_MESSAGE)) });
}

/** How an on-screen message left the screen. */
export const DELIVERY_OUTCOMES = ['dismissed', 'closed'] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

/**
 * Marks the latest delivery of `messageId` in the current page view as dismissed (the X on the
 * bubble) or closed (the launcher's close button after opening). The message stops being "on
 * screen"; frequency still applies as before. Returns the same visitor object when there is no
 * such delivery or it is already marked.
 * @example
 * ```ts
 * const marked = markDelivery(visitor, 'msg_pricing_help', 'dismissed');
 * if (marked.ok) evaluate(marked.value, messages, now).message; // no longer sticks to msg_pricing_help
 * ```
 */
export function markDelivery(visitor: Visitor, messageId: string, outcome: DeliveryOutcome): Result<Visitor> {
  const checked = checkedVisitor(visitor);
  const id = runCheck(idCheck, messageId, true, ['messageId']);
  const known = (DELIVERY_OUTCOMES as readonly unknown[]).includes(outcome);
  const issues = [
    ...(checked.ok ? [] : checked.issues),
    ...(id.ok ? [] : id.issues),
    ...(known ? [] : [issueAt(['outcome'], 'invalidValue', { allowed: DELIVERY_OUTCOMES })]),
  ];
  if (!checked.ok || !id.ok || !known) return fail(issues);
  const v = checked.value;
  const deliveries = v.deliveries;
  for (let i = deliveries.length - 1; i >= 0; i--) {
    const d = deliveries[i] as Delivery;
    if (d.messageId !== messageId || d.visitId !== v.visit.id || d.pageViewId !== v.page.viewId) continue;
    if (d[outcome] === true) return ok(v);
    const next = deliveries.slice();
    next[i] = { ...d, [outcome]: true };
    return ok({ ...v, deliveries: vouchDeliveries(next) });
  }
  return ok(v);
}

/** What compaction keeps for one message: its frequency, and the limits that read older deliveries. */
interface KeepRule {
  readonly frequency: Frequency;
  /** Keep its last `maxDeliveries` deliveries (0: no cap). */
  readonly maxDeliveries: number;
  readonly oncePer: boolean;
  readonly snoozeMs: number;
}

/** The keys of a message compaction reads. */
type KeepKey = 'id' | 'frequency' | 'maxDeliveries' | 'oncePer' | 'snoozeSeconds';

/** `message[key]` of the item at `index`, or `undefined` with an issue when it cannot be read. */
function field(message: object, key: KeepKey, index: number, issues: IssueData[]): unknown {
  return readOption(message, key, ['messages', index, key], issues);
}

/**
 * The keep rule of the item at `index`, read loosely (a message whose id and frequency read keeps
 * its history; limits that are not well formed read as absent), or `null`.
 */
function keepRuleOf(m: object, index: number, issues: IssueData[]): [string, KeepRule] | null {
  const id = field(m, 'id', index, issues);
  const frequency = field(m, 'frequency', index, issues);
  const maxDeliveries = field(m, 'maxDeliveries', index, issues);
  const oncePer = field(m, 'oncePer', index, issues);
  const snoozeSeconds = field(m, 'snoozeSeconds', index, issues);
  if (typeof id !== 'string' || typeof frequency !== 'string' || !Object.hasOwn(FREQUENCY_CAP, frequency)) return null;
  const whole = (x: unknown): number => (Number.isInteger(x) && (x as number) > 0 ? (x as number) : 0);
  return [id, { frequency: frequency as Frequency, maxDeliveries: Math.min(whole(maxDeliveries), MAX_DELIVERIES), oncePer: (PERIODS as readonly unknown[]).includes(oncePer), snoozeMs: whole(snoozeSeconds) * 1000 }];
}

/**
 * A visitor whose history keeps exactly what the frequency rules, the limits and the on-screen
 * rule need for `messages`, now and later. Per message: a `once` message its latest delivery,
 * an `oncePerVisit` message its latest in the current visit, an `everyTime` message its latest
 * in the current page view; with `maxDeliveries` its last that many; with `oncePer` its latest;
 * with `snoozeSeconds` its latest dismissed or closed delivery while the snooze lasts. And the
 * last delivery of this page view in list order, whatever its message (it decides what is on
 * screen), and the latest delivery of all and the latest of another message (where cooldowns
 * start). Other
 * deliveries are dropped — those of message ids not in `messages` too (deleted messages): pass
 * every message of the account, whatever its status, so that a paused message keeps its
 * history for when it is resumed. The result is frozen, and `evaluate` accepts a frozen history
 * this library wrote without checking it again. `evaluate` gives the same answer for the
 * compacted visitor as for the original, at `now` and at any later instant of this page view
 * (a property test pins it). `now` dates the snoozes: one that has ended by `now` is dropped.
 * @example
 * ```ts
 * const compacted = compactDeliveries(visitor, messages, now);
 * if (compacted.ok) store(compacted.value);
 * ```
 */
export function compactDeliveries(visitor: Visitor, messages: readonly Message[], now: Instant): Result<Visitor> {
  const checked = checkedVisitor(visitor);
  const rules = new Map<string, KeepRule>();
  const issues = [...(checked.ok ? [] : checked.issues), ...instantIssue(now)];
  const list = readList(messages, ['messages']);
  if (list.issue !== null) issues.push(list.issue);
  else {
    list.items.forEach((m, index) => {
      // Only what compaction needs is read: an id, a known frequency and the limits that read
      // older deliveries (others keep their history). What cannot be read fails the call: the
      // history it needs could not be told.
      if (m === UNREADABLE_ITEM) {
        issues.push(issueAt(['messages', index], 'invalidType', UNREADABLE));
        return;
      }
      const rule = keepRuleOf(typeof m === 'object' && m !== null ? m : {}, index, issues);
      if (rule !== null && !rules.has(rule[0])) rules.set(...rule);
    });
  }
  if (!checked.ok || issues.length > 0) return fail(issues);
  const nowMs = toInstant(now) as number;
  const v = checked.value;
  const keep = new Set<number>();
  const latest = new Map<string, number>();
  const ended = new Map<string, [number, number]>();
  const newestAt = new Map<string, [number, number]>();
  const kept = new Map<string, number[]>();
  const deliveries = v.deliveries;
  // The latest delivery, and the latest of another message: where cooldowns start.
  let latestAll = -1;
  let latestAllAt = -Infinity;
  let other = -1;
  let otherAt = -Infinity;
  // The last delivery of this page view in list order, whatever its message: it decides what is on
  // screen (`readHistoryBits`), and it need not be the latest by `at` nor its message's latest.
  let lastInPageView = -1;
  for (let i = 0; i < deliveries.length; i += 1) {
    const d = deliveries[i] as Delivery;
    const at = parseTimestamp(d.at, 'up') as number;
    if (d.visitId === v.visit.id && d.pageViewId === v.page.viewId) lastInPageView = i;
    if (at >= latestAllAt) {
      if (latestAll >= 0 && (deliveries[latestAll] as Delivery).messageId !== d.messageId) [other, otherAt] = [latestAll, latestAllAt];
      [latestAll, latestAllAt] = [i, at];
    } else if (d.messageId !== (deliveries[latestAll] as Delivery).messageId && at >= otherAt) {
      [other, otherAt] = [i, at];
    }
    // A message not in the list (a deleted one) needs no history.
    const rule = rules.get(d.messageId);
    if (rule === undefined) continue;
    const { frequency } = rule;
    const relevant = frequency === 'once' || (d.visitId === v.visit.id && (frequency === 'oncePerVisit' || d.pageViewId === v.page.viewId));
    if (relevant) latest.set(d.messageId, i);
    // `oncePer` and the snooze read the latest by `at` (a history need not be in time order).
    if (rule.oncePer && at >= (newestAt.get(d.messageId)?.[1] ?? -Infinity)) newestAt.set(d.messageId, [i, at]);
    if (rule.snoozeMs > 0 && (d.dismissed === true || d.closed === true) && at + rule.snoozeMs > nowMs && at >= (ended.get(d.messageId)?.[1] ?? -Infinity)) {
      ended.set(d.messageId, [i, at]);
    }
    if (rule.maxDeliveries > 0) {
      let list = kept.get(d.messageId);
      if (list === undefined) kept.set(d.messageId, (list = []));
      list.push(i);
      if (list.length > rule.maxDeliveries) list.shift();
    }
  }
  for (const index of latest.values()) keep.add(index);
  for (const [index] of ended.values()) keep.add(index);
  for (const [index] of newestAt.values()) keep.add(index);
  for (const list of kept.values()) for (const index of list) keep.add(index);
  if (deliveries.length > 0) keep.add(deliveries.length - 1);
  if (latestAll >= 0) keep.add(latestAll);
  if (other >= 0) keep.add(other);
  if (lastInPageView >= 0) keep.add(lastInPageView);
  if (keep.size === deliveries.length) return ok(v);
  return ok({ ...v, deliveries: vouchDeliveries(deliveries.filter((_, i) => keep.has(i))) });
}
