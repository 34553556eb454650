/**
 * The zod schema of a condition tree (SPEC §2.3): types and JSON Schema. At parse time the
 * iterative walk in `condition-tree.ts` validates the structure first (bounded, precise codes);
 * this schema then only confirms the shape and narrows the types.
 * @module
 */
import * as z from 'zod/mini';
import type { ConditionLeaf, ConditionNode } from '../types.js';
import { LIMITS } from '../limits.js';
import { BUILT_IN_FACTS, OPERATORS } from '../vocabulary.js';

export { BUILT_IN_FACTS, OPERATORS };

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
