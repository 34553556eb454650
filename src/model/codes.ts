/** Issue codes reported by the structural parsers (owned by the schema/parse module). */
export const PARSE_ISSUE_CODES = ['invalidType', 'unknownKey', 'required'] as const;
export type ParseIssueCode = (typeof PARSE_ISSUE_CODES)[number];
