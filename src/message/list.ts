/**
 * The account's list of messages: adding (at most `LIMITS.accountMessages`, 140) and deleting.
 * @module
 */
import { issueAt, type IssueData, type Result } from '../core/issues.js';
import { MAX_ACCOUNT_MESSAGES, MAX_LIST_MESSAGES } from '../core/limits.js';
import type { Message } from '../core/types.js';
import { kindOf } from '../core/values.js';
import { runCheck } from '../check/check.js';
import { id as idCheck } from '../check/primitives.js';
import { fail, ok } from '../parse/parse.js';
import { Arguments } from './inputs.js';

/** The list's own issue: not an array, or one of its items without a string id. */
function listIssues(messages: unknown): IssueData[] {
  if (!Array.isArray(messages)) return [issueAt(['messages'], 'invalidType', { expected: 'array', got: kindOf(messages) })];
  if (messages.length > MAX_LIST_MESSAGES) return [issueAt(['messages'], 'tooBig', { maximum: MAX_LIST_MESSAGES, unit: 'messages' })];
  const issues: IssueData[] = [];
  (messages as readonly unknown[]).forEach((item, index) => {
    const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
    if (typeof id !== 'string') issues.push(issueAt(['messages', index, 'id'], id === undefined ? 'required' : 'invalidType', id === undefined ? {} : { expected: 'string', got: kindOf(id) }) as IssueData);
  });
  return issues;
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
  const issues = [...listIssues(messages), ...read.issues];
  if (issues.length > 0 || m === undefined) return fail(issues);
  if (messages.length >= MAX_ACCOUNT_MESSAGES) return fail([issueAt(['messages'], 'tooBig', { maximum: MAX_ACCOUNT_MESSAGES, unit: 'messages' })]);
  if (messages.some((existing) => existing.id === m.id)) return fail([issueAt(['id'], 'duplicate', {})]);
  return ok([...messages, m]);
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
  const issues = [...listIssues(messages), ...(checked.ok ? [] : checked.issues)];
  if (issues.length > 0) return fail(issues);
  if (!messages.some((message) => message.id === id)) return fail([issueAt(['id'], 'messageNotFound', {})]);
  return ok(messages.filter((message) => message.id !== id));
}
