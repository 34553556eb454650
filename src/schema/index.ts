/**
 * `proactive-messaging/schema`: the wire format as zod (v4) schemas, for teams that validate with
 * zod in their own APIs and admin forms (zod resolvers) and for the JSON Schema export
 * (`docs/message.schema.json` is generated from these).
 *
 * The library's parsers run their own hand-written checker (it keeps browser bundles small);
 * these schemas describe the same format and a differential property test pins the two on
 * hostile input: same verdict, same parsed value. The rules that are more than shapes — a
 * condition tree's meaning and bounds, status-dependent fields, no emoji in agent text, tag
 * normalisation, unique ids, holiday order — are not restated here: the schemas call the
 * library's own rule for them, so there is still one definition of each. A condition tree is
 * checked by the library's iterative tree checker (never recursed into by zod), so a 100,000-deep
 * tree is an issue, not a stack overflow.
 *
 * zod is an optional peer dependency of this entry only; the main entry never imports it.
 * @module
 */
import * as z from 'zod';
import type { IssueData } from '../core/issues.js';
import { parseLocalDate, parseTimestamp, parseWallTime } from '../core/instants.js';
import { LIMITS } from '../core/limits.js';
import type { ConditionLeaf, ConditionNode, Message } from '../core/types.js';
import {
  CAPTURE_FIELDS,
  CHANNEL_TYPES,
  DEVICE_TYPES,
  ERROR_REASONS,
  FREQUENCIES,
  PERIODS,
  MESSAGE_STATUSES,
  OPERATORS,
  PAUSE_REASONS,
  WEEKDAYS,
} from '../core/vocabulary.js';
import { isValidTimeZone } from '../core/zones.js';
import { runCheck, type Check } from '../check/check.js';
import { conditionTreeCheck } from '../check/conditions.js';
import { messageCheck } from '../check/message.js';
import { findEmoji, isTagText, normalizeTag } from '../check/text.js';
import { describeIssue } from '../parse/describe.js';

/** Adds the library's issues to a zod refinement context (code and params in `params`). */
function addIssues(issues: readonly IssueData[], ctx: z.RefinementCtx): void {
  for (const found of issues) {
    ctx.addIssue({ code: 'custom', message: describeIssue(found), path: [...found.path], params: { code: found.code, ...found.params } });
  }
}

/** A rule of the library, run as a zod refinement on an already well-shaped value. */
function libraryRule<T>(check: Check<unknown>): (value: T, ctx: z.RefinementCtx) => void {
  return (value, ctx) => {
    const checked = runCheck(check, value, true);
    if (!checked.ok) addIssues(checked.issues, ctx);
  };
}

// ---------------------------------------------------------------- primitives

/**
 * A string of `min` to `max` characters that then follows `rule`. The rule runs only on a string
 * of the right length, as in the library's checker, so each problem is one issue (zod would
 * otherwise run it after a failed length check too).
 */
function boundedString(min: number, max: number, rule: (text: string) => boolean, message: string): z.ZodString {
  return z
    .string()
    .min(min)
    .max(max)
    .refine((text) => text.length < min || text.length > max || rule(text), { message });
}

