/**
 * Compiles checked condition trees (no `eval`, no `new Function`): the one-pass evaluator of
 * `until.ts` for verdicts and time changes, behind two closures, and a source-order plan for
 * explanations (whose short-circuiting follows the order the admin wrote).
 *
 * Only trees that passed the tree checker (`check/conditions.ts`) get here — the compiler does
 * not validate again, so there is one definition of a valid tree. Its recursion is bounded by
 * the checked depth.
 * @module
 */
import type { ConditionLeaf, ConditionNode } from '../core/types.js';
import { compileLeaf, type FactsPredicate } from './leaf.js';
import { compileUntil, type Until } from './until.js';
import type { Facts } from './facts.js';

/** A compiled tree. Never throws on facts from `readFacts`. */
export interface CompiledConditions {
  /** Whether the tree holds for these facts. */
  test(facts: Facts): boolean;
  /**
   * The earliest instant strictly after `facts.nowMs` at which the verdict may change with time
   * alone (a `timeOnPage` / `timeOnSite` threshold that can flip it is reached), or `null` if only
   * a change of the visitor can change it. Never late; early only when leaves flip back and
   * forth (an `all` of two time leaves that both fail is false until the later one flips).
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
};

/** A compiled tree plus its source-order plan (`null` tree: no plan). */
export interface CompiledTree {
  /** The tree's closures. Total on facts from `readFacts` (metadata that cannot be read is missing). */
  readonly compiled: CompiledConditions;
  readonly plan: Plan | null;
}

/** The source-order plan of a checked node (explanations run children in source order). */
function plan(node: ConditionNode): Plan {
  if ('fact' in node) {
    const leaf = compileLeaf(node as ConditionLeaf);
    return { kind: 'leaf', source: node, get: leaf.get, test: leaf.test };
  }
  if ('not' in node) {
    const child = plan(node.not);
    const inner = child.test;
    return { kind: 'not', child, test: (f) => !inner(f) };
  }
  const kind = 'all' in node ? 'all' : 'any';
  const children = ('all' in node ? node.all : node.any).map(plan);
  const tests = children.map((child) => child.test);
  const test: FactsPredicate = kind === 'all' ? (f) => tests.every((t) => t(f)) : (f) => tests.some((t) => t(f));
  return { kind, children, test };
}

/** The closures of a tree, from its one-pass signed-duration evaluator. */
function fromUntil(run: Until): CompiledConditions {
  return {
    test: (f) => run(f) > 0,
    nextTimeChange: (f) => {
      const u = run(f);
      return Number.isFinite(u) ? f.nowMs + Math.abs(u) : null;
    },
  };
}

const ALWAYS: CompiledTree = { compiled: fromUntil(compileUntil(null)), plan: null };

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
    hit = { compiled: fromUntil(compileUntil(tree)), plan: plan(tree) };
    cache.set(tree, hit);
  }
  return hit;
}
