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

/**
 * How a list index answers a leaf of this operator in bulk, for every message of a list at once
 * (`evaluate`'s leaf index): `value` — the fact's value is (`negate`: is not) one of `values`, a
 * hash lookup; `text` — one of `needles` occurs in the text fact `at` the start, the end, as the
 * whole text or anywhere (`negate`: none does, or the fact is missing), one multi-pattern pass
 * over the text. `null`: the leaf is tested on its own. A property test checks every key against
 * the operator's own `compile`.
 */
export type IndexKey =
  | { readonly kind: 'value'; readonly values: readonly ConditionScalar[]; readonly negate: boolean }
  | { readonly kind: 'text'; readonly needles: readonly string[]; readonly at: NeedleAt; readonly negate: boolean };

/** Where a needle of a `text` index key must occur. */
export type NeedleAt = 'anywhere' | 'start' | 'end' | 'whole';

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
  /**
   * For a comparison of numbers, its code for {@link compareNumber} (which its `compile` runs too):
   * a compiled tree keeps such a leaf on a built-in number fact as its code and operand.
   */
  readonly numeric?: number;
  /** The index key of a leaf with this (normalised) rule value, or `null` (see {@link IndexKey}). */
  readonly index: (value: unknown) => IndexKey | null;
  /**
   * The operator whose verdict is always the opposite, missing facts included — so `not` of a leaf
   * is that leaf with this operator (`not(notEqual x)` is `equal x`). Only exact pairs are listed:
   * `not(lessThan 5)` is not `greaterThanInclusive 5` (a missing fact fails both).
   */
  readonly complement?: Operator;
  /** `builtIn`: json-rules-engine's operator of the same name has exactly these semantics; `custom`: the adapter registers this one. */
  readonly jsonRulesEngine: 'builtIn' | 'custom';
}

/**
 * The four comparisons of numbers, by {@link OperatorEntry.numeric} code: 0 `lessThan`, 1
 * `lessThanInclusive`, 2 `greaterThan`, 3 `greaterThanInclusive` — `false` for anything but a
 * number. The one definition their closures and compiled trees (`conditions/until`) run.
 * @example
 * ```ts
 * compareNumber(2, 45, 30);        // true: 45 > 30
 * compareNumber(3, undefined, 30); // false: a missing fact
 * ```
 */
export function compareNumber(code: number, x: FactValue, operand: number): boolean {
  if (typeof x !== 'number') return false;
  return code === 0 ? x < operand : code === 1 ? x <= operand : code === 2 ? x > operand : x >= operand;
}

/** The `compile` of the comparison with {@link compareNumber} code `code`. */
const comparison =
  (code: number) =>
  <T>(value: unknown, read: Reader<T>) =>
  (x: T): boolean =>
    compareNumber(code, read(x), value as number);

/** Long lists are looked up in a set; `includes` and `has` agree on every fact value (no NaN). */
function member(list: readonly ConditionScalar[]): (value: FactValue) => boolean {
  if (list.length <= 8) return (value) => list.includes(value as ConditionScalar);
  const set = new Set<unknown>(list);
  return (value) => set.has(value);
}

const one = (): number => 1;
const items = (value: unknown): number => 1 + (Array.isArray(value) ? value.length / 8 : 0);

const noKey = (): null => null;
const valueKey = (negate: boolean) => (value: unknown): IndexKey => ({ kind: 'value', values: [value as ConditionScalar], negate });
const listKey = (negate: boolean) => (value: unknown): IndexKey => ({ kind: 'value', values: value as readonly ConditionScalar[], negate });
const textKey = (needles: readonly string[], at: NeedleAt, negate = false): IndexKey => ({ kind: 'text', needles, at, negate });
const needleKey = (at: NeedleAt, negate: boolean) => (value: unknown): IndexKey => textKey(value as readonly string[], at, negate);

/** A wildcard with at most one literal run and stars only around it is a text key (`*x*`, `x*`, `*x`, `x`). */
function wildcardKey(value: unknown): IndexKey | null {
  const parts = (value as string).split('*');
  const literal = parts.filter((part) => part !== '');
  if (literal.length !== 1 || parts.length > 3) return null;
  const starFirst = parts[0] === '';
  const starLast = parts[parts.length - 1] === '';
  if (parts.length === 1) return textKey(literal, 'whole');
  if (parts.length === 3 && !(starFirst && starLast)) return null;
  return textKey(literal, starFirst && starLast ? 'anywhere' : starFirst ? 'end' : 'start');
}

export const OPERATOR_TABLE: Readonly<Record<Operator, OperatorEntry>> = {
  equal: { compile: (value, read) => (x) => read(x) === value, cost: one, index: valueKey(false),
    complement: 'notEqual',
    jsonRulesEngine: 'builtIn' },
  notEqual: { compile: (value, read) => (x) => read(x) !== value, cost: one, index: valueKey(true),
    complement: 'equal',
    jsonRulesEngine: 'builtIn' },
  in: {
    compile: (value, read) => {
      const has = member(value as readonly ConditionScalar[]);
      return (x) => has(read(x));
    },
    cost: items,
    index: listKey(false),
    complement: 'notIn',
    jsonRulesEngine: 'builtIn',
  },
  notIn: {
    compile: (value, read) => {
      const has = member(value as readonly ConditionScalar[]);
      return (x) => !has(read(x));
    },
    cost: items,
    index: listKey(true),
    complement: 'in',
    jsonRulesEngine: 'builtIn',
  },
  lessThan: {
    compile: comparison(0),
    numeric: 0,
    cost: one,
    index: noKey,
    jsonRulesEngine: 'custom',
  },
  lessThanInclusive: {
    compile: comparison(1),
    numeric: 1,
    cost: one,
    index: noKey,
    jsonRulesEngine: 'custom',
  },
  greaterThan: {
    compile: comparison(2),
    numeric: 2,
    cost: one,
    index: noKey,
    jsonRulesEngine: 'custom',
  },
  greaterThanInclusive: {
    compile: comparison(3),
    numeric: 3,
    cost: one,
    index: noKey,
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
    index: needleKey('anywhere', false),
    complement: 'doesNotContainAnyOf',
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
    index: needleKey('anywhere', true),
    complement: 'containsAnyOf',
    jsonRulesEngine: 'custom',
  },
  startsWith: {
    compile: (value, read) => (x) => {
      const v = read(x);
      return typeof v === 'string' && v.startsWith(value as string);
    },
    cost: () => 2,
    index: (value) => textKey([value as string], 'start'),
    jsonRulesEngine: 'custom',
  },
  endsWith: {
    compile: (value, read) => (x) => {
      const v = read(x);
      return typeof v === 'string' && v.endsWith(value as string);
    },
    cost: () => 2,
    index: (value) => textKey([value as string], 'end'),
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
    index: wildcardKey,
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
