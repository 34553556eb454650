/**
 * Compiles a list of messages once into the form `evaluate` runs on: per message a compiled
 * condition tree, schedule and trigger; per channel the live messages in priority order.
 * Cached by array identity (and each tree and schedule by its own identity) in `WeakMap`s, so
 * the cache never outlives the caller's data.
 * @module
 */
import type { Frequency, Message, SendWindow, Trigger } from '../model/types.js';
import type { IssueCode } from '../model/issue-codes.js';
import { issue, type Issue, type IssuePath } from '../model/result.js';
// The lean compilers only: the detailed validators stay out of `evaluate`'s bundle.
import { compileTreeLean, type CompiledConditions } from '../conditions/plan.js';
import { prepareSchedule, type CompiledSchedule } from '../schedule/prepare.js';
import { isRecord } from '../schedule/normalize.js';
import { isFiniteNumber } from '../conditions/lean.js';
import { FREQUENCY_CAP } from '../frequency/history.js';
import { MESSAGE_STATUSES } from '../model/vocabulary.js';

/** The send window reduced to what evaluation needs. */
export type CompiledWindow =
  | { readonly kind: 'anytime' }
  | { readonly kind: 'inside' | 'outside'; readonly schedule: CompiledSchedule };

/** One valid message, ready to evaluate. */
export interface CompiledMessage {
  readonly index: number;
  readonly message: Message;
  readonly id: string;
  readonly live: boolean;
  readonly channelId: string | null;
  readonly frequency: Frequency;
  /** The history flag that rules the message out (`FREQUENCY_CAP` of its frequency). */
  readonly cap: (typeof FREQUENCY_CAP)[Frequency];
  readonly window: CompiledWindow;
  /** Milliseconds after `page.enteredAt` at which the trigger fires (0 for page load). */
  readonly triggerDelayMs: number;
  /** Never throws on facts from `readFacts`. */
  readonly conditions: CompiledConditions;
}

/** A message that could not be compiled: skipped by `evaluate`, reported as `invalid`. */
export interface InvalidMessage {
  /** Position in the `messages` array. */
  readonly index: number;
  /** The message's id when it has a string one. */
  readonly id: string | null;
  readonly issues: readonly Issue[];
}

/** The compiled form of a `messages` array. */
export interface CompiledMessages {
  readonly length: number;
  /** Every entry by position: compiled or invalid. */
  readonly entries: readonly (CompiledMessage | InvalidMessage)[];
  /** Live, valid messages per channel id, highest priority first, ties by position. */
  readonly liveByChannel: ReadonlyMap<string, readonly CompiledMessage[]>;
  /** Live, valid messages by id (first occurrence wins), for the on-screen rule. */
  readonly liveById: ReadonlyMap<string, CompiledMessage>;
  readonly invalid: readonly InvalidMessage[];
}

/**
 * Records that the field at `path` is malformed. Only unparsed input gets here, and the parser
 * says precisely what is wrong, so the evaluator's bundle carries no detailed messages.
 */
function invalid(issues: Issue[], path: IssuePath, code: IssueCode = 'invalidType'): void {
  issues.push(issue(path, code, `invalid ${path.join('.') || 'message'}; run parseMessage for details`));
}

const STATUSES: ReadonlySet<string> = new Set(MESSAGE_STATUSES);

function compileTrigger(trigger: Trigger | undefined): number | null {
  if (!isRecord(trigger)) return null;
  if (trigger.event === 'pageLoad') return 0;
  if (trigger.event === 'timeOnPage') {
    const s = trigger.seconds;
    return isFiniteNumber(s) && s >= 0 ? s * 1000 : null;
  }
  return null;
}

function compileWindow(window: SendWindow | undefined, issues: Issue[]): CompiledWindow | null {
  const type: unknown = isRecord(window) ? window.type : undefined;
  if (type === 'anytime') return { kind: 'anytime' };
  const schedule = type === 'businessHours' || type === 'outsideBusinessHours' ? prepareSchedule((window as SendWindow & { schedule: unknown }).schedule) : undefined;
  if (schedule == null) {
    // `null`: a schedule that does not compile; `undefined`: no window type evaluate knows.
    if (schedule === null) invalid(issues, ['sendWindow', 'schedule'], 'invalidSchedule');
    else invalid(issues, ['sendWindow']);
    return null;
  }
  return { kind: type === 'businessHours' ? 'inside' : 'outside', schedule };
}

