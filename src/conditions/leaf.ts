/**
 * Compiles one leaf to closures: a fact getter, a test specialised for its operator with the
 * rule value pre-normalised, a cost estimate for ordering, and — for `timeOnPage` /
 * `timeOnSite` — the next instant its truth value changes.
 * @module
 */
import type { ConditionLeaf, ConditionScalar, Operator } from '../model/types.js';
import { assertNever } from '../model/result.js';
import { FACT_INDEX, resolveFact, type ResolvedFact } from './catalog.js';
import { readOwnMetadata, type Facts, type FactValue } from './facts.js';
import { normalizeConditionValue, OPERATOR_FUNCTIONS } from './operators.js';
import { compileWildcard } from './wildcard.js';

export type FactsPredicate = (facts: Facts) => boolean;
export type NextChange = (facts: Facts) => number | null;

/** A compiled leaf. */
export interface CompiledLeaf {
  readonly code: LeafCode;
  readonly get: (facts: Facts) => FactValue;
  readonly test: FactsPredicate;
  /** Rough relative cost, used to order children of `all` / `any`. */
  readonly cost: number;
  /** Present for time-based facts only. */
  readonly next: NextChange | undefined;
}

function listOf(value: unknown): readonly ConditionScalar[] {
  return Array.isArray(value) ? (value as readonly ConditionScalar[]) : [];
}

/**
 * A leaf compiled to a flat record of one shape, evaluated by {@link evalLeaf}. One
 * monomorphic function with a `switch` (inlinable into the group that calls it) instead of a
 * different closure per leaf behind a megamorphic call site.
 */
export interface LeafCode {
  readonly op: Operator;
  /** Slot in `Facts.values`, or -1 for metadata. */
  readonly index: number;
  /** Metadata key ('' for built-ins). */
  readonly key: string;
  /** Scalar rule value (`equal`, `notEqual`). */
  readonly value: unknown;
  /** Numeric bound (NaN when not numeric: every comparison is then false). */
  readonly bound: number;
  /** String rule value for `startsWith` / `endsWith`, list items for the list operators. */
  readonly text: string;
  readonly list: readonly unknown[];
  readonly set: ReadonlySet<unknown> | null;
  readonly matcher: ((text: string) => boolean) | null;
}

function containsAny(v: string, needles: readonly unknown[]): boolean {
  for (let j = 0; j < needles.length; j += 1) {
    const needle = needles[j];
    if (typeof needle === 'string' && v.includes(needle)) return true;
  }
  return false;
}

function inList(c: LeafCode, v: FactValue): boolean {
  if (c.set !== null) return c.set.has(v);
  const list = c.list;
  for (let j = 0; j < list.length; j += 1) if (list[j] === v) return true;
  return false;
}

/**
 * Evaluates one compiled leaf against the facts. Total: unexpected fact types read as "not a
 * match" for positive operators (and as a match for the negative ones, as a missing fact does).
 */
export function evalLeaf(c: LeafCode, f: Facts): boolean {
  const v = c.index >= 0 ? f.values[c.index] : readOwnMetadata(f.metadata, c.key);
  switch (c.op) {
    case 'equal':
      return v === c.value;
    case 'notEqual':
      return v !== c.value;
    case 'in':
      return inList(c, v);
    case 'notIn':
      return !inList(c, v);
    case 'lessThan':
      return typeof v === 'number' && v < c.bound;
    case 'lessThanInclusive':
      return typeof v === 'number' && v <= c.bound;
    case 'greaterThan':
      return typeof v === 'number' && v > c.bound;
    case 'greaterThanInclusive':
      return typeof v === 'number' && v >= c.bound;
    case 'containsAnyOf':
      return typeof v === 'string' && containsAny(v, c.list);
    case 'doesNotContainAnyOf':
      return typeof v !== 'string' || !containsAny(v, c.list);
    case 'startsWith':
      return typeof v === 'string' && c.text !== '' && v.startsWith(c.text);
    case 'endsWith':
      return typeof v === 'string' && c.text !== '' && v.endsWith(c.text);
    case 'matchesWildcard':
      return typeof v === 'string' && c.matcher !== null && c.matcher(v);
    default:
      return assertNever(c.op, 'operator');
  }
}


