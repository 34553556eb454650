/**
 * The one operator table: for every operator of `core/vocabulary.ts` (whose signature says which
 * facts it takes and what its value is), its semantics, its cost and how json-rules-engine runs
 * it. The compiler, the time breakpoints, explanations and the json-rules-engine adapter all
 * build their tests from here, so an operator's meaning is written once.
 *
 * No coercion: a number never equals a string, a numeric operator on anything but a number is
 * `false`, and a missing fact (`undefined`) never satisfies a positive operator (the negative
 * ones, `notEqual`, `notIn`, `doesNotContainAnyOf`, are then `true`, as in json-rules-engine).
 * Values arrive normalised: lower-cased for case-insensitive facts (see `normalizeOperand`).
 * @module
 */
import type { ConditionScalar, FactKind, Operator } from '../core/types.js';
import { containsAny } from './needles.js';
import { compileWildcard } from './wildcard.js';

/** A fact value as operators see it; `undefined` is a missing fact. */
export type FactValue = string | number | boolean | null | undefined;

/** Reads the fact value from the input a test gets (the facts of a visitor, a candidate number of seconds, …). */
export type Reader<T> = (input: T) => FactValue;

/** One operator's entry. */
export interface OperatorEntry {
  /**
   * The test of this operator against the (valid, normalised) rule `value`, on the fact value
   * `read` takes from its input. One closure per leaf with the value captured: measured faster on
   * V8 than dispatching every call through a `switch`.
   */
  readonly compile: <T>(value: unknown, read: Reader<T>) => (input: T) => boolean;
  /** Rough relative cost of one test, used to run the cheap children of `all` / `any` first. */
  readonly cost: (value: unknown) => number;
  /** `builtIn`: json-rules-engine's operator of the same name has exactly these semantics; `custom`: the adapter registers this one. */
  readonly jsonRulesEngine: 'builtIn' | 'custom';
}

/** Long lists are looked up in a set; `includes` and `has` agree on every fact value (no NaN). */
function member(list: readonly ConditionScalar[]): (value: FactValue) => boolean {
  if (list.length <= 8) return (value) => list.includes(value as ConditionScalar);
  const set = new Set<unknown>(list);
  return (value) => set.has(value);
}

const one = (): number => 1;
const items = (value: unknown): number => 1 + (Array.isArray(value) ? value.length / 8 : 0);

export const OPERATOR_TABLE: Readonly<Record<Operator, OperatorEntry>> = {
  equal: { compile: (value, read) => (x) => read(x) === value, cost: one, jsonRulesEngine: 'builtIn' },
  notEqual: { compile: (value, read) => (x) => read(x) !== value, cost: one, jsonRulesEngine: 'builtIn' },
  in: {
    compile: (value, read) => {
      const has = member(value as readonly ConditionScalar[]);
      return (x) => has(read(x));
    },
    cost: items,
    jsonRulesEngine: 'builtIn',
  },
  notIn: {
    compile: (value, read) => {
      const has = member(value as readonly ConditionScalar[]);
      return (x) => !has(read(x));
    },
    cost: items,
    jsonRulesEngine: 'builtIn',
  },
  lessThan: {
    compile: (value, read) => (x) => {
      const v = read(x);
      return typeof v === 'number' && v < (value as number);
    },
    cost: one,
    jsonRulesEngine: 'custom',
  },
  lessThanInclusive: {
    compile: (value, read) => (x) => {
      const v = read(x);
      return typeof v === 'number' && v <= (value as number);
    },
    cost: one,
    jsonRulesEngine: 'custom',
  },
  greaterThan: {
    compile: (value, read) => (x) => {
      const v = read(x);
      return typeof v === 'number' && v > (value as number);
    },
    cost: one,
    jsonRulesEngine: 'custom',
  },
  greaterThanInclusive: {
    compile: (value, read) => (x) => {
      const v = read(x);
      return typeof v === 'number' && v >= (value as number);
    },
    cost: one,
    jsonRulesEngine: 'custom',
  },
  containsAnyOf: {
    compile: (value, read) => {
      const test = containsAny(value as readonly string[]);
      return (x) => {
        const v = read(x);
        return typeof v === 'string' && test(v);
      };
    },
    cost: (value) => 3 + Math.min((value as readonly unknown[]).length, 8),
    jsonRulesEngine: 'custom',
  },
  doesNotContainAnyOf: {
    compile: (value, read) => {
      const test = containsAny(value as readonly string[]);
      return (x) => {
        const v = read(x);
        return typeof v !== 'string' || !test(v);
      };
    },
    cost: (value) => 3 + Math.min((value as readonly unknown[]).length, 8),
    jsonRulesEngine: 'custom',
  },
  startsWith: {
    compile: (value, read) => (x) => {
      const v = read(x);
      return typeof v === 'string' && v.startsWith(value as string);
    },
    cost: () => 2,
    jsonRulesEngine: 'custom',
  },
  endsWith: {
    compile: (value, read) => (x) => {
      const v = read(x);
      return typeof v === 'string' && v.endsWith(value as string);
    },
    cost: () => 2,
    jsonRulesEngine: 'custom',
  },
  matchesWildcard: {
    compile: (value, read) => {
      const matches = compileWildcard(value as string);
      return (x) => {
        const v = read(x);
        return typeof v === 'string' && matches(v);
      };
    },
    cost: () => 5,
    jsonRulesEngine: 'custom',
  },
};

/** Fact kinds whose values are compared lower-cased on both sides (the fact's property, not the operator's). */
export const CASE_INSENSITIVE_KINDS: readonly FactKind[] = ['text', 'language'];

/**
 * The rule value as operators compare it: lower-cased for case-insensitive fact kinds, unchanged
 * otherwise. Returns a new list, never mutates.
 * @example
 * ```ts
 * normalizeOperand('text', ['/Pricing']); // ['/pricing']
 * normalizeOperand('scalar', 'Pro');      // 'Pro'
 * ```
 */
export function normalizeOperand(kind: FactKind, value: unknown): unknown {
  if (!CASE_INSENSITIVE_KINDS.includes(kind)) return Array.isArray(value) ? [...value] : value;
  const lower = (item: unknown): unknown => (typeof item === 'string' ? item.toLowerCase() : item);
  return Array.isArray(value) ? value.map(lower) : lower(value);
}
