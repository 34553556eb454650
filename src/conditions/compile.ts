/**
 * `compileConditions`: the compiled evaluator of `plan.ts` plus, when a tree does not compile,
 * the detailed issues of the structural and semantic validators saying why.
 * @module
 */
import type { ConditionNode } from '../model/types.js';
import { fail, issue, ok, type Result } from '../model/result.js';
import { checkConditionStructure } from './structure.js';
import { checkConditionSemantics } from './validate.js';
import { compileTreeLean, type CompiledConditions, type CompiledTree } from './plan.js';
import type { Facts } from './facts.js';

export { readFacts, type Facts } from './facts.js';
export { compileTreeLean, type CompiledConditions, type CompiledTree, type Plan } from './plan.js';

/** The detailed issues of a tree the lean compiler rejected (the structural ones first). */
function issuesOf(tree: unknown): Result<never> {
  const structural = checkConditionStructure(tree, []);
  if (structural.length > 0) return fail(structural);
  const semantic = checkConditionSemantics(tree as ConditionNode, []);
  // Both validators accept exactly the trees the compiler accepts (a property test pins it);
  // the fallback only keeps the result a failure if they ever drifted apart.
  return fail(semantic.length > 0 ? semantic : [issue([], 'malformedConditionNode', 'condition tree could not be compiled')]);
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
  const compiled = compileTreeLean(tree);
  return compiled === null ? issuesOf(tree) : ok(compiled);
}

/** Facts of unexpected shape (a hand-built object, a throwing getter) read as `fallback`. */
function guard<T>(run: (f: Facts) => T, fallback: T): (f: Facts) => T {
  return (f) => {
    try {
      return run(f);
    } catch {
      return fallback;
    }
  };
}

/** Guarded copies of compiled trees, by the compiled tree (so a cache hit returns the same object). */
const guarded = new WeakMap<CompiledConditions, CompiledConditions>();

/**
 * Compiles a tree (`null`: every visitor qualifies) to closures. Fails closed: anything it
 * cannot compile (bad shape, over the limits, unknown fact or operator, mistyped value) is
 * `{ ok: false, issues }`. Compiling the same tree object again is a cache hit. The closures
 * never throw: facts of unexpected shape (a hand-built object that throws) read as "not met"
 * and "no time change".
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
  if (!result.ok) return result;
  const { compiled } = result.value;
  let safe = guarded.get(compiled);
  if (safe === undefined) {
    safe = { test: guard(compiled.test, false), nextTimeChange: guard(compiled.nextTimeChange, null) };
    guarded.set(compiled, safe);
  }
  return ok(safe);
}
