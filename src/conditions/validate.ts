/**
 * Semantic checks of a condition tree: known facts and operators, operator allowed for the
 * fact, value typed for the operator (no coercion), bounded lists, metadata only where it
 * exists. Reports every issue; never throws.
 * @module
 */
import type { ChannelType, ConditionNode, Operator } from '../model/types.js';
import { issue, type Issue, type IssuePath } from '../model/result.js';
import { CONDITION_LIMITS, isOperator, isReservedMetadataKey, resolveFact, type FactSpec } from './catalog.js';
import { isFiniteNumber, isNonEmptyString, nodeKind, scalarOk } from './lean.js';

export { nodeKind, type NodeKind } from './lean.js';

/** What semantic checks of a condition tree may depend on. */
export interface ConditionCheckContext {
  /** The type of the message's channel, when known (metadata facts are web-widget only). */
  readonly channelType?: ChannelType;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'string' ? `"${value.slice(0, 40)}"` : typeof value === 'number' ? String(value) : typeof value;
}

/** Why a single comparison value does not suit the fact; `undefined` when it does. */
function scalarProblem(spec: FactSpec, value: unknown): string | undefined {
  if (scalarOk(spec, value)) return undefined;
  switch (spec.kind) {
    case 'text':
      return 'expects a string';
    case 'number':
      return 'expects a finite number';
    case 'enum':
      return `expects one of ${(spec.enumValues ?? []).map((v) => `"${v}"`).join(', ')}`;
    case 'language':
      return 'expects a primary language subtag such as "en" (regions like "en-US" are not compared)';
    case 'scalar':
      return 'expects a string, finite number, boolean or null';
  }
}

/** Operators whose value is a list; each item is checked like the value of the others. */
const LIST_OPERATORS: readonly Operator[] = ['in', 'notIn', 'containsAnyOf', 'doesNotContainAnyOf'];

/** Why `value` (or one item of a list value) does not suit `operator` on this fact; `undefined` when it does. */
function itemProblem(spec: FactSpec, operator: Operator, value: unknown): string | undefined {
  switch (operator) {
    case 'lessThan':
    case 'lessThanInclusive':
    case 'greaterThan':
    case 'greaterThanInclusive':
      return isFiniteNumber(value) ? undefined : 'expects a finite number';
    case 'containsAnyOf':
    case 'doesNotContainAnyOf':
    case 'startsWith':
    case 'endsWith':
    case 'matchesWildcard':
      return isNonEmptyString(value) ? undefined : 'expects a non-empty string';
    default:
      // equal, notEqual, in, notIn: a comparison value of the fact's own kind.
      return scalarProblem(spec, value);
  }
}

function checkItem(spec: FactSpec, operator: Operator, value: unknown, path: IssuePath, issues: Issue[]): void {
  const problem = itemProblem(spec, operator, value);
  if (problem !== undefined) issues.push(issue(path, 'invalidConditionValue', `${operator} ${problem}, got ${describe(value)}`));
}

function checkValue(spec: FactSpec, operator: Operator, value: unknown, path: IssuePath, issues: Issue[]): void {
  if (!LIST_OPERATORS.includes(operator)) {
    checkItem(spec, operator, value, path, issues);
  } else if (!Array.isArray(value)) {
    issues.push(issue(path, 'invalidConditionValue', `${operator} expects a list, got ${describe(value)}`));
  } else if (value.length === 0) {
    issues.push(issue(path, 'emptyConditionList', `${operator} needs at least one value`));
  } else if (value.length > CONDITION_LIMITS.maxListItems) {
    issues.push(issue(path, 'conditionListTooLong', `${operator} takes at most ${CONDITION_LIMITS.maxListItems} values, got ${value.length}`));
  } else {
    // A hole is an item too (`undefined`, never a valid value), as in the lean check: a sparse
    // list cannot come from JSON, and `in` would otherwise read a hole as a missing fact.
    Array.from(value, (item: unknown, index) => checkItem(spec, operator, item, [...path, index], issues));
  }
}

function checkLeaf(leaf: Record<string, unknown>, path: IssuePath, context: ConditionCheckContext, issues: Issue[]): void {
  const { fact, operator, value } = leaf;
  const resolved = resolveFact(fact);
  if (resolved === undefined) {
    issues.push(issue([...path, 'fact'], 'unknownFact', `unknown fact ${describe(fact)}`));
  } else if (resolved.type === 'metadata') {
    if (isReservedMetadataKey(resolved.key)) {
      issues.push(issue([...path, 'fact'], 'reservedMetadataKey', `metadata key "${resolved.key}" is reserved and never resolves`));
    }
    if (context.channelType === 'mobileSdk') {
      issues.push(issue([...path, 'fact'], 'metadataNotOnChannel', 'metadata facts are available on web-widget channels only'));
    }
  }
  if (!isOperator(operator)) {
    issues.push(issue([...path, 'operator'], 'unknownOperator', `unknown operator ${describe(operator)}`));
    return;
  }
  if (resolved === undefined) return;
  if (!resolved.spec.operators.includes(operator)) {
    issues.push(issue([...path, 'operator'], 'operatorNotAllowedForFact', `operator ${operator} is not allowed for fact ${String(fact)}`));
    return;
  }
  checkValue(resolved.spec, operator, value, [...path, 'value'], issues);
}

function walk(node: unknown, path: IssuePath, context: ConditionCheckContext, issues: Issue[]): void {
  const kind = nodeKind(node);
  const record = node as Record<string, unknown>;
  switch (kind) {
    case 'all':
    case 'any': {
      const children = record[kind];
      if (Array.isArray(children)) children.forEach((child: unknown, i) => walk(child, [...path, kind, i], context, issues));
      return;
    }
    case 'not':
      walk(record.not, [...path, 'not'], context, issues);
      return;
    case 'leaf':
      checkLeaf(record, path, context, issues);
      return;
    case undefined:
      issues.push(issue(path, 'malformedConditionNode', 'expected a group (all/any/not) or a leaf (fact/operator/value)'));
      return;
  }
}

/**
 * Semantic checks of a structurally valid tree (the parser bounds depth and leaves first):
 * known facts, known operators, operator allowed for the fact, value typed for the operator,
 * non-empty bounded lists, no reserved metadata keys, no metadata on mobile-SDK channels.
 * Returns every issue found, with paths under `path`.
 * @example
 * ```ts
 * checkConditionSemantics(
 *   { fact: 'pageUrl', operator: 'lessThan', value: 3 },
 *   ['conditions'],
 * ); // [{ path: ['conditions', 'operator'], code: 'operatorNotAllowedForFact', … }]
 * ```
 */
export function checkConditionSemantics(tree: ConditionNode, path: IssuePath, context: ConditionCheckContext = {}): Issue[] {
  const issues: Issue[] = [];
  walk(tree, path, context, issues);
  return issues;
}
