/**
 * Small text helpers shared by the commands: issue paths, instants, durations, tables.
 * @module
 */
import type { IssueData, IssuePath } from '../core/issues.js';
import { describeIssue } from '../parse/describe.js';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Formats an issue path the way it would be written in JavaScript; `(root)` for the empty path.
 * @example
 * ```ts
 * formatPath([3, 'conditions', 'all', 0, 'value']); // '[3].conditions.all[0].value'
 * ```
 */
export function formatPath(path: IssuePath): string {
  if (path.length === 0) return '(root)';
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (IDENTIFIER.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/**
 * One line for one issue: `path  code  message` (the message composed from code and parameters).
 * @example
 * ```ts
 * formatIssue({ path: ['trigger'], code: 'required', params: {} });
 * // 'trigger  required  "trigger" is required'
 * ```
 */
export function formatIssue(found: IssueData): string {
  return `${formatPath(found.path)}  ${found.code}  ${describeIssue(found)}`;
}

/**
 * An epoch-ms instant as an ISO-8601 UTC string.
 * @example
 * ```ts
 * formatInstant(Date.UTC(2026, 10, 23, 10)); // '2026-11-23T10:00:00.000Z'
 * ```
 */
export function formatInstant(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * A non-negative duration in readable units: `45 s`, `2 min 5 s`, `3 h 10 min`, `2 d 4 h`.
 * @example
 * ```ts
 * formatDuration(125_000); // '2 min 5 s'
 * ```
 */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 === 0 ? `${m} min` : `${m} min ${s % 60} s`;
  const h = Math.floor(m / 60);
  if (h < 48) return m % 60 === 0 ? `${h} h` : `${h} h ${m % 60} min`;
  const d = Math.floor(h / 24);
  return h % 24 === 0 ? `${d} d` : `${d} d ${h % 24} h`;
}

/**
 * Left-aligned columns separated by two spaces; trailing spaces are trimmed.
 * @example
 * ```ts
 * table([['id', 'outcome'], ['msg_a', 'shown']]); // ['id     outcome', 'msg_a  shown']
 * ```
 */
export function table(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows.map((row) =>
    row
      .map((cell, i) => cell + ' '.repeat((widths[i] ?? 0) - [...cell].length))
      .join('  ')
      .trimEnd(),
  );
}