/** An id: 1 to `LIMITS.idLength` characters. */
export const idSchema = z.string().min(1).max(LIMITS.idLength);
/** A display name. */
export const nameSchema = boundedString(1, LIMITS.nameLength, (name) => name.trim() !== '', 'must not be only spaces');
/** Text with emoji allowed. */
export const textSchema = z.string().min(1).max(LIMITS.textLength);
/** A URL or screen name. */
export const urlSchema = z.string().min(1).max(LIMITS.urlLength);
/** Plain text: no emoji (agent responses). */
export const plainTextSchema = textSchema.refine((text) => findEmoji(text) === null, { message: 'agent responses are plain text (no emoji)' });
/** A non-negative counter. */
export const counterSchema = z.int().min(0).max(LIMITS.counter);
/** An ISO-8601 timestamp with seconds and an offset or `Z`, in the years 1000–9999. Stays a string. */
export const timestampSchema = z.string().refine((text) => parseTimestamp(text) !== undefined, { message: 'must be an ISO-8601 timestamp with an offset' });
/** A real calendar date `YYYY-MM-DD`. */
export const localDateSchema = z.string().refine((text) => parseLocalDate(text) !== undefined, { message: 'must be a date YYYY-MM-DD' });
/** A wall-clock time `HH:MM` from `00:00` to `24:00`. */
export const wallTimeSchema = z.string().refine((text) => parseWallTime(text) !== undefined, { message: 'must be a time HH:MM from 00:00 to 24:00' });
/** A wall-clock time `HH:MM` from `00:00` to `23:59` (an interval's `open`). */
export const openingTimeSchema = z.string().refine((text) => (parseWallTime(text) ?? 1440) < 1440, { message: 'must be a time HH:MM from 00:00 to 23:59' });
/** A percentage, 0 to 100. */
export const percentSchema = z.number().min(0).max(100);
/** A duration in whole seconds, 0 to `LIMITS.durationSeconds`. */
export const durationSchema = z.int().min(0).max(LIMITS.durationSeconds);

const timeZoneSchema = boundedString(1, LIMITS.timeZoneLength, isValidTimeZone, 'must be an IANA time zone');

function uniqueBy<T>(key: (item: T) => unknown, field?: string): (items: readonly T[], ctx: z.RefinementCtx) => void {
  return (items, ctx) => {
    const seen = new Set<unknown>();
    items.forEach((item, index) => {
      const k = key(item);
      if (seen.has(k)) ctx.addIssue({ code: 'custom', message: 'repeats an earlier one', path: field === undefined ? [index] : [index, field], params: { code: 'duplicate' } });
      seen.add(k);
    });
  };
}

// ---------------------------------------------------------------- schedule

/** A weekly wall-clock interval. */
export const weeklyIntervalSchema = z.strictObject({ day: z.enum(WEEKDAYS), open: openingTimeSchema, close: wallTimeSchema });

/** Inclusive local dates, closed all day. */
export const holidaySchema = z
  .strictObject({ name: nameSchema.optional(), start: localDateSchema, end: localDateSchema })
  .refine(({ start, end }) => (parseLocalDate(end) as number) >= (parseLocalDate(start) as number), { message: 'ends before it starts', path: ['end'] });

/** Business hours: an IANA zone, weekly intervals and holidays. */
export const scheduleSchema = z.strictObject({
  timezone: timeZoneSchema,
  weekly: z.array(weeklyIntervalSchema).max(LIMITS.weeklyIntervals),
  holidays: z.array(holidaySchema).max(LIMITS.holidays).default(() => []),
});

// ---------------------------------------------------------------- conditions

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/**
 * The shape of a condition tree for documentation and JSON Schema (recursive). At run time
 * {@link conditionsSchema} checks trees with the library's iterative checker instead.
 */
export const conditionNodeShapeSchema: z.ZodType<ConditionNode> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(conditionNodeShapeSchema).min(1) }),
    z.strictObject({ any: z.array(conditionNodeShapeSchema).min(1) }),
    z.strictObject({ not: conditionNodeShapeSchema }),
    z.strictObject({
      fact: z.string().min(1).max(LIMITS.factLength),
      operator: z.enum(OPERATORS),
      value: z.union([scalar, z.array(scalar).max(LIMITS.conditionValues)]),
    }) as z.ZodType<ConditionLeaf>,
  ]),
);

/**
 * A condition tree, checked by the library's one tree checker: shape, depth, leaves, nesting,
 * known facts, operators the fact allows, values typed for the operator.
 */
export const conditionsSchema = z.unknown().superRefine(libraryRule(conditionTreeCheck)).transform((tree) => tree as ConditionNode);

// ---------------------------------------------------------------- message

const tagSchema = z
  .string()
  .max(LIMITS.rawTagLength)
  .transform(normalizeTag)
  .pipe(boundedString(1, LIMITS.tagLength, isTagText, 'letters, digits and _ - . : / only'));

