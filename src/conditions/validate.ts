/**
 * Semantic checks of a condition tree: known facts and operators, operator allowed for the
 * fact, value typed for the operator (no coercion), bounded lists, metadata only where it
 * exists. Reports every issue; never throws.
 * @module
 */
import type { ChannelType, ConditionNode, Operator } from '../model/types.js';
import { issue, type Issue, type IssuePath } from '../model/result.js';
import { CONDITION_LIMITS, isOperator, isReservedMetadataKey, resolveFact, type FactSpec } from './catalog.js';

/** What semantic checks of a condition tree may depend on. */
export interface ConditionCheckContext {
  /** The type of the message's channel, when known (metadata facts are web-widget only). */
  readonly channelType?: ChannelType;
}

/** The kind of a node, read through own properties only; `undefined` when malformed. */
export type NodeKind = 'all' | 'any' | 'not' | 'leaf';

/**
 * Classifies a node (own properties only).
 * @example
 * ```ts
 * nodeKind({ not: { fact: 'pageUrl', operator: 'equal', value: '/' } }); // 'not'
 * ```
 */
export function nodeKind(node: unknown): NodeKind | undefined {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
  if (Object.hasOwn(node, 'all')) return 'all';
  if (Object.hasOwn(node, 'any')) return 'any';
  if (Object.hasOwn(node, 'not')) return 'not';
  if (Object.hasOwn(node, 'fact')) return 'leaf';
  return undefined;
}

const LANGUAGE_SUBTAG = /^[A-Za-z]{2,8}$/;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'string' ? `"${value.slice(0, 40)}"` : typeof value === 'number' ? String(value) : typeof value;
}

/** Why a single comparison value does not suit the fact; `undefined` when it does. */
function scalarProblem(spec: FactSpec, value: unknown): string | undefined {
  switch (spec.kind) {
    case 'text':
      return typeof value === 'string' ? undefined : 'expects a string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'expects a finite number';
    case 'enum':
      return typeof value === 'string' && (spec.enumValues ?? []).includes(value)
        ? undefined
        : `expects one of ${(spec.enumValues ?? []).map((v) => `"${v}"`).join(', ')}`;
    case 'language':
      return typeof value === 'string' && LANGUAGE_SUBTAG.test(value)
        ? undefined
        : 'expects a primary language subtag such as "en" (regions like "en-US" are not compared)';
    case 'scalar':
      return typeof value === 'string' || typeof value === 'boolean' || value === null || (typeof value === 'number' && Number.isFinite(value))
        ? undefined
        : 'expects a string, finite number, boolean or null';
  }
}

function checkList(
  value: unknown,
  path: IssuePath,
  operator: Operator,
  itemProblem: (item: unknown) => string | undefined,
  issues: Issue[],
): void {
  if (!Array.isArray(value)) {
    issues.push(issue(path, 'invalidConditionValue', `${operator} expects a list, got ${describe(value)}`));
    return;
  }
  if (value.length === 0) {
    issues.push(issue(path, 'emptyConditionList', `${operator} needs at least one value`));
    return;
  }
  if (value.length > CONDITION_LIMITS.maxListItems) {
    issues.push(issue(path, 'conditionListTooLong', `${operator} takes at most ${CONDITION_LIMITS.maxListItems} values, got ${value.length}`));
    return;
  }
  value.forEach((item: unknown, index) => {
    const problem = itemProblem(item);
    if (problem !== undefined) issues.push(issue([...path, index], 'invalidConditionValue', `${operator} ${problem}, got ${describe(item)}`));
  });
}

const NON_EMPTY_STRING = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 ? undefined : 'expects a non-empty string';

function checkValue(spec: FactSpec, operator: Operator, value: unknown, path: IssuePath, issues: Issue[]): void {
  switch (operator) {
    case 'equal':
    case 'notEqual': {
      const problem = scalarProblem(spec, value);
      if (problem !== undefined) issues.push(issue(path, 'invalidConditionValue', `${operator} ${problem}, got ${describe(value)}`));
      return;
    }
    case 'in':
    case 'notIn':
      checkList(value, path, operator, (item) => scalarProblem(spec, item), issues);
      return;
    case 'lessThan':
    case 'lessThanInclusive':
    case 'greaterThan':
    case 'greaterThanInclusive':
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        issues.push(issue(path, 'invalidConditionValue', `${operator} expects a finite number, got ${describe(value)}`));
      }
      return;
    case 'containsAnyOf':
    case 'doesNotContainAnyOf':
      checkList(value, path, operator, NON_EMPTY_STRING, issues);
      return;
    case 'startsWith':
    case 'endsWith':
    case 'matchesWildcard': {
      const problem = NON_EMPTY_STRING(value);
      if (problem !== undefined) issues.push(issue(path, 'invalidConditionValue', `${operator} ${problem}, got ${describe(value)}`));
      return;
    }
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
