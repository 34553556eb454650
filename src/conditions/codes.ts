/** Issue codes for condition semantics (owned by the conditions module). */
export const CONDITION_ISSUE_CODES = ['unknownFact', 'unknownOperator'] as const;
export type ConditionIssueCode = (typeof CONDITION_ISSUE_CODES)[number];