const agentResponseSchema = z.strictObject({
  type: z.literal('agent'),
  text: plainTextSchema,
  capture: z.array(z.enum(CAPTURE_FIELDS)).max(CAPTURE_FIELDS.length).superRefine(uniqueBy((field) => field)).default(() => []),
  followUp: plainTextSchema.optional(),
});
const aiAgentResponseSchema = z.strictObject({ type: z.literal('aiAgent'), text: textSchema, aiAgentId: idSchema, answerId: idSchema.optional() });

const triggerSchema = z.discriminatedUnion('event', [
  z.strictObject({ event: z.literal('pageLoad') }),
  z.strictObject({ event: z.literal('timeOnPage'), seconds: z.int().min(0).max(LIMITS.triggerSeconds) }),
]);

const sendWindowSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('anytime') }),
  z.strictObject({ type: z.literal('businessHours'), schedule: scheduleSchema }),
  z.strictObject({ type: z.literal('outsideBusinessHours'), schedule: scheduleSchema }),
]);

const messageShape = {
  id: idSchema,
  name: nameSchema,
  brandId: idSchema,
  channelId: idSchema.nullable(),
  status: z.enum(MESSAGE_STATUSES),
  pauseReason: z.enum(PAUSE_REASONS).optional(),
  errorReasons: z.array(z.enum(ERROR_REASONS)).min(1).max(ERROR_REASONS.length).superRefine(uniqueBy((reason) => reason)).optional(),
  publishedAt: timestampSchema.optional(),
  response: z.discriminatedUnion('type', [agentResponseSchema, aiAgentResponseSchema]),
  trigger: triggerSchema,
  conditions: conditionsSchema.nullable(),
  tags: z
    .array(tagSchema)
    .max(LIMITS.tags)
    .transform((tags) => [...new Set(tags)])
    .default(() => []),
  sendWindow: sendWindowSchema,
  frequency: z.enum(FREQUENCIES),
  priority: z.int().min(-LIMITS.priority).max(LIMITS.priority).default(0),
  activeFrom: timestampSchema.optional(),
  activeUntil: timestampSchema.optional(),
  rolloutPercent: percentSchema.optional(),
  holdoutPercent: percentSchema.optional(),
  maxDeliveries: z.int().min(1).max(LIMITS.deliveriesCap).optional(),
  oncePer: z.enum(PERIODS).optional(),
  snoozeSeconds: durationSchema.optional(),
  cooldownSeconds: durationSchema.optional(),
  metrics: z
    .strictObject({ sent: counterSchema, read: counterSchema, replied: counterSchema, heldOut: counterSchema.optional() })
    .default(() => ({ sent: 0, read: 0, replied: 0 })),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
};

/**
 * A proactive message. Status-dependent fields (`pauseReason` exactly when paused,
 * `errorReasons` exactly in error, `publishedAt` never in a draft, `channelId: null` only in a
 * draft) are checked by the library's own message rule.
 */
export const messageSchema = z.strictObject(messageShape).superRefine((message, ctx) => {
  // The status rule is the message checker's; on a well-shaped message it is all that is left.
  // zod runs this after issues it can continue past too: the checker would report them again.
  if (ctx.issues.length > 0) return;
  const checked = runCheck(messageCheck, message, true);
  if (!checked.ok) addIssues(checked.issues, ctx);
});

/** The message shape without the cross-field rule, for JSON Schema (recursive conditions). */
export const messageShapeSchema = z.strictObject({ ...messageShape, conditions: conditionNodeShapeSchema.nullable() });

// ---------------------------------------------------------------- visitor

const deliverySchema = z.strictObject({
  messageId: idSchema,
  at: timestampSchema,
  visitId: idSchema,
  pageViewId: idSchema,
  dismissed: z.boolean().optional(),
  closed: z.boolean().optional(),
});
const positiveCounter = z.int().min(1).max(LIMITS.counter);
const metadataKey = z
  .string()
  .min(1)
  .max(LIMITS.metadataKeyLength)
  .refine((key) => key !== '__proto__' && key !== 'constructor' && key !== 'prototype', { message: 'reserved key' });

