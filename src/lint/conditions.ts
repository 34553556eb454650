/**
 * Findings about one message's conditions and trigger: conditions that hold for no visitor or
 * for every visitor, parts of the tree that do, and a `timeOnPage` trigger the conditions never
 * let fire.
 * @module
 */
import { issueAt, NO_PARAMS, type IssuePath } from '../core/issues.js';
import type { ConditionNode, Message } from '../core/types.js';
import { finding, LINT_SEVERITY, type LintFinding } from './findings.js';
import { triggerLeaf, TRUE, type Formula, type Space } from './model.js';
import { solve, type Budget } from './solve.js';

/** One parsed message as lint analyses it. */
export interface Analysed {
  /** Position in the list given to `lint`. */
  readonly index: number;
  readonly message: Message;
  /** Its conditions (paths from the list: `[index, 'conditions', …]`). */
  readonly conditions: Formula;
  /** Its conditions and its trigger: exactly when it qualifies, send window and frequency aside. */
  readonly qualifies: Formula;
}

/**
 * The formulas of a parsed message.
 * @example
 * ```ts
 * const analysed = analyse(space, 0, message);
 * ```
 */
export function analyse(space: Space, index: number, message: Message): Analysed {
  const conditions = space.formula(message.conditions, [index, 'conditions']);
  const seconds = message.trigger.event === 'timeOnPage' ? message.trigger.seconds : 0;
  const leaf = triggerLeaf(seconds);
  const trigger = leaf === null ? TRUE : space.formula(leaf, [index, 'trigger', 'seconds']);
  return { index, message, conditions, qualifies: leaf === null ? conditions : { kind: 'all', children: [conditions, trigger] } };
}

function neverHolds(space: Space, formula: Formula, budget: Budget): readonly IssuePath[] | null {
  const answer = solve(space, formula, true, budget);
  return answer.result === 'unsat' ? answer.core : null;
}

function alwaysHolds(space: Space, formula: Formula, budget: Budget): readonly IssuePath[] | null {
  const answer = solve(space, formula, false, budget);
  return answer.result === 'unsat' ? answer.core : null;
}

/** The children of a group node, with their path steps. */
function children(node: ConditionNode): readonly (readonly [ConditionNode, readonly (string | number)[]])[] {
  if ('all' in node) return node.all.map((child, i) => [child, ['all', i]] as const);
  if ('any' in node) return node.any.map((child, i) => [child, ['any', i]] as const);
  if ('not' in node) return [[node.not, ['not']]];
  return [];
}

/** The largest `timeOnPage` the conditions allow, or `null` if none was found. */
function largestTimeOnPage(space: Space, conditions: Formula, budget: Budget): number | null {
  const variable = space.variableIndex('timeOnPage');
  if (variable === undefined) return null;
  const cells = space.variables[variable]?.cells ?? [];
  for (let cell = cells.length - 1; cell >= 0; cell -= 1) {
    const answer = solve(space, { kind: 'all', children: [conditions, space.cellFormula(variable, cell)] }, true, budget);
    if (answer.result === 'sat') return cells[cell]?.hi ?? null;
    if (answer.result === 'unknown') return null;
  }
  return null;
}

/**
 * Every condition and trigger finding of one message; `qualifies: false` when lint proved the
 * message can never qualify.
 * @example
 * ```ts
 * conditionFindings(space, analyse(space, 0, message), budget).findings;
 * ```
 */
export function conditionFindings(space: Space, analysed: Analysed, budget: Budget): { readonly findings: LintFinding[]; readonly qualifies: boolean } {
  const { index, message } = analysed;
  const base: IssuePath = [index, 'conditions'];
  const findings: LintFinding[] = [];
  const tree = message.conditions;
  if (tree !== null) {
    const never = neverHolds(space, analysed.conditions, budget);
    if (never !== null) {
      findings.push(finding(issueAt(base, 'conditionsNeverHold', NO_PARAMS), LINT_SEVERITY.conditionsNeverHold, { kind: 'conflict', paths: never }));
      return { findings, qualifies: false };
    }
    const always = alwaysHolds(space, analysed.conditions, budget);
    if (always !== null) {
      findings.push(finding(issueAt(base, 'conditionsAlwaysHold', NO_PARAMS), LINT_SEVERITY.conditionsAlwaysHold, { kind: 'conflict', paths: always }));
    } else {
      // Below the root: the topmost parts that never or always hold (their insides are not reported again).
      const walk = (node: ConditionNode, path: IssuePath): void => {
        for (const [child, steps] of children(node)) {
          const at = [...path, ...steps];
          const formula = space.formula(child, at);
          const dead = neverHolds(space, formula, budget);
          if (dead !== null) {
            findings.push(finding(issueAt(at, 'branchNeverHolds', NO_PARAMS), LINT_SEVERITY.branchNeverHolds, { kind: 'conflict', paths: dead }));
            continue;
          }
          const redundant = alwaysHolds(space, formula, budget);
          if (redundant !== null) {
            findings.push(finding(issueAt(at, 'branchAlwaysHolds', NO_PARAMS), LINT_SEVERITY.branchAlwaysHolds, { kind: 'conflict', paths: redundant }));
            continue;
          }
          walk(child, at);
        }
      };
      walk(tree, base);
    }
  }
  if (message.trigger.event === 'timeOnPage' && message.trigger.seconds > 0) {
    const never = neverHolds(space, analysed.qualifies, budget);
    if (never !== null) {
      const params = { seconds: message.trigger.seconds, maximum: largestTimeOnPage(space, analysed.conditions, budget) };
      findings.push(
        finding(issueAt([index, 'trigger', 'seconds'], 'triggerAfterConditions', params), LINT_SEVERITY.triggerAfterConditions, { kind: 'conflict', paths: never }),
      );
      return { findings, qualifies: false };
    }
  }
  return { findings, qualifies: true };
}
