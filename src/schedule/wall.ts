/**
 * The schedule in wall-clock terms, before any time-zone arithmetic.
 *
 * A wall time is "local milliseconds": the instant the same calendar fields would denote in UTC
 * (`Date.UTC(y, m, d, hh, mm)`). In these terms a schedule is a pure function of the local date
 * and time: open when the weekly pattern is open at that minute of the week and the date is not
 * a holiday. Touching and overlapping intervals are merged by construction (a minute is open or
 * not), so `09:00–12:00` plus `12:00–17:00` has no boundary at 12:00.
 * @module
 */
import { DAY, MINUTE } from './offset.js';

export const MINUTES_PER_DAY = 1440;
export const MINUTES_PER_WEEK = 10_080;
const WEEK = 7 * DAY;

/** A weekly interval in minutes: `day` 0 = Monday, `open`/`close` minutes of that day (close ≤ open: overnight). */
export interface MinuteInterval {
  readonly day: number;
  readonly open: number;
  readonly close: number;
}

/** A precomputed weekly pattern plus holidays as day numbers (days since 1970-01-01). */
export interface WallPattern {
  /** Merged open stretches `[start, end)` in minutes of the week (Monday 00:00 = 0), ascending. */
  readonly open: readonly (readonly [number, number])[];
  /**
   * Minutes of the week at which the weekly pattern flips, ascending (a flip at Monday 00:00 may
   * be written 10080, the end of the week). Empty: constant.
   */
  readonly flips: readonly number[];
  /** Merged holiday ranges `[firstDay, dayAfterLast)`, ascending and disjoint. */
  readonly holidays: readonly (readonly [number, number])[];
}

/** Sorts and merges overlapping or touching ranges. */
function merge(ranges: readonly (readonly [number, number])[]): [number, number][] {
  const merged: [number, number][] = [];
  for (const [first, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last !== undefined && first <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([first, end]);
  }
  return merged;
}

/**
 * The first of `ranges` (ascending, disjoint `[start, end)`) that ends after `x`: the range
 * containing `x` if there is one, otherwise the next range (`undefined`: none left).
 */
function rangeFrom(ranges: readonly (readonly [number, number])[], x: number): readonly [number, number] | undefined {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((ranges[middle] as readonly [number, number])[1] <= x) low = middle + 1;
    else high = middle;
  }
  return ranges[low];
}

/** Whether `x` is inside one of `ranges` (ascending, disjoint `[start, end)`). */
function covers(ranges: readonly (readonly [number, number])[], x: number): boolean {
  const range = rangeFrom(ranges, x);
  return range !== undefined && range[0] <= x;
}

/**
 * Merges the weekly intervals (touching or overlapping ones become one stretch, a stretch
 * running past Sunday 24:00 wraps to Monday) and the holiday ranges.
 * @example
 * ```ts
 * const pattern = buildPattern([{ day: 0, open: 540, close: 1020 }], [[20_811, 20_812]]);
 * pattern.flips; // [540, 1020]
 * ```
 */
export function buildPattern(
  intervals: readonly MinuteInterval[],
  holidayRanges: readonly (readonly [number, number])[],
): WallPattern {
  const pieces: [number, number][] = [];
  for (const { day, open, close } of intervals) {
    const start = day * MINUTES_PER_DAY + open;
    const end = start + (close > open ? close - open : close + MINUTES_PER_DAY - open);
    if (end <= MINUTES_PER_WEEK) pieces.push([start, end]);
    else pieces.push([start, MINUTES_PER_WEEK], [0, end - MINUTES_PER_WEEK]);
  }
  const open = merge(pieces);
  // Merged stretches neither overlap nor touch, so every start and end is a flip, in order —
  // except Monday 00:00 when the week is open across it (a stretch from 0 and one to 10080).
  const flips = open.flat();
  if (flips[0] === 0 && flips[flips.length - 1] === MINUTES_PER_WEEK) {
    flips.shift();
    flips.pop();
  }
  return { open, flips, holidays: merge(holidayRanges) };
}

/** Monday 00:00 (local ms) of the week containing local ms `wall`. 1970-01-01 was a Thursday. */
function weekStart(wall: number): number {
  const day = Math.floor(wall / DAY);
  return (day - ((((day + 3) % 7) + 7) % 7)) * DAY;
}

/**
 * Whether the schedule is open at local ms `wall`.
 * @example
 * ```ts
 * wallOpen(pattern, Date.UTC(2026, 10, 23, 10)); // Monday 10:00 → true for a Monday 09:00–17:00 pattern
 * ```
 */
export function wallOpen(pattern: WallPattern, wall: number): boolean {
  return !covers(pattern.holidays, Math.floor(wall / DAY)) && covers(pattern.open, Math.floor((wall - weekStart(wall)) / MINUTE));
}

/** The first weekly flip strictly after local ms `wall`, or `Infinity` for a constant pattern. */
function nextWeeklyFlip(pattern: WallPattern, wall: number): number {
  const first = pattern.flips[0];
  if (first === undefined) return Infinity;
  const start = weekStart(wall);
  for (const flip of pattern.flips) if (start + flip * MINUTE > wall) return start + flip * MINUTE;
  return start + WEEK + first * MINUTE;
}

/**
 * The first local ms strictly after `wall` at which {@link wallOpen} differs from its value at
 * `wall`, or `null` if it never does. Terminates by construction: every step passes a holiday
 * or a weekly flip, and past the last holiday the next weekly flip is a real change, so the
 * search never looks further than one week beyond the later of `wall` and the last holiday.
 * @example
 * ```ts
 * nextWallFlip(pattern, Date.UTC(2026, 10, 23, 10)); // Date.UTC(2026, 10, 23, 17)
 * ```
 */
export function nextWallFlip(pattern: WallPattern, wall: number): number | null {
  const state = wallOpen(pattern, wall);
  let at = wall;
  for (;;) {
    const day = Math.floor(at / DAY);
    // The holiday containing `day`, or else the next one (ranges are disjoint, so the first
    // range ending after `day` is the first one starting after it).
    const holiday = rangeFrom(pattern.holidays, day);
    const candidate =
      holiday !== undefined && holiday[0] <= day
        ? holiday[1] * DAY
        : Math.min(nextWeeklyFlip(pattern, at), (holiday?.[0] ?? Infinity) * DAY);
    if (candidate === Infinity) return null;
    if (wallOpen(pattern, candidate) !== state) return candidate;
    at = candidate;
  }
}
