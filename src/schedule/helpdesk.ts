/**
 * Import from the common help-desk business-hours format (e.g. Zendesk's schedules API):
 * weekly intervals as minutes from Sunday 00:00, holidays as inclusive date ranges, and a zone.
 * @module
 */
import type { Holiday, Schedule, WeeklyInterval } from '../model/types.js';
import { issue, type Issue, type Result } from '../model/result.js';
import { SCHEDULE_LIMITS } from './codes.js';
import { RAILS_ZONE_NAMES } from './rails-zones.js';
import { isValidTimeZone } from './zone.js';
import { parseLocalDate, WEEKDAYS } from './validate.js';
import { MINUTES_PER_DAY, MINUTES_PER_WEEK } from './wall.js';

/** One help-desk interval: minutes since Sunday 00:00, `[start_time, end_time)`. */
export interface HelpDeskInterval {
  readonly start_time: number;
  readonly end_time: number;
}
/** One help-desk holiday: inclusive local dates `YYYY-MM-DD`. */
export interface HelpDeskHoliday {
  readonly name?: string;
  readonly start_date: string;
  readonly end_date: string;
}
/** A help-desk schedule: `time_zone` is an IANA name or a Rails-style name such as `"Pacific Time (US & Canada)"`. */
export interface HelpDeskSchedule {
  readonly time_zone: string;
  readonly intervals: readonly HelpDeskInterval[];
  readonly holidays?: readonly HelpDeskHoliday[];
}

/** Help-desk weeks start on Sunday; ours list Monday first. */
const SUNDAY_FIRST = [6, 0, 1, 2, 3, 4, 5] as const;

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Splits `[start, end)` (minutes from Sunday 00:00, may pass 10080) into one interval per local day. */
function splitByDay(start: number, end: number): WeeklyInterval[] {
  const pieces: WeeklyInterval[] = [];
  for (let from = start; from < end; ) {
    const dayStart = Math.floor(from / MINUTES_PER_DAY) * MINUTES_PER_DAY;
    const to = Math.min(end, dayStart + MINUTES_PER_DAY);
    const day = WEEKDAYS[SUNDAY_FIRST[(dayStart / MINUTES_PER_DAY) % 7] ?? 0] ?? 'mon';
    pieces.push({ day, open: clock(from - dayStart), close: to === dayStart + MINUTES_PER_DAY ? '24:00' : clock(to - dayStart) });
    from = to;
  }
  return pieces;
}

function convertIntervals(intervals: readonly unknown[], issues: Issue[]): WeeklyInterval[] {
  const weekly: WeeklyInterval[] = [];
  intervals.forEach((item, index) => {
    const start = isRecord(item) ? item.start_time : undefined;
    const end = isRecord(item) ? item.end_time : undefined;
    if (
      typeof start !== 'number' || typeof end !== 'number' || !Number.isInteger(start) || !Number.isInteger(end) ||
      start < 0 || start >= MINUTES_PER_WEEK || end <= start || end - start > MINUTES_PER_WEEK
    ) {
      issues.push(issue(['intervals', index], 'invalidInterval', 'an interval needs whole minutes 0 ≤ start_time < 10080 and start_time < end_time ≤ start_time + 10080'));
      return;
    }
    weekly.push(...splitByDay(start, end));
  });
  return weekly;
}

function convertHolidays(holidays: readonly unknown[], issues: Issue[]): Holiday[] {
  const out: Holiday[] = [];
  holidays.forEach((item, index) => {
    const path = ['holidays', index];
    if (!isRecord(item)) {
      issues.push(issue(path, 'invalidSchedule', 'a holiday must be an object { name?, start_date, end_date }'));
      return;
    }
    const start = parseLocalDate(item.start_date);
    const end = parseLocalDate(item.end_date);
    if (start === null) issues.push(issue([...path, 'start_date'], 'invalidDate', 'start_date must be a date YYYY-MM-DD'));
    if (end === null) issues.push(issue([...path, 'end_date'], 'invalidDate', 'end_date must be a date YYYY-MM-DD'));
    if (start === null || end === null) return;
    if (end < start) {
      issues.push(issue([...path, 'end_date'], 'holidayEndsBeforeStart', 'end_date must not be before start_date'));
      return;
    }
    const holiday = { start: String(item.start_date), end: String(item.end_date) };
    out.push(typeof item.name === 'string' ? { name: item.name, ...holiday } : holiday);
  });
  return out;
}

/**
 * Converts a help-desk schedule to a {@link Schedule}. Intervals crossing midnight are split
 * into one interval per local day (the meaning is the same: holidays mask whole local dates),
 * and an interval ending at or past 10080 wraps into the next week's Sunday. Never throws.
 * @example
 * ```ts
 * fromHelpDeskSchedule({
 *   time_zone: 'Pacific Time (US & Canada)',
 *   intervals: [{ start_time: 1980, end_time: 2460 }], // Monday 09:00–17:00
 *   holidays: [{ name: 'New Year', start_date: '2027-01-01', end_date: '2027-01-01' }],
 * });
 * // { ok: true, value: { timezone: 'America/Los_Angeles',
 * //   weekly: [{ day: 'mon', open: '09:00', close: '17:00' }],
 * //   holidays: [{ name: 'New Year', start: '2027-01-01', end: '2027-01-01' }] } }
 * ```
 */
export function fromHelpDeskSchedule(input: unknown): Result<Schedule> {
  if (!isRecord(input)) return { ok: false, issues: [issue([], 'invalidSchedule', 'a help-desk schedule must be an object')] };
  const issues: Issue[] = [];
  const named = input.time_zone;
  const zone = typeof named === 'string' && Object.hasOwn(RAILS_ZONE_NAMES, named) ? RAILS_ZONE_NAMES[named] : named;
  if (typeof zone !== 'string' || !isValidTimeZone(zone)) {
    issues.push(issue(['time_zone'], 'invalidTimeZone', `unknown time zone ${JSON.stringify(named)}; use an IANA name such as America/New_York`));
  }
  let weekly: WeeklyInterval[] = [];
  let holidays: Holiday[] = [];
  if (!Array.isArray(input.intervals)) issues.push(issue(['intervals'], 'invalidSchedule', 'intervals must be an array'));
  else if (input.intervals.length > SCHEDULE_LIMITS.intervals) {
    issues.push(issue(['intervals'], 'tooManyIntervals', `at most ${SCHEDULE_LIMITS.intervals} intervals`));
  } else weekly = convertIntervals(input.intervals, issues);
  const rawHolidays: unknown = input.holidays ?? [];
  if (!Array.isArray(rawHolidays)) issues.push(issue(['holidays'], 'invalidSchedule', 'holidays must be an array'));
  else if (rawHolidays.length > SCHEDULE_LIMITS.holidays) {
    issues.push(issue(['holidays'], 'tooManyHolidays', `at most ${SCHEDULE_LIMITS.holidays} holidays`));
  } else holidays = convertHolidays(rawHolidays, issues);
  if (issues.length > 0 || typeof zone !== 'string') return { ok: false, issues };
  return { ok: true, value: { timezone: zone, weekly, holidays } };
}
