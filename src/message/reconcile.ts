/**
 * Automatic transitions: dependencies deleted → `error`; the automated-resolution limit pauses
 * and resumes AI-agent messages. Driven by the machine's `AUTOMATIC_TRANSITIONS` table: each
 * trigger below only says *whether* it fires; the table says from which status and to which.
 * @module
 */
import { issueAt, type Issue, type Result } from '../core/issues.js';
import type { ErrorReason, Instant, Message, MessageStatus, Workspace } from '../core/types.js';
import { ERROR_REASONS } from '../core/vocabulary.js';
import { readList, UNREADABLE, UNREADABLE_ITEM } from '../check/list.js';
import { withMessages } from '../parse/describe.js';
import { fail, ok } from '../parse/parse.js';
import { withoutStatusFields } from './status-fields.js';
import { dependencyIssues, limitPauseApplies } from './dependencies.js';
import { Arguments } from './inputs.js';
import { AUTOMATIC_TRANSITIONS, type AutomaticTrigger } from './machine.js';

/** Why `reconcile` changed a message: what broke, or what the limit did. */
export type ChangeReason = ErrorReason | 'automatedResolutionLimitReached' | 'automatedResolutionsAvailable';

/** One message `reconcile` moved. */
export interface StatusChange {
  readonly id: string;
  readonly from: MessageStatus;
  readonly to: MessageStatus;
  readonly reasons: readonly ChangeReason[];
}

/** A message `reconcile` could not read: left as it was, with its issues. */
export interface UnreconciledMessage {
  /** Position in the list. */
  readonly index: number;
  readonly issues: readonly Issue[];
}

/** The reconciled list and what changed, in list order. */
export interface ReconcileResult {
  readonly messages: readonly Message[];
  readonly changes: readonly StatusChange[];
  /** Messages that do not parse: kept unchanged in `messages` (one bad message stops no other). */
  readonly invalid: readonly UnreconciledMessage[];
}

/** Options of {@link reconcile}. */
export interface ReconcileOptions {
  readonly workspace: Workspace;
  readonly now: Instant;
}

const ERROR_REASON_SET: ReadonlySet<string> = new Set(ERROR_REASONS);

/** Whether each trigger fires for a message, and the reasons it reports. */
const TRIGGERS: Readonly<Record<AutomaticTrigger, (message: Message, workspace: Workspace) => readonly ChangeReason[]>> = {
  dependencyInvalid: (message, workspace) =>
    dependencyIssues(message, workspace)
      .map((found) => found.code)
      .filter((code): code is ErrorReason => ERROR_REASON_SET.has(code)),
  automatedResolutionLimitReached: (message, workspace) => (limitPauseApplies(message, workspace) ? ['automatedResolutionLimitReached'] : []),
  automatedResolutionsAvailable: (message, workspace) =>
    message.pauseReason === 'automatedResolutionLimit' && !limitPauseApplies(message, workspace) ? ['automatedResolutionsAvailable'] : [],
};

/** The status fields a move into `to` writes, for the trigger that moved it. */
function moved(message: Message, to: MessageStatus, on: AutomaticTrigger, reasons: readonly ChangeReason[], at: string): Message {
  const base = { ...withoutStatusFields(message), status: to, updatedAt: at };
  if (to === 'error') return { ...base, errorReasons: reasons as readonly ErrorReason[] };
  if (to === 'paused') return { ...base, pauseReason: on === 'automatedResolutionLimitReached' ? 'automatedResolutionLimit' : 'manual' };
  return base;
}

/**
 * The first automatic transition of the table that fires for a (parsed) message, applied; or
 * `undefined` when none does.
 * @example
 * ```ts
 * applyAutomatic(liveMessage, { ...workspace, channels: [] }, '2026-11-23T00:00:00.000Z')?.message.status; // 'error'
 * ```
 */
export function applyAutomatic(message: Message, workspace: Workspace, at: string): { message: Message; reasons: readonly ChangeReason[] } | undefined {
  for (const { from, to, on } of AUTOMATIC_TRANSITIONS) {
    if (from !== message.status) continue;
    const reasons = TRIGGERS[on](message, workspace);
    if (reasons.length > 0) return { message: moved(message, to, on, reasons, at), reasons };
  }
  return undefined;
}

/**
 * Applies the automatic transitions of `AUTOMATIC_TRANSITIONS` to every message, in table order:
 *
 * - a `live` or `paused` message whose channel or AI agent was deleted or became invalid (the one
 *   dependency check) → `error` with `errorReasons` (a pause reason is dropped: the message has to
 *   be repaired and republished either way);
 * - otherwise a `live` AI-agent message while the account pauses AI-agent features at the limit
 *   and the limit is reached → `paused` with `pauseReason: 'automatedResolutionLimit'`;
 * - a message paused by the limit when the limit no longer applies (lifted, setting turned off,
 *   or the message no longer uses an AI agent) → `live`;
 * - drafts, `error` messages (they stay `error` until an admin republishes, even when their
 *   dependencies come back) and manual pauses never change.
 *
 * Changed messages get `updatedAt` = `now`. Unchanged messages keep their identity, and when
 * nothing changes the input array itself is returned (cheap change detection for caches). A
 * message that does not parse is left as it is and listed in `invalid` with its issues — it stops
 * no other. Fails with the issues of the arguments: an invalid `now`, a workspace that does not
 * parse, a `messages` that is not a list.
 * @example
 * ```ts
 * const result = reconcile(list, { workspace: { ...workspace, channels: [] }, now: '2026-11-23T00:00:00Z' });
 * if (result.ok) result.value.changes; // [{ id: 'msg_pricing_help', from: 'live', to: 'error', reasons: ['channelDeleted'] }]
 * ```
 */
export function reconcile(messages: readonly Message[], options: ReconcileOptions): Result<ReconcileResult>;
/** @deprecated Use `reconcile(messages, { workspace, now })`; this form is removed in 0.3. */
export function reconcile(messages: readonly Message[], workspace: Workspace, now: Instant): Result<ReconcileResult>;
export function reconcile(messages: readonly Message[], ...args: unknown[]): Result<ReconcileResult> {
  const options = args.length > 1 ? { workspace: args[0], now: args[1] } : args[0];
  const read = new Arguments();
  const given = read.options(options);
  const at = read.now(given);
  const workspace = read.workspace(given);
  const { items: list, issue } = readList(messages, ['messages']);
  if (issue !== null) read.issues.push(issue);
  for (let index = 0; list !== null && index < list.length; index += 1) {
    // The list returned cannot hold an item that cannot be read: it fails the call.
    if (list[index] === UNREADABLE_ITEM) read.issues.push(issueAt(['messages', index], 'invalidType', UNREADABLE));
  }
  if (at === undefined || workspace === undefined || list === null || read.issues.length > 0) return fail(read.issues);
  const changes: StatusChange[] = [];
  const invalid: UnreconciledMessage[] = [];
  const next = list.map((raw, index) => {
    const one = new Arguments();
    const message = one.message(raw);
    if (message === undefined) {
      invalid.push({ index, issues: withMessages(one.issues) });
      return raw as Message;
    }
    const automatic = applyAutomatic(message, workspace, at);
    if (automatic === undefined) return raw as Message;
    changes.push({ id: message.id, from: message.status, to: automatic.message.status, reasons: automatic.reasons });
    return automatic.message;
  });
  return ok({ messages: changes.length === 0 ? messages : next, changes, invalid });
}
