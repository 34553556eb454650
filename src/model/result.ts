/**
 * Errors are values: every fallible function returns a {@link Result}.
 * @module
 */
import type { IssueCode } from './issue-codes.js';

/** A location inside the input: object keys and array indexes from the root. */
export type IssuePath = readonly (string | number)[];

/** One problem with the input: where, a stable machine-readable code, and a readable message. */
export interface Issue {
  readonly path: IssuePath;
  readonly code: IssueCode;
  readonly message: string;
}

/** `{ ok: true, value }` or `{ ok: false, issues }` — never a thrown exception. */
export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/**
 * Wraps a value as a successful {@link Result}.
 * @example
 * ```ts
 * ok(42); // { ok: true, value: 42 }
 * ```
 */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/**
 * Wraps issues as a failed {@link Result}.
 * @example
 * ```ts
 * fail([{ path: ['name'], code: 'tooLong', message: 'name is longer than 200 characters' }]);
 * ```
 */
export function fail<T = never>(issues: readonly Issue[]): Result<T> {
  return { ok: false, issues };
}

/**
 * Builds one {@link Issue}.
 * @example
 * ```ts
 * issue(['conditions', 'all', 0], 'unknownOperator', 'operator "like" is not supported');
 * ```
 */
export function issue(path: IssuePath, code: IssueCode, message: string): Issue {
  return { path, code, message };
}

/** Exhaustiveness guard for `switch` statements over closed unions. */
export function assertNever(value: never, what = 'value'): never {
  throw new TypeError(`unexpected ${what}: ${JSON.stringify(value)}`);
}
