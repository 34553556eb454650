/**
 * Sorting the message list.
 * @module
 */
import { assertNever, issueAt, type IssueData, type Result } from '../core/issues.js';
import { parseTimestamp } from '../core/instants.js';
import type { Message, MessageStatus } from '../core/types.js';
import { readList, UNREADABLE, UNREADABLE_ITEM } from '../check/list.js';
import { fail, ok } from '../parse/parse.js';
import { Arguments } from './inputs.js';

/** The columns the list sorts by. */
export const SORT_KEYS = ['status', 'sent', 'read', 'replied', 'updatedAt', 'name'] as const;
/** A column the list sorts by. */
export type SortKey = (typeof SORT_KEYS)[number];
/** `asc`: smallest first (status: in {@link STATUS_SORT_ORDER}); `desc`: the reverse. */
export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

/**
 * Ascending order of statuses: what runs first, then what needs attention, then drafts.
 */
export const STATUS_SORT_ORDER: readonly MessageStatus[] = ['live', 'paused', 'error', 'draft'];

const nameCollator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * Returns a sorted copy of the list; the input is not mutated. Stable in both directions:
 * messages that tie keep their input order (a descending sort does not reverse ties).
 * `updatedAt` compares instants (timestamps with different offsets sort correctly; an
 * unparsable one sorts as the oldest). `name` uses a fixed English collation (case- and
 * accent-insensitive, numbers by value), independent of the host's locale. Fails with the issues
 * of messages that do not parse or cannot be read (paths start with their index), an unknown `by`
 * or `direction`, or a list that cannot be read (`invalidType` at `messages`).
 * @example
 * ```ts
 * const sorted = sortMessages(list, 'sent', 'desc');
 * if (sorted.ok) sorted.value.map((m) => m.metrics.sent); // [120, 40, 40, 0]
 * ```
 */
export function sortMessages(messages: readonly Message[], by: SortKey, direction: SortDirection): Result<readonly Message[]> {
  const issues: IssueData[] = [];
  if (!(SORT_KEYS as readonly unknown[]).includes(by)) issues.push(issueAt(['by'], 'invalidValue', { allowed: SORT_KEYS }));
  if (!(SORT_DIRECTIONS as readonly unknown[]).includes(direction)) issues.push(issueAt(['direction'], 'invalidValue', { allowed: SORT_DIRECTIONS }));
  const { items, issue } = readList(messages, ['messages']);
  if (issue !== null) issues.push(issue);
  else {
    items.forEach((message, index) => {
      if (message === UNREADABLE_ITEM) {
        issues.push(issueAt([index], 'invalidType', UNREADABLE));
        return;
      }
      const read = new Arguments();
      read.message(message);
      for (const found of read.issues) issues.push({ ...found, path: [index, ...found.path] });
    });
  }
  if (items === null || issues.length > 0) return fail(issues);
  const compare = comparator(by);
  const sign = direction === 'asc' ? 1 : -1;
  return ok(
    (items as readonly Message[])
      .map((message, index) => ({ message, index }))
      .sort((a, b) => sign * compare(a.message, b.message) || a.index - b.index)
      .map(({ message }) => message),
  );
}

function comparator(by: SortKey): (a: Message, b: Message) => number {
  switch (by) {
    case 'status':
      return (a, b) => STATUS_SORT_ORDER.indexOf(a.status) - STATUS_SORT_ORDER.indexOf(b.status);
    case 'sent':
    case 'read':
    case 'replied':
      return (a, b) => compareNumbers(a.metrics[by], b.metrics[by]);
    case 'updatedAt':
      return (a, b) => compareNumbers(instant(a.updatedAt), instant(b.updatedAt));
    case 'name':
      return (a, b) => nameCollator.compare(a.name, b.name);
    default:
      return assertNever(by, 'sort key');
  }
}

function instant(timestamp: string): number {
  return parseTimestamp(timestamp) ?? -Infinity;
}

function compareNumbers(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
