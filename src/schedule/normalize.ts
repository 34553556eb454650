/**
 * The lean check of a schedule: converts a valid one to minutes and day numbers, or answers
 * `null` with no details, so the evaluator can fail closed on unparsed input without carrying
 * the issue texts of `validate.ts`. Both accept exactly the same schedules (a test pins it).
 * @module
 */
import type { Weekday } from '../model/types.js';
import { SCHEDULE_LIMITS } from './codes.js';
import { WEEKDAYS as VOCABULARY_WEEKDAYS } from '../model/vocabulary.js';
import { isValidTimeZone } from './zone.js';
import type { MinuteInterval } from './wall.js';

/** The weekday keys, Monday first (the vocabulary's list). */
export const WEEKDAYS: readonly Weekday[] = VOCABULARY_WEEKDAYS;

/** A schedule in numbers: zone, intervals in minutes, holidays as `[firstDay, dayAfterLast)`. */
export interface NormalizedSchedule {
  readonly zone: string;
  readonly intervals: readonly MinuteInterval[];
  readonly holidayRanges: readonly (readonly [number, number])[];
}

const TIME = /^(\d{2}):(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Minutes since midnight for `HH:MM` (`00:00`–`24:00`), or `null`.
 * @example
 * ```ts
 * parseWallTime('09:30'); // 570
 * parseWallTime('24:01'); // null
 * ```
 */
export function parseWallTime(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = TIME.exec(value);
  if (match === null) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) return null;
  return hours * 60 + minutes;
}

/**
 * Days since 1970-01-01 for a real `YYYY-MM-DD` date in years 1000–9998, or `null`.
 * @example
 * ```ts
 * parseLocalDate('1970-01-02'); // 1
 * parseLocalDate('2026-02-30'); // null
 * ```
 */
export function parseLocalDate(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = DATE.exec(value);
  if (match === null) return null;
  const year = Number(match[1]);
  const month = Number(match[2]) - 1;
  const ms = Date.UTC(year, month, Number(match[3]));
  // An impossible month or day (00, 13, 2026-02-30, …) rolls over into another month.
  if (year < 1000 || year > 9998 || new Date(ms).getUTCMonth() !== month) return null;
  return ms / 86_400_000;
}

/**
 * Whether `value` is a plain object (not `null`, not an array).
 * @example
 * ```ts
 * isRecord([]); // false
 * ```
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A schedule in numbers, or `null` when anything about it is invalid (see `validateSchedule`
 * for why). Bounded work: at most `SCHEDULE_LIMITS` intervals and holidays are looked at.
 * @example
 * ```ts
 * normalizeSchedule({ timezone: 'Europe/Berlin', weekly: [{ day: 'mon', open: '09:00', close: '17:00' }], holidays: [] });
 * // { zone: 'Europe/Berlin', intervals: [{ day: 0, open: 540, close: 1020 }], holidayRanges: [] }
 * normalizeSchedule({ timezone: 'Mars/Olympus', weekly: [], holidays: [] }); // null
 * ```
 */
export function normalizeSchedule(input: unknown): NormalizedSchedule | null {
  if (!isRecord(input)) return null;
  const { timezone: zone, weekly, holidays } = input;
  if (
    typeof zone !== 'string' ||
    !isValidTimeZone(zone) ||
    !Array.isArray(weekly) ||
    weekly.length > SCHEDULE_LIMITS.intervals ||
    !Array.isArray(holidays) ||
    holidays.length > SCHEDULE_LIMITS.holidays
  ) {
    return null;
  }
  const intervals: MinuteInterval[] = [];
  const holidayRanges: [number, number][] = [];
  // `every` skips holes exactly as the detailed validator's `forEach` does.
  const valid =
    weekly.every((item: unknown) => {
      if (!isRecord(item)) return false;
      const day = WEEKDAYS.indexOf(item.day as Weekday);
      const open = parseWallTime(item.open);
      const close = parseWallTime(item.close);
      if (day < 0 || open === null || open === 1440 || close === null) return false;
      intervals.push({ day, open, close });
      return true;
    }) &&
    holidays.every((item: unknown) => {
      if (!isRecord(item)) return false;
      const start = parseLocalDate(item.start);
      const end = parseLocalDate(item.end);
      if (start === null || end === null || end < start) return false;
      holidayRanges.push([start, end + 1]);
      return true;
    });
  return valid ? { zone, intervals, holidayRanges } : null;
}
