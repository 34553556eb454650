/**
 * The one issue vocabulary: every stable code the library reports, the parameters each carries,
 * and the `Result` type. Issues are data — `{ path, code, params }` — and the human text is
 * composed from code + params in one place (`parse/describe.ts`), which `evaluate`'s bundle
 * does not include. `docs/issue-codes.md` lists every code (a test keeps the two equal).
 *
 * Ground floor: imports only from `core/`.
 * @module
 */
import { ERROR_REASONS, type ErrorReason, type Frequency, type JsonRulesEngineFeature, type MessageStatus } from './vocabulary.js';

/** A location inside the input: object keys and array indexes from the root. */
export type IssuePath = readonly (string | number)[];

/** What a value is, as issues name it. */
export type ValueKind =
  | 'string'
  | 'number'
  | 'nonFiniteNumber'
  | 'boolean'
  | 'null'
  | 'undefined'
  | 'array'
  | 'object'
  | 'date'
  | 'other';

/** What a value should have been (`invalidType`). */
export type ExpectedType =
  | 'string'
  | 'number'
  | 'integer'
  | 'boolean'
  | 'object'
  | 'array'
  /** A string, a finite number, a boolean or `null`. */
  | 'scalar'
  /** Plain JSON data (a value that could not be read: a throwing getter, a Proxy). */
  | 'json';

/** What a size bound counts (`tooSmall`, `tooBig`). */
export type SizeUnit = 'characters' | 'items' | 'keys' | 'levels' | 'leaves' | 'nodes' | 'messages' | 'value';

/** Formats a string must follow (`invalidFormat`). */
export type FormatName =
  /** ISO-8601 with seconds and `Z` or an offset, on a real date in years 1000–9999. */
  | 'timestamp'
  /** A real calendar date `YYYY-MM-DD` in years 1000–9999. */
  | 'date'
  /** `HH:MM` from `00:00` to `24:00`. */
  | 'time'
  /** `HH:MM` from `00:00` to `23:59` (an interval's `open`). */
  | 'openingTime'
  /** A language tag such as `en` or `en-US`. */
  | 'language'
  /** A primary language subtag such as `en` (conditions compare primary subtags only). */
  | 'languageSubtag'
  /** Letters, digits and `_ - . : /` after normalisation. */
  | 'tag'
  /** An IANA time-zone name this runtime's `Intl` knows. */
  | 'timeZone';

