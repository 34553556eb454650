/**
 * Compiles condition trees to closures (no `eval`, no `new Function`). Children of `all` /
 * `any` run cheapest first: leaves are pure, total functions of the facts, so order can never
 * change a verdict, only how soon it is known. Compiled forms are cached by tree identity.
 *
 * Total on any input: a tree that did not come through the parser (wrong shapes, unknown facts
 * or operators, mistyped values, over the depth or leaf limits, cycles) compiles to `null`,
 * with recursion bounded by `CONDITION_LIMITS.maxDepth`. Why it failed is the business of the
 * detailed validators (`compileConditions`, `parseMessage`), which this file does not import.
 * @module
 */
import type { ConditionLeaf } from '../model/types.js';
import { CONDITION_LIMITS } from './catalog.js';
import { compileLeaf, type CompiledLeaf, type FactsPredicate, type NextChange } from './leaf.js';
import { leafOk, nodeKind } from './lean.js';
import type { Facts } from './facts.js';

/**
 * A compiled tree. Never throws on facts from `readFacts`; the copies `compileConditions` hands
 * out never throw at all (see {@link CompiledTree.compiled}).
 */
export interface CompiledConditions {
  /** Whether the tree holds for these facts. */
  test(facts: Facts): boolean;
  /**
   * The earliest instant strictly after `facts.nowMs` at which a time-based leaf of this tree
   * (`timeOnPage`, `timeOnSite`) changes its truth value with the same visitor, or `null`.
   * Leaves that cannot affect the verdict (an `all` already decided by a time-independent
   * `false`) are ignored, so the answer may be `null` while such leaves still tick.
   */
  nextTimeChange(facts: Facts): number | null;
}

/** The compiled tree in source order, for explanations. */
export type Plan = (
  | { readonly kind: 'leaf'; readonly source: ConditionLeaf; readonly get: (f: Facts) => unknown }
  | { readonly kind: 'all' | 'any'; readonly children: readonly Plan[] }
  | { readonly kind: 'not'; readonly child: Plan }
) & {
  readonly test: FactsPredicate;
  readonly cost: number;
  readonly next: NextChange | undefined;
};

/** A compiled tree plus its source-order plan (`null` tree: no plan). */
export interface CompiledTree {
  /**
   * The tree's closures. Total on facts from `readFacts` (metadata that cannot be read is
   * missing); facts of another shape (a hand-built object) can make them throw, which is why
   * `compileConditions` hands out guarded copies.
   */
  readonly compiled: CompiledConditions;
  readonly plan: Plan | null;
}

function groupTest(kind: 'all' | 'any', ordered: readonly Plan[]): FactsPredicate {
  // Children's own closures, cheapest first. Two-child groups (the common shape) skip the loop.
  const tests = ordered.map((child) => child.test);
  const [a, b] = tests as [FactsPredicate, FactsPredicate];
  if (tests.length === 1) return a;
  if (tests.length === 2) return kind === 'all' ? (f) => a(f) && b(f) : (f) => a(f) || b(f);
  const n = tests.length;
  if (kind === 'all') {
    return (f) => {
      for (let j = 0; j < n; j += 1) if (!(tests[j] as FactsPredicate)(f)) return false;
      return true;
    };
  }
  return (f) => {
    for (let j = 0; j < n; j += 1) if ((tests[j] as FactsPredicate)(f)) return true;
    return false;
  };
}

/**
 * Next change of a group: the earliest next change of its time-dependent children, unless a
 * child already decides the group for good (`false` in `all`, `true` in `any`, with no time
 * change ahead), in which case the group never changes by time alone.
 */
function groupNext(kind: 'all' | 'any', children: readonly Plan[]): NextChange | undefined {
  if (children.every((child) => child.next === undefined)) return undefined;
  const decisive = kind === 'any';
  return (f) => {
    let earliest: number | null = null;
    for (const child of children) {
      const next = child.next === undefined ? null : child.next(f);
      if (next === null) {
        if (child.test(f) === decisive) return null;
      } else if (earliest === null || next < earliest) {
        earliest = next;
      }
    }
    return earliest;
  };
}

/** Leaves compiled so far in one tree, against `CONDITION_LIMITS.maxLeaves`. */
interface Count {
  leaves: number;
}

/** The plan of `node` at `depth` (root: 1), or `undefined` when anything about it is invalid. */
function plan(node: unknown, depth: number, count: Count): Plan | undefined {
  if (depth > CONDITION_LIMITS.maxDepth) return undefined;
  const kind = nodeKind(node);
  if (kind === undefined) return undefined;
  if (kind === 'leaf') {
    count.leaves += 1;
    if (count.leaves > CONDITION_LIMITS.maxLeaves || !leafOk(node as object)) return undefined;
    // `leafOk` passed: the fact is known, so the leaf compiles.
    return { kind, source: node as ConditionLeaf, ...(compileLeaf(node as ConditionLeaf) as CompiledLeaf) };
  }
  if (kind === 'not') {
    const child = plan((node as { not: unknown }).not, depth + 1, count);
    if (child === undefined) return undefined;
    const inner = child.test;
    return { kind, child, test: (f) => !inner(f), cost: child.cost, next: child.next };
  }
  const sources = (node as Record<typeof kind, unknown>)[kind];
  if (!Array.isArray(sources) || sources.length === 0) return undefined;
  const children: Plan[] = [];
  // Index loop: a hole is `undefined`, which is not a node.
  for (let i = 0; i < sources.length; i += 1) {
    const child = plan(sources[i], depth + 1, count);
    if (child === undefined) return undefined;
    children.push(child);
  }
  // `sort` is stable (ES2019): equal costs keep source order.
  const ordered = [...children].sort((x, y) => x.cost - y.cost);
  return {
    kind,
    children,
    test: groupTest(kind, ordered),
    cost: children.reduce((sum, child) => sum + child.cost, 0),
    next: groupNext(kind, ordered),
  };
}

const ALWAYS_TRUE: CompiledConditions = { test: () => true, nextTimeChange: () => null };
const ALWAYS: CompiledTree = { compiled: ALWAYS_TRUE, plan: null };

/** Identity cache: entries live exactly as long as the tree objects (bounded by live trees). */
const cache = new WeakMap<object, CompiledTree | null>();

function compileUncached(tree: object): CompiledTree | null {
  const root = plan(tree, 1, { leaves: 0 });
  if (root === undefined) return null;
  return { compiled: { test: root.test, nextTimeChange: root.next ?? (() => null) }, plan: root };
}

/**
 * Compiles a tree (`null`: every visitor qualifies) with its source-order plan, or returns
 * `null` when the tree is invalid in any way — the lean, total path of `evaluate`, which
 * reports no details (see {@link compileConditions} for issues). Never throws on well-behaved
 * objects (no throwing getters or proxies) and never recurses more than
 * `CONDITION_LIMITS.maxDepth` levels, whatever the input. Cached by tree identity.
 * @example
 * ```ts
 * compileTreeLean({ fact: 'pageViews', operator: 'greaterThan', value: 2 })?.plan?.kind; // 'leaf'
 * compileTreeLean({ fact: 'pageViews', operator: 'like', value: 2 });                    // null
 * ```
 */
export function compileTreeLean(tree: unknown): CompiledTree | null {
  if (tree === null) return ALWAYS;
  if (typeof tree !== 'object') return null;
  let hit = cache.get(tree);
  if (hit === undefined) {
    hit = compileUncached(tree);
    cache.set(tree, hit);
  }
  return hit;
}
