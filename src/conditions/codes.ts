/** Issue codes for condition semantics (owned by the conditions module; documented in docs/conditions.md). */
export const CONDITION_ISSUE_CODES = [
  /** The fact name is not in the catalog (or `metadata.` with an empty key). */
  'unknownFact',
  /** The operator is not one of SPEC §4. */
  'unknownOperator',
  /** The operator exists but the fact does not allow it (e.g. `lessThan` on `pageUrl`). */
  'operatorNotAllowedForFact',
  /** The value has the wrong type or shape for the fact and operator (no coercion). */
  'invalidConditionValue',
  /** A list operator got an empty list. */
  'emptyConditionList',
  /** A list operator got more than `CONDITION_LIMITS.maxListItems` items. */
  'conditionListTooLong',
  /** `metadata.__proto__`, `metadata.constructor`, `metadata.prototype` never resolve. */
  'reservedMetadataKey',
  /** `metadata.*` facts exist on web-widget channels only. */
  'metadataNotOnChannel',
  /** A node is neither a group (`all`/`any`/`not`) nor a leaf (compile-time safety net). */
  'malformedConditionNode',
  /** The tree is deeper than `CONDITION_LIMITS.maxDepth` (compile-time safety net). */
  'conditionTreeTooDeep',
  /** The tree has more than `CONDITION_LIMITS.maxLeaves` leaves (compile-time safety net). */
  'tooManyConditionLeaves',
] as const;
export type ConditionIssueCode = (typeof CONDITION_ISSUE_CODES)[number];
