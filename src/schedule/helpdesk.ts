/**
 * Import from the common help-desk business-hours format (e.g. Zendesk's schedules API):
 * weekly intervals as minutes from Sunday 00:00, holidays as inclusive date ranges, and a zone
 * (an IANA name or a Rails `ActiveSupport::TimeZone` name). Keys other than the ones read here
 * (`id`, `name`, `created_at`, …) are ignored, as a help desk's payload carries them.
 * @module
 */
import { NO_PARAMS, rebase, type Result } from '../core/issues.js';
import { parseLocalDate } from '../core/instants.js';
import { MAX_HELP_DESK_INTERVALS, MAX_HOLIDAYS, MAX_TIME_ZONE_LENGTH } from '../core/limits.js';
import type { Holiday, Schedule, WeeklyInterval } from '../core/types.js';
import { isPlainObject } from '../core/values.js';
import { WEEKDAYS } from '../core/vocabulary.js';
import { BAD, int, list, object, opt, report, runCheck, str, withDefault, type Check } from '../check/check.js';
import { localDate, name, timeZone } from '../check/primitives.js';
import { scheduleCheck } from '../check/schedule.js';
import { fail, ok } from '../parse/parse.js';
import { RAILS_ZONE_NAMES } from './rails-zones.js';
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

/** The keys `check` reads, other keys left out (help-desk payloads carry ids and dates). */
function only<T>(keys: readonly string[], check: Check<T>): Check<T> {
  return (value, ctx) => {
    if (!isPlainObject(value)) return check(value, ctx);
    const picked: Record<string, unknown> = {};
    for (const key of keys) if (Object.hasOwn(value, key)) picked[key] = value[key];
    return check(picked, ctx);
  };
}

const interval = /* @__PURE__ */ only(
  ['start_time', 'end_time'],
  object<HelpDeskInterval>({ start_time: int(0, MINUTES_PER_WEEK - 1), end_time: int(1, 2 * MINUTES_PER_WEEK) }, (parsed, ctx, failed) => {
    if (failed('start_time') || failed('end_time')) return;
    const length = parsed.end_time - parsed.start_time;
    if (length <= 0 || length > MINUTES_PER_WEEK) report(ctx, 'invalidRange', NO_PARAMS, 'end_time');
  }),
);

const holiday = /* @__PURE__ */ only(
  ['name', 'start_date', 'end_date'],
  object<HelpDeskHoliday>({ name: opt(name), start_date: localDate, end_date: localDate }, (parsed, ctx, failed) => {
    if (failed('start_date') || failed('end_date')) return;
    if ((parseLocalDate(parsed.end_date) as number) < (parseLocalDate(parsed.start_date) as number)) report(ctx, 'invalidRange', NO_PARAMS, 'end_date');
  }),
);

/** A zone: a Rails name (own lookup) becomes its IANA name, then it must be a zone `Intl` knows. */
const zone: Check<string> = /* @__PURE__ */ str(1, MAX_TIME_ZONE_LENGTH, (named, ctx) => {
  const iana = Object.hasOwn(RAILS_ZONE_NAMES, named) ? (RAILS_ZONE_NAMES[named] as string) : named;
  const checked = timeZone(iana, ctx);
  return checked === BAD ? BAD : iana;
});

const helpDesk = /* @__PURE__ */ only(
  ['time_zone', 'intervals', 'holidays'],
  object<HelpDeskSchedule>({
    time_zone: zone,
    intervals: list(interval, 0, MAX_HELP_DESK_INTERVALS),
    holidays: withDefault(list(holiday, 0, MAX_HOLIDAYS), () => []),
  }),
);

/** Help-desk weeks start on Sunday; ours list Monday first. */
const SUNDAY_FIRST = [6, 0, 1, 2, 3, 4, 5] as const;

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
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

/**
 * Converts a help-desk schedule to a {@link Schedule}. Intervals crossing midnight are split
 * into one interval per local day (the meaning is the same: holidays mask whole local dates),
 * and an interval ending at or past 10080 wraps into the next week's Sunday. The result is
 * checked by the schedule checker, so it always parses. Never throws.
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
  const checked = runCheck(helpDesk, input, true);
  if (!checked.ok) return fail(checked.issues);
  const { time_zone, intervals, holidays = [] } = checked.value;
  const schedule: Schedule = {
    timezone: time_zone,
    weekly: intervals.flatMap(({ start_time, end_time }) => splitByDay(start_time, end_time)),
    holidays: holidays.map(
      ({ name: holidayName, start_date, end_date }): Holiday =>
        holidayName === undefined ? { start: start_date, end: end_date } : { name: holidayName, start: start_date, end: end_date },
    ),
  };
  // Splitting can only break one bound (too many weekly pieces); its issue points at `intervals`.
  const result = runCheck(scheduleCheck, schedule, true);
  return result.ok ? ok(result.value) : fail(rebase(result.issues.map((found) => ({ ...found, path: [] })), ['intervals']));
}
