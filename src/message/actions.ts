/**
 * The manual status actions: publish, pause, resume (SPEC §1.1, §2.2). Pure: each returns a new
 * message or the issues that stop it; the input is never mutated.
 * @module
 */
import type { Instant, Message, Workspace } from '../model/types.js';
import { fail, issue, ok, type Result } from '../model/result.js';
import { isoAt } from './instant.js';
import { checkPublishRequirements } from './requirements.js';
import { limitPauseApplies } from './dependencies.js';
import { refuseUnlessAllowed, withoutStatusFields } from './transition.js';

/**
 * Publishes a `draft`, or republishes a repaired `error` message (SPEC "error → live"). Fails
 * with `actionNotAllowed` from `live`/`paused`, `invalidInstant` for an invalid `now`, or every
 * unmet requirement of {@link checkPublishRequirements}. On success: `status: 'live'`,
 * `publishedAt` set on the first publish only, `errorReasons`/`pauseReason` cleared, `updatedAt`
 * = `now`. When the account pauses AI-agent features at the automated-resolution limit, the
 * limit is reached and the message uses an AI agent, the message lands in `paused` with
 * `pauseReason: 'automatedResolutionLimit'` instead — the state `reconcile` would move it to —
 * and resumes by itself when the limit is lifted.
 * @example
 * ```ts
 * const result = publish(draft, workspace, new Date('2026-11-23T10:00:00Z'));
 * if (result.ok) result.value.status; // 'live'
 * else result.issues.map((i) => i.code); // e.g. ['channelNotSet']
 * ```
 */
export function publish(message: Message, workspace: Workspace, now: Instant): Result<Message> {
  const refused = refuseUnlessAllowed(message, 'publish');
  if (refused) return refused;
  const at = isoAt(now);
  if (!at.ok) return fail(at.issues);
  const unmet = checkPublishRequirements(message, workspace);
  if (unmet.length > 0) return fail(unmet);
  const published = { ...withoutStatusFields(message), publishedAt: message.publishedAt ?? at.value, updatedAt: at.value };
  if (limitPauseApplies(message, workspace)) {
    return ok({ ...published, status: 'paused', pauseReason: 'automatedResolutionLimit' });
  }
  return ok({ ...published, status: 'live' });
}

/**
 * Pauses a `live` message by hand (`pauseReason: 'manual'`); it stays paused until resumed by
 * hand — `reconcile` never lifts a manual pause. Fails with `actionNotAllowed` from any other
 * status, `invalidInstant` for an invalid `now`.
 * @example
 * ```ts
 * pause(liveMessage, Date.UTC(2026, 10, 23)); // { ok: true, value: { ...liveMessage, status: 'paused', pauseReason: 'manual', updatedAt: '2026-11-23T00:00:00.000Z' } }
 * ```
 */
export function pause(message: Message, now: Instant): Result<Message> {
  const refused = refuseUnlessAllowed(message, 'pause');
  if (refused) return refused;
  const at = isoAt(now);
  if (!at.ok) return fail(at.issues);
  return ok({ ...withoutStatusFields(message), status: 'paused', pauseReason: 'manual', updatedAt: at.value });
}

/**
 * Resumes a `paused` message by hand: back to `live`, `pauseReason` cleared. Fails with
 * `actionNotAllowed` from any other status, `invalidInstant` for an invalid `now`.
 *
 * Pass the `workspace` to respect the account's automated-resolution limit: while it applies to
 * this AI-agent message, resuming a limit pause fails with `automatedResolutionLimitReached`
 * (it resumes by itself when the limit is lifted), and resuming a manual pause turns it into a
 * limit pause (`pauseReason: 'automatedResolutionLimit'`), so it goes live by itself as soon as
 * the limit is lifted. Without a workspace the message goes `live` and the next `reconcile`
 * pauses it again while the limit applies.
 * @example
 * ```ts
 * resume(pausedMessage, Date.UTC(2026, 10, 23)); // { ok: true, value: { ...status: 'live' } }
 * resume(limitPausedAiMessage, now, workspaceAtLimit); // { ok: false, issues: [{ code: 'automatedResolutionLimitReached', ... }] }
 * ```
 */
export function resume(message: Message, now: Instant, workspace?: Workspace): Result<Message> {
  const refused = refuseUnlessAllowed(message, 'resume');
  if (refused) return refused;
  const at = isoAt(now);
  if (!at.ok) return fail(at.issues);
  if (workspace !== undefined && limitPauseApplies(message, workspace)) {
    if (message.pauseReason === 'automatedResolutionLimit') {
      return fail([
        issue(['status'], 'automatedResolutionLimitReached', 'the automated-resolution limit is still reached; the message resumes by itself when it is lifted'),
      ]);
    }
    return ok({ ...withoutStatusFields(message), status: 'paused', pauseReason: 'automatedResolutionLimit', updatedAt: at.value });
  }
  return ok({ ...withoutStatusFields(message), status: 'live', updatedAt: at.value });
}
