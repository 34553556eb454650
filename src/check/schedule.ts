/**
 * The schedule checker: business hours as the wire format writes them. The business-hours
 * engine (`schedule/prepare.ts`) converts only schedules that passed it.
 * @module
 */
import { NO_PARAMS } from '../core/issues.js';
import { parseLocalDate } from '../core/instants.js';
import { MAX_HOLIDAYS, MAX_WEEKLY_INTERVALS } from '../core/limits.js';
import type { Holiday, Schedule, WeeklyInterval } from '../core/types.js';
import { WEEKDAYS } from '../core/vocabulary.js';
import { list, object, oneOf, opt, report, withDefault, type Check } from './check.js';
import { localDate, name, openingTime, timeZone, wallTime } from './primitives.js';

const weeklyInterval = /* @__PURE__ */ object<WeeklyInterval>({ day: oneOf(WEEKDAYS), open: openingTime, close: wallTime });

const holiday = /* @__PURE__ */ object<Holiday>({ name: opt(name), start: localDate, end: localDate }, (parsed, ctx, failed) => {
  if (failed('start') || failed('end')) return;
  if ((parseLocalDate(parsed.end) as number) < (parseLocalDate(parsed.start) as number)) report(ctx, 'invalidRange', NO_PARAMS, 'end');
});

/** A business-hours schedule: an IANA zone, weekly wall-clock intervals and inclusive holiday ranges. */
export const scheduleCheck: Check<Schedule> = /* @__PURE__ */ object<Schedule>({
  timezone: timeZone,
  weekly: list(weeklyInterval, 0, MAX_WEEKLY_INTERVALS),
  holidays: withDefault(list(holiday, 0, MAX_HOLIDAYS), () => []),
});
