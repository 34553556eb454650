/**
 * The list rule shared by `parseMessages` and `evaluate`: a message list is an array of at most
 * `LIMITS.listMessages` items — decided before anything in it is read or allocated.
 * @module
 */
import { issueAt, type IssueData, type IssuePath } from '../core/issues.js';
import { MAX_LIST_MESSAGES } from '../core/limits.js';
import { kindOf } from '../core/values.js';

/**
 * The issue of a value that cannot be a message list (array-likes included), or `undefined`.
 * @example
 * ```ts
 * listIssue({ length: 22567486.5 }, ['messages'])?.code; // 'invalidType'
 * ```
 */
export function listIssue(input: unknown, path: IssuePath): IssueData | undefined {
  if (!Array.isArray(input)) return issueAt(path, 'invalidType', { expected: 'array', got: kindOf(input) });
  if (input.length > MAX_LIST_MESSAGES) return issueAt(path, 'tooBig', { maximum: MAX_LIST_MESSAGES, unit: 'messages' });
  return undefined;
}
