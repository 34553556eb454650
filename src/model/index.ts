export type * from './types.js';
export type { Issue, IssuePath, Result } from './result.js';
export type { IssueCode } from './issue-codes.js';
export { toEpochMs } from './time.js';
