/**
 * The manual status actions: publish, pause, resume. Pure: each returns a new message or the
 * issues that stop it; the input is never mutated. One calling convention for the whole life
 * cycle: `action(message, { now, …options })` → `Result`.
 * @module
 */
import { issueAt, type Result } from '../core/issues.js';
import type { Instant, Message, Workspace } from '../core/types.js';
import { fail, ok } from '../parse/parse.js';
import { Arguments, isInstantLike } from './inputs.js';
import { nextStatus } from './machine.js';
import { applyAutomatic } from './reconcile.js';
import { checkParsedRequirements } from './requirements.js';
import { refusal, withoutStatusFields } from './status-fields.js';

/** Options of {@link publish}. */
export interface PublishOptions {
  readonly workspace: Workspace;
  readonly now: Instant;
}
/** Options of {@link pause}. */
export interface PauseOptions {
  readonly now: Instant;
}
/** Options of {@link resume}: the workspace says whether the automated-resolution limit applies. */
export interface ResumeOptions {
  readonly workspace: Workspace;
  readonly now: Instant;
}

/** Whether a call uses a deprecated positional form (more arguments than the options form). */
function positional(args: readonly unknown[], optionsLength: number): boolean {
  return args.length > optionsLength;
}

/**
 * Publishes a `draft`, or republishes a repaired `error` message (`error → live`). Fails with
 * `actionNotAllowed` from `live`/`paused`, `invalidInstant` for an invalid `now`, the issues of
 * a message or workspace that does not parse, or every unmet requirement of
 * `checkPublishRequirements`. On success: the status of the machine's `publish` transition,
 * `publishedAt` set on the first publish only, `errorReasons`/`pauseReason` cleared, `updatedAt`
 * = `now` — then the automatic transitions apply, so an AI-agent message lands in `paused`
 * (`pauseReason: 'automatedResolutionLimit'`) while the limit pauses AI-agent features, and
 * resumes by itself when it is lifted.
 * @example
 * ```ts
 * const result = publish(draft, { workspace, now: '2026-11-23T10:00:00Z' });
 * if (result.ok) result.value.status; // 'live'
 * else result.issues.map((i) => i.code); // e.g. ['channelNotSet']
 * ```
 */
export function publish(message: Message, options: PublishOptions): Result<Message>;
/** @deprecated Use `publish(message, { workspace, now })`; this form is removed in 0.3. */
export function publish(message: Message, workspace: Workspace, now: Instant): Result<Message>;
export function publish(message: Message, ...args: unknown[]): Result<Message> {
  const options = positional(args, 1) ? { workspace: args[0], now: args[1] } : args[0];
  const read = new Arguments();
  const m = read.message(message);
  const given = read.options(options);
  const at = read.now(given);
  const workspace = read.workspace(given);
  const refused = m === undefined ? undefined : refusal(m, 'publish');
  if (refused !== undefined) read.issues.unshift(refused);
  if (m === undefined || at === undefined || workspace === undefined || read.issues.length > 0) return fail(read.issues);
  const unmet = checkParsedRequirements(m, workspace);
  if (unmet.length > 0) return fail(unmet);
  const published: Message = {
    ...withoutStatusFields(m),
    status: nextStatus(m.status, 'publish') as Message['status'],
    publishedAt: m.publishedAt ?? at,
    updatedAt: at,
  };
  return ok(applyAutomatic(published, workspace, at)?.message ?? published);
}

/**
 * Pauses a `live` message by hand (`pauseReason: 'manual'`); it stays paused until resumed by
 * hand — `reconcile` never lifts a manual pause. Fails with `actionNotAllowed` from any other
 * status, `invalidInstant` for an invalid `now`, or the issues of a message that does not parse.
 * @example
 * ```ts
 * pause(liveMessage, { now: '2026-11-23T00:00:00Z' });
 * // { ok: true, value: { ...liveMessage, status: 'paused', pauseReason: 'manual', updatedAt: '2026-11-23T00:00:00.000Z' } }
 * ```
 */
export function pause(message: Message, options: PauseOptions): Result<Message>;
/** @deprecated Use `pause(message, { now })`; this form is removed in 0.3. */
export function pause(message: Message, now: Instant): Result<Message>;
export function pause(message: Message, ...args: unknown[]): Result<Message> {
  const options = isInstantLike(args[0]) ? { now: args[0] } : args[0];
  const read = new Arguments();
  const m = read.message(message);
  const at = read.now(read.options(options));
  const refused = m === undefined ? undefined : refusal(m, 'pause');
  if (refused !== undefined) read.issues.unshift(refused);
  if (m === undefined || at === undefined || read.issues.length > 0) return fail(read.issues);
  return ok({ ...withoutStatusFields(m), status: nextStatus(m.status, 'pause') as Message['status'], pauseReason: 'manual', updatedAt: at });
}

/**
 * Resumes a `paused` message by hand: the machine's `resume` transition (`live`), `pauseReason`
 * cleared — then the automatic transitions apply with the workspace: while the
 * automated-resolution limit applies to this AI-agent message, resuming a limit pause fails with
 * `automatedResolutionLimitReached` (it resumes by itself when the limit is lifted), and resuming
 * a manual pause turns it into a limit pause, so it goes live by itself as soon as the limit is
 * lifted. Fails with `actionNotAllowed` from any other status, `invalidInstant` for an invalid
 * `now`, or the issues of a message or workspace that does not parse.
 * @example
 * ```ts
 * resume(pausedMessage, { workspace, now: '2026-11-23T00:00:00Z' }); // { ok: true, value: { ...status: 'live' } }
 * resume(limitPausedAiMessage, { workspace: atLimit, now }); // { ok: false, issues: [{ code: 'automatedResolutionLimitReached', ... }] }
 * ```
 */
export function resume(message: Message, options: ResumeOptions): Result<Message>;
/**
 * @deprecated Use `resume(message, { workspace, now })`; this form is removed in 0.3. Without a
 * workspace it cannot apply the automated-resolution rule: the message goes `live` and the next
 * `reconcile` pauses it again while the limit applies.
 */
export function resume(message: Message, now: Instant, workspace?: Workspace): Result<Message>;
export function resume(message: Message, ...args: unknown[]): Result<Message> {
  const legacy = isInstantLike(args[0]);
  const options = legacy ? { now: args[0], workspace: args[1] } : args[0];
  const read = new Arguments();
  const m = read.message(message);
  const given = read.options(options);
  const at = read.now(given);
  const workspace = legacy && args[1] === undefined ? null : read.workspace(given);
  const refused = m === undefined ? undefined : refusal(m, 'resume');
  if (refused !== undefined) read.issues.unshift(refused);
  if (m === undefined || at === undefined || workspace === undefined || read.issues.length > 0) return fail(read.issues);
  const resumed: Message = { ...withoutStatusFields(m), status: nextStatus(m.status, 'resume') as Message['status'], updatedAt: at };
  if (workspace === null) return ok(resumed);
  const automatic = applyAutomatic(resumed, workspace, at);
  if (automatic !== undefined && m.pauseReason === 'automatedResolutionLimit' && automatic.message.status === 'paused') {
    return fail([issueAt(['status'], 'automatedResolutionLimitReached', {})]);
  }
  return ok(automatic?.message ?? resumed);
}
