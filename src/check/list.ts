/**
 * The list rule shared by `parseMessages` and `evaluate`: a message list is an array of at most
 * `LIMITS.listMessages` items — decided before anything in it is read or allocated. A list that
 * cannot be read (a revoked Proxy, a `length` that throws) is `invalidType` with
 * `expected: 'json'`, as any value a checker cannot read.
 * @module
 */
import { issueAt, type IssueData, type IssueParams, type IssuePath } from '../core/issues.js';
import { MAX_LIST_MESSAGES } from '../core/limits.js';
import { kindOf } from '../core/values.js';

/** The parameters of a value that cannot be read (a throwing getter, a Proxy): not JSON. */
export const UNREADABLE: IssueParams['invalidType'] = Object.freeze({ expected: 'json', got: 'other' });

/** An item of {@link readList}'s copy whose read threw. */
export const UNREADABLE_ITEM: unique symbol = Symbol('unreadable item');

/**
 * The issue of a value that cannot be a message list (array-likes included), or `undefined`.
 * @example
 * ```ts
 * listIssue({ length: 22567486.5 }, ['messages'])?.code; // 'invalidType'
 * ```
 */
export function listIssue(input: unknown, path: IssuePath): IssueData | undefined {
  try {
    if (!Array.isArray(input)) return issueAt(path, 'invalidType', { expected: 'array', got: kindOf(input) });
    if (input.length > MAX_LIST_MESSAGES) return issueAt(path, 'tooBig', { maximum: MAX_LIST_MESSAGES, unit: 'messages' });
    return undefined;
  } catch {
    return issueAt(path, 'invalidType', UNREADABLE);
  }
}

/**
 * A message list read once, for the functions that read it outside a checker: a copy of its
 * items — an item whose read throws is {@link UNREADABLE_ITEM}, for the caller to report at its
 * index — or the list's own issue (as {@link listIssue}'s; a `length` that is not an array's, as
 * only a Proxy can answer, is `invalidType` `json` too).
 * @example
 * ```ts
 * const read = readList(messages, ['messages']);
 * if (read.issue !== null) return fail([read.issue]);
 * ```
 */
export function readList(input: unknown, path: IssuePath): { readonly items: readonly unknown[]; readonly issue: null } | { readonly items: null; readonly issue: IssueData } {
  let n: unknown;
  try {
    if (!Array.isArray(input)) return { items: null, issue: issueAt(path, 'invalidType', { expected: 'array', got: kindOf(input) }) };
    n = input.length;
  } catch {
    n = undefined;
  }
  if (!Number.isInteger(n) || (n as number) < 0) return { items: null, issue: issueAt(path, 'invalidType', UNREADABLE) };
  if ((n as number) > MAX_LIST_MESSAGES) return { items: null, issue: issueAt(path, 'tooBig', { maximum: MAX_LIST_MESSAGES, unit: 'messages' }) };
  const items = new Array<unknown>(n as number);
  for (let i = 0; i < items.length; i += 1) {
    try {
      items[i] = (input as readonly unknown[])[i];
    } catch {
      items[i] = UNREADABLE_ITEM;
    }
  }
  return { items, issue: null };
}

/**
 * The own property `key` of an options object read outside a checker: `undefined` when `options`
 * is not an object, and `undefined` with an `invalidType` (`json`) issue at `path` when reading
 * it throws (a getter, a Proxy trap, a revoked Proxy).
 * @example
 * ```ts
 * const issues: IssueData[] = [];
 * readOption({ now: '2026-11-23T10:00:00Z' }, 'now', ['options', 'now'], issues); // '2026-11-23T10:00:00Z'
 * ```
 */
export function readOption(options: unknown, key: string, path: IssuePath, issues: IssueData[]): unknown {
  try {
    if (typeof options !== 'object' || options === null || Array.isArray(options)) return undefined;
    return Object.hasOwn(options, key) ? (options as Record<string, unknown>)[key] : undefined;
  } catch {
    issues.push(issueAt(path, 'invalidType', UNREADABLE));
    return undefined;
  }
}
