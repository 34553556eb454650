/**
 * Structural validation of a condition tree (SPEC §2.3, §1.5) by an iterative walk: bounded
 * depth, leaves and nodes, exactly one of `all`/`any`/`not` per group, strict leaf keys, no empty
 * groups, and the nesting rule. Fact and operator semantics belong to `checkConditionSemantics`.
 * @module
 */
import { isPlainObject } from './guard.js';
import { LIMITS } from './limits.js';
import { issue, type Issue, type IssuePath } from './result.js';
import { describeValue } from './check.js';

const GROUP_KEYS = ['all', 'any', 'not'] as const;
type GroupKey = (typeof GROUP_KEYS)[number];
const LEAF_KEYS: ReadonlySet<string> = new Set(['fact', 'operator', 'value']);

interface Frame {
  readonly node: unknown;
  readonly path: IssuePath;
  /** Level of this node; the root is 1. */
  readonly depth: number;
  /** How many `all`/`any` groups enclose this node (`not` does not count). */
  readonly groupsAbove: number;
}

function checkString(value: unknown, path: IssuePath, what: string, max: number, issues: Issue[]): void {
  if (typeof value !== 'string') {
    issues.push(issue(path, 'invalidType', `${what} must be a string, got ${describeValue(value)}`));
  } else if (value.length === 0) {
    issues.push(issue(path, 'tooShort', `${what} must not be empty`));
  } else if (value.length > max) {
    issues.push(issue(path, 'tooLong', `${what} must be at most ${max} characters`));
  }
}

function checkScalar(value: unknown, path: IssuePath, issues: Issue[]): void {
  if (typeof value === 'string') {
    if (value.length > LIMITS.conditionValueLength) {
      issues.push(issue(path, 'tooLong', `value must be at most ${LIMITS.conditionValueLength} characters`));
    }
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) issues.push(issue(path, 'invalidType', 'value must be a finite number'));
  } else if (typeof value !== 'boolean' && value !== null) {
    issues.push(issue(path, 'invalidType', `value must be a string, number, boolean or null, got ${describeValue(value)}`));
  }
}

function checkLeaf(node: Record<string, unknown>, path: IssuePath, issues: Issue[]): void {
  for (const key of Object.keys(node)) {
    if (!LEAF_KEYS.has(key)) {
      issues.push(issue([...path, key], 'unknownKey', `unknown key "${key}": a leaf has only fact, operator and value`));
    }
  }
  for (const key of LEAF_KEYS) {
    if (!Object.hasOwn(node, key)) issues.push(issue([...path, key], 'required', `"${key}" is required in a leaf`));
  }
  if (Object.hasOwn(node, 'fact')) checkString(node.fact, [...path, 'fact'], 'fact', LIMITS.factLength, issues);
  if (Object.hasOwn(node, 'operator')) {
    checkString(node.operator, [...path, 'operator'], 'operator', LIMITS.operatorLength, issues);
  }
  if (!Object.hasOwn(node, 'value')) return;
  const value = node.value;
  const valuePath = [...path, 'value'];
  if (!Array.isArray(value)) {
    checkScalar(value, valuePath, issues);
  } else if (value.length > LIMITS.conditionValues) {
    issues.push(issue(valuePath, 'tooMany', `value must have at most ${LIMITS.conditionValues} items`));
  } else {
    value.forEach((item: unknown, index) => checkScalar(item, [...valuePath, index], issues));
  }
}

function groupKeyOf(node: Record<string, unknown>): GroupKey | null {
  for (const key of GROUP_KEYS) if (Object.hasOwn(node, key)) return key;
  return null;
}

/**
 * Validates the structure of a condition tree without recursion and returns every issue
 * (empty: the tree is structurally valid and can be typed as a `ConditionNode`).
 * The walk stops early at `LIMITS.conditionNodes` nodes or `LIMITS.conditionLeaves` leaves.
 * @example
 * ```ts
 * validateConditionTree({ all: [] }, ['conditions']);
 * // [{ path: ['conditions', 'all'], code: 'emptyGroup', message: '…' }]
 * ```
 */
export function validateConditionTree(tree: unknown, root: IssuePath): Issue[] {
  const issues: Issue[] = [];
  const stack: Frame[] = [{ node: tree, path: root, depth: 1, groupsAbove: 0 }];
  let nodes = 0;
  let leaves = 0;
  let firstNestedGroup: IssuePath | null = null;
  while (stack.length > 0) {
    const { node, path, depth, groupsAbove } = stack.pop() as Frame;
    nodes += 1;
    if (nodes > LIMITS.conditionNodes) {
      issues.push(issue(root, 'tooMany', `condition tree has more than ${LIMITS.conditionNodes} nodes`));
      return issues;
    }
    if (depth > LIMITS.conditionDepth) {
      issues.push(issue(path, 'tooDeep', `condition tree is deeper than ${LIMITS.conditionDepth} levels`));
      continue;
    }
    if (!isPlainObject(node)) {
      issues.push(
        issue(path, 'invalidType', `a condition must be an object ({ all }, { any }, { not } or a leaf), got ${describeValue(node)}`),
      );
      continue;
    }
    const kind = groupKeyOf(node);
    if (kind === null) {
      leaves += 1;
      if (leaves > LIMITS.conditionLeaves) {
        issues.push(issue(root, 'tooManyLeaves', `condition tree has more than ${LIMITS.conditionLeaves} leaves`));
        return issues;
      }
      checkLeaf(node, path, issues);
      continue;
    }
    for (const key of Object.keys(node)) {
      if (key === kind) continue;
      const why = (GROUP_KEYS as readonly string[]).includes(key)
        ? `a group has exactly one of all, any, not; "${key}" cannot be combined with "${kind}"`
        : `unknown key "${key}" in a "${kind}" group`;
      issues.push(issue([...path, key], 'unknownKey', why));
    }
    const childPath = [...path, kind];
    const children = node[kind];
    if (kind === 'not') {
      stack.push({ node: children, path: childPath, depth: depth + 1, groupsAbove });
      continue;
    }
    if (groupsAbove > 0 && firstNestedGroup === null) firstNestedGroup = path;
    if (!Array.isArray(children)) {
      issues.push(issue(childPath, 'invalidType', `"${kind}" must be an array of conditions, got ${describeValue(children)}`));
      continue;
    }
    if (children.length === 0) {
      issues.push(issue(childPath, 'emptyGroup', `"${kind}" must contain at least one condition`));
      continue;
    }
    for (let i = children.length - 1; i >= 0; i -= 1) {
      stack.push({ node: children[i], path: [...childPath, i], depth: depth + 1, groupsAbove: groupsAbove + 1 });
    }
  }
  if (firstNestedGroup !== null && leaves <= 2) {
    issues.push(
      issue(
        firstNestedGroup,
        'nestingNotAllowed',
        `a group inside a group needs at least 3 conditions in the tree; this tree has ${leaves}`,
      ),
    );
  }
  return issues;
}
