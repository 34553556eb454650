/**
 * Checks a schedule (which may come from untyped JSON) and turns it into minutes and day numbers.
 * Never throws: every problem is an issue with a path.
 * @module
 */
import type { Weekday } from '../model/types.js';
import { issue, type Issue, type Result } from '../model/result.js';
import { SCHEDULE_LIMITS } from './codes.js';
import { isValidTimeZone } from './zone.js';
import type { MinuteInterval } from './wall.js';

export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** A schedule in numbers: zone, intervals in minutes, holidays as `[firstDay, dayAfterLast)`. */
export interface NormalizedSchedule {
  readonly zone: string;
  readonly intervals: readonly MinuteInterval[];
  readonly holidayRanges: readonly (readonly [number, number])[];
}

const TIME = /^(\d{2}):(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Minutes since midnight for `HH:MM` (`00:00`–`24:00`), or `null`. */
export function parseWallTime(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = TIME.exec(value);
  if (match === null) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) return null;
  return hours * 60 + minutes;
}

/** Days since 1970-01-01 for a real `YYYY-MM-DD` date in years 1000–9998, or `null`. */
export function parseLocalDate(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = DATE.exec(value);
  if (match === null) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1000 || year > 9998 || month < 1 || month > 12 || day < 1) return null;
  const ms = Date.UTC(year, month - 1, day);
  if (new Date(ms).getUTCDate() !== day) return null; // e.g. 2026-02-30
  return ms / 86_400_000;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkIntervals(weekly: readonly unknown[], issues: Issue[]): MinuteInterval[] {
  const intervals: MinuteInterval[] = [];
  weekly.forEach((item, index) => {
    const path = ['weekly', index];
    if (!isRecord(item)) {
      issues.push(issue(path, 'invalidSchedule', 'a weekly interval must be an object { day, open, close }'));
      return;
    }
    const day = WEEKDAYS.indexOf(item.day as Weekday);
    const open = parseWallTime(item.open);
    const close = parseWallTime(item.close);
    if (day < 0) issues.push(issue([...path, 'day'], 'invalidDay', `day must be one of ${WEEKDAYS.join(', ')}`));
    if (open === null || open === 1440) {
      issues.push(issue([...path, 'open'], 'invalidTime', 'open must be a time HH:MM from 00:00 to 23:59'));
    }
    if (close === null) issues.push(issue([...path, 'close'], 'invalidTime', 'close must be a time HH:MM from 00:00 to 24:00'));
    if (day >= 0 && open !== null && open !== 1440 && close !== null) intervals.push({ day, open, close });
  });
  return intervals;
}

function checkHolidays(holidays: readonly unknown[], issues: Issue[]): [number, number][] {
  const ranges: [number, number][] = [];
  holidays.forEach((item, index) => {
    const path = ['holidays', index];
    if (!isRecord(item)) {
      issues.push(issue(path, 'invalidSchedule', 'a holiday must be an object { name?, start, end }'));
      return;
    }
    const start = parseLocalDate(item.start);
    const end = parseLocalDate(item.end);
    if (start === null) issues.push(issue([...path, 'start'], 'invalidDate', 'start must be a date YYYY-MM-DD'));
    if (end === null) issues.push(issue([...path, 'end'], 'invalidDate', 'end must be a date YYYY-MM-DD'));
    if (start !== null && end !== null) {
      if (end < start) issues.push(issue([...path, 'end'], 'holidayEndsBeforeStart', 'end must not be before start'));
      else ranges.push([start, end + 1]);
    }
  });
  return ranges;
}

/**
 * Validates a schedule and converts it to numbers.
 * @example
 * ```ts
 * validateSchedule({ timezone: 'Europe/Berlin', weekly: [{ day: 'mon', open: '09:00', close: '17:00' }], holidays: [] });
 * // { ok: true, value: { zone: 'Europe/Berlin', intervals: [{ day: 0, open: 540, close: 1020 }], holidayRanges: [] } }
 * ```
 */
export function validateSchedule(input: unknown): Result<NormalizedSchedule> {
  if (!isRecord(input)) return { ok: false, issues: [issue([], 'invalidSchedule', 'a schedule must be an object')] };
  const issues: Issue[] = [];
  const zone = input.timezone;
  if (typeof zone !== 'string' || !isValidTimeZone(zone)) {
    issues.push(issue(['timezone'], 'invalidTimeZone', `unknown time zone ${JSON.stringify(zone)}; use an IANA name such as Europe/Berlin`));
  }
  const { weekly, holidays } = input;
  let intervals: MinuteInterval[] = [];
  let holidayRanges: [number, number][] = [];
  if (!Array.isArray(weekly)) issues.push(issue(['weekly'], 'invalidSchedule', 'weekly must be an array'));
  else if (weekly.length > SCHEDULE_LIMITS.intervals) {
    issues.push(issue(['weekly'], 'tooManyIntervals', `at most ${SCHEDULE_LIMITS.intervals} weekly intervals`));
  } else intervals = checkIntervals(weekly, issues);
  if (!Array.isArray(holidays)) issues.push(issue(['holidays'], 'invalidSchedule', 'holidays must be an array'));
  else if (holidays.length > SCHEDULE_LIMITS.holidays) {
    issues.push(issue(['holidays'], 'tooManyHolidays', `at most ${SCHEDULE_LIMITS.holidays} holidays`));
  } else holidayRanges = checkHolidays(holidays, issues);
  if (issues.length > 0 || typeof zone !== 'string') return { ok: false, issues };
  return { ok: true, value: { zone, intervals, holidayRanges } };
}
