/**
 * The compiler's structural safety net: a tree that did not come through the parser still
 * cannot overflow the stack or take unbounded work. Iterative, so a 10,000-deep input is
 * reported, not recursed into.
 * @module
 */
import { issue, type Issue, type IssuePath } from '../model/result.js';
import { CONDITION_LIMITS } from './catalog.js';
import { nodeKind } from './validate.js';

/**
 * Checks shape and bounds: every node a group or a leaf, groups non-empty, depth and leaf
 * count within {@link CONDITION_LIMITS}. Stops at the first bound exceeded.
 * @example
 * ```ts
 * checkConditionStructure({ all: [] }, []); // [{ code: 'malformedConditionNode', … }]
 * ```
 */
export function checkConditionStructure(tree: unknown, path: IssuePath): Issue[] {
  const issues: Issue[] = [];
  const stack: { node: unknown; path: IssuePath; depth: number }[] = [{ node: tree, path, depth: 1 }];
  let leaves = 0;
  while (stack.length > 0) {
    const { node, path: at, depth } = stack.pop() as { node: unknown; path: IssuePath; depth: number };
    if (depth > CONDITION_LIMITS.maxDepth) {
      return [...issues, issue(at, 'conditionTreeTooDeep', `condition trees are at most ${CONDITION_LIMITS.maxDepth} levels deep`)];
    }
    const kind = nodeKind(node);
    const record = node as Record<string, unknown>;
    switch (kind) {
      case 'all':
      case 'any': {
        const children = record[kind];
        if (!Array.isArray(children) || children.length === 0) {
          issues.push(issue([...at, kind], 'malformedConditionNode', `"${kind}" must be a non-empty list of conditions`));
          break;
        }
        for (let i = children.length - 1; i >= 0; i -= 1) stack.push({ node: children[i], path: [...at, kind, i], depth: depth + 1 });
        break;
      }
      case 'not':
        stack.push({ node: record.not, path: [...at, 'not'], depth: depth + 1 });
        break;
      case 'leaf':
        leaves += 1;
        if (leaves > CONDITION_LIMITS.maxLeaves) {
          return [...issues, issue(path, 'tooManyConditionLeaves', `condition trees have at most ${CONDITION_LIMITS.maxLeaves} leaves`)];
        }
        if (!Object.hasOwn(record, 'operator') || !Object.hasOwn(record, 'value')) {
          issues.push(issue(at, 'malformedConditionNode', 'a leaf needs "fact", "operator" and "value"'));
        }
        break;
      case undefined:
        issues.push(issue(at, 'malformedConditionNode', 'expected a group (all/any/not) or a leaf (fact/operator/value)'));
        break;
    }
  }
  return issues;
}
