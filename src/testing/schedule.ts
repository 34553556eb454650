/**
 * Business-hours schedules: DST zones, several intervals per day, overnight intervals, whole
 * days, intervals opening or closing inside a skipped or repeated DST hour, and holidays.
 * @module
 */
import fc from 'fast-check';
import type { Holiday, Schedule, SendWindow, WeeklyInterval } from '../core/types.js';
import { WEEKDAYS } from '../core/vocabulary.js';
import { KIT_TIME_ZONES } from './pools.js';

/** Wall-clock times that matter: office hours, midnight, the DST gap/overlap hours. */
const NOTABLE_TIMES = ['00:00', '01:30', '02:00', '02:30', '03:00', '08:00', '09:00', '12:00', '17:00', '17:30', '22:00', '23:59'];

function hhmm(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** A wall-clock time `00:00`–`23:59` (an `open`). */
const openTimeArb = fc.oneof(
  { arbitrary: fc.constantFrom(...NOTABLE_TIMES), weight: 2 },
  { arbitrary: fc.integer({ min: 0, max: 95 }).map((q) => hhmm(q * 15)), weight: 2 },
  { arbitrary: fc.integer({ min: 0, max: 1439 }).map(hhmm), weight: 1 },
);
/** A wall-clock time `00:00`–`24:00` (a `close`). */
const closeTimeArb = fc.oneof({ arbitrary: openTimeArb, weight: 9 }, { arbitrary: fc.constant('24:00'), weight: 1 });

/**
 * One weekly interval: daytime (`open < close`), overnight (`close <= open`), or the whole day
 * (`00:00`–`24:00`).
 * @example
 * ```ts
 * fc.sample(weeklyIntervalArb(), 1); // [{ day: 'fri', open: '22:00', close: '02:00' }]
 * ```
 */
export function weeklyIntervalArb(): fc.Arbitrary<WeeklyInterval> {
  const day = fc.constantFrom(...WEEKDAYS);
  return fc.oneof(
    { arbitrary: fc.record({ day, open: openTimeArb, close: closeTimeArb }), weight: 6 },
    { arbitrary: fc.record({ day, open: fc.constant('00:00'), close: fc.constant('24:00') }), weight: 1 },
    { arbitrary: fc.record({ day, open: fc.constantFrom('22:00', '23:30', '20:00'), close: fc.constantFrom('02:00', '06:00', '00:00') }), weight: 1 },
  );
}

function dateString(dayNumber: number): string {
  return new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A holiday: 1 to 4 inclusive local dates in 2025–2027, with or without a name.
 * @example
 * ```ts
 * fc.sample(holidayArb(), 1); // [{ name: 'Christmas', start: '2026-12-24', end: '2026-12-26' }]
 * ```
 */
export function holidayArb(): fc.Arbitrary<Holiday> {
  const first = Date.UTC(2025, 0, 1) / 86_400_000;
  const last = Date.UTC(2027, 11, 28) / 86_400_000;
  return fc
    .record({
      start: fc.integer({ min: first, max: last }),
      length: fc.integer({ min: 0, max: 3 }),
      name: fc.option(fc.constantFrom('Christmas', 'New Year', 'Company day', 'Tag der Einheit'), { nil: undefined }),
    })
    .map(({ start, length, name }) => ({
      ...(name === undefined ? {} : { name }),
      start: dateString(start),
      end: dateString(start + length),
    }));
}

/** Options of {@link scheduleArb}. */
export interface ScheduleArbOptions {
  /** IANA zones to pick from. Default: {@link KIT_TIME_ZONES}. */
  readonly zones?: readonly string[];
  /** Most weekly intervals. Default 8. */
  readonly maxIntervals?: number;
  /** Most holidays. Default 3. */
  readonly maxHolidays?: number;
}

/**
 * Valid schedules (they pass `parseSchedule`): a zone with DST or an odd offset, 0 to
 * `maxIntervals` weekly intervals (office hours, several per day, overnight, whole days,
 * boundaries in the DST gap), and holidays.
 * @example
 * ```ts
 * fc.assert(fc.property(scheduleArb(), fc.integer(), (schedule, at) => {
 *   const next = nextChange(schedule, at);
 *   return next === null || next > at;
 * }));
 * ```
 */
export function scheduleArb(options: ScheduleArbOptions = {}): fc.Arbitrary<Schedule> {
  const zones = options.zones ?? KIT_TIME_ZONES;
  const officeWeek = fc
    .record({ open: fc.constantFrom('08:00', '09:00', '09:30'), close: fc.constantFrom('17:00', '17:30', '18:00'), days: fc.integer({ min: 1, max: 7 }) })
    .map(({ open, close, days }) => WEEKDAYS.slice(0, days).map((day): WeeklyInterval => ({ day, open, close })));
  const weekly = fc.oneof(
    { arbitrary: fc.array(weeklyIntervalArb(), { maxLength: options.maxIntervals ?? 8 }), weight: 3 },
    { arbitrary: officeWeek, weight: 1 },
  );
  return fc.record({
    timezone: fc.constantFrom(...zones),
    weekly,
    holidays: fc.array(holidayArb(), { maxLength: options.maxHolidays ?? 3 }),
  });
}

/**
 * Send windows: `anytime`, `businessHours` or `outsideBusinessHours` with a {@link scheduleArb} schedule.
 * @example
 * ```ts
 * fc.sample(sendWindowArb(), 1); // [{ type: 'anytime' }]
 * ```
 */
export function sendWindowArb(options: ScheduleArbOptions = {}): fc.Arbitrary<SendWindow> {
  const schedule = scheduleArb(options);
  return fc.oneof(
    fc.constant<SendWindow>({ type: 'anytime' }),
    schedule.map((s): SendWindow => ({ type: 'businessHours', schedule: s })),
    schedule.map((s): SendWindow => ({ type: 'outsideBusinessHours', schedule: s })),
  );
}
