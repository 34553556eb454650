/**
 * Delivery history: the frequency rules of SPEC §2.2 read from `visitor.deliveries`.
 * @module
 */
import type { Delivery, Frequency, Instant, Visitor } from '../model/types.js';
import { toEpochMs } from '../model/time.js';
import { assertNever } from '../model/result.js';

/** What the history says about one message, relative to the visitor's current visit and page view. */
export interface MessageHistory {
  /** Delivered at least once, ever. */
  readonly delivered: boolean;
  /** Delivered during the current visit. */
  readonly inThisVisit: boolean;
  /** Delivered during the current page view. */
  readonly inThisPageView: boolean;
  /** A delivery in the current page view that was neither dismissed nor closed: it is on screen. */
  readonly onScreen: boolean;
  /** Index in `visitor.deliveries` of the latest on-screen delivery, or -1. */
  readonly onScreenIndex: number;
  /** Index in `visitor.deliveries` of this message's latest delivery in this page view, or -1. */
  readonly lastInPageViewIndex: number;
}

const NEVER: MessageHistory = {
  delivered: false,
  inThisVisit: false,
  inThisPageView: false,
  onScreen: false,
  onScreenIndex: -1,
  lastInPageViewIndex: -1,
};

/**
 * Summarises a visitor's deliveries per message id in one pass (O(deliveries)).
 * Message ids are looked up with `Map`, so ids such as `__proto__` are ordinary keys.
 * @example
 * ```ts
 * const history = indexDeliveries(visitor);
 * history.get('msg_welcome')?.inThisVisit; // true when shown during this visit
 * ```
 */
export function indexDeliveries(visitor: Visitor): ReadonlyMap<string, MessageHistory> {
  // One record per message, filled in place (callers only ever see it read-only).
  const byMessage = new Map<string, { -readonly [K in keyof MessageHistory]: MessageHistory[K] }>();
  const deliveries = visitor.deliveries;
  const visitId = visitor.visit.id;
  const pageViewId = visitor.page.viewId;
  for (let i = 0; i < deliveries.length; i++) {
    const d = deliveries[i] as Delivery;
    let h = byMessage.get(d.messageId);
    if (h === undefined) byMessage.set(d.messageId, (h = { ...NEVER }));
    h.delivered = true;
    if (d.visitId !== visitId) continue;
    h.inThisVisit = true;
    if (d.pageViewId !== pageViewId) continue;
    // The latest delivery in this page view decides: a later dismissal hides an earlier showing.
    h.inThisPageView = true;
    h.onScreen = d.dismissed !== true && d.closed !== true;
    h.onScreenIndex = h.onScreen ? i : -1;
    h.lastInPageViewIndex = i;
  }
  return byMessage;
}

/**
 * The history flag that rules out another delivery, per frequency: `once` after any delivery,
 * `oncePerVisit` after one in this visit, `everyTime` after one in this page view.
 */
export const FREQUENCY_CAP: Readonly<Record<Frequency, 'delivered' | 'inThisVisit' | 'inThisPageView'>> = {
  once: 'delivered',
  oncePerVisit: 'inThisVisit',
  everyTime: 'inThisPageView',
};

/**
 * Whether the frequency setting still allows a delivery, given the message's history.
 * `once`: never again after one delivery; `oncePerVisit`: at most once per visit;
 * `everyTime`: again on each new page view. Dismissing or closing does not reset a cap.
 * @example
 * ```ts
 * frequencyAllows('oncePerVisit', indexDeliveries(visitor).get('msg_1')); // false if shown this visit
 * frequencyAllows('once', undefined); // true: never delivered
 * ```
 */
export function frequencyAllows(frequency: Frequency, history: MessageHistory | undefined): boolean {
  if (history === undefined) return true;
  if (typeof frequency !== 'string' || !Object.hasOwn(FREQUENCY_CAP, frequency)) return assertNever(frequency as never, 'frequency');
  return !history[FREQUENCY_CAP[frequency]];
}

/**
 * Returns a new visitor whose history records that `messageId` was shown at `now`, in the
 * visitor's current visit and page view. The input visitor is not changed.
 * @example
 * ```ts
 * const decision = evaluate(visitor, messages, now);
 * if (decision.message) visitor = recordDelivery(visitor, decision.message.id, now);
 * ```
 */
export function recordDelivery(visitor: Visitor, messageId: string, now: Instant): Visitor {
  const delivery: Delivery = {
    messageId,
    at: new Date(toEpochMs(now)).toISOString(),
    visitId: visitor.visit.id,
    pageViewId: visitor.page.viewId,
  };
  return { ...visitor, deliveries: [...visitor.deliveries, delivery] };
}

/** How an on-screen message left the screen. */
export type DeliveryOutcome = 'dismissed' | 'closed';

/**
 * Marks the latest delivery of `messageId` in the current page view as dismissed (the X on the
 * bubble) or closed (the launcher's close button after opening). The message stops being "on
 * screen"; frequency still applies as before. Returns the same visitor object when there is no
 * such delivery or it is already marked.
 * @example
 * ```ts
 * visitor = markDelivery(visitor, 'msg_pricing_help', 'dismissed');
 * evaluate(visitor, messages, now).message; // no longer sticks to msg_pricing_help
 * ```
 */
export function markDelivery(visitor: Visitor, messageId: string, outcome: DeliveryOutcome): Visitor {
  const deliveries = visitor.deliveries;
  for (let i = deliveries.length - 1; i >= 0; i--) {
    const d = deliveries[i] as Delivery;
    if (d.messageId !== messageId || d.visitId !== visitor.visit.id || d.pageViewId !== visitor.page.viewId) continue;
    if (d[outcome] === true) return visitor;
    const next = deliveries.slice();
    next[i] = { ...d, [outcome]: true };
    return { ...visitor, deliveries: next };
  }
  return visitor;
}
