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
  deliveries: withDefault(list(delivery, 0, MAX_DELIVERIES), () => []),
});
