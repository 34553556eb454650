/**
 * Compiles a list of messages into the form `evaluate` runs on: per message a compiled
 * condition tree, schedule and trigger; per channel the live messages in priority order.
 *
 * Each message is checked by the one message checker in first-failure mode — the same rules, in
 * the same order, as `parseMessage` — so a message compiles exactly when it parses, and an
 * invalid one is reported with the very issue `parseMessage` reports first. Compiled messages
 * are cached by message object, and lists by array identity and by first element (a fresh array
 * of the same objects in the same order is a hit, verified element by element), in `WeakMap`s
 * that never outlive the caller's data: treat messages and lists as immutable (their types are
 * `readonly`; an element replaced in place in the very same array is not seen).
 * @module
 */
import type { IssueData } from '../core/issues.js';
import { NO_PARAMS } from '../core/issues.js';
import type { Frequency, Message, SendWindow } from '../core/types.js';
import { runCheck } from '../check/check.js';
import { messageCheck } from '../check/message.js';
import { prepareSchedule, type ScheduleEngine } from '../schedule/prepare.js';
import { FREQUENCY_CAP } from '../frequency/history.js';
import { listIssue } from '../check/list.js';
import { limitsOf, type MessageLimits } from '../frequency/caps.js';

/** The send window reduced to what evaluation needs. */
export type CompiledWindow =
  | { readonly kind: 'anytime' }
  | { readonly kind: 'inside' | 'outside'; readonly schedule: ScheduleEngine };

/** One valid message, ready to evaluate. */
export interface CompiledMessage {
  readonly index: number;
  /** The message object as given (what `Decision.message` returns). */
  readonly message: Message;
  readonly id: string;
  readonly live: boolean;
  readonly channelId: string | null;
  readonly priority: number;
  readonly frequency: Frequency;
  /** The history flag that rules the message out (`FREQUENCY_CAP` of its frequency). */
  readonly cap: (typeof FREQUENCY_CAP)[Frequency];
  readonly window: CompiledWindow;
  /** Milliseconds after `page.enteredAt` at which the trigger fires (0 for page load). */
  readonly triggerDelayMs: number;
  /** The parsed message (defaults filled in). */
  readonly parsed: Message;
  /** Start and end instants, rollout, caps, snooze, cooldown (`null`: none, as for every message before they existed). */
  readonly limits: MessageLimits | null;
}

/** A message that could not be compiled: skipped by `evaluate`, reported in `invalid`. */
export interface InvalidMessage {
  /** Position in the `messages` array. */
  readonly index: number;
  /** The message's id when it has a string one. */
  readonly id: string | null;
  /** The first issue, exactly as `parseMessage` reports it first (paths relative to the message). */
  readonly issue: IssueData;
}

/** The compiled form of a `messages` array. */
export interface CompiledMessages {
  readonly length: number;
  /** Why the list itself cannot be used (not an array, too long); `null` when it can. */
  readonly rejected: IssueData | null;
  /** Every entry by position: compiled or invalid. */
  readonly entries: readonly (CompiledMessage | InvalidMessage)[];
  /** Live, valid messages per channel id, highest priority first, ties by position. */
  readonly liveByChannel: ReadonlyMap<string, readonly CompiledMessage[]>;
  readonly invalid: readonly InvalidMessage[];
}

function compileWindow(window: SendWindow): CompiledWindow {
  if (window.type === 'anytime') return { kind: 'anytime' };
  return { kind: window.type === 'businessHours' ? 'inside' : 'outside', schedule: prepareSchedule(window.schedule) };
}

type Compiled = CompiledMessage | IssueData;

const perMessage = new WeakMap<object, Compiled>();

function compileFresh(raw: unknown, index: number): Compiled {
  const checked = runCheck(messageCheck, raw, false);
  if (!checked.ok) return checked.issues[0] as IssueData;
  const m = checked.value;
  return {
    index,
    message: raw as Message,
    parsed: m,
    id: m.id,
    live: m.status === 'live',
    channelId: m.channelId,
    priority: m.priority,
    frequency: m.frequency,
    cap: FREQUENCY_CAP[m.frequency],
    window: compileWindow(m.sendWindow),
    triggerDelayMs: m.trigger.event === 'timeOnPage' ? m.trigger.seconds * 1000 : 0,
    limits: nullIfNone(limitsOf(m)),
  };
}

function nullIfNone(limits: MessageLimits): MessageLimits | null {
  return limits.any ? limits : null;
}

/** One message, compiled once per message object. */
function compileOne(raw: unknown, index: number): Compiled {
  if (typeof raw !== 'object' || raw === null) return compileFresh(raw, index);
  let hit = perMessage.get(raw);
  if (hit === undefined) {
    hit = compileFresh(raw, index);
    perMessage.set(raw, hit);
  }
  return hit;
}

