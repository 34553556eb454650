/** Issue codes for the life cycle: transitions, publish requirements, limits (owned by the message module). */
export const LIFECYCLE_ISSUE_CODES = ['actionNotAllowed'] as const;
export type LifecycleIssueCode = (typeof LIFECYCLE_ISSUE_CODES)[number];
