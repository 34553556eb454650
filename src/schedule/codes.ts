/**
 * Issue codes for schedules (owned by the schedule module). docs/schedules.md lists them.
 *
 * - `invalidTimeZone`: the zone is not a name this runtime's `Intl` knows.
 * - `invalidSchedule`: the input is not an object, or `weekly`/`holidays`/`intervals` are not arrays.
 * - `invalidDay`: a weekly interval's `day` is not one of `mon` … `sun`.
 * - `invalidTime`: a wall-clock time is not `HH:MM` between `00:00` and `24:00` (`open` may not be `24:00`).
 * - `invalidDate`: a holiday date is not a real `YYYY-MM-DD` date in years 1000–9998.
 * - `holidayEndsBeforeStart`: a holiday's `end` is before its `start`.
 * - `invalidInterval`: a help-desk interval is not whole minutes with `0 ≤ start_time < 10080` and
 *   `start_time < end_time ≤ start_time + 10080`.
 * - `tooManyIntervals` / `tooManyHolidays`: more than the limits in {@link SCHEDULE_LIMITS}.
 */
export const SCHEDULE_ISSUE_CODES = [
  'invalidTimeZone',
  'invalidSchedule',
  'invalidDay',
  'invalidTime',
  'invalidDate',
  'holidayEndsBeforeStart',
  'invalidInterval',
  'tooManyIntervals',
  'tooManyHolidays',
] as const;
export type ScheduleIssueCode = (typeof SCHEDULE_ISSUE_CODES)[number];

/** Bounded work: the most weekly intervals and holidays one schedule may have. */
export const SCHEDULE_LIMITS = { intervals: 500, holidays: 2000 } as const;
