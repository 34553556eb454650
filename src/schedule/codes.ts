/** Issue codes for schedules (owned by the schedule module). */
export const SCHEDULE_ISSUE_CODES = ['invalidTimeZone'] as const;
export type ScheduleIssueCode = (typeof SCHEDULE_ISSUE_CODES)[number];
