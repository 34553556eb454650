/**
 * The status machine as data. The code (`availableActions`, the actions, `reconcile`) and the
 * docs (`docs/lifecycle.md`, checked by a test) both read these constants: an action's target
 * status is looked up in {@link TRANSITIONS}, an automatic move in {@link AUTOMATIC_TRANSITIONS}.
 * @module
 */
import type { Message, MessageStatus } from '../core/types.js';
import { MESSAGE_STATUSES } from '../core/vocabulary.js';

/** Actions an admin can take on one message (the list's per-row menu). */
export const ACTIONS = ['edit', 'duplicate', 'publish', 'pause', 'resume', 'delete'] as const;
/** An action an admin can take on one message. */
export type Action = (typeof ACTIONS)[number];

/** What each status means. */
export const STATUS_MEANINGS: Readonly<Record<MessageStatus, string>> = {
  draft: 'being written; never published before',
  live: 'published; sent to visitors who meet its conditions',
  paused: 'temporarily stopped, by hand or by the automated-resolution limit',
  error: 'was published, but something it depends on was deleted or became invalid',
};

/**
 * The actions menu: which actions the list offers per status, in menu order.
 * `publish` from `error` is deliberately absent: it is offered on the edit page, not in the menu.
 */
export const ACTIONS_BY_STATUS: Readonly<Record<MessageStatus, readonly Action[]>> = {
  draft: ['edit', 'duplicate', 'publish', 'delete'],
  live: ['edit', 'duplicate', 'pause', 'delete'],
  paused: ['edit', 'duplicate', 'resume', 'delete'],
  error: ['edit', 'delete'],
};

/**
 * The manual transitions: for each status, each allowed action and the status the message has
 * afterwards (`null`: the message is gone). `duplicate` leaves the original unchanged (the copy
 * is a new `draft`). A superset of {@link ACTIONS_BY_STATUS}: it adds `error → live` by
 * `publish` from the edit page. No transition leads back to `draft`.
 *
 * After a manual transition the automatic ones apply at once: `publish` (or `resume`) of an
 * AI-agent message while the automated-resolution limit pauses AI-agent features lands in
 * `paused` (reason `automatedResolutionLimit`) — the state `reconcile` would put it in anyway.
 */
export const TRANSITIONS: Readonly<Record<MessageStatus, Readonly<Partial<Record<Action, MessageStatus | null>>>>> = {
  draft: { edit: 'draft', duplicate: 'draft', publish: 'live', delete: null },
  live: { edit: 'live', duplicate: 'live', pause: 'paused', delete: null },
  paused: { edit: 'paused', duplicate: 'paused', resume: 'live', delete: null },
  error: { edit: 'error', publish: 'live', delete: null },
};

/** Why `reconcile` moved a message. */
export type AutomaticTrigger = 'dependencyInvalid' | 'automatedResolutionLimitReached' | 'automatedResolutionsAvailable';

/** One automatic transition applied by `reconcile`. */
export interface AutomaticTransition {
  readonly from: MessageStatus;
  readonly to: MessageStatus;
  readonly on: AutomaticTrigger;
}

/**
 * The automatic transitions `reconcile` applies — and no others, tried in this order. Drafts and
 * messages in `error` are never moved automatically; a manual pause is never lifted
 * automatically (`automatedResolutionsAvailable` only fires for a limit pause).
 */
export const AUTOMATIC_TRANSITIONS: readonly AutomaticTransition[] = [
  { from: 'live', to: 'error', on: 'dependencyInvalid' },
  { from: 'paused', to: 'error', on: 'dependencyInvalid' },
  { from: 'live', to: 'paused', on: 'automatedResolutionLimitReached' },
  { from: 'paused', to: 'live', on: 'automatedResolutionsAvailable' },
];

/**
 * The actions the list offers for a message, in menu order (reads {@link ACTIONS_BY_STATUS}).
 * @example
 * ```ts
 * availableActions({ ...message, status: 'live' }); // ['edit', 'duplicate', 'pause', 'delete']
 * ```
 */
export function availableActions(message: Pick<Message, 'status'>): readonly Action[] {
  // Total: anything but a message with a known status (one whose status cannot be read too) has no actions.
  let status: unknown;
  try {
    status = typeof message === 'object' && message !== null ? message.status : undefined;
  } catch {
    return [];
  }
  return typeof status === 'string' && (MESSAGE_STATUSES as readonly string[]).includes(status) ? ACTIONS_BY_STATUS[status as MessageStatus] : [];
}

/**
 * The status a message has after `action`, `null` when the action removes it, or `undefined`
 * when the machine does not allow the action from this status (reads {@link TRANSITIONS}).
 * @example
 * ```ts
 * nextStatus('draft', 'publish'); // 'live'
 * nextStatus('error', 'publish'); // 'live' (from the edit page)
 * nextStatus('error', 'duplicate'); // undefined
 * ```
 */
export function nextStatus(status: MessageStatus, action: Action): MessageStatus | null | undefined {
  return Object.hasOwn(TRANSITIONS, status) && Object.hasOwn(TRANSITIONS[status], action) ? TRANSITIONS[status][action] : undefined;
}