/** The parameters of each code. */
export interface IssueParams {
  /** The value has the wrong type. */
  readonly invalidType: { readonly expected: ExpectedType; readonly got: ValueKind };
  /** A required value is missing. */
  readonly required: Readonly<Record<string, never>>;
  /** A key the format does not have (the key is the last path element). */
  readonly unknownKey: Readonly<Record<string, never>>;
  /** `__proto__`, `constructor` or `prototype`: never accepted as a key. */
  readonly reservedKey: Readonly<Record<string, never>>;
  /** Not one of a closed list of values. */
  readonly invalidValue: { readonly allowed: readonly string[] };
  /** A string that does not follow its format. */
  readonly invalidFormat: { readonly format: FormatName };
  /** Below a minimum: fewer characters, items, … or a smaller number. */
  readonly tooSmall: { readonly minimum: number; readonly unit: SizeUnit };
  /** Above a maximum. */
  readonly tooBig: { readonly maximum: number; readonly unit: SizeUnit };
  /** The same value (an id, …) as an earlier item. */
  readonly duplicate: Readonly<Record<string, never>>;
  /** A range that ends before it starts. */
  readonly invalidRange: Readonly<Record<string, never>>;
  /** An emoji in text that must be plain (agent responses). */
  readonly emojiNotAllowed: { readonly emoji: string };
  /** A group inside a group in a tree with fewer than `minimum` leaves. */
  readonly nestingNotAllowed: { readonly leaves: number; readonly minimum: number };
  /** A field that contradicts the message's status. */
  readonly statusFieldMismatch: { readonly status: MessageStatus };
  /** A `metadata.*` fact on a channel that has no business metadata (mobile SDK). */
  readonly metadataNotOnChannel: Readonly<Record<string, never>>;
  /** `now` (or another time argument) is not a `Date`, epoch ms or an ISO-8601 string with an offset. */
  readonly invalidInstant: { readonly got: ValueKind };
  /** The status machine does not allow the action from this status. */
  readonly actionNotAllowed: { readonly action: string; readonly status: MessageStatus };
  /** Resuming is refused while the automated-resolution limit pauses this AI-agent message. */
  readonly automatedResolutionLimitReached: Readonly<Record<string, never>>;
  /** The account has the agent workspace disabled. */
  readonly agentWorkspaceDisabled: Readonly<Record<string, never>>;
  /** The account has messaging disabled. */
  readonly messagingDisabled: Readonly<Record<string, never>>;
  /** The account has no web-widget or mobile-SDK channel. */
  readonly noEligibleChannelInAccount: Readonly<Record<string, never>>;
  /** A draft without a channel cannot be published or presented. */
  readonly channelNotSet: Readonly<Record<string, never>>;
  /** No message with this id in the list. */
  readonly messageNotFound: { readonly id: string };
  /** A json-rules-engine feature a condition tree cannot express (`fromJsonRulesEngine`). */
  readonly noEquivalent: { readonly feature: JsonRulesEngineFeature };
  // The dependency check (see ERROR_REASONS): what the message depends on is missing or invalid.
  readonly channelDeleted: { readonly channelId: string };
  readonly channelTypeNotAllowed: { readonly channelId: string; readonly channelType: string };
  readonly channelOtherBrand: { readonly channelId: string; readonly brandId: string };
  readonly aiAgentDeleted: { readonly aiAgentId: string };
  readonly aiAgentUnpublished: { readonly aiAgentId: string };
  readonly aiAgentInactive: { readonly aiAgentId: string };
  readonly aiAgentOtherBrand: { readonly aiAgentId: string; readonly brandId: string };
  readonly aiAgentNotOnChannel: { readonly aiAgentId: string; readonly channelId: string };
  readonly answerDeleted: { readonly answerId: string };
  readonly answerUnpublished: { readonly answerId: string };
  // Lint findings (`lint`): what the analysis proved about a message set (see docs/lint.md).
  /** A message's conditions hold for no visitor: it can never be shown. */
  readonly conditionsNeverHold: Readonly<Record<string, never>>;
  /** A message's conditions hold for every visitor: they select nobody out. */
  readonly conditionsAlwaysHold: Readonly<Record<string, never>>;
  /** A part of a condition tree (below the root) holds for no visitor. */
  readonly branchNeverHolds: Readonly<Record<string, never>>;
  /** A part of a condition tree (below the root) holds for every visitor. */
  readonly branchAlwaysHolds: Readonly<Record<string, never>>;
  /**
   * A `timeOnPage` trigger waits `seconds`, but the conditions hold only up to `maximum` seconds on
   * the page (`null`: a smaller bound was not worked out).
   */
  readonly triggerAfterConditions: { readonly seconds: number; readonly maximum: number | null };
  /** A send window that is never open at any instant. */
  readonly sendWindowNeverOpens: { readonly reason: SendWindowNeverOpensReason };
  /** A send window that closes for good at `closesAt` (holidays cover every later day). */
  readonly sendWindowEnds: { readonly closesAt: string };
  /** A send window that closed for good at `closesAt`, before the instant lint was given. */
  readonly sendWindowInPast: { readonly closesAt: string };
  /**
   * Whenever this message qualifies, the higher-ranked live message `messageId` on the same
   * channel qualifies too: it shows only once that message is capped by its `frequency`
   * (`shows: 'onceCapped'`), or never (`'never'`: that message cannot be presented, so it is never
   * delivered and never capped).
   */
  readonly shadowed: { readonly messageId: string; readonly frequency: Frequency; readonly shows: 'onceCapped' | 'never' };
  /** The same name (ignoring case and surrounding spaces) as the earlier message `messageId`. */
  readonly duplicateName: { readonly messageId: string };
  /** The list holds `count` messages of the account's `maximum`. */
  readonly accountLimitNear: { readonly count: number; readonly maximum: number };
  /** A simulation script event for a visitor who has not arrived yet or has left. */
  readonly visitorNotOnSite: { readonly visitorId: string };
}

/** Why a send window never opens (`sendWindowNeverOpens`). */
export type SendWindowNeverOpensReason =
  /** Business hours with no weekly interval. */
  | 'noWeeklyHours'
  /** Business hours whose holidays cover every day that has hours. */
  | 'everyDayHoliday'
  /** Outside business hours of a schedule open around the clock with no holidays. */
  | 'alwaysBusinessHours';

