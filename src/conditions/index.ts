/**
 * Condition trees: the fact catalog, operators, semantic checks, the compiled evaluator and
 * explanations (SPEC §1.7, §2.3, §4). Reference: docs/conditions.md.
 * @module
 */
export { CONDITION_ISSUE_CODES, type ConditionIssueCode } from './codes.js';
export {
  BUILT_IN_FACTS,
  CONDITION_LIMITS,
  FACT_INDEX,
  FACT_CATALOG,
  METADATA_FACT,
  OPERATORS,
  RESERVED_METADATA_KEYS,
  isCaseInsensitiveFact,
  isOperator,
  isReservedMetadataKey,
  resolveFact,
  type FactKind,
  type FactSpec,
  type MessagingChannelType,
  type ResolvedFact,
} from './catalog.js';
export { factValue, primaryLanguage, readFacts, readMetadata, type Facts, type FactValue } from './facts.js';
export { OPERATOR_FUNCTIONS, normalizeConditionValue, type OperatorFunction } from './operators.js';
export { compileWildcard, matchesWildcard } from './wildcard.js';
export { checkConditionSemantics, nodeKind, type ConditionCheckContext, type NodeKind } from './validate.js';
export { checkConditionStructure } from './structure.js';
export { compileConditions, type CompiledConditions } from './compile.js';
export {
  explainConditions,
  type ConditionOutcome,
  type ExplainedAll,
  type ExplainedAny,
  type ExplainedLeaf,
  type ExplainedNode,
  type ExplainedNot,
} from './explain.js';
