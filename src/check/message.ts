/**
 * The message checker: the one definition of a valid message, run by `parseMessage` (every
 * issue) and by `evaluate` (first failure) alike.
 * @module
 */
import { NO_PARAMS } from '../core/issues.js';
import { MAX_DELIVERIES_CAP, MAX_PRIORITY, MAX_RAW_TAG_LENGTH, MAX_TAGS, MAX_TAG_LENGTH, MAX_TRIGGER_SECONDS } from '../core/limits.js';
import type { AgentResponse, AiAgentResponse, ConditionNode, Message, Metrics, Response, SendWindow, Trigger } from '../core/types.js';
import {
  CAPTURE_FIELDS,
  ERROR_REASONS,
  FREQUENCIES,
  MESSAGE_STATUSES,
  PAUSE_REASONS,
  PERIODS,
  type MessageStatus,
} from '../core/vocabulary.js';
import { BAD, int, list, nullable, object, oneOf, opt, report, str, unique, variant, withDefault, type Check, type Ctx, type Failed } from './check.js';
import { conditionTreeCheck } from './conditions.js';
import { counter, durationSeconds, id, name, percent, plainText, text, timestamp } from './primitives.js';
import { parseTimestamp } from '../core/instants.js';
import { scheduleCheck } from './schedule.js';
import { isTagText, normalizeTag } from './text.js';

const agentResponse = /* @__PURE__ */ object<AgentResponse>({
  type: oneOf(['agent']),
  text: plainText,
  capture: withDefault(list(oneOf(CAPTURE_FIELDS), 0, CAPTURE_FIELDS.length, unique((field) => field)), () => []),
  followUp: opt(plainText),
});

const aiAgentResponse = /* @__PURE__ */ object<AiAgentResponse>({
  type: oneOf(['aiAgent']),
  text,
  aiAgentId: id,
  answerId: opt(id),
});

const trigger = /* @__PURE__ */ variant<Trigger>('event', {
  pageLoad: object({ event: oneOf(['pageLoad']) }),
  timeOnPage: object({ event: oneOf(['timeOnPage']), seconds: int(0, MAX_TRIGGER_SECONDS) }),
});

const sendWindow = /* @__PURE__ */ variant<SendWindow>('type', {
  anytime: object({ type: oneOf(['anytime']) }),
  businessHours: object({ type: oneOf(['businessHours']), schedule: scheduleCheck }),
  outsideBusinessHours: object({ type: oneOf(['outsideBusinessHours']), schedule: scheduleCheck }),
});

/** One tag: normalised (NFC, trimmed, lower-cased, inner spaces as `_`), then measured and checked. */
const tag = /* @__PURE__ */ str(0, MAX_RAW_TAG_LENGTH, (raw, ctx) => {
  const normal = normalizeTag(raw);
  if (normal.length === 0) return report(ctx, 'tooSmall', { minimum: 1, unit: 'characters' });
  if (normal.length > MAX_TAG_LENGTH) return report(ctx, 'tooBig', { maximum: MAX_TAG_LENGTH, unit: 'characters' });
  return isTagText(normal) ? normal : report(ctx, 'invalidFormat', { format: 'tag' });
});
const tagList = /* @__PURE__ */ list(tag, 0, MAX_TAGS);
/** Tags: normalised; later duplicates (after normalisation) are dropped. */
const tags: Check<string[]> = (value, ctx) => {
  const parsed = tagList(value, ctx);
  if (parsed === BAD || new Set(parsed).size === parsed.length) return parsed;
  return [...new Set(parsed)];
};

const ZERO_METRICS: Metrics = Object.freeze({ sent: 0, read: 0, replied: 0 });

/** A message's metrics (`heldOut` only once hold-outs are counted). */
export const metricsCheck = /* @__PURE__ */ object<Metrics>({ sent: counter, read: counter, replied: counter, heldOut: opt(counter) });

/** The message-level rules: status fields, and `activeUntil` after `activeFrom`. */
function messageRules(message: Message, ctx: Ctx, failed: Failed): void {
  statusFields(message, ctx, failed);
  const { activeFrom, activeUntil } = message;
  if (activeFrom === undefined || activeUntil === undefined || failed('activeFrom') || failed('activeUntil')) return;
  if ((parseTimestamp(activeUntil) as number) <= (parseTimestamp(activeFrom) as number)) report(ctx, 'invalidRange', NO_PARAMS, 'activeUntil');
}

/**
 * Fields that depend on `status`: `channelId: null` only in a draft; `pauseReason` exactly when
 * paused; `errorReasons` exactly in error; `publishedAt` never in a draft.
 */
function statusFields(message: Message, ctx: Ctx, failed: Failed): void {
  if (failed('status')) return;
  const status: MessageStatus = message.status;
  const mismatch = { status };
  if (!failed('channelId') && message.channelId === null && status !== 'draft') report(ctx, 'statusFieldMismatch', mismatch, 'channelId');
  if (!failed('pauseReason')) {
    if (message.pauseReason !== undefined && status !== 'paused') report(ctx, 'statusFieldMismatch', mismatch, 'pauseReason');
    else if (message.pauseReason === undefined && status === 'paused') report(ctx, 'required', NO_PARAMS, 'pauseReason');
  }
  if (!failed('errorReasons')) {
    if (message.errorReasons !== undefined && status !== 'error') report(ctx, 'statusFieldMismatch', mismatch, 'errorReasons');
    else if (message.errorReasons === undefined && status === 'error') report(ctx, 'required', NO_PARAMS, 'errorReasons');
  }
  if (!failed('publishedAt') && message.publishedAt !== undefined && status === 'draft') {
    report(ctx, 'statusFieldMismatch', mismatch, 'publishedAt');
  }
}

/** A proactive message. Defaults: `tags: []`, `priority: 0`, zero `metrics`, `capture: []`, `holidays: []`. */
export const messageCheck: Check<Message> = /* @__PURE__ */ object<Message>(
  {
    id,
    name,
    brandId: id,
    channelId: nullable(id),
    status: oneOf(MESSAGE_STATUSES),
    pauseReason: opt(oneOf(PAUSE_REASONS)),
    errorReasons: opt(list(oneOf(ERROR_REASONS), 1, ERROR_REASONS.length, unique((reason) => reason))),
    publishedAt: opt(timestamp),
    response: variant<Response>('type', { agent: agentResponse, aiAgent: aiAgentResponse }),
    trigger,
    conditions: nullable<ConditionNode>(conditionTreeCheck),
    tags: withDefault(tags, () => []),
    sendWindow,
    frequency: oneOf(FREQUENCIES),
    priority: withDefault(int(-MAX_PRIORITY, MAX_PRIORITY), () => 0),
    activeFrom: opt(timestamp),
    activeUntil: opt(timestamp),
    rolloutPercent: opt(percent),
    holdoutPercent: opt(percent),
    maxDeliveries: opt(int(1, MAX_DELIVERIES_CAP)),
    oncePer: opt(oneOf(PERIODS)),
    snoozeSeconds: opt(durationSeconds),
    cooldownSeconds: opt(durationSeconds),
    metrics: withDefault(metricsCheck, () => ZERO_METRICS),
    createdAt: timestamp,
    updatedAt: timestamp,
  },
  messageRules,
);
