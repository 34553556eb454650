/**
 * Compiles one checked leaf to closures: a fact getter and the operator's test from the operator
 * table, with the rule value normalised once.
 * @module
 */
import type { ConditionLeaf } from '../core/types.js';
import { isFiniteNumber } from '../core/values.js';
import { BUILT_IN_FACTS, FACTS, METADATA_PREFIX, type BuiltInFact, type FactSignature } from '../core/vocabulary.js';
import { factSignature } from '../check/conditions.js';
import { FACT_INDEX, readOwnMetadata, type Facts } from './facts.js';
import { OPERATOR_TABLE, normalizeOperand, type FactValue } from './operators.js';

export type FactsPredicate = (facts: Facts) => boolean;

/** A compiled leaf. */
export interface CompiledLeaf {
  readonly get: (facts: Facts) => FactValue;
  readonly test: FactsPredicate;
}

/**
 * The fact getter of a leaf: a built-in fact from `Facts.values`, a metadata key as an own property.
 * @example
 * ```ts
 * leafGetter('metadata.plan')(facts); // 'trial'
 * ```
 */
export function leafGetter(fact: string): (facts: Facts) => FactValue {
  if (fact.startsWith(METADATA_PREFIX)) {
    const key = fact.slice(METADATA_PREFIX.length);
    return (f) => readOwnMetadata(f.metadata, key);
  }
  return BUILT_IN_GETTERS[FACT_INDEX[fact as BuiltInFact]] as (facts: Facts) => FactValue;
}

/**
 * One getter per built-in fact, shared by every leaf of every list: a list's leaves then call the
 * same few functions (one call target per fact), and a leaf keeps no getter of its own.
 */
const BUILT_IN_GETTERS = /* @__PURE__ */ BUILT_IN_FACTS.map((_, index) => (f: Facts): FactValue => f.values[index]);

/**
 * The rule value of a checked leaf as operators compare it (lower-cased for text and language facts).
 * @example
 * ```ts
 * leafValue({ fact: 'pageUrl', operator: 'startsWith', value: '/Pricing' }, FACTS.pageUrl); // '/pricing'
 * ```
 */
export function leafValue(leaf: ConditionLeaf, signature: FactSignature = factSignature(leaf.fact) as FactSignature): unknown {
  return normalizeOperand(signature.kind, leaf.value);
}

/**
 * Whole seconds, ascending, at which the truth of `seconds <op> value` can change: for every
 * number `x` of the rule value, `ceil(x)` and `floor(x) + 1` (`x` and `x + 1` for an integer).
 * That covers every operator a time fact allows (`equal`/`in` flip at `x` and `x + 1`, the
 * comparisons at one of the two); candidates where nothing flips are skipped by the caller.
 * @example
 * ```ts
 * breakpoints(30);       // [30, 31]
 * breakpoints([5, 2.5]); // [3, 3, 5, 6]
 * ```
 */
export function breakpoints(value: unknown): number[] {
  const points: number[] = [];
  // Repeated points are harmless: the caller stops at the first one where the truth flips.
  for (const x of Array.isArray(value) ? value : [value]) if (isFiniteNumber(x)) points.push(Math.ceil(x), Math.floor(x) + 1);
  return points.sort((a, b) => a - b);
}

/**
 * Compiles a leaf that passed the tree checker.
 * @example
 * ```ts
 * compileLeaf({ fact: 'timeOnPage', operator: 'greaterThan', value: 30 }).test(facts);
 * ```
 */
export function compileLeaf(leaf: ConditionLeaf): CompiledLeaf {
  const signature = factSignature(leaf.fact) as FactSignature;
  const value = leafValue(leaf, signature);
  const get = leafGetter(leaf.fact);
  return { get, test: OPERATOR_TABLE[leaf.operator].compile(value, get) };
}

/** Whether a built-in fact is time-based (changes with time alone). */
export function isTimeFact(fact: string): boolean {
  return Object.hasOwn(FACTS, fact) && (FACTS as Readonly<Record<string, FactSignature>>)[fact]?.since !== undefined;
}
