/**
 * What the instrumented docs samples call: `__shown` asserts a `//=>` output and records that it
 * was reached (see extract.ts).
 */
import { expect } from 'vitest';

/** `doc:line` of every `//=>` check reached, with how often. */
export const reached = new Map<string, number>();

/** Asserts that `value` equals the shown `expected` (`toEqual`), and returns `value`. */
export function __shown<T>(value: T, expected: unknown, where: string): T {
  reached.set(where, (reached.get(where) ?? 0) + 1);
  expect(value, `the output shown at ${where}`).toEqual(expected);
  return value;
}

/** An asymmetric matcher: a list that starts with `items` (the doc wrote `[…items, …]`). */
export function __startsWith(items: readonly unknown[]): unknown {
  return {
    asymmetricMatch: (actual: unknown): boolean =>
      Array.isArray(actual) && actual.length >= items.length && items.every((item, i) => equals(actual[i], item)),
    toString: (): string => 'StartsWith',
    toAsymmetricMatcher: (): string => `StartsWith ${JSON.stringify(items)}`,
  };
}

function equals(actual: unknown, expected: unknown): boolean {
  try {
    expect(actual).toEqual(expected);
    return true;
  } catch {
    return false;
  }
}
