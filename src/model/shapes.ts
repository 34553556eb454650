/**
 * The wire format (SPEC §4) as runtime checks built from `check.ts`: what the parsers run.
 *
 * Each check mirrors a zod schema of `schema/` key for key, in the same order, with the same
 * limits and issue codes; a differential test (`test/model/differential.test.ts`) runs both on
 * generated and mutated inputs and requires the same result. Change both together.
 * @module
 */
import { isValidTimeZone } from '../schedule/zone.js';
import {
  array,
  boolean,
  describeValue,
  integer,
  keyName,
  normalizedString,
  nullable,
  object,
  oneOf,
  optional,
  present,
  pushSoft,
  record,
  string,
  unique,
  variant,
  withDefault,
  type Check,
  type Rule,
} from './check.js';
import { isIsoTimestamp, isLocalDate } from './formats.js';
import { LIMITS } from './limits.js';
import { issue } from './result.js';
import { codePoints, findEmoji, isTagText, normalizeTag } from './text.js';
import type {
  AgentResponse,
  AiAgentResponse,
  ConditionNode,
  Delivery,
  Holiday,
  Message,
  Response,
  Schedule,
  SendWindow,
  Trigger,
  Visitor,
  WeeklyInterval,
} from './types.js';
import {
  CAPTURE_FIELDS,
  DEVICE_TYPES,
  ERROR_REASONS,
  FREQUENCIES,
  MESSAGE_STATUSES,
  PAUSE_REASONS,
  WEEKDAYS,
} from './vocabulary.js';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** An id, a display name, a text with emoji allowed, a URL or screen name (also used by `workspace-shape.ts`). */
export const id = string(1, LIMITS.idLength);
export const name = string(1, LIMITS.nameLength);
export const text = string(1, LIMITS.textLength);
export const url = string(1, LIMITS.urlLength);
const counter = integer(0, MAX_SAFE);
const positiveCount = integer(1, MAX_SAFE);

const noEmoji: Rule<string> = (value) => {
  const emoji = findEmoji(value);
  return emoji === null
    ? undefined
    : ['emojiNotAllowed', `contains the emoji "${emoji}" (${codePoints(emoji)}); agent responses are plain text`];
};
const plainText = string(1, LIMITS.textLength, noEmoji);

const timestamp = string(0, 40, (value) =>
  isIsoTimestamp(value)
    ? undefined
    : ['invalidTimestamp', 'must be an ISO-8601 timestamp with seconds and an offset or Z, e.g. "2026-11-23T10:00:00Z"'],
);

const localDate = string(0, 10, (value) =>
  isLocalDate(value) ? undefined : ['invalidFormat', 'must be a real calendar date YYYY-MM-DD'],
);

const WALL_CLOCK = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
const wallClock = string(0, 5, (value, path) =>
  WALL_CLOCK.test(value) ? undefined : ['invalidFormat', `${keyName(path)} must be a time HH:MM from 00:00 to 24:00`],
);

// ---------------------------------------------------------------- schedule

const weeklyInterval = object<WeeklyInterval>({ day: oneOf(WEEKDAYS), open: wallClock, close: wallClock });

const holiday = object<Holiday>(
  { name: optional(name), start: localDate, end: localDate },
  // `YYYY-MM-DD` strings compare as dates.
  ({ start, end }) => (start <= end ? undefined : ['invalidRange', `holiday ends (${end}) before it starts (${start})`, ['end']]),
);

/** A business-hours schedule. */
export const scheduleCheck: Check<Schedule> = object<Schedule>({
  timezone: string(1, LIMITS.timeZoneLength, (zone) =>
    isValidTimeZone(zone) ? undefined : ['invalidTimeZone', `"${zone}" is not an IANA time zone this runtime knows`],
  ),
  weekly: array(weeklyInterval, 0, LIMITS.weeklyIntervals),
  holidays: withDefault(array(holiday, 0, LIMITS.holidays), () => []),
});

// ---------------------------------------------------------------- message

const agentResponse = object<AgentResponse>({
  type: oneOf(['agent']),
  text: plainText,
  capture: withDefault(array(oneOf(CAPTURE_FIELDS), 0, CAPTURE_FIELDS.length, unique((field) => field, 'field')), () => []),
  followUp: optional(plainText),
});

const aiAgentResponse = object<AiAgentResponse>({
  type: oneOf(['aiAgent']),
  text,
  aiAgentId: id,
  answerId: optional(id),
});

