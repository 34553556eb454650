/**
 * The visitor checker: the one definition of a valid visitor, run by `parseVisitor` and, in
 * first-failure mode, by `evaluate` / `explain` on every call.
 * @module
 */
import { MAX_DELIVERIES, MAX_LANGUAGE_LENGTH, MAX_METADATA_KEYS, MAX_METADATA_KEY_LENGTH, MAX_METADATA_VALUE_LENGTH, MAX_TITLE_LENGTH, MAX_URL_LENGTH } from '../core/limits.js';
import type { Delivery, MetadataValue, Page, Visit, Visitor } from '../core/types.js';
import { isScalar } from '../core/values.js';
import { DEVICE_TYPES } from '../core/vocabulary.js';
import { bool, list, nullable, object, oneOf, opt, record, report, str, withDefault, wrongType, type Check } from './check.js';
import { id, positiveCounter, timestamp, url } from './primitives.js';

const delivery = /* @__PURE__ */ object<Delivery>({
  messageId: id,
  at: timestamp,
  visitId: id,
  pageViewId: id,
  dismissed: opt(bool),
  closed: opt(bool),
});

/** Histories this library wrote (frozen copies): checked once, when they were made. */
const vouched = new WeakSet<object>();
const deliveryList = /* @__PURE__ */ list(delivery, 0, MAX_DELIVERIES);

/**
 * The deliveries check: a history returned by `recordDelivery`, `markDelivery` or
 * `compactDeliveries` is frozen, so it cannot have changed since it was checked — it is accepted
 * in one `WeakSet` lookup instead of being checked delivery by delivery on every call. Any other
 * array (a copy, one parsed from JSON) is checked in full.
 */
const deliveries: Check<Delivery[]> = (value, ctx) =>
  typeof value === 'object' && value !== null && vouched.has(value) ? (value as Delivery[]) : deliveryList(value, ctx);

/**
 * Whether `deliveries` is a frozen history this library wrote (see {@link vouchDeliveries}).
 * @example
 * ```ts
 * isVouched(recorded.value.deliveries); // true
 * ```
 */
export function isVouched(deliveries: readonly Delivery[]): boolean {
  return vouched.has(deliveries);
}

/**
 * A frozen copy of a checked history, which the visitor check then accepts without reading it
 * again. Only for deliveries that passed the visitor check (the writers of `frequency/record.ts`).
 * @example
 * ```ts
 * return ok({ ...visitor, deliveries: vouchDeliveries([...visitor.deliveries, delivery]) });
 * ```
 */
export function vouchDeliveries(checked: readonly Delivery[]): Delivery[] {
  const copy = Object.freeze(checked.map((d) => Object.freeze({ ...d }))) as Delivery[];
  vouched.add(copy);
  return copy;
}

const LANGUAGE = /^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$/;

const metadataValue: Check<MetadataValue> = (value, ctx) => {
  if (!isScalar(value)) return wrongType(value, 'scalar', ctx);
  if (typeof value === 'string' && value.length > MAX_METADATA_VALUE_LENGTH) {
    return report(ctx, 'tooBig', { maximum: MAX_METADATA_VALUE_LENGTH, unit: 'characters' });
  }
  return value;
};

/** A visitor as the widget sees it. Default: `deliveries: []`. */
export const visitorCheck: Check<Visitor> = /* @__PURE__ */ object<Visitor>({
  id,
  channelId: id,
  visit: object<Visit>({ id, number: positiveCounter, startedAt: timestamp, pageViews: positiveCounter }),
  page: object<Page>({
    viewId: id,
    url,
    title: str(0, MAX_TITLE_LENGTH),
    referrer: opt(nullable(str(0, MAX_URL_LENGTH))),
    enteredAt: timestamp,
  }),
  language: opt(
    nullable(str(0, MAX_LANGUAGE_LENGTH, (value, ctx) => (LANGUAGE.test(value) ? value : report(ctx, 'invalidFormat', { format: 'language' })))),
  ),
  deviceType: opt(nullable(oneOf(DEVICE_TYPES))),
  metadata: opt(record(str(1, MAX_METADATA_KEY_LENGTH), metadataValue, MAX_METADATA_KEYS)),
  inActiveConversation: bool,
  deliveries: withDefault(deliveries, () => []),
});
