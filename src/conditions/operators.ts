/**
 * Operator semantics as plain functions of (fact value, rule value). The json-rules-engine
 * adapter registers exactly these, and the compiler specialises the same semantics into
 * closures. No coercion: a number never equals a string, a numeric operator on anything but a
 * number is `false`, and a missing fact (`undefined`) never satisfies a positive operator.
 * @module
 */
import type { ConditionValue, Operator } from '../model/types.js';
import { isCaseInsensitiveFact } from './catalog.js';
import { matchesWildcard } from './wildcard.js';

/** `(factValue, ruleValue) => verdict`; never throws. */
export type OperatorFunction = (factValue: unknown, ruleValue: unknown) => boolean;

function isList(value: unknown): value is readonly unknown[] {
  return Array.isArray(value);
}

function containsAnyOf(fact: unknown, needles: unknown): boolean {
  if (typeof fact !== 'string' || !isList(needles)) return false;
  for (const needle of needles) if (typeof needle === 'string' && fact.includes(needle)) return true;
  return false;
}

/**
 * The semantics of every operator. `equal`/`notEqual`/`in`/`notIn` are json-rules-engine's
 * built-ins verbatim (`===`, `indexOf`); the numeric four are json-rules-engine's minus its
 * coercion of numeric strings (`"50" < 100` is `false` here); the rest are the library's own.
 * @example
 * ```ts
 * OPERATOR_FUNCTIONS.notIn(undefined, ['en']);           // true (missing fact)
 * OPERATOR_FUNCTIONS.lessThan('50', 100);                // false (no coercion)
 * OPERATOR_FUNCTIONS.containsAnyOf('/pricing', ['pric']); // true
 * ```
 */
export const OPERATOR_FUNCTIONS: Readonly<Record<Operator, OperatorFunction>> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => isList(b) && b.indexOf(a) > -1,
  notIn: (a, b) => !isList(b) || b.indexOf(a) === -1,
  lessThan: (a, b) => typeof a === 'number' && typeof b === 'number' && a < b,
  lessThanInclusive: (a, b) => typeof a === 'number' && typeof b === 'number' && a <= b,
  greaterThan: (a, b) => typeof a === 'number' && typeof b === 'number' && a > b,
  greaterThanInclusive: (a, b) => typeof a === 'number' && typeof b === 'number' && a >= b,
  containsAnyOf,
  doesNotContainAnyOf: (a, b) => !containsAnyOf(a, b),
  startsWith: (a, b) => typeof a === 'string' && typeof b === 'string' && a.startsWith(b),
  endsWith: (a, b) => typeof a === 'string' && typeof b === 'string' && a.endsWith(b),
  matchesWildcard: (a, b) => typeof a === 'string' && typeof b === 'string' && matchesWildcard(a, b),
};

/** Operators json-rules-engine has built in with exactly the library's semantics. */
export const SHARED_BUILT_IN_OPERATORS: readonly Operator[] = ['equal', 'notEqual', 'in', 'notIn'];

/**
 * The rule value as operators compare it: lower-cased for case-insensitive facts (`pageUrl`,
 * `pageTitle`, `referrer`, `language`), unchanged otherwise. Returns a new list, never mutates.
 * @example
 * ```ts
 * normalizeConditionValue('pageUrl', ['/Pricing']); // ['/pricing']
 * normalizeConditionValue('metadata.plan', 'Pro');  // 'Pro'
 * ```
 */
export function normalizeConditionValue(fact: string, value: ConditionValue): ConditionValue {
  if (!isCaseInsensitiveFact(fact)) return value;
  if (typeof value === 'string') return value.toLowerCase();
  if (isList(value)) return value.map((item) => (typeof item === 'string' ? item.toLowerCase() : item));
  return value;
}
