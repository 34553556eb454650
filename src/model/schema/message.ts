/**
 * The zod schema of a proactive message (SPEC §4). Cross-field rules that depend on `status`
 * live in `consistency.ts`; the condition tree is walked first by `condition-tree.ts`.
 * @module
 */
import * as z from 'zod/mini';
import type { ConditionNode } from '../types.js';
import { LIMITS } from '../limits.js';
import {
  counterSchema,
  idSchema,
  nameSchema,
  plainTextSchema,
  rule,
  textSchema,
  timestampSchema,
  uniqueBy,
} from './primitives.js';
import { scheduleSchema } from './schedule.js';
import { isTagText, normalizeTag } from '../text.js';

import { CAPTURE_FIELDS, ERROR_REASONS, FREQUENCIES, MESSAGE_STATUSES, PAUSE_REASONS } from '../vocabulary.js';

export { CAPTURE_FIELDS, ERROR_REASONS, FREQUENCIES, MESSAGE_STATUSES, PAUSE_REASONS };

const agentResponseSchema = z.strictObject({
  type: z.literal('agent'),
  text: plainTextSchema,
  capture: z._default(
    z.array(z.enum(CAPTURE_FIELDS)).check(z.maxLength(CAPTURE_FIELDS.length), uniqueBy((field) => field, 'field')),
    () => [],
  ),
  followUp: z.optional(plainTextSchema),
});

const aiAgentResponseSchema = z.strictObject({
  type: z.literal('aiAgent'),
  text: textSchema,
  aiAgentId: idSchema,
  answerId: z.optional(idSchema),
});

const triggerSchema = z.discriminatedUnion('event', [
  z.strictObject({ event: z.literal('pageLoad') }),
  z.strictObject({
    event: z.literal('timeOnPage'),
    seconds: z.int().check(z.minimum(0), z.maximum(LIMITS.triggerSeconds)),
  }),
]);

const sendWindowSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('anytime') }),
  z.strictObject({ type: z.literal('businessHours'), schedule: scheduleSchema }),
  z.strictObject({ type: z.literal('outsideBusinessHours'), schedule: scheduleSchema }),
]);

const tagSchema = z.string().check(
  z.maxLength(LIMITS.textLength, { abort: true }),
  z.overwrite(normalizeTag),
  z.minLength(1, { abort: true }),
  z.maxLength(LIMITS.tagLength, { abort: true }),
  rule<string>('invalidFormat', (tag) =>
    isTagText(tag) ? [] : [{ message: `tag "${tag}" may only contain letters, digits and _ - . : /` }],
  ),
);

const tagsSchema = z
  .array(tagSchema)
  .check(z.maxLength(LIMITS.tags), z.overwrite((tags) => [...new Set(tags)]));

const metricsSchema = z.strictObject({ sent: counterSchema, read: counterSchema, replied: counterSchema });

/**
 * The condition tree at run time: accepted as is, because `parseMessage` has already walked it
 * iteratively (`validateConditionTree`, bounded) and checked its semantics. The recursive zod
 * schema (`conditionNodeSchema`) replaces it only for the JSON Schema export, which keeps
 * `z.lazy`/`z.templateLiteral` out of widget bundles.
 */
export const conditionsAtRuntime = z.custom<ConditionNode>();

/** A proactive message. */
export const messageSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  brandId: idSchema,
  channelId: z.nullable(idSchema),
  status: z.enum(MESSAGE_STATUSES),
  pauseReason: z.optional(z.enum(PAUSE_REASONS)),
  errorReasons: z.optional(
    z
      .array(z.enum(ERROR_REASONS))
      .check(z.minLength(1), z.maxLength(ERROR_REASONS.length), uniqueBy((reason) => reason, 'error reason')),
  ),
  publishedAt: z.optional(timestampSchema),
  response: z.discriminatedUnion('type', [agentResponseSchema, aiAgentResponseSchema]),
  trigger: triggerSchema,
  conditions: z.nullable(conditionsAtRuntime),
  tags: z._default(tagsSchema, () => []),
  sendWindow: sendWindowSchema,
  frequency: z.enum(FREQUENCIES),
  priority: z._default(z.int().check(z.minimum(-LIMITS.priority), z.maximum(LIMITS.priority)), 0),
  metrics: z._default(metricsSchema, () => ({ sent: 0, read: 0, replied: 0 })),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
