/**
 * The account's list of messages: adding (at most 140, SPEC §1.5) and deleting.
 * @module
 */
import type { Message } from '../model/types.js';
import { fail, issue, ok, type Result } from '../model/result.js';

/** At most this many proactive messages per account (SPEC §1.5), in any status. */
export const MAX_MESSAGES_PER_ACCOUNT = 140;

/**
 * Appends a message to the account's list. Fails with `messageLimitReached` when the list
 * already holds {@link MAX_MESSAGES_PER_ACCOUNT} messages (every status counts), and with
 * `duplicateMessageId` when a message with the same id is in the list. Does not look at the
 * status: new messages come from the author (a draft), `duplicate` or `starterTemplates`.
 * @example
 * ```ts
 * const added = addMessage(list, draft);
 * if (added.ok) added.value.length; // list.length + 1
 * ```
 */
export function addMessage(messages: readonly Message[], message: Message): Result<readonly Message[]> {
  if (messages.length >= MAX_MESSAGES_PER_ACCOUNT) {
    return fail([
      issue([], 'messageLimitReached', `an account can have at most ${MAX_MESSAGES_PER_ACCOUNT} proactive messages`),
    ]);
  }
  if (messages.some((existing) => existing.id === message.id)) {
    return fail([issue(['id'], 'duplicateMessageId', `a message with id "${message.id}" already exists`)]);
  }
  return ok([...messages, message]);
}

/**
 * Deletes a message permanently (allowed in every status). Fails with `messageNotFound` for an
 * unknown id. The other messages keep their order and identity.
 * @example
 * ```ts
 * deleteMessage(list, 'msg_welcome'); // { ok: true, value: list without msg_welcome }
 * ```
 */
export function deleteMessage(messages: readonly Message[], id: string): Result<readonly Message[]> {
  if (!messages.some((message) => message.id === id)) {
    return fail([issue(['id'], 'messageNotFound', `no message with id "${id}"`)]);
  }
  return ok(messages.filter((message) => message.id !== id));
}
