/**
 * Compiles checked condition trees to closures (no `eval`, no `new Function`). Children of `all`
 * / `any` run cheapest first: leaves are pure, total functions of the facts, so order can never
 * change a verdict, only how soon it is known.
 *
 * Only trees that passed the tree checker (`check/conditions.ts`) get here — the compiler does
 * not validate again, so there is one definition of a valid tree. Its recursion is bounded by
 * the checked depth.
 * @module
 */
import type { ConditionLeaf, ConditionNode } from '../core/types.js';
import { compileLeaf, type FactsPredicate, type NextChange } from './leaf.js';
import type { Facts } from './facts.js';

/** A compiled tree. Never throws on facts from `readFacts`. */
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
  /** The tree's closures. Total on facts from `readFacts` (metadata that cannot be read is missing). */
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

/** The plan of a checked node. */
function plan(node: ConditionNode): Plan {
  if ('fact' in node) return { kind: 'leaf', source: node, ...compileLeaf(node as ConditionLeaf) };
  if ('not' in node) {
    const child = plan(node.not);
    const inner = child.test;
    return { kind: 'not', child, test: (f) => !inner(f), cost: child.cost, next: child.next };
  }
  const kind = 'all' in node ? 'all' : 'any';
  const children = ('all' in node ? node.all : node.any).map(plan);
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
const cache = new WeakMap<object, CompiledTree>();

/**
 * Compiles a checked tree (`null`: every visitor qualifies) with its source-order plan. Cached by
 * tree identity, so treat trees as immutable (their types are `readonly`).
 * @example
 * ```ts
 * compileCheckedTree({ fact: 'pageViews', operator: 'greaterThan', value: 2 }).plan?.kind; // 'leaf'
 * ```
 */
export function compileCheckedTree(tree: ConditionNode | null): CompiledTree {
  if (tree === null) return ALWAYS;
  let hit = cache.get(tree);
  if (hit === undefined) {
    const root = plan(tree);
    hit = { compiled: { test: root.test, nextTimeChange: root.next ?? (() => null) }, plan: root };
    cache.set(tree, hit);
  }
  return hit;
}
