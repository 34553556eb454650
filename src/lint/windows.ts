/**
 * What lint proves about send windows, asked of the business-hours engine itself (it is exact
 * across DST): whether a window ever opens, when it closes for good, whether it is always open,
 * and whether one window is contained in another.
 *
 * Containment of two schedules in the same zone is decided on wall-clock sets: the engine maps
 * instants onto the wall clock through a monotone function (the zone's high-water mark, see
 * `schedule/prepare.ts`) and is open exactly when the wall-clock pattern is, so a wall-clock set
 * inside another gives an instant set inside the other. Schedules in different zones are only
 * compared when one side is constant.
 * @module
 */
import { MAX_INSTANT, MIN_INSTANT, parseLocalDate, parseWallTime } from '../core/instants.js';
import type { SendWindowNeverOpensReason } from '../core/issues.js';
import type { Schedule, SendWindow } from '../core/types.js';
import { WEEKDAYS } from '../core/vocabulary.js';
import { prepareSchedule, type CompiledSchedule } from '../schedule/prepare.js';
import { buildPattern, type WallPattern } from '../schedule/wall.js';

const DAY = 86_400_000;
/** Most engine steps one scan for the last opening takes; past it nothing is claimed. */
const SCAN_STEPS = 20_000;

/** What is proven about one send window. */
export interface WindowFacts {
  /** Open at every instant. */
  readonly alwaysOpen: boolean;
  /** Why it never opens, or `null`. */
  readonly never: SendWindowNeverOpensReason | null;
  /** The instant (epoch ms) it closes for good, or `null` when it keeps opening (or never opens). */
  readonly closesAt: number | null;
}

type Scheduled = Extract<SendWindow, { readonly schedule: Schedule }>;

/** Whether the window is open at `at`, asked of the engine. */
function openAt(window: Scheduled, engine: CompiledSchedule, at: number): boolean {
  return engine.isOpen(at) === (window.type === 'businessHours');
}

/** The weekly pattern alone is constant: `true` (always open), `false` (never) or `null` (it flips). */
function weeklyConstant(schedule: Schedule): boolean | null {
  const engine = prepareSchedule({ timezone: schedule.timezone, weekly: schedule.weekly, holidays: [] });
  // Without holidays the pattern repeats every week: no flip from the first instant means none at all.
  return engine.nextChange(MIN_INSTANT) === null ? engine.isOpen(MIN_INSTANT) : null;
}

/** The last instant at or after `from` at which the window goes from open to closed; `undefined` if it is never open after `from`, `null` if it stays open or the scan gave up. */
function lastClosing(window: Scheduled, engine: CompiledSchedule, from: number): number | null | undefined {
  let at = from;
  let last: number | undefined;
  for (let step = 0; step < SCAN_STEPS; step += 1) {
    const next = engine.nextChange(at);
    if (openAt(window, engine, at)) {
      if (next === null) return null;
      last = next;
    } else if (next === null) return last;
    at = next as number;
  }
  return null;
}

/** Merged holiday ranges `[firstDay, dayAfterLast)`, descending by start. */
function holidayStarts(schedule: Schedule): number[] {
  return schedule.holidays.map((h) => parseLocalDate(h.start) as number).sort((a, b) => b - a);
}

/**
 * What is proven about a (parsed) send window.
 * @example
 * ```ts
 * windowFacts({ type: 'businessHours', schedule: { timezone: 'UTC', weekly: [], holidays: [] } }).never; // 'noWeeklyHours'
 * ```
 */
export function windowFacts(window: SendWindow): WindowFacts {
  let facts = factsOf.get(window);
  if (facts === undefined) factsOf.set(window, (facts = computeFacts(window)));
  return facts;
}

/** Facts per window object (windows of parsed messages are not changed: their types are readonly). */
const factsOf = new WeakMap<SendWindow, WindowFacts>();

