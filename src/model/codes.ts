/**
 * Issue codes reported by the structural parsers (`parseMessage`, `parseVisitor`, …).
 * Every code is documented with an example in `docs/parsing.md`. The parsers also report
 * `invalidTimeZone` (owned by the schedule module) and whatever `checkConditionSemantics`
 * reports for condition trees (owned by the conditions module).
 * @module
 */
export const PARSE_ISSUE_CODES = [
  'invalidType',
  'required',
  'unknownKey',
  'reservedKey',
  'invalidEnum',
  'invalidFormat',
  'invalidTimestamp',
  'invalidRange',
  'outOfRange',
  'tooShort',
  'tooLong',
  'tooMany',
  'tooDeep',
  'tooManyLeaves',
  'emptyGroup',
  'nestingNotAllowed',
  'emojiNotAllowed',
  'duplicateValue',
  'statusFieldMismatch',
  'tooManyMessages',
] as const;
export type ParseIssueCode = (typeof PARSE_ISSUE_CODES)[number];
