/**
 * The lean check of a condition tree: yes/no answers only, no issue texts, so the evaluator can
 * fail closed on unparsed input without carrying the detailed validators (`structure.ts`,
 * `validate.ts`) into its bundle. The detailed validators share these predicates, and a test
 * pins that both accept exactly the same trees.
 * @module
 */
import type { Operator } from '../model/types.js';
import { CONDITION_LIMITS, isReservedMetadataKey, resolveFact, type FactSpec } from './catalog.js';

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

/**
 * Whether `value` is a finite number.
 * @example
 * ```ts
 * isFiniteNumber(Infinity); // false
 * ```
 */
export function isFiniteNumber(value: unknown): value is number {
  // `Number.isFinite` is already false for anything but a number.
  return Number.isFinite(value);
}

/**
 * Whether `value` is a metadata scalar: a string, a boolean, `null` or a finite number.
 * @example
 * ```ts
 * isScalar(null);     // true
 * isScalar(NaN);      // false
 * isScalar({ a: 1 }); // false
 * ```
 */
export function isScalar(value: unknown): value is string | number | boolean | null {
  return typeof value === 'string' || typeof value === 'boolean' || value === null || isFiniteNumber(value);
}

/**
 * Whether `value` is a non-empty string (the value of `startsWith`, `endsWith`,
 * `matchesWildcard` and the items of `containsAnyOf`, `doesNotContainAnyOf`).
 * @example
 * ```ts
 * isNonEmptyString(''); // false
 * ```
 */
export function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/**
 * Whether a single comparison value suits a fact of this kind (no coercion).
 * @example
 * ```ts
 * scalarOk(FACT_CATALOG.language, 'en');    // true
 * scalarOk(FACT_CATALOG.language, 'en-US'); // false
 * ```
 */
export function scalarOk(spec: FactSpec, value: unknown): boolean {
  switch (spec.kind) {
    case 'text':
      return typeof value === 'string';
    case 'number':
      return isFiniteNumber(value);
    case 'enum':
      return typeof value === 'string' && (spec.enumValues ?? []).includes(value);
    case 'language':
      return typeof value === 'string' && LANGUAGE_SUBTAG.test(value);
    case 'scalar':
      return isScalar(value);
  }
}

function listOk(value: unknown, itemOk: (item: unknown) => boolean): boolean {
  // Holes are items (`Array.from` reads them as `undefined`, which no item check accepts), as in
  // the detailed validator: the compiled `in` would otherwise match a hole to a missing fact.
  return Array.isArray(value) && value.length > 0 && value.length <= CONDITION_LIMITS.maxListItems && Array.from(value).every(itemOk);
}

/**
 * Whether `value` is a valid rule value for `operator` on a fact of this kind, for an operator
 * the fact allows (`spec.operators`): the comparisons then mean a number fact, the other text
 * operators a text fact.
 * @example
 * ```ts
 * valueOk(FACT_CATALOG.pageUrl, 'containsAnyOf', ['/pricing']); // true
 * valueOk(FACT_CATALOG.pageUrl, 'containsAnyOf', []);           // false
 * ```
 */
export function valueOk(spec: FactSpec, operator: Operator, value: unknown): boolean {
  switch (operator) {
    case 'equal':
    case 'notEqual':
      return scalarOk(spec, value);
    case 'in':
    case 'notIn':
      return listOk(value, (item) => scalarOk(spec, item));
    case 'containsAnyOf':
    case 'doesNotContainAnyOf':
      return listOk(value, isNonEmptyString);
    default:
      // startsWith, endsWith, matchesWildcard (text facts) or a comparison (number facts)
      return spec.kind === 'text' ? isNonEmptyString(value) : isFiniteNumber(value);
  }
}

/**
 * Whether a node already classified as a leaf is a valid one: own `operator` and `value`, a
 * known fact (not a reserved metadata key), a known operator the fact allows, a value typed
 * for the operator. Channel-dependent checks (metadata on mobile SDKs) are not made here.
 * @example
 * ```ts
 * leafOk({ fact: 'pageViews', operator: 'greaterThan', value: 2 }); // true
 * leafOk({ fact: 'pageUrl', operator: 'greaterThan', value: 2 });   // false
 * ```
 */
export function leafOk(leaf: object): boolean {
  if (!Object.hasOwn(leaf, 'operator') || !Object.hasOwn(leaf, 'value')) return false;
  const { fact, operator, value } = leaf as Record<string, unknown>;
  const resolved = resolveFact(fact);
  // The fact's operator list holds only operators of SPEC §4: no separate `isOperator` check.
  return (
    resolved !== undefined &&
    !(resolved.type === 'metadata' && isReservedMetadataKey(resolved.key)) &&
    resolved.spec.operators.includes(operator as Operator) &&
    valueOk(resolved.spec, operator as Operator, value)
  );
}
