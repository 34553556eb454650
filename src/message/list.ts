/**
 * The account's list of messages: adding (at most `LIMITS.accountMessages`, 140) and deleting.
 * @module
 */
import { issueAt, type IssueData, type Result } from '../core/issues.js';
import { MAX_ACCOUNT_MESSAGES } from '../core/limits.js';
import type { Message } from '../core/types.js';
import { kindOf } from '../core/values.js';
import { runCheck } from '../check/check.js';
import { readList, UNREADABLE, UNREADABLE_ITEM } from '../check/list.js';
import { id as idCheck } from '../check/primitives.js';
import { fail, ok } from '../parse/parse.js';
import { Arguments } from './inputs.js';

/**
 * The list read once: its messages and their ids, or its own issues — not an array, an item
 * without a string id, an item or an id that cannot be read (`invalidType`, `expected: 'json'`).
 */
function readMessages(messages: unknown): { readonly items: readonly Message[]; readonly ids: readonly unknown[]; readonly issues: IssueData[] } {
  const read = readList(messages, ['messages']);
  if (read.issue !== null) return { items: [], ids: [], issues: [read.issue] };
  const issues: IssueData[] = [];
  const ids = read.items.map((item, index) => {
    if (item === UNREADABLE_ITEM) {
      issues.push(issueAt(['messages', index], 'invalidType', UNREADABLE));
      return undefined;
    }
    let id: unknown;
    try {
      id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
    } catch {
      issues.push(issueAt(['messages', index, 'id'], 'invalidType', UNREADABLE));
      return undefined;
    }
    if (typeof id !== 'string') issues.push(issueAt(['messages', index, 'id'], id === undefined ? 'required' : 'invalidType', id === undefined ? {} : { expected: 'string', got: kindOf(id) }) as IssueData);
    return id;
  });
  return { items: read.items as readonly Message[], ids, issues };
}

/**
 * Appends a message to the account's list. Fails with `tooBig` (`unit: 'messages'`) when the list
 * already holds `LIMITS.accountMessages` (140) messages — every status counts — with `duplicate`
 * when a message with the same id is in the list, and with the issues of a message that does not
 * parse. Does not look at the status: new messages come from the author (a draft), `duplicate`
 * or `starterTemplates`.
 * @example
 * ```ts
 * const added = addMessage(list, draft);
 * if (added.ok) added.value.length; // list.length + 1
 * ```
 */
export function addMessage(messages: readonly Message[], message: Message): Result<readonly Message[]> {
  const read = new Arguments();
  const m = read.message(message);
  const list = readMessages(messages);
  const issues = [...list.issues, ...read.issues];
  if (issues.length > 0 || m === undefined) return fail(issues);
  if (list.items.length >= MAX_ACCOUNT_MESSAGES) return fail([issueAt(['messages'], 'tooBig', { maximum: MAX_ACCOUNT_MESSAGES, unit: 'messages' })]);
  if (list.ids.includes(m.id)) return fail([issueAt(['id'], 'duplicate', {})]);
  return ok([...list.items, m]);
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
  const checked = runCheck(idCheck, id, true, ['id']);
  const list = readMessages(messages);
  const issues = [...list.issues, ...(checked.ok ? [] : checked.issues)];
  if (issues.length > 0) return fail(issues);
  if (!list.ids.includes(id)) return fail([issueAt(['id'], 'messageNotFound', { id })]);
  return ok(list.items.filter((_, index) => list.ids[index] !== id));
}