/** A visitor as the widget sees it. */
export const visitorSchema = z.strictObject({
  id: idSchema,
  channelId: idSchema,
  visit: z.strictObject({ id: idSchema, number: positiveCounter, startedAt: timestampSchema, pageViews: positiveCounter }),
  page: z.strictObject({
    viewId: idSchema,
    url: urlSchema,
    title: z.string().max(LIMITS.titleLength),
    referrer: z.string().max(LIMITS.urlLength).nullable().optional(),
    enteredAt: timestampSchema,
  }),
  language: z.string().max(LIMITS.languageLength).regex(/^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$/).nullable().optional(),
  deviceType: z.enum(DEVICE_TYPES).nullable().optional(),
  metadata: z
    .unknown()
    // zod's record skips an own `__proto__` key silently; the format refuses it, like the other two.
    .superRefine((value, ctx) => {
      if (typeof value === 'object' && value !== null && Object.hasOwn(value, '__proto__')) {
        ctx.addIssue({ code: 'custom', message: 'reserved key', path: ['__proto__'], params: { code: 'reservedKey' } });
      }
    })
    .pipe(
      z
        .record(metadataKey, z.union([z.string().max(LIMITS.metadataValueLength), z.number(), z.boolean(), z.null()]))
        .refine((record) => Object.keys(record).length <= LIMITS.metadataKeys, { message: `at most ${LIMITS.metadataKeys} keys` }),
    )
    .optional(),
  inActiveConversation: z.boolean(),
  deliveries: z.array(deliverySchema).max(LIMITS.deliveries).default(() => []),
});

// ---------------------------------------------------------------- workspace

const channelSchema = z.strictObject({
  id: idSchema,
  type: z.enum(CHANNEL_TYPES),
  brandId: idSchema,
  name: nameSchema,
  defaultSender: z.strictObject({ name: nameSchema, avatarUrl: urlSchema.optional() }),
});
const answerSchema = z.strictObject({ id: idSchema, name: nameSchema, published: z.boolean(), text: textSchema.optional() });
const aiAgentSchema = z.strictObject({
  id: idSchema,
  brandId: idSchema,
  name: nameSchema,
  published: z.boolean(),
  active: z.boolean(),
  channelIds: z.array(idSchema).max(LIMITS.channelIds),
  legacy: z.boolean(),
  answers: z.array(answerSchema).max(LIMITS.answers).superRefine(uniqueBy((a) => a.id, 'id')).default(() => []),
  greeting: textSchema.optional(),
  avatarUrl: urlSchema.optional(),
});

/** The account: switches, channels, AI agents and automated-resolution settings. */
export const workspaceSchema = z.strictObject({
  agentWorkspaceEnabled: z.boolean(),
  messagingEnabled: z.boolean(),
  channels: z.array(channelSchema).max(LIMITS.channels).superRefine(uniqueBy((c) => c.id, 'id')),
  aiAgents: z.array(aiAgentSchema).max(LIMITS.aiAgents).superRefine(uniqueBy((a) => a.id, 'id')),
  automatedResolutions: z.strictObject({ pauseAiAgentFeaturesAtLimit: z.boolean(), limitReached: z.boolean() }),
});

/** The schemas' outputs are the library's types (checked at compile time). */
type Assignable<Target, Source extends Target> = Source;
export type MessageSchemaOutput = Assignable<Message, z.output<typeof messageSchema>>;

// ---------------------------------------------------------------- evaluate options

/**
 * The account-wide policies of `evaluate` / `explain` (`cooldownSeconds`, `timeZone`).
 * @example
 * ```ts
 * evaluateOptionsSchema.parse({ cooldownSeconds: 600, timeZone: 'Europe/Berlin' });
 * ```
 */
export const evaluateOptionsSchema = z.strictObject({ cooldownSeconds: durationSchema.optional(), timeZone: timeZoneSchema.optional() });
