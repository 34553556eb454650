/**
 * Compiles one checked leaf to closures: a fact getter, the operator's test from the operator
 * table with the rule value normalised once, a cost for ordering, and — for `timeOnPage` /
 * `timeOnSite` — the next instant its truth value changes.
 * @module
 */
import type { ConditionLeaf } from '../core/types.js';
import { isFiniteNumber } from '../core/values.js';
import { FACTS, METADATA_PREFIX, type BuiltInFact, type FactSignature } from '../core/vocabulary.js';
import { factSignature } from '../check/conditions.js';
import { FACT_INDEX, readOwnMetadata, type Facts } from './facts.js';
import { OPERATOR_TABLE, normalizeOperand, type FactValue } from './operators.js';
import { sharedLeafId } from './shared.js';

export type FactsPredicate = (facts: Facts) => boolean;
export type NextChange = (facts: Facts) => number | null;

/** A compiled leaf. */
export interface CompiledLeaf {
  readonly get: (facts: Facts) => FactValue;
  readonly test: FactsPredicate;
  /** Rough relative cost, used to order children of `all` / `any`. */
  readonly cost: number;
  /** Present for time-based facts only. */
  readonly next: NextChange | undefined;
}

/** Reads a shared leaf's result for these facts, computing it on first use (see `shared.ts`). */
function shared(id: number, test: FactsPredicate): FactsPredicate {
  if (id < 0) return test;
  return (f) => {
    const results = f.leafResults;
    // Facts made before this leaf got its id have no slot for it: just run it.
    if (id >= results.length) return test(f);
    const known = results[id];
    if (known !== undefined) return known;
    const result = test(f);
    // Facts a caller froze (deep-frozen test inputs) simply do not memoise.
    if (!Object.isFrozen(results)) results[id] = result;
    return result;
  };
}

/**
 * Whole seconds, ascending, at which the truth of `seconds <op> value` can change: for every
 * number `x` of the rule value, `ceil(x)` and `floor(x) + 1` (`x` and `x + 1` for an integer).
 * That covers every operator a time fact allows (`equal`/`in` flip at `x` and `x + 1`, the
 * comparisons at one of the two); candidates where nothing flips are skipped by the caller.
 */
function breakpoints(value: unknown): number[] {
  const points: number[] = [];
  // Repeated points are harmless: the caller stops at the first one where the truth flips.
  for (const x of Array.isArray(value) ? value : [value]) if (isFiniteNumber(x)) points.push(Math.ceil(x), Math.floor(x) + 1);
  return points.sort((a, b) => a - b);
}

function timeNext(signature: FactSignature, leaf: ConditionLeaf, value: unknown): NextChange | undefined {
  if (signature.since === undefined) return undefined;
  const points = breakpoints(value);
  const truth = OPERATOR_TABLE[leaf.operator].compile(value, (seconds: number) => seconds);
  const onPage = signature.since === 'page';
  return (f) => {
    const seconds = onPage ? f.timeOnPage : f.timeOnSite;
    const from = onPage ? f.pageEnteredAtMs : f.visitStartedAtMs;
    if (seconds === undefined || !Number.isFinite(from)) return null;
    const current = truth(seconds);
    for (const k of points) if (k > seconds && truth(k) !== current) return from + k * 1000;
    return null;
  };
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
  const value = normalizeOperand(signature.kind, leaf.value);
  const metadata = leaf.fact.startsWith(METADATA_PREFIX);
  const index = metadata ? -1 : FACT_INDEX[leaf.fact as BuiltInFact];
  const key = metadata ? leaf.fact.slice(METADATA_PREFIX.length) : '';
  const get = (f: Facts): FactValue => (index >= 0 ? f.values[index] : readOwnMetadata(f.metadata, key));
  const entry = OPERATOR_TABLE[leaf.operator];
  return {
    get,
    test: shared(sharedLeafId(`${leaf.fact}\u0000${leaf.operator}\u0000${JSON.stringify(value)}`), entry.compile(value, get)),
    cost: entry.cost(value) + (metadata ? 1 : 0),
    next: timeNext(signature, leaf, value),
  };
}

/** Whether a built-in fact is time-based (changes with time alone). */
export function isTimeFact(fact: string): boolean {
  return Object.hasOwn(FACTS, fact) && (FACTS as Readonly<Record<string, FactSignature>>)[fact]?.since !== undefined;
}
