/**
 * Small helpers the actions share: the machine's refusal, and a message without its
 * status-specific fields.
 * @module
 */
import { issueAt, type IssueData } from '../core/issues.js';
import type { Message } from '../core/types.js';
import { nextStatus, type Action } from './machine.js';

/**
 * `actionNotAllowed` unless the machine allows `action` from the message's status.
 * @example
 * ```ts
 * refusal({ ...message, status: 'error' }, 'duplicate')?.code; // 'actionNotAllowed'
 * ```
 */
export function refusal(message: Message, action: Action): IssueData | undefined {
  return nextStatus(message.status, action) === undefined ? issueAt(['status'], 'actionNotAllowed', { action, status: message.status }) : undefined;
}

/**
 * The message without the status-specific fields (`pauseReason`, `errorReasons`).
 * @example
 * ```ts
 * 'pauseReason' in withoutStatusFields(pausedMessage); // false
 * ```
 */
export function withoutStatusFields(message: Message): Omit<Message, 'pauseReason' | 'errorReasons'> {
  const { pauseReason: _pauseReason, errorReasons: _errorReasons, ...rest } = message;
  return rest;
}
