/**
 * The zod schema of a visitor (SPEC §4).
 * @module
 */
import * as z from 'zod/mini';
import { LIMITS } from '../limits.js';
import { boundedString, idSchema, rule, timestampSchema, urlSchema } from './primitives.js';

import { DEVICE_TYPES } from '../vocabulary.js';

export { DEVICE_TYPES };

const deliverySchema = z.strictObject({
  messageId: idSchema,
  at: timestampSchema,
  visitId: idSchema,
  pageViewId: idSchema,
  dismissed: z.optional(z.boolean()),
  closed: z.optional(z.boolean()),
});

const positiveCount = z.int().check(z.minimum(1), z.maximum(Number.MAX_SAFE_INTEGER));

const visitSchema = z.strictObject({
  id: idSchema,
  number: positiveCount,
  startedAt: timestampSchema,
  pageViews: positiveCount,
});

const pageSchema = z.strictObject({
  viewId: idSchema,
  url: urlSchema,
  title: boundedString(0, LIMITS.titleLength),
  referrer: z.optional(z.nullable(boundedString(0, LIMITS.urlLength))),
  enteredAt: timestampSchema,
});

const languageSchema = z.string().check(
  z.maxLength(LIMITS.languageLength, { abort: true }),
  z.regex(/^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$/, {
    error: 'must be a language tag such as "en" or "en-US"',
  }),
);

const metadataValueSchema = z.union([
  z.string().check(z.maxLength(LIMITS.metadataValueLength)),
  z.number(),
  z.boolean(),
  z.null(),
]);

const metadataSchema = z
  .record(boundedString(1, LIMITS.metadataKeyLength), metadataValueSchema)
  .check(
    rule<Record<string, unknown>>('tooMany', (record) =>
      Object.keys(record).length > LIMITS.metadataKeys
        ? [{ message: `metadata has more than ${LIMITS.metadataKeys} keys` }]
        : [],
    ),
  );

/** A visitor as the widget sees it. */
export const visitorSchema = z.strictObject({
  id: idSchema,
  channelId: idSchema,
  visit: visitSchema,
  page: pageSchema,
  language: z.optional(z.nullable(languageSchema)),
  deviceType: z.optional(z.nullable(z.enum(DEVICE_TYPES))),
  metadata: z.optional(metadataSchema),
  inActiveConversation: z.boolean(),
  deliveries: z._default(z.array(deliverySchema).check(z.maxLength(LIMITS.deliveries)), () => []),
});

