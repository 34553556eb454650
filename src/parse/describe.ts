/**
 * The human text of every issue, composed from its code and parameters in this one place.
 * `evaluate`'s bundle never includes it (its issues are data); `parse*`, the life cycle and the
 * CLI attach the text. Quoted input is cut to `LIMITS.quoteLength` characters, so a message
 * stays short whatever the input was.
 * @module
 */
import type { ExpectedType, Issue, IssueData, IssueParams, IssuePath, SendWindowNeverOpensReason, SizeUnit, ValueKind, FormatName } from '../core/issues.js';
import type { Frequency } from '../core/vocabulary.js';
import { QUOTE_LENGTH } from '../core/limits.js';

/** `"value"` cut to `LIMITS.quoteLength` characters. */
function quote(value: string): string {
  return JSON.stringify(value.length > QUOTE_LENGTH ? `${value.slice(0, QUOTE_LENGTH)}…` : value);
}

/** What the issue is about: the last path element, quoted (`"name"`, item 3), or "the value". */
function subject(path: IssuePath): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'the value';
  return typeof last === 'number' ? `item ${last}` : quote(last);
}

const EXPECTED: Readonly<Record<ExpectedType, string>> = {
  string: 'a string',
  number: 'a finite number',
  integer: 'an integer',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  scalar: 'a string, a finite number, true, false or null',
  json: 'plain JSON data (it could not be read)',
};

const KINDS: Readonly<Record<ValueKind, string>> = {
  string: 'a string',
  number: 'a number',
  nonFiniteNumber: 'NaN or an infinite number',
  boolean: 'a boolean',
  null: 'null',
  undefined: 'nothing',
  array: 'a list',
  object: 'an object',
  date: 'a Date',
  other: 'something else',
};

const FORMATS: Readonly<Record<FormatName, string>> = {
  timestamp: 'an ISO-8601 timestamp with seconds and Z or an offset, in the years 1000–9999, e.g. "2026-11-23T10:00:00Z"',
  date: 'a real calendar date YYYY-MM-DD in the years 1000–9999',
  time: 'a time HH:MM from 00:00 to 24:00',
  openingTime: 'a time HH:MM from 00:00 to 23:59',
  language: 'a language tag such as "en" or "en-US"',
  languageSubtag: 'a primary language subtag such as "en" (regions like "en-US" are not compared)',
  tag: 'made of letters, digits and _ - . : / only',
  timeZone: 'an IANA time zone this runtime knows, e.g. "Europe/Berlin"',
};

function size(bound: 'at least' | 'at most', limit: number, unit: SizeUnit): string {
  if (unit === 'value') return `${bound} ${limit}`;
  if (unit === 'levels') return `${bound} ${limit} levels deep`;
  return `${bound} ${limit} ${limit === 1 ? unit.replace(/s$/, '') : unit}`;
}

function list(values: readonly string[]): string {
  const shown = values.slice(0, 20).map(quote).join(', ');
  return values.length > 20 ? `${shown}, …` : shown;
}

const NEVER_OPENS: Readonly<Record<SendWindowNeverOpensReason, string>> = {
  noWeeklyHours: 'no weekly hours',
  everyDayHoliday: 'every day with hours is a holiday',
  alwaysBusinessHours: 'business hours around the clock',
};

/** Where a shadowed message can still show: after the other one was shown in its frequency's scope. */
const SHOWN_IN: Readonly<Record<Frequency, string>> = { once: 'once', oncePerVisit: 'in the visit', everyTime: 'on the page view' };

type Describers = { readonly [C in keyof IssueParams]: (params: IssueParams[C], path: IssuePath) => string };

