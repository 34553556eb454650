/**
 * Automatic transitions (SPEC §1.1, §2.2): dependencies deleted → `error`; the
 * automated-resolution limit pauses and resumes AI-agent messages.
 * @module
 */
import type { ErrorReason, Instant, Message, MessageStatus, Workspace } from '../model/types.js';
import { isoAtOrThrow } from './instant.js';
import { dependencyErrors, limitPauseApplies } from './dependencies.js';
import { withoutStatusFields } from './transition.js';

/** Why `reconcile` changed a message: what broke, or what the limit did. */
export type ChangeReason = ErrorReason | 'automatedResolutionLimitReached' | 'automatedResolutionsAvailable';

/** One message `reconcile` moved. */
export interface StatusChange {
  readonly id: string;
  readonly from: MessageStatus;
  readonly to: MessageStatus;
  readonly reasons: readonly ChangeReason[];
}

/** The reconciled list and what changed, in list order. */
export interface ReconcileResult {
  readonly messages: readonly Message[];
  readonly changes: readonly StatusChange[];
}

/**
 * Applies the automatic transitions of {@link AUTOMATIC_TRANSITIONS} to every message:
 *
 * - a `live` or `paused` message whose channel or AI agent was deleted or became invalid
 *   ({@link dependencyErrors}) → `error` with `errorReasons` (a pause reason is dropped: the
 *   message has to be repaired and republished either way);
 * - otherwise a `live` AI-agent message while the account pauses AI-agent features at the
 *   limit and the limit is reached → `paused` with `pauseReason: 'automatedResolutionLimit'`;
 * - a message paused by the limit when the limit no longer applies (lifted, setting turned off,
 *   or the message no longer uses an AI agent) → `live`;
 * - drafts, `error` messages (they stay `error` until an admin republishes, even when their
 *   dependencies come back) and manual pauses never change.
 *
 * Changed messages get `updatedAt` = `now`. Unchanged messages keep their identity, and when
 * nothing changes the input array itself is returned (cheap change detection for caches).
 * Throws `RangeError` only for an invalid `now` (an invalid `Date`), a programmer error.
 * @example
 * ```ts
 * const { messages, changes } = reconcile(list, { ...workspace, channels: [] }, Date.UTC(2026, 10, 23));
 * changes; // [{ id: 'msg_pricing_help', from: 'live', to: 'error', reasons: ['channelDeleted'] }]
 * ```
 */
export function reconcile(messages: readonly Message[], workspace: Workspace, now: Instant): ReconcileResult {
  const at = isoAtOrThrow(now);
  const changes: StatusChange[] = [];
  const next = messages.map((message) => {
    const moved = reconcileOne(message, workspace, at);
    if (moved === undefined) return message;
    changes.push({ id: message.id, from: message.status, to: moved.message.status, reasons: moved.reasons });
    return moved.message;
  });
  return { messages: changes.length === 0 ? messages : next, changes };
}

function reconcileOne(
  message: Message,
  workspace: Workspace,
  at: string,
): { message: Message; reasons: readonly ChangeReason[] } | undefined {
  if (message.status !== 'live' && message.status !== 'paused') return undefined;
  const broken = dependencyErrors(message, workspace);
  if (broken.length > 0) {
    return { message: { ...withoutStatusFields(message), status: 'error', errorReasons: broken, updatedAt: at }, reasons: broken };
  }
  const limited = limitPauseApplies(message, workspace);
  if (message.status === 'live' && limited) {
    return {
      message: { ...withoutStatusFields(message), status: 'paused', pauseReason: 'automatedResolutionLimit', updatedAt: at },
      reasons: ['automatedResolutionLimitReached'],
    };
  }
  if (message.status === 'paused' && message.pauseReason === 'automatedResolutionLimit' && !limited) {
    return { message: { ...withoutStatusFields(message), status: 'live', updatedAt: at }, reasons: ['automatedResolutionsAvailable'] };
  }
  return undefined;
}