function computeFacts(window: SendWindow): WindowFacts {
  if (window.type === 'anytime') return { alwaysOpen: true, never: null, closesAt: null };
  const engine = prepareSchedule(window.schedule);
  const inside = window.type === 'businessHours';
  if (openAt(window, engine, MIN_INSTANT) && engine.nextChange(MIN_INSTANT) === null) return { alwaysOpen: true, never: null, closesAt: null };
  const end = MAX_INSTANT - 8 * DAY;
  // Still opening in the last week of the supported range: it keeps opening.
  if (openAt(window, engine, end) || engine.nextChange(end) !== null) return { alwaysOpen: false, never: null, closesAt: null };
  const weekly = weeklyConstant(window.schedule);
  if (inside && weekly === false) return { alwaysOpen: false, never: 'noWeeklyHours', closesAt: null };
  if (!inside && weekly === true && window.schedule.holidays.length === 0) return { alwaysOpen: false, never: 'alwaysBusinessHours', closesAt: null };
  // Closed for good at the end: find the last closing, from just before the latest holidays back.
  for (const start of [...holidayStarts(window.schedule), -Infinity]) {
    const from = Math.max(MIN_INSTANT, start * DAY - 9 * DAY);
    const closing = lastClosing(window, engine, from);
    if (closing === null) return { alwaysOpen: false, never: null, closesAt: null };
    if (closing !== undefined) return { alwaysOpen: false, never: null, closesAt: closing };
    if (from === MIN_INSTANT) break;
  }
  return { alwaysOpen: false, never: inside ? 'everyDayHoliday' : 'alwaysBusinessHours', closesAt: null };
}

/**
 * The first instant at or after `from` at which the window is open, or `null`.
 * @example
 * ```ts
 * firstOpening({ type: 'anytime' }, 0); // 0
 * ```
 */
export function firstOpening(window: SendWindow, from: number): number | null {
  if (window.type === 'anytime') return from;
  const engine = prepareSchedule(window.schedule);
  if (openAt(window, engine, from)) return from;
  return engine.nextChange(from);
}

/**
 * Whether the window is open at `at` (epoch ms).
 * @example
 * ```ts
 * windowOpenAt({ type: 'anytime' }, 0); // true
 * ```
 */
export function windowOpenAt(window: SendWindow, at: number): boolean {
  return window.type === 'anytime' || openAt(window, prepareSchedule(window.schedule), at);
}

const patterns = new WeakMap<Schedule, WallPattern>();

/** The schedule as wall-clock sets: merged weekly minutes and merged holiday days. */
function pattern(schedule: Schedule): WallPattern {
  let hit = patterns.get(schedule);
  if (hit === undefined) patterns.set(schedule, (hit = wallSets(schedule)));
  return hit;
}

function wallSets(schedule: Schedule): WallPattern {
  return buildPattern(
    schedule.weekly.map(({ day, open, close }) => ({ day: WEEKDAYS.indexOf(day), open: parseWallTime(open) as number, close: parseWallTime(close) as number })),
    schedule.holidays.map(({ start, end }): readonly [number, number] => [parseLocalDate(start) as number, (parseLocalDate(end) as number) + 1]),
  );
}

type Ranges = readonly (readonly [number, number])[];

/** Every range of `inner` lies inside one range of `outer` (both merged). */
function within(inner: Ranges, outer: Ranges): boolean {
  return inner.every(([a, b]) => outer.some(([c, d]) => c <= a && b <= d));
}

/** No range of `a` overlaps a range of `b`. */
function disjoint(a: Ranges, b: Ranges): boolean {
  return a.every(([x, y]) => b.every(([u, v]) => y <= u || v <= x));
}

/**
 * Whether window `inner` is open only when window `outer` is (proven; `false` means "not shown").
 * @example
 * ```ts
 * windowContained(businessHoursWindow, { type: 'anytime' }); // true
 * ```
 */
export function windowContained(inner: SendWindow, outer: SendWindow): boolean {
  if (windowFacts(outer).alwaysOpen) return true;
  if (inner.type === 'anytime' || outer.type === 'anytime') return false;
  if (inner.schedule.timezone !== outer.schedule.timezone) return false;
  const i = pattern(inner.schedule);
  const o = pattern(outer.schedule);
  if (inner.type === 'businessHours' && outer.type === 'businessHours') return within(i.open, o.open) && within(o.holidays, i.holidays);
  if (inner.type === 'outsideBusinessHours' && outer.type === 'outsideBusinessHours') return within(o.open, i.open) && within(i.holidays, o.holidays);
  // Inside `inner`'s hours and outside `outer`'s: the weekly hours never meet.
  if (inner.type === 'businessHours' && outer.type === 'outsideBusinessHours') return disjoint(i.open, o.open);
  return false;
}