/** One text per code. */
const DESCRIBE: Describers = {
  invalidType: ({ expected, got }, path) => `${subject(path)} must be ${EXPECTED[expected]}, got ${KINDS[got]}`,
  required: (_, path) => `${subject(path)} is required`,
  unknownKey: (_, path) => `unknown key ${subject(path)}`,
  reservedKey: (_, path) => `key ${subject(path)} is reserved and never accepted`,
  invalidValue: ({ allowed }, path) => `${subject(path)} must be one of ${list(allowed)}`,
  invalidFormat: ({ format }, path) => `${subject(path)} must be ${FORMATS[format]}`,
  tooSmall: ({ minimum, unit }, path) =>
    minimum === 1 && unit !== 'value' ? `${subject(path)} must not be empty` : `${subject(path)} must be ${size('at least', minimum, unit)}`,
  tooBig: ({ maximum, unit }, path) => `${subject(path)} must be ${size('at most', maximum, unit)}`,
  duplicate: (_, path) => `${subject(path)} repeats an earlier one`,
  invalidRange: (_, path) => `${subject(path)} does not come after the start of its range`,
  emojiNotAllowed: ({ emoji }, path) => `${subject(path)} contains the emoji ${quote(emoji)}; agent responses are plain text`,
  nestingNotAllowed: ({ leaves, minimum }) =>
    `a group inside a group needs at least ${minimum} conditions in the tree; this tree has ${leaves}`,
  statusFieldMismatch: ({ status }, path) => `${subject(path)} does not go with status "${status}"`,
  metadataNotOnChannel: () => 'business metadata facts exist on web-widget channels only',
  invalidInstant: ({ got }, path) =>
    `${subject(path)} must be a Date, epoch milliseconds or an ISO-8601 timestamp with an offset in the years 1000–9999, got ${KINDS[got]}`,
  actionNotAllowed: ({ action, status }) => `cannot ${action} a message that is ${status}`,
  automatedResolutionLimitReached: () =>
    'the automated-resolution limit is still reached; the message resumes by itself when it is lifted',
  agentWorkspaceDisabled: () => 'the account does not have the agent workspace enabled',
  messagingDisabled: () => 'the account does not have messaging enabled',
  noEligibleChannelInAccount: () => 'the account has no web widget or mobile SDK channel',
  channelNotSet: () => 'pick a messaging channel',
  messageNotFound: ({ id }) => `no message with id ${quote(id)}`,
  // The feature's name only (docs/migrating-from-json-rules-engine.md explains each): this text ships in widget bundles.
  noEquivalent: ({ feature }, path) => `${subject(path)}: json-rules-engine's ${feature} has no equivalent in condition trees`,
  channelDeleted: ({ channelId }) => `channel ${quote(channelId)} is not in the workspace`,
  channelTypeNotAllowed: ({ channelId, channelType }) =>
    `channel ${quote(channelId)} is a ${channelType} channel; only web widget and mobile SDK channels carry proactive messages`,
  channelOtherBrand: ({ channelId, brandId }) => `channel ${quote(channelId)} belongs to brand ${quote(brandId)}, not the message's`,
  aiAgentDeleted: ({ aiAgentId }) => `AI agent ${quote(aiAgentId)} is not in the workspace`,
  aiAgentUnpublished: ({ aiAgentId }) => `AI agent ${quote(aiAgentId)} is not published`,
  aiAgentInactive: ({ aiAgentId }) => `AI agent ${quote(aiAgentId)} is not active`,
  aiAgentOtherBrand: ({ aiAgentId, brandId }) => `AI agent ${quote(aiAgentId)} belongs to brand ${quote(brandId)}, not the message's`,
  aiAgentNotOnChannel: ({ aiAgentId, channelId }) => `AI agent ${quote(aiAgentId)} is not published on channel ${quote(channelId)}`,
  answerDeleted: ({ answerId }) => `answer ${quote(answerId)} is not one of the AI agent's answers`,
  answerUnpublished: ({ answerId }) => `answer ${quote(answerId)} is not published`,
  conditionsNeverHold: () => 'no visitor meets the conditions: the message never shows',
  conditionsAlwaysHold: () => 'every visitor meets the conditions',
  branchNeverHolds: () => 'no visitor meets this part of the conditions',
  branchAlwaysHolds: () => 'every visitor meets this part of the conditions',
  triggerAfterConditions: ({ seconds, maximum }) =>
    `the trigger waits ${seconds} s, but the conditions allow ${maximum === null ? 'less' : `at most ${maximum} s`} on the page`,
  sendWindowNeverOpens: ({ reason }) => `the send window never opens (${NEVER_OPENS[reason]})`,
  sendWindowEnds: ({ closesAt }) => `the send window closes for good at ${closesAt}`,
  sendWindowInPast: ({ closesAt }) => `the send window closed for good at ${closesAt}`,
  shadowed: ({ messageId, frequency, shows }) =>
    `outranked by ${quote(messageId)} whenever it qualifies: ${
      shows === 'never' ? 'that one cannot be presented, so this never shows' : `shows only after that one was shown ${SHOWN_IN[frequency]}`
    }`,
  duplicateName: ({ messageId }) => `same name as ${quote(messageId)}`,
  accountLimitNear: ({ count, maximum }) => `${count} of at most ${maximum} messages`,
  visitorNotOnSite: ({ visitorId }) => `visitor ${quote(visitorId)} is not on the site`,
};

/**
 * The readable text of an issue, composed from its code and parameters.
 * @example
 * ```ts
 * describeIssue({ path: ['name'], code: 'tooBig', params: { maximum: 200, unit: 'characters' } });
 * // '"name" must be at most 200 characters'
 * ```
 */
export function describeIssue(found: IssueData): string {
  // Total: anything but an issue this library made is described as such — one that cannot be read too.
  let issue: IssueData;
  try {
    const { code, params, path } = typeof found === 'object' && found !== null ? found : ({} as Partial<IssueData>);
    if (typeof code !== 'string' || !Object.hasOwn(DESCRIBE, code) || !Array.isArray(path) || typeof params !== 'object' || params === null) {
      return 'not an issue of this library';
    }
    issue = { code, params, path } as IssueData;
  } catch {
    return 'not an issue of this library';
  }
  try {
    return (DESCRIBE[issue.code] as (params: unknown, path: IssuePath) => string)(issue.params, issue.path);
  } catch {
    // Parameters of another shape (a hand-built issue): the code is all that can be said.
    return `issue ${issue.code}`;
  }
}

/**
 * Issues with their readable messages.
 * @example
 * ```ts
 * withMessages(decision.invalid.map((entry) => entry.issue))[0]?.message;
 * ```
 */
export function withMessages(issues: readonly IssueData[]): Issue[] {
  return issues.map((found) => ({ ...found, message: describeIssue(found) }) as Issue);
}