function leafCode(op: Operator, index: number, key: string, value: unknown): LeafCode {
  const list = listOf(value);
  const text = typeof value === 'string' ? value : '';
  return {
    op,
    index,
    key,
    value,
    bound: typeof value === 'number' ? value : Number.NaN,
    text,
    list,
    set: list.length > 8 ? new Set<unknown>(list) : null,
    matcher: op === 'matchesWildcard' && text !== '' ? compileWildcard(text) : null,
  };
}

function costOf(leaf: ConditionLeaf, fact: ResolvedFact, value: unknown): number {
  const items = Array.isArray(value) ? value.length : 1;
  const base = fact.type === 'metadata' ? 2 : 1;
  switch (leaf.operator) {
    case 'containsAnyOf':
    case 'doesNotContainAnyOf':
      return base + 2 + items;
    case 'matchesWildcard':
      return base + 4;
    case 'startsWith':
    case 'endsWith':
      return base + 1;
    case 'in':
    case 'notIn':
      return base + items / 8;
    default:
      return base;
  }
}

/** Integers at which the truth of `v <op> value` can change, for integer `v`. */
function breakpoints(leaf: ConditionLeaf, value: unknown): number[] {
  const points: number[] = [];
  const at = (x: unknown): void => {
    if (typeof x === 'number' && Number.isInteger(x)) points.push(x, x + 1);
  };
  const bound = typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  switch (leaf.operator) {
    case 'equal':
    case 'notEqual':
      at(value);
      break;
    case 'in':
    case 'notIn':
      listOf(value).forEach(at);
      break;
    case 'lessThan':
    case 'greaterThanInclusive':
      if (bound !== undefined) points.push(Math.ceil(bound));
      break;
    case 'lessThanInclusive':
    case 'greaterThan':
      if (bound !== undefined) points.push(Math.floor(bound) + 1);
      break;
    default:
      break;
  }
  return [...new Set(points)].sort((a, b) => a - b);
}

function timeNext(leaf: ConditionLeaf, fact: ResolvedFact, value: unknown): NextChange | undefined {
  if (fact.type !== 'builtIn' || !fact.spec.timeBased) return undefined;
  const points = breakpoints(leaf, value);
  if (points.length === 0) return () => null;
  const truth = (v: number): boolean => OPERATOR_FUNCTIONS[leaf.operator](v, value);
  const onPage = fact.name === 'timeOnPage';
  return (f) => {
    const seconds = onPage ? f.timeOnPage : f.timeOnSite;
    const since = onPage ? f.pageEnteredAtMs : f.visitStartedAtMs;
    if (seconds === undefined || !Number.isFinite(since)) return null;
    const current = truth(seconds);
    for (const k of points) if (k > seconds && truth(k) !== current) return since + k * 1000;
    return null;
  };
}

/**
 * Compiles a leaf that passed {@link checkConditionSemantics}; `undefined` for an unknown fact
 * (the caller reports it).
 * @example
 * ```ts
 * compileLeaf({ fact: 'timeOnPage', operator: 'greaterThan', value: 30 })?.test(facts);
 * ```
 */
export function compileLeaf(leaf: ConditionLeaf): CompiledLeaf | undefined {
  const fact = resolveFact(leaf.fact);
  if (fact === undefined) return undefined;
  const value = normalizeConditionValue(leaf.fact, leaf.value);
  const index = fact.type === 'builtIn' ? FACT_INDEX[fact.name] : -1;
  const key = fact.type === 'metadata' ? fact.key : '';
  const code = leafCode(leaf.operator, index, key, value);
  return {
    code,
    get: (f) => (index >= 0 ? f.values[index] : readOwnMetadata(f.metadata, key)),
    test: (f) => evalLeaf(code, f),
    cost: costOf(leaf, fact, value),
    next: timeNext(leaf, fact, value),
  };
}
