/** Issue codes for presentation and interaction (owned by the experience module). */
export const EXPERIENCE_ISSUE_CODES = ['channelNotFound'] as const;
export type ExperienceIssueCode = (typeof EXPERIENCE_ISSUE_CODES)[number];