/**
 * Compiles one message, defensively: any shape problem becomes issues, never an exception. Not
 * cached itself: its condition tree and schedule, the costly parts, are cached by their own
 * identity, so an unchanged message in a new array compiles in a few checks.
 */
function compileOne(message: Message): Omit<CompiledMessage, 'index'> | readonly Issue[] {
  try {
    if (isRecord(message)) return compileFresh(message);
  } catch {
    // Only reachable for values that violate the declared types (a throwing getter, a proxy).
  }
  const issues: Issue[] = [];
  invalid(issues, []);
  return issues;
}

function compileFresh(message: Message): Omit<CompiledMessage, 'index'> | readonly Issue[] {
  const issues: Issue[] = [];
  if (typeof message.id !== 'string') invalid(issues, ['id']);
  if (!STATUSES.has(message.status as string)) invalid(issues, ['status']);
  if (message.channelId !== null && typeof message.channelId !== 'string') invalid(issues, ['channelId']);
  const frequency: unknown = message.frequency;
  if (typeof frequency !== 'string' || !Object.hasOwn(FREQUENCY_CAP, frequency)) invalid(issues, ['frequency']);
  if (!isFiniteNumber(message.priority)) invalid(issues, ['priority']);
  const triggerDelayMs = compileTrigger(message.trigger);
  if (triggerDelayMs === null) invalid(issues, ['trigger']);
  const window = compileWindow(message.sendWindow, issues);
  const conditions = compileTreeLean(message.conditions ?? null);
  if (conditions === null) invalid(issues, ['conditions'], 'malformedConditionNode');
  if (issues.length > 0 || window === null || triggerDelayMs === null || conditions === null) return issues;
  return {
    message,
    id: message.id,
    live: message.status === 'live',
    channelId: message.channelId,
    frequency: message.frequency,
    cap: FREQUENCY_CAP[message.frequency],
    window,
    triggerDelayMs,
    conditions: conditions.compiled,
  };
}

const perList = new WeakMap<readonly Message[], CompiledMessages>();

/**
 * Compiles `messages` (or returns the cached compiled form of this very array).
 * @example
 * ```ts
 * const compiled = compileMessages(messages);
 * compiled.invalid; // messages that evaluate will skip, with their issues
 * ```
 */
export function compileMessages(messages: readonly Message[]): CompiledMessages {
  const cached = perList.get(messages);
  // The length check catches the common in-place mutation (push/splice) of a cached array.
  if (cached !== undefined && cached.length === messages.length) return cached;
  const entries: (CompiledMessage | InvalidMessage)[] = [];
  const invalid: InvalidMessage[] = [];
  const liveByChannel = new Map<string, CompiledMessage[]>();
  const liveById = new Map<string, CompiledMessage>();
  for (let index = 0; index < messages.length; index++) {
    const message = messages[index] as Message;
    const compiled = compileOne(message);
    if (isIssueList(compiled)) {
      const id = isRecord(message) && typeof message.id === 'string' ? message.id : null;
      const entry: InvalidMessage = { index, id, issues: compiled };
      entries.push(entry);
      invalid.push(entry);
      continue;
    }
    const entry: CompiledMessage = { ...compiled, index };
    entries.push(entry);
    if (!entry.live || entry.channelId === null) continue;
    if (!liveById.has(entry.id)) liveById.set(entry.id, entry);
    let list = liveByChannel.get(entry.channelId);
    if (list === undefined) liveByChannel.set(entry.channelId, (list = []));
    list.push(entry);
  }
  for (const list of liveByChannel.values()) list.sort(byPriority);
  const result: CompiledMessages = { length: messages.length, entries, liveByChannel, liveById, invalid };
  perList.set(messages, result);
  return result;
}

/** Highest priority first; ties keep the earlier position. */
export function byPriority(a: CompiledMessage, b: CompiledMessage): number {
  return b.message.priority - a.message.priority || a.index - b.index;
}

function isIssueList(value: Omit<CompiledMessage, 'index'> | readonly Issue[]): value is readonly Issue[] {
  return Array.isArray(value);
}

/** Whether an entry of {@link CompiledMessages.entries} is invalid. */
export function isInvalid(entry: CompiledMessage | InvalidMessage): entry is InvalidMessage {
  return 'issues' in entry;
}
