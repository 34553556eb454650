/**
 * Sorting the message list (SPEC §1.2).
 * @module
 */
import type { Message, MessageStatus } from '../model/types.js';
import { assertNever } from '../model/result.js';

/** The columns the list sorts by. */
export const SORT_KEYS = ['status', 'sent', 'read', 'replied', 'updatedAt', 'name'] as const;
/** A column the list sorts by. */
export type SortKey = (typeof SORT_KEYS)[number];
/** `asc`: smallest first (status: in {@link STATUS_SORT_ORDER}); `desc`: the reverse. */
export type SortDirection = 'asc' | 'desc';

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
 * accent-insensitive, numbers by value), independent of the host's locale.
 * @example
 * ```ts
 * sortMessages(list, 'sent', 'desc').map((m) => m.metrics.sent); // [120, 40, 40, 0]
 * sortMessages(list, 'status', 'asc').map((m) => m.status); // ['live', 'paused', 'error', 'draft']
 * ```
 */
export function sortMessages(messages: readonly Message[], by: SortKey, direction: SortDirection): readonly Message[] {
  const compare = comparator(by);
  const sign = direction === 'asc' ? 1 : -1;
  return messages
    .map((message, index) => ({ message, index }))
    .sort((a, b) => sign * compare(a.message, b.message) || a.index - b.index)
    .map(({ message }) => message);
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
  const ms = Date.parse(timestamp);
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}

function compareNumbers(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
