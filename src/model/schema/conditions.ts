/**
 * The zod schema of a condition tree (SPEC §2.3): types and JSON Schema. At parse time the
 * iterative walk in `condition-tree.ts` validates the structure first (bounded, precise codes);
 * this schema then only confirms the shape and narrows the types.
 * @module
 */
import * as z from 'zod/mini';
import type { BuiltInFact, ConditionLeaf, ConditionNode, Operator } from '../types.js';
import { LIMITS } from '../limits.js';

/** Every built-in fact name of SPEC §4 (plus `metadata.<key>`). */
export const BUILT_IN_FACTS = [
  'pageUrl',
  'pageTitle',
  'visitorType',
  'language',
  'timeOnPage',
  'timeOnSite',
  'pageViews',
  'visitCount',
  'referrer',
  'deviceType',
] as const satisfies readonly BuiltInFact[];

/** Every operator of SPEC §4. */
export const OPERATORS = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'containsAnyOf',
  'doesNotContainAnyOf',
  'startsWith',
  'endsWith',
  'matchesWildcard',
] as const satisfies readonly Operator[];

// Both lists must name every member of their union (a missing one fails to compile here).
type Missing<All, Listed> = Exclude<All, Listed>;
const _allFacts: [Missing<BuiltInFact, (typeof BUILT_IN_FACTS)[number]>] extends [never] ? true : never = true;
const _allOperators: [Missing<Operator, (typeof OPERATORS)[number]>] extends [never] ? true : never = true;
void _allFacts;
void _allOperators;

const scalarSchema = z.union([
  z.string().check(z.maxLength(LIMITS.conditionValueLength)),
  z.number(),
  z.boolean(),
  z.null(),
]);

const factSchema = z.union([
  z.enum(BUILT_IN_FACTS),
  z.templateLiteral(['metadata.', z.string().check(z.minLength(1))]),
]);

/** A leaf `{ fact, operator, value }`. */
export const conditionLeafSchema: z.ZodMiniType<ConditionLeaf> = z.strictObject({
  fact: factSchema,
  operator: z.enum(OPERATORS),
  value: z.union([scalarSchema, z.array(scalarSchema).check(z.maxLength(LIMITS.conditionValues))]),
});

/** A condition node: `{ all }`, `{ any }`, `{ not }` or a leaf. Groups are never empty. */
export const conditionNodeSchema: z.ZodMiniType<ConditionNode> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(conditionNodeSchema).check(z.minLength(1)) }),
    z.strictObject({ any: z.array(conditionNodeSchema).check(z.minLength(1)) }),
    z.strictObject({ not: conditionNodeSchema }),
    conditionLeafSchema,
  ]),
);