/** Every issue code. */
export type IssueCode = keyof IssueParams;

/** The codes of lint findings, in the order `docs/lint.md` lists them. */
export const LINT_ISSUE_CODES = [
  'conditionsNeverHold',
  'conditionsAlwaysHold',
  'branchNeverHolds',
  'branchAlwaysHolds',
  'triggerAfterConditions',
  'sendWindowNeverOpens',
  'sendWindowEnds',
  'sendWindowInPast',
  'shadowed',
  'duplicateName',
  'accountLimitNear',
] as const satisfies readonly IssueCode[];
/** A code of a lint finding of lint's own (lint also reports the parsers' and the dependency check's codes). */
export type LintIssueCode = (typeof LINT_ISSUE_CODES)[number];

/** Every issue code, in the order `docs/issue-codes.md` lists them. */
export const ISSUE_CODES = /* @__PURE__ */ (
  [
  'invalidType',
  'required',
  'unknownKey',
  'reservedKey',
  'invalidValue',
  'invalidFormat',
  'tooSmall',
  'tooBig',
  'duplicate',
  'invalidRange',
  'emojiNotAllowed',
  'nestingNotAllowed',
  'statusFieldMismatch',
  'metadataNotOnChannel',
  'invalidInstant',
  'actionNotAllowed',
  'automatedResolutionLimitReached',
  'agentWorkspaceDisabled',
  'messagingDisabled',
  'noEligibleChannelInAccount',
  'channelNotSet',
  'messageNotFound',
  'noEquivalent',
  ] as const
).concat(ERROR_REASONS as unknown as never[], LINT_ISSUE_CODES as unknown as never[], ['visitorNotOnSite'] as never[]) as readonly IssueCode[];

// Every code of IssueParams is listed (a missing one fails to compile here), and the dependency
// reasons are issue codes with parameters.
type Listed = 'invalidType' | 'required' | 'unknownKey' | 'reservedKey' | 'invalidValue' | 'invalidFormat' | 'tooSmall' | 'tooBig'
  | 'duplicate' | 'invalidRange' | 'emojiNotAllowed' | 'nestingNotAllowed' | 'statusFieldMismatch' | 'metadataNotOnChannel'
  | 'invalidInstant' | 'actionNotAllowed' | 'automatedResolutionLimitReached' | 'agentWorkspaceDisabled' | 'messagingDisabled'
  | 'noEligibleChannelInAccount' | 'channelNotSet' | 'messageNotFound' | 'noEquivalent' | ErrorReason | LintIssueCode | 'visitorNotOnSite';
export type IssueCodesAreComplete = [Exclude<IssueCode, Listed>, Exclude<Listed, IssueCode>] extends [never, never] ? true : never;

/** One issue as data: where, which code, and its parameters. */
export type IssueData = {
  readonly [C in IssueCode]: { readonly path: IssuePath; readonly code: C; readonly params: IssueParams[C] };
}[IssueCode];

/** One issue with its readable message (composed from code + params by `describeIssue`). */
export type Issue = IssueData & { readonly message: string };

/** `{ ok: true, value }` or `{ ok: false, issues }` — never a thrown exception. */
export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/** Shared empty parameters. */
export const NO_PARAMS: Readonly<Record<string, never>> = Object.freeze({});

/**
 * Builds one issue (data).
 * @example
 * ```ts
 * issueAt(['priority'], 'tooBig', { maximum: 1_000_000, unit: 'value' });
 * ```
 */
export function issueAt<C extends IssueCode>(path: IssuePath, code: C, params: IssueParams[C]): IssueData {
  return { path, code, params } as IssueData;
}

/**
 * Prefixes the paths of issues with `base` (an argument name, a list index).
 * @example
 * ```ts
 * rebase([issueAt(['id'], 'required', NO_PARAMS)], [3]); // path [3, 'id']
 * ```
 */
export function rebase<T extends IssueData>(issues: readonly T[], base: IssuePath): T[] {
  return base.length === 0 ? [...issues] : issues.map((found) => ({ ...found, path: [...base, ...found.path] }));
}

/** Exhaustiveness guard for `switch` statements over closed unions (a programmer error the types forbid). */
export function assertNever(value: never, what = 'value'): never {
  // Names the kind only: the value may be huge.
  throw new TypeError(`unexpected ${what} (${typeof value})`);
}
const _codesComplete: IssueCodesAreComplete = true;
void _codesComplete;
