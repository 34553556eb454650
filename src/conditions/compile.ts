/**
 * The public doors of the condition compiler: `compileConditions` and `explainConditions` check
 * a tree with the one tree checker (every issue, with text) and compile what passed.
 * @module
 */
import type { Result } from '../core/issues.js';
import type { ConditionNode } from '../core/types.js';
import { conditionTreeCheck } from '../check/conditions.js';
import { runCheck } from '../check/check.js';
import { fail, ok } from '../parse/parse.js';
import { explainPlan, type ExplainedNode } from './explain.js';
import type { Facts } from './facts.js';
import { compileCheckedTree, type CompiledConditions } from './plan.js';

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

function checked(tree: unknown): Result<ConditionNode | null> {
  if (tree === null) return ok(null);
  const result = runCheck(conditionTreeCheck, tree, true);
  return result.ok ? ok(result.value) : fail(result.issues);
}

/**
 * Compiles a tree (`null`: every visitor qualifies) to closures. Fails with every issue the tree
 * checker finds (the same ones `parseMessage` reports under `conditions`). Compiling the same
 * tree object again is a cache hit. The closures never throw: facts of unexpected shape (a
 * hand-built object) read as "not met" and "no time change".
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
export function compileConditions(tree: unknown): Result<CompiledConditions> {
  const result = checked(tree);
  if (!result.ok) return result;
  const { compiled } = compileCheckedTree(result.value);
  let safe = guarded.get(compiled);
  if (safe === undefined) {
    safe = { test: guard(compiled.test, false), nextTimeChange: guard(compiled.nextTimeChange, null) };
    guarded.set(compiled, safe);
  }
  return ok(safe);
}

/**
 * Explains a tree for these facts: every node with its outcome, every leaf that ran with the
 * fact value it saw. `null` tree: `null` (every visitor qualifies). A tree that does not pass
 * the checker yields its issues, as {@link compileConditions} does.
 * @example
 * ```ts
 * const r = explainConditions(
 *   { any: [{ fact: 'visitorType', operator: 'equal', value: 'new' },
 *           { fact: 'visitCount', operator: 'greaterThan', value: 5 }] },
 *   readFacts(visitor, now),
 * );
 * // first visit: { any: [{ …, outcome: 'passed', factValue: 'new' },
 * //                      { …, outcome: 'skipped' }], outcome: 'passed' }
 * ```
 */
export function explainConditions(tree: unknown, facts: Facts): Result<ExplainedNode | null> {
  const result = checked(tree);
  return result.ok ? ok(explainPlan(compileCheckedTree(result.value).plan, facts)) : result;
}
