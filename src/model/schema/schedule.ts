/**
 * The zod schema of business hours (SPEC §4 `sendWindow.schedule`).
 * @module
 */
import * as z from 'zod/mini';
import { isValidTimeZone } from '../../schedule/zone.js';
import { LIMITS } from '../limits.js';
import { boundedString, localDateSchema, nameSchema, rule, wallClockSchema } from './primitives.js';

import { WEEKDAYS } from '../vocabulary.js';

export { WEEKDAYS };

const timeZoneSchema = boundedString(1, LIMITS.timeZoneLength).check(
  rule<string>('invalidTimeZone', (zone) =>
    isValidTimeZone(zone) ? [] : [{ message: `"${zone}" is not an IANA time zone this runtime knows` }],
  ),
);

const weeklyIntervalSchema = z.strictObject({
  day: z.enum(WEEKDAYS),
  open: wallClockSchema,
  close: wallClockSchema,
});

const holidaySchema = z
  .strictObject({
    name: z.optional(nameSchema),
    start: localDateSchema,
    end: localDateSchema,
  })
  .check(
    // Runs only when both dates parsed; `YYYY-MM-DD` strings compare as dates.
    rule<{ start: string; end: string }>('invalidRange', ({ start, end }) =>
      start <= end ? [] : [{ message: `holiday ends (${end}) before it starts (${start})`, path: ['end'] }],
    ),
  );

/** A schedule: an IANA zone, weekly wall-clock intervals and inclusive holiday ranges. */
export const scheduleSchema = z.strictObject({
  timezone: timeZoneSchema,
  weekly: z.array(weeklyIntervalSchema).check(z.maxLength(LIMITS.weeklyIntervals)),
  holidays: z._default(z.array(holidaySchema).check(z.maxLength(LIMITS.holidays)), () => []),
});
