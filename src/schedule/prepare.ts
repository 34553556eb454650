/**
 * Business-hours arithmetic: open/closed at an instant and the next instant the state flips.
 *
 * Model (docs/schedules.md): the wall-clock schedule is a function of the local date and time
 * (see `wall.ts`). Instants map onto it through the *high-water mark* of the zone's wall clock —
 * the latest local time the clock has shown so far. A boundary at wall time `w` takes effect at
 * the first instant the clock shows `w` or later, so
 * - a boundary inside a skipped hour takes effect at the jump (02:30 on a spring-forward day
 *   where 02:00–03:00 is skipped → at the instant the clock shows 03:00);
 * - a boundary inside a repeated hour takes effect at its first occurrence, and nothing flips
 *   during the repeat (the high-water mark stands still until the clock passes it again).
 *
 * Only schedules that passed the schedule checker (`check/schedule.ts`) get here: the engine
 * converts them to numbers without validating again, so there is one definition of a valid
 * schedule.
 * @module
 */
import { MAX_INSTANT, MIN_INSTANT, parseLocalDate, parseWallTime } from '../core/instants.js';
import type { Schedule } from '../core/types.js';
import { WEEKDAYS } from '../core/vocabulary.js';
import { DAY, firstTransition, offsetAt } from './offset.js';
import { buildPattern, nextWallFlip, wallOpen, type MinuteInterval, type WallPattern } from './wall.js';

/** A schedule prepared for repeated queries. Never throws. */
export interface CompiledSchedule {
  /** Whether the business is open at epoch ms `at`. */
  isOpen(at: number): boolean;
  /** The first instant strictly after `at` at which `isOpen` flips, or `null` if it never does. */
  nextChange(at: number): number | null;
}

/** The highest local ms the zone's clock has shown up to and including instant `at`. */
function highWaterWall(zone: string, at: number): number {
  const offset = offsetAt(zone, at);
  const wall = at + offset;
  // Offsets change at most once per two days, and no zone steps back by more than a day.
  const earlier = offsetAt(zone, at - DAY);
  if (earlier <= offset) return wall;
  const stepBack = earlier - offset;
  if (offsetAt(zone, at - stepBack) === offset) return wall; // the repeated stretch is over
  const transition = firstTransition(zone, at - stepBack, at);
  return Math.max(wall, transition - 1 + earlier);
}

/** The first instant at which the zone's clock shows local ms `wall` or later. */
function firstInstantAtOrAfter(zone: string, wall: number): number {
  const before = offsetAt(zone, wall - DAY);
  const after = offsetAt(zone, wall + DAY);
  const early = wall - before;
  if (before === after || offsetAt(zone, early) === before) return early; // unique or first occurrence
  const late = wall - after;
  if (offsetAt(zone, late) === after) return late; // only after the transition
  return firstTransition(zone, late, early); // skipped: the jump itself
}

interface Stretch {
  readonly from: number;
  readonly until: number;
  readonly open: boolean;
}

/** The instants the engine answers for: those the instant guard accepts. */
function inRange(at: number): boolean {
  return at >= MIN_INSTANT && at <= MAX_INSTANT;
}

/** State at `at` and the next flip (`Infinity` if none). */
function stretchAt(zone: string, pattern: WallPattern, at: number): Stretch {
  let wall = highWaterWall(zone, at);
  const open = wallOpen(pattern, wall);
  for (;;) {
    const boundary = nextWallFlip(pattern, wall);
    if (boundary === null || boundary > MAX_INSTANT) return { from: at, until: Infinity, open };
    const instant = firstInstantAtOrAfter(zone, boundary);
    if (!inRange(instant)) return { from: at, until: Infinity, open };
    // `max` guarantees progress even if a zone broke the one-transition-per-two-days assumption.
    wall = Math.max(instant + offsetAt(zone, instant), boundary);
    // In a skipped hour several boundaries can collapse onto one instant with no net change.
    if (wallOpen(pattern, wall) !== open) return { from: at, until: instant, open };
  }
}

function compileNormalized(zone: string, pattern: WallPattern): CompiledSchedule {
  // The last answered stretch: repeated queries inside it cost two comparisons.
  let cached: Stretch | undefined;
  const lookup = (at: number): Stretch | undefined => {
    if (!inRange(at)) return undefined;
    if (cached !== undefined && at >= cached.from && at < cached.until) return cached;
    // A fresh stretch starts at `at`, so it also covers the rest of a cached one it extends.
    cached = stretchAt(zone, pattern, at);
    return cached;
  };
  return {
    isOpen: (at) => lookup(at)?.open ?? false,
    nextChange: (at) => {
      const stretch = lookup(at);
      return stretch === undefined || stretch.until === Infinity ? null : stretch.until;
    },
  };
}

/**
 * A checked schedule in numbers: intervals in minutes of their day (day 0 = Monday), holidays as
 * `[firstDay, dayAfterLast)` in days since 1970-01-01.
 */
function toPattern(schedule: Schedule): WallPattern {
  const intervals: MinuteInterval[] = schedule.weekly.map(({ day, open, close }) => ({
    day: WEEKDAYS.indexOf(day),
    open: parseWallTime(open) as number,
    close: parseWallTime(close) as number,
  }));
  const holidays = schedule.holidays.map(
    ({ start, end }): readonly [number, number] => [parseLocalDate(start) as number, (parseLocalDate(end) as number) + 1],
  );
  return buildPattern(intervals, holidays);
}

const prepared = new WeakMap<object, CompiledSchedule>();

/**
 * Prepares a checked schedule for repeated queries (epoch ms in, answers out; instants outside
 * the years 1000–9999 are closed with no change ahead). Memoised by the schedule object's
 * identity, so treat schedules as immutable (their types are `readonly`).
 * @example
 * ```ts
 * const berlin = prepareSchedule({ timezone: 'Europe/Berlin', weekly: [{ day: 'mon', open: '09:00', close: '17:00' }], holidays: [] });
 * berlin.isOpen(Date.parse('2026-11-23T09:30:00Z')); // true (10:30 in Berlin)
 * ```
 */
export function prepareSchedule(schedule: Schedule): CompiledSchedule {
  let hit = prepared.get(schedule);
  if (hit === undefined) {
    hit = compileNormalized(schedule.timezone, toPattern(schedule));
    prepared.set(schedule, hit);
  }
  return hit;
}
