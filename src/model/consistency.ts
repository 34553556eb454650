/**
 * Message rules that tie fields to `status` (SPEC §1.1, §4). They read the raw input so they are
 * reported together with every schema issue, not only once the rest parses.
 * @module
 */
import { issue, type Issue } from './result.js';
import type { MessageStatus } from './types.js';
import { MESSAGE_STATUSES } from './schema/message.js';

function isStatus(value: unknown): value is MessageStatus {
  return (MESSAGE_STATUSES as readonly unknown[]).includes(value);
}

function present(input: Readonly<Record<string, unknown>>, key: string): boolean {
  return Object.hasOwn(input, key) && input[key] !== undefined;
}

/**
 * Issues where a field contradicts the message's `status`:
 * `channelId: null` outside `draft`, `pauseReason` outside `paused` (and required in it),
 * `errorReasons` outside `error` (and required in it), `publishedAt` in a `draft`.
 * Returns nothing when `status` itself is missing or invalid (the schema reports that).
 * @example
 * ```ts
 * statusFieldIssues({ status: 'live', pauseReason: 'manual', channelId: 'web' });
 * // [{ path: ['pauseReason'], code: 'statusFieldMismatch', message: '…' }]
 * ```
 */
export function statusFieldIssues(input: Readonly<Record<string, unknown>>): Issue[] {
  const status = input.status;
  if (!isStatus(status)) return [];
  const issues: Issue[] = [];
  if (input.channelId === null && status !== 'draft') {
    issues.push(issue(['channelId'], 'statusFieldMismatch', `channelId may be null only in a draft, not when ${status}`));
  }
  if (present(input, 'pauseReason') && status !== 'paused') {
    issues.push(issue(['pauseReason'], 'statusFieldMismatch', `pauseReason is allowed only when paused, not when ${status}`));
  } else if (!present(input, 'pauseReason') && status === 'paused') {
    issues.push(issue(['pauseReason'], 'required', 'pauseReason is required when status is paused'));
  }
  if (present(input, 'errorReasons') && status !== 'error') {
    issues.push(issue(['errorReasons'], 'statusFieldMismatch', `errorReasons is allowed only in error, not when ${status}`));
  } else if (!present(input, 'errorReasons') && status === 'error') {
    issues.push(issue(['errorReasons'], 'required', 'errorReasons is required when status is error'));
  }
  if (present(input, 'publishedAt') && status === 'draft') {
    issues.push(issue(['publishedAt'], 'statusFieldMismatch', 'a draft was never published, so it has no publishedAt'));
  }
  return issues;
}
