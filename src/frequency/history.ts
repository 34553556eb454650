/**
 * Delivery history as `evaluate` reads it: what `visitor.deliveries` says about each message and
 * the frequency rule of each setting. The functions that write the history are in `record.ts`.
 * @module
 */
import type { Delivery, Frequency, Visitor } from '../core/types.js';

/** What the history says about one message, relative to the visitor's current visit and page view. */
export interface MessageHistory {
  /** Delivered at least once, ever. */
  readonly delivered: boolean;
  /** Delivered during the current visit. */
  readonly inThisVisit: boolean;
  /** Delivered during the current page view. */
  readonly inThisPageView: boolean;
  /** The latest delivery in the current page view was neither dismissed nor closed: it is on screen. */
  readonly onScreen: boolean;
  /** Index in `visitor.deliveries` of this message's latest delivery in this page view, or -1. */
  readonly lastInPageViewIndex: number;
}

const NEVER: MessageHistory = { delivered: false, inThisVisit: false, inThisPageView: false, onScreen: false, lastInPageViewIndex: -1 };

/**
 * Summarises a checked visitor's deliveries per message id in one pass (O(deliveries)). Message
 * ids are `Map` keys, so ids such as `__proto__` are ordinary.
 * @example
 * ```ts
 * indexDeliveries(visitor).get('msg_welcome')?.inThisVisit; // true when shown during this visit
 * ```
 */
export function indexDeliveries(visitor: Visitor): ReadonlyMap<string, MessageHistory> {
  // One record per message, filled in place (callers only ever see it read-only).
  const byMessage = new Map<string, { -readonly [K in keyof MessageHistory]: MessageHistory[K] }>();
  const { deliveries } = visitor;
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
    h.lastInPageViewIndex = i;
  }
  return byMessage;
}

/** History bits of one message: delivered ever, in this visit, in this page view (see {@link readHistoryBits}). */
export const DELIVERED = 1;
export const IN_THIS_VISIT = 2;
export const IN_THIS_PAGE_VIEW = 4;

/** The history bit of each {@link FREQUENCY_CAP} flag. */
export const CAP_BITS: Readonly<Record<(typeof FREQUENCY_CAP)[Frequency], number>> = {
  delivered: DELIVERED,
  inThisVisit: IN_THIS_VISIT,
  inThisPageView: IN_THIS_PAGE_VIEW,
};

/**
 * The same summary as {@link indexDeliveries}, as bits in a caller-owned array: for each delivery
 * whose message id has a `position`, `bits[position]` gains its flags (the caller clears `bits`
 * first). Returns the position of the on-screen message — the latest delivery of this page view,
 * whatever its id, if neither dismissed nor closed and its id has a position — or -1. One map
 * lookup per delivery, nothing allocated. With `touched`, each position whose bits were 0 is
 * appended to it — `touched[touchedAt]` counts them, from `touched[touchedAt + 1]` (room for
 * every position: each comes once) — what the caller clears before the next read; with `positions`, the position
 * of delivery `i`'s message is written at `positions[i]` (-1: none).
 * @example
 * ```ts
 * const bits = new Uint8Array(positions.size);
 * const onScreen = readHistoryBits(visitor, positions, bits);
 * (bits[positions.get('msg_welcome')!]! & IN_THIS_VISIT) !== 0; // shown during this visit
 * ```
 */
export function readHistoryBits(visitor: Visitor, position: ReadonlyMap<string, number>, bits: Uint8Array, touched?: Int32Array, positions?: Int32Array, touchedAt = 0): number {
  const { deliveries } = visitor;
  const visitId = visitor.visit.id;
  const pageViewId = visitor.page.viewId;
  let onScreen = -1;
  for (let i = 0; i < deliveries.length; i++) {
    const d = deliveries[i] as Delivery;
    const at = position.get(d.messageId);
    const inVisit = d.visitId === visitId;
    const inPageView = inVisit && d.pageViewId === pageViewId;
    // The latest delivery in this page view decides, whatever its message: one message at a time.
    if (inPageView) onScreen = at !== undefined && d.dismissed !== true && d.closed !== true ? at : -1;
    if (positions !== undefined) positions[i] = at ?? -1;
    if (at === undefined) continue;
    const before = bits[at] as number;
    if (before === 0 && touched !== undefined) touched[touchedAt + (touched[touchedAt] = (touched[touchedAt] as number) + 1)] = at;
    bits[at] = before | DELIVERED | (inVisit ? IN_THIS_VISIT : 0) | (inPageView ? IN_THIS_PAGE_VIEW : 0);
  }
  return onScreen;
}

/**
 * The history flag that rules out another delivery, per frequency: `once` after any delivery,
 * `oncePerVisit` after one in this visit, `everyTime` after one in this page view. Dismissing or
 * closing does not reset a cap.
 */
export const FREQUENCY_CAP: Readonly<Record<Frequency, 'delivered' | 'inThisVisit' | 'inThisPageView'>> = {
  once: 'delivered',
  oncePerVisit: 'inThisVisit',
  everyTime: 'inThisPageView',
};
