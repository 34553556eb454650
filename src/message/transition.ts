import type { Message } from '../model/types.js';
import { fail, issue, type Result } from '../model/result.js';
import { nextStatus, type Action } from './machine.js';

/**
 * `undefined` when {@link TRANSITIONS} allows `action` from the message's status, otherwise a
 * failed result with `actionNotAllowed`. Internal to the message module.
 * @example
 * ```ts
 * refuseUnlessAllowed({ ...message, status: 'error' }, 'duplicate'); // { ok: false, issues: [{ code: 'actionNotAllowed', ... }] }
 * ```
 */
export function refuseUnlessAllowed(message: Message, action: Action): Result<never> | undefined {
  if (nextStatus(message.status, action) !== undefined) return undefined;
  return fail([issue(['status'], 'actionNotAllowed', `cannot ${action} a message that is ${message.status}`)]);
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
