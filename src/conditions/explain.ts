/**
 * Explanations: the tree annotated with each node's outcome and, for leaves, the fact value
 * the operator saw. Children run in source order with short-circuiting; nodes that did not
 * need to run are `skipped`. (The compiled `test` may run cheaper children first; the verdict
 * is the same, only which nodes are skipped can differ.)
 * @module
 */
import type { ConditionLeaf } from '../core/types.js';
import type { Plan } from './plan.js';
import type { Facts, FactValue } from './facts.js';

/** A node's outcome: it held, it did not, or short-circuiting made it unnecessary. */
export type ConditionOutcome = 'passed' | 'failed' | 'skipped';

/** An explained leaf. `factValue` is present when the leaf ran and the fact was present. */
export interface ExplainedLeaf extends ConditionLeaf {
  readonly outcome: ConditionOutcome;
  readonly factValue?: Exclude<FactValue, undefined>;
  /** `true` when the leaf ran and the fact was missing. */
  readonly factMissing?: boolean;
}
export interface ExplainedAll {
  readonly all: readonly ExplainedNode[];
  readonly outcome: ConditionOutcome;
}
export interface ExplainedAny {
  readonly any: readonly ExplainedNode[];
  readonly outcome: ConditionOutcome;
}
export interface ExplainedNot {
  readonly not: ExplainedNode;
  readonly outcome: ConditionOutcome;
}
/** A condition tree annotated with outcomes. */
export type ExplainedNode = ExplainedAll | ExplainedAny | ExplainedNot | ExplainedLeaf;

function outcome(result: boolean): ConditionOutcome {
  return result ? 'passed' : 'failed';
}

function run(node: Plan, facts: Facts, skip: boolean): ExplainedNode {
  switch (node.kind) {
    case 'leaf': {
      const { fact, operator, value } = node.source;
      if (skip) return { fact, operator, value, outcome: 'skipped' };
      const seen = node.get(facts) as FactValue;
      const result = node.test(facts);
      return seen === undefined
        ? { fact, operator, value, outcome: outcome(result), factMissing: true }
        : { fact, operator, value, outcome: outcome(result), factValue: seen };
    }
    case 'not': {
      const child = run(node.child, facts, skip);
      return { not: child, outcome: skip ? 'skipped' : child.outcome === 'passed' ? 'failed' : 'passed' };
    }
    case 'all':
    case 'any': {
      const decisive: ConditionOutcome = node.kind === 'all' ? 'failed' : 'passed';
      let decided = false;
      const children = node.children.map((child) => {
        const explained = run(child, facts, skip || decided);
        if (explained.outcome === decisive) decided = true;
        return explained;
      });
      const result: ConditionOutcome = skip ? 'skipped' : decided ? decisive : decisive === 'failed' ? 'passed' : 'failed';
      return node.kind === 'all' ? { all: children, outcome: result } : { any: children, outcome: result };
    }
  }
}

/**
 * Explains a compiled source-order plan (`null`: no conditions, explained as `null`).
 * @example
 * ```ts
 * const compiled = compileCheckedTree({ fact: 'pageViews', operator: 'greaterThan', value: 2 });
 * explainPlan(compiled.plan, readFacts(visitor, now))?.outcome; // 'passed' or 'failed'
 * ```
 */
export function explainPlan(plan: Plan | null, facts: Facts): ExplainedNode | null {
  if (plan === null) return null;
  try {
    return run(plan, facts, false);
  } catch {
    // Only facts of unexpected shape get here (`test` reads them as false): nothing is claimed.
    return run(plan, facts, true);
  }
}