function isIssue(value: Compiled): value is IssueData {
  return 'code' in value;
}

/** A compiled list with the elements it was compiled from (to verify a cache hit). */
interface CachedList {
  readonly items: readonly unknown[];
  readonly compiled: CompiledMessages;
}

/** By array identity, and by first element (a fresh array of the same objects). */
const perList = new WeakMap<object, CachedList>();
const byFirst = new WeakMap<object, CachedList>();

/** Whether `messages` holds exactly the objects `cached` was compiled from, in order. */
function sameItems(cached: CachedList | undefined, messages: readonly unknown[]): cached is CachedList {
  if (cached === undefined || cached.items.length !== messages.length) return false;
  const items = cached.items;
  for (let i = 0; i < items.length; i++) if (items[i] !== messages[i]) return false;
  return true;
}

function compileList(messages: readonly unknown[]): CompiledMessages {
  const entries: (CompiledMessage | InvalidMessage)[] = [];
  const invalid: InvalidMessage[] = [];
  const liveByChannel = new Map<string, CompiledMessage[]>();
  const ids = new Set<string>();
  for (let index = 0; index < messages.length; index++) {
    const raw = messages[index];
    const compiled = compileOne(raw, index);
    // A later message with the id of an earlier valid one is skipped, as `parseMessages` drops it.
    const issue: IssueData | null = isIssue(compiled) ? compiled : ids.has(compiled.id) ? { path: ['id'], code: 'duplicate', params: NO_PARAMS } : null;
    if (issue !== null) {
      const id = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : null;
      const entry: InvalidMessage = { index, id, issue };
      entries.push(entry);
      invalid.push(entry);
      continue;
    }
    // The cached form, unless this list has the message at another position than the first list did.
    const cm = compiled as CompiledMessage;
    const entry = cm.index === index ? cm : { ...cm, index };
    ids.add(entry.id);
    entries.push(entry);
    if (!entry.live || entry.channelId === null) continue;
    let list = liveByChannel.get(entry.channelId);
    if (list === undefined) liveByChannel.set(entry.channelId, (list = []));
    list.push(entry);
  }
  for (const list of liveByChannel.values()) list.sort(byPriority);
  return { length: messages.length, rejected: null, entries, liveByChannel, invalid };
}

/**
 * Compiles `messages`, or returns the cached compiled form of this array — or of a fresh array of
 * the very same message objects in the same order. Never throws: a value that is not a list of
 * at most `LIMITS.listMessages` messages is `rejected` before anything is read or allocated, a
 * list whose items cannot be read (a throwing Proxy) is `rejected` too, and each malformed
 * message is an `invalid` entry.
 * @example
 * ```ts
 * const compiled = compileMessages(messages);
 * compiled.invalid; // messages that evaluate will skip, with their first issue
 * ```
 */
export function compileMessages(messages: readonly Message[]): CompiledMessages {
  const rejected = listIssue(messages, []);
  if (rejected !== undefined) return rejectedList(rejected);
  try {
    return cachedList(messages);
  } catch {
    // Only an array whose items cannot be read (a Proxy, an index getter that throws) gets here.
    return rejectedList({ path: [], code: 'invalidType', params: { expected: 'json', got: 'other' } });
  }
}

function rejectedList(rejected: IssueData): CompiledMessages {
  return { length: 0, rejected, entries: [], liveByChannel: new Map(), invalid: [] };
}

function cachedList(messages: readonly Message[]): CompiledMessages {
  // The same array (its length checked: a push or splice recompiles), or a fresh array of the
  // same objects (verified element by element, identity compares of ≈ 1 ns each).
  let cached = perList.get(messages);
  if (cached === undefined || cached.items.length !== messages.length) {
    const head: unknown = messages[0];
    const other = typeof head === 'object' && head !== null ? byFirst.get(head) : undefined;
    // A fresh array of the same objects is not kept by identity: a host that passes a new array
    // on every call would add an entry on every call (≈ 2 µs a call with the garbage collector's
    // share), while verifying it again costs a lookup and the compares.
    if (sameItems(other, messages)) return other.compiled;
    cached = { items: messages.slice(), compiled: compileList(messages) };
    perList.set(messages, cached);
    if (typeof head === 'object' && head !== null) byFirst.set(head, cached);
  }
  return cached.compiled;
}

/** Highest priority first; ties keep the earlier position. */
export function byPriority(a: CompiledMessage, b: CompiledMessage): number {
  return b.priority - a.priority || a.index - b.index;
}

/** Whether an entry of {@link CompiledMessages.entries} is invalid. */
export function isInvalid(entry: CompiledMessage | InvalidMessage): entry is InvalidMessage {
  return 'issue' in entry;
}
