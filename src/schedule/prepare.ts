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

/** The instants the engine answers for: those the instant guard accepts. */
function inRange(at: number): boolean {
  return at >= MIN_INSTANT && at <= MAX_INSTANT;
}

/** The next flip after the instant whose high-water wall time is `wall`, where the state is `open` (`Infinity` if none). */
function nextFlip(zone: string, pattern: WallPattern, wall: number, open: boolean): number {
  for (;;) {
    const boundary = nextWallFlip(pattern, wall);
    if (boundary === null || boundary > MAX_INSTANT) return Infinity;
    const instant = firstInstantAtOrAfter(zone, boundary);
    if (!inRange(instant)) return Infinity;
    // `max` guarantees progress even if a zone broke the one-transition-per-two-days assumption.
    wall = Math.max(instant + offsetAt(zone, instant), boundary);
    // In a skipped hour several boundaries can collapse onto one instant with no net change.
    if (wallOpen(pattern, wall) !== open) return instant;
  }
}

/**
 * A prepared schedule: its zone, its pattern and the last answered stretch — `[from, until)`,
 * `open` or not, empty until first asked — in the fields of one object, so a query inside that
 * stretch reads one object (`evaluate` asks {@link holds} and reads the fields: a process holding
 * many lists' schedules pays a line or two per schedule asked, not a chain of closures and a
 * separate stretch object). `isOpen` and `nextChange` keep working taken off the object.
 */
export interface ScheduleEngine extends CompiledSchedule {
  readonly zone: string;
  readonly pattern: WallPattern;
  from: number;
  until: number;
  open: boolean;
}

/**
 * Makes `e`'s fields the stretch holding `at` (`until`: the next flip, `Infinity` if none);
 * `false` for an instant outside the years the engine answers for (closed, nothing ahead).
 * Repeated queries inside a stretch cost two comparisons.
 * @example
 * ```ts
 * const e = prepareSchedule(berlin);
 * if (holds(e, now)) console.log(e.open, e.until);
 * ```
 */
export function holds(e: ScheduleEngine, at: number): boolean {
  if (!inRange(at)) return false;
  if (at >= e.from && at < e.until) return true;
  // A fresh stretch starts at `at`, so it also covers the rest of a cached one it extends.
  const wall = highWaterWall(e.zone, at);
  const open = wallOpen(e.pattern, wall);
  e.until = nextFlip(e.zone, e.pattern, wall, open);
  e.from = at;
  e.open = open;
  return true;
}

function engine(zone: string, pattern: WallPattern): ScheduleEngine {
  const e: ScheduleEngine = {
    zone,
    pattern,
    from: Infinity,
    until: -Infinity,
    open: false,
    isOpen: (at) => holds(e, at) && e.open,
    nextChange: (at) => (holds(e, at) && e.until !== Infinity ? e.until : null),
  };
  return e;
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

const prepared = new WeakMap<object, ScheduleEngine>();

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
export function prepareSchedule(schedule: Schedule): ScheduleEngine {
  let hit = prepared.get(schedule);
  if (hit === undefined) {
    hit = engine(schedule.timezone, toPattern(schedule));
    prepared.set(schedule, hit);
  }
  return hit;
}