const trigger = variant<Trigger>('event', {
  pageLoad: object({ event: oneOf(['pageLoad']) }),
  timeOnPage: object({ event: oneOf(['timeOnPage']), seconds: integer(0, LIMITS.triggerSeconds) }),
});

const sendWindow = variant<SendWindow>('type', {
  anytime: object({ type: oneOf(['anytime']) }),
  businessHours: object({ type: oneOf(['businessHours']), schedule: scheduleCheck }),
  outsideBusinessHours: object({ type: oneOf(['outsideBusinessHours']), schedule: scheduleCheck }),
});

const tag = normalizedString(
  LIMITS.textLength,
  normalizeTag,
  string(1, LIMITS.tagLength, (value) =>
    isTagText(value) ? undefined : ['invalidFormat', `tag "${value}" may only contain letters, digits and _ - . : /`],
  ),
);

const tagList = array(tag, 0, LIMITS.tags);
/** Tags, duplicates (after normalisation) dropped. */
const tags: Check<string[]> = (value, path, issues) => {
  const parsed = tagList(value, path, issues);
  return Array.isArray(parsed) ? [...new Set(parsed)] : parsed;
};

/**
 * A message. The condition tree is only required to be present here: `parseMessage` has already
 * walked it iteratively (bounded) and checked its semantics.
 */
export const messageCheck: Check<Message> = object<Message>({
  id,
  name,
  brandId: id,
  channelId: nullable(id),
  status: oneOf(MESSAGE_STATUSES),
  pauseReason: optional(oneOf(PAUSE_REASONS)),
  errorReasons: optional(
    array(oneOf(ERROR_REASONS), 1, ERROR_REASONS.length, unique((reason) => reason, 'error reason')),
  ),
  publishedAt: optional(timestamp),
  response: variant<Response>('type', { agent: agentResponse, aiAgent: aiAgentResponse }),
  trigger,
  conditions: nullable(present<ConditionNode>()),
  tags: withDefault(tags, () => []),
  sendWindow,
  frequency: oneOf(FREQUENCIES),
  priority: withDefault(integer(-LIMITS.priority, LIMITS.priority), () => 0),
  metrics: withDefault(object({ sent: counter, read: counter, replied: counter }), () => ({ sent: 0, read: 0, replied: 0 })),
  createdAt: timestamp,
  updatedAt: timestamp,
});

// ---------------------------------------------------------------- visitor

const delivery = object<Delivery>({
  messageId: id,
  at: timestamp,
  visitId: id,
  pageViewId: id,
  dismissed: optional(boolean),
  closed: optional(boolean),
});

const LANGUAGE = /^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$/;

const metadataValue: Check<string | number | boolean | null> = (value, path, issues) => {
  if (typeof value === 'string') {
    if (value.length > LIMITS.metadataValueLength) {
      pushSoft(issues, issue(path, 'tooLong', `${keyName(path)} must be at most ${LIMITS.metadataValueLength} characters`));
    }
    return value;
  }
  if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean' || value === null) return value;
  issues.push(
    issue(path, 'invalidType', `expected a string or a finite number or true or false or null, got ${describeValue(value)}`),
  );
  return null;
};

/** A visitor as the widget sees it. */
export const visitorCheck: Check<Visitor> = object<Visitor>({
  id,
  channelId: id,
  visit: object({ id, number: positiveCount, startedAt: timestamp, pageViews: positiveCount }),
  page: object({
    viewId: id,
    url,
    title: string(0, LIMITS.titleLength),
    referrer: optional(nullable(string(0, LIMITS.urlLength))),
    enteredAt: timestamp,
  }),
  language: optional(
    nullable(
      string(0, LIMITS.languageLength, (value, path) =>
        LANGUAGE.test(value) ? undefined : ['invalidFormat', `${keyName(path)} must be a language tag such as "en" or "en-US"`],
      ),
    ),
  ),
  deviceType: optional(nullable(oneOf(DEVICE_TYPES))),
  metadata: optional(
    record(string(1, LIMITS.metadataKeyLength), metadataValue, (value) =>
      Object.keys(value).length > LIMITS.metadataKeys
        ? ['tooMany', `metadata has more than ${LIMITS.metadataKeys} keys`]
        : undefined,
    ),
  ),
  inActiveConversation: boolean,
  deliveries: withDefault(array(delivery, 0, LIMITS.deliveries), () => []),
});
