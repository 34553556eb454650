/**
 * Compiles condition trees to closures (no `eval`, no `new Function`). Children of `all` /
 * `any` run cheapest first: leaves are pure, total functions of the facts, so order can never
 * change a verdict, only how soon it is known. Compiled forms are cached by tree identity.
 * @module
 */
import type { ConditionLeaf, ConditionNode, Operator } from '../model/types.js';
import { fail, ok, type Result } from '../model/result.js';
import { compileLeaf, evalLeaf, type FactsPredicate, type LeafCode, type NextChange } from './leaf.js';
import { checkConditionStructure } from './structure.js';
import { checkConditionSemantics, nodeKind } from './validate.js';
import type { Facts } from './facts.js';

export { readFacts, type Facts } from './facts.js';

/** A compiled tree. Never throws. */
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
  /** Set when the node is (or negates into) a single leaf: parents evaluate it inline. */
  readonly code: LeafCode | null;
  readonly cost: number;
  readonly next: NextChange | undefined;
};

function groupTest(kind: 'all' | 'any', ordered: readonly Plan[]): FactsPredicate {
  const n = ordered.length;
  const codes = ordered.map((child) => child.code);
  const tests = ordered.map((child) => child.test);
  const decisive = kind === 'any';
  if (codes.every((code) => code !== null)) {
    const leaves = codes as LeafCode[];
    return (f) => {
      for (let j = 0; j < n; j += 1) if (evalLeaf(leaves[j] as LeafCode, f) === decisive) return decisive;
      return !decisive;
    };
  }
  return (f) => {
    for (let j = 0; j < n; j += 1) {
      const code = codes[j];
      if ((code != null ? evalLeaf(code, f) : (tests[j] as FactsPredicate)(f)) === decisive) return decisive;
    }
    return !decisive;
  };
}

/** Exact complements, missing facts included: `not` over them compiles to the other one. */
const COMPLEMENT: Partial<Record<Operator, Operator>> = {
  equal: 'notEqual',
  notEqual: 'equal',
  in: 'notIn',
  notIn: 'in',
  containsAnyOf: 'doesNotContainAnyOf',
  doesNotContainAnyOf: 'containsAnyOf',
};

function negation(child: Plan): { test: FactsPredicate; code: LeafCode | null } {
  if (child.kind === 'leaf') {
    const complement = COMPLEMENT[child.source.operator];
    const leaf = complement === undefined ? undefined : compileLeaf({ ...child.source, operator: complement });
    if (leaf !== undefined) return { test: leaf.test, code: leaf.code };
  }
  const inner = child.test;
  return { test: (f) => !inner(f), code: null };
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

function plan(node: ConditionNode): Plan | undefined {
  const kind = nodeKind(node);
  switch (kind) {
    case 'leaf': {
      const leaf = compileLeaf(node as ConditionLeaf);
      return leaf && { kind, source: node as ConditionLeaf, ...leaf };
    }
    case 'not': {
      const child = plan((node as { not: ConditionNode }).not);
      if (child === undefined) return undefined;
      return { kind, child, ...negation(child), cost: child.cost, next: child.next };
    }
    case 'all':
    case 'any': {
      const sources = (node as Record<typeof kind, readonly ConditionNode[]>)[kind];
      const children: Plan[] = [];
      for (const source of sources) {
        const child = plan(source);
        if (child === undefined) return undefined;
        children.push(child);
      }
      const ordered = children
        .map((child, index) => ({ child, index }))
        .sort((x, y) => x.child.cost - y.child.cost || x.index - y.index)
        .map(({ child }) => child);
      return {
        kind,
        children,
        test: groupTest(kind, ordered),
        code: null,
        cost: children.reduce((sum, child) => sum + child.cost, 0),
        next: groupNext(kind, ordered),
      };
    }
    case undefined:
      return undefined;
    default:
      return kind satisfies never;
  }
}

/** A compiled tree plus its source-order plan (`null` tree: no plan). */
export interface CompiledTree {
  readonly compiled: CompiledConditions;
  readonly plan: Plan | null;
}

const ALWAYS: CompiledTree = { compiled: { test: () => true, nextTimeChange: () => null }, plan: null };

/** Identity cache: entries live exactly as long as the tree objects (bounded by live trees). */
const cache = new WeakMap<object, Result<CompiledTree>>();

/** Facts of unexpected shape (a hand-built object, a throwing getter) read as a failed test. */
function guardTest(test: FactsPredicate): FactsPredicate {
  return (f) => {
    try {
      return test(f);
    } catch {
      return false;
    }
  };
}

function guardNext(next: NextChange): NextChange {
  return (f) => {
    try {
      return next(f);
    } catch {
      return null;
    }
  };
}

/**
 * Compiles with the source-order plan (used by {@link compileConditions} and explanations).
 * @example
 * ```ts
 * const r = compileTree({ fact: 'pageViews', operator: 'greaterThan', value: 2 });
 * r.ok && r.value.plan?.kind; // 'leaf'
 * ```
 */
export function compileTree(tree: ConditionNode | null): Result<CompiledTree> {
  if (tree === null) return ok(ALWAYS);
  if (typeof tree !== 'object') return compileUncached(tree);
  const hit = cache.get(tree);
  if (hit !== undefined) return hit;
  const result = compileUncached(tree);
  cache.set(tree, result);
  return result;
}

function compileUncached(tree: ConditionNode): Result<CompiledTree> {
  const structural = checkConditionStructure(tree, []);
  if (structural.length > 0) return fail(structural);
  const semantic = checkConditionSemantics(tree, []);
  if (semantic.length > 0) return fail(semantic);
  const root = plan(tree);
  if (root === undefined) return fail([{ path: [], code: 'malformedConditionNode', message: 'condition tree could not be compiled' }]);
  const next = root.next;
  return ok({
    compiled: {
      test: guardTest(root.test),
      nextTimeChange: next === undefined ? () => null : guardNext(next),
    },
    plan: root,
  });
}

/**
 * Compiles a tree (`null`: every visitor qualifies) to closures. Fails closed: anything it
 * cannot compile (bad shape, over the limits, unknown fact or operator, mistyped value) is
 * `{ ok: false, issues }`. Compiling the same tree object again is a cache hit.
 * @example
 * ```ts
 * const compiled = compileConditions({ all: [
 *   { fact: 'pageUrl', operator: 'containsAnyOf', value: ['/pricing'] },
 *   { fact: 'timeOnPage', operator: 'greaterThan', value: 30 },
 * ] });
 * if (compiled.ok) {
 *   const facts = readFacts(visitor, now);
 *   compiled.value.test(facts);           // boolean
 *   compiled.value.nextTimeChange(facts); // enteredAt + 31 s while it is still false
 * }
 * ```
 */
export function compileConditions(tree: ConditionNode | null): Result<CompiledConditions> {
  const result = compileTree(tree);
  return result.ok ? ok(result.value.compiled) : result;
}
