/**
 * Compiles one leaf to closures: a fact getter, a test specialised for its operator with the
 * rule value pre-normalised, a cost estimate for ordering, and — for `timeOnPage` /
 * `timeOnSite` — the next instant its truth value changes.
 * @module
 */
import type { BuiltInFact, ConditionLeaf, ConditionScalar } from '../model/types.js';
import { assertNever } from '../model/result.js';
import { resolveFact, type ResolvedFact } from './catalog.js';
import { readMetadata, type Facts, type FactValue } from './facts.js';
import { normalizeConditionValue, OPERATOR_FUNCTIONS } from './operators.js';
import { compileWildcard } from './wildcard.js';

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

function builtInGetter(name: BuiltInFact): (facts: Facts) => FactValue {
  switch (name) {
    case 'pageUrl':
      return (f) => f.pageUrl;
    case 'pageTitle':
      return (f) => f.pageTitle;
    case 'referrer':
      return (f) => f.referrer;
    case 'visitorType':
      return (f) => f.visitorType;
    case 'language':
      return (f) => f.language;
    case 'deviceType':
      return (f) => f.deviceType;
    case 'timeOnPage':
      return (f) => f.timeOnPage;
    case 'timeOnSite':
      return (f) => f.timeOnSite;
    case 'pageViews':
      return (f) => f.pageViews;
    case 'visitCount':
      return (f) => f.visitCount;
    default:
      return assertNever(name, 'fact');
  }
}

function getterOf(fact: ResolvedFact): (facts: Facts) => FactValue {
  if (fact.type === 'builtIn') return builtInGetter(fact.name);
  const key = fact.key;
  return (f) => readMetadata(f.metadata, key);
}

function listOf(value: unknown): readonly ConditionScalar[] {
  return Array.isArray(value) ? (value as readonly ConditionScalar[]) : [];
}

function membership(list: readonly ConditionScalar[]): (value: FactValue) => boolean {
  if (list.length === 1) {
    const only = list[0];
    return (v) => v === only;
  }
  if (list.length > 8) {
    const set = new Set<unknown>(list);
    return (v) => set.has(v);
  }
  return (v) => {
    for (let i = 0; i < list.length; i += 1) if (list[i] === v) return true;
    return false;
  };
}

function containment(list: readonly ConditionScalar[]): (value: string) => boolean {
  const needles = list.filter((item): item is string => typeof item === 'string');
  if (needles.length === 1) {
    const only = needles[0] as string;
    return (v) => v.includes(only);
  }
  return (v) => {
    for (let i = 0; i < needles.length; i += 1) if (v.includes(needles[i] as string)) return true;
    return false;
  };
}

function operatorTest(leaf: ConditionLeaf, get: (f: Facts) => FactValue, value: unknown): FactsPredicate {
  const operator = leaf.operator;
  switch (operator) {
    case 'equal':
      return (f) => get(f) === value;
    case 'notEqual':
      return (f) => get(f) !== value;
    case 'in': {
      const has = membership(listOf(value));
      return (f) => has(get(f));
    }
    case 'notIn': {
      const has = membership(listOf(value));
      return (f) => !has(get(f));
    }
    case 'lessThan':
    case 'lessThanInclusive':
    case 'greaterThan':
    case 'greaterThanInclusive': {
      if (typeof value !== 'number') return () => false;
      const bound = value;
      const compare =
        operator === 'lessThan'
          ? (v: number) => v < bound
          : operator === 'lessThanInclusive'
            ? (v: number) => v <= bound
            : operator === 'greaterThan'
              ? (v: number) => v > bound
              : (v: number) => v >= bound;
      return (f) => {
        const v = get(f);
        return typeof v === 'number' && compare(v);
      };
    }
    case 'containsAnyOf': {
      const contains = containment(listOf(value));
      return (f) => {
        const v = get(f);
        return typeof v === 'string' && contains(v);
      };
    }
    case 'doesNotContainAnyOf': {
      const contains = containment(listOf(value));
      return (f) => {
        const v = get(f);
        return typeof v !== 'string' || !contains(v);
      };
    }
    case 'startsWith':
    case 'endsWith': {
      if (typeof value !== 'string') return () => false;
      const affix = value;
      return operator === 'startsWith'
        ? (f) => {
            const v = get(f);
            return typeof v === 'string' && v.startsWith(affix);
          }
        : (f) => {
            const v = get(f);
            return typeof v === 'string' && v.endsWith(affix);
          };
    }
    case 'matchesWildcard': {
      if (typeof value !== 'string') return () => false;
      const matches = compileWildcard(value);
      return (f) => {
        const v = get(f);
        return typeof v === 'string' && matches(v);
      };
    }
    default:
      return assertNever(operator, 'operator');
  }
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
  const get = getterOf(fact);
  return {
    get,
    test: operatorTest(leaf, get, value),
    cost: costOf(leaf, fact, value),
    next: timeNext(leaf, fact, value),
  };
}
