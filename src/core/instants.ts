/**
 * The one instant guard and the date/time formats of the wire format, each defined once.
 *
 * An instant is a `Date`, epoch milliseconds, or an ISO-8601 timestamp with seconds and `Z` or
 * an offset, on a real calendar date, in the years 1000–9999 (so that every accepted instant can
 * be written back as a timestamp the parser accepts). A timestamp without an offset is never
 * accepted: it would mean a different instant on every host time zone. Digits below the
 * millisecond round so that a threshold is never reached early: `now` rounds down, the instants
 * thresholds count from (`page.enteredAt`, `visit.startedAt`, a delivery's `at`) round up.
 *
 * Ground floor: imports nothing.
 * @module
 */

/** 1000-01-01T00:00:00.000Z, the first instant the library accepts. */
export const MIN_INSTANT = -30_610_224_000_000;
/** 9999-12-31T23:59:59.999Z, the last instant the library accepts. */
export const MAX_INSTANT = 253_402_300_799_999;

/** Which way digits below the millisecond go. */
export type Rounding = 'down' | 'up';

/** Days in `month` (1–12) of `year` in the proleptic Gregorian calendar. */
function daysIn(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28 : 30 + ((month + (month >> 3)) & 1);
}

/** Whether year-month-day is a real date in the years 1000–9999. */
function realDate(year: number, month: number, day: number): boolean {
  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
}

/** Fixed, anchored patterns written by us (linear time); every string is length-checked first. */
const TIMESTAMP = /^(\d{4})-(\d\d)-(\d\d)T([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(?:\.(\d{1,9}))?(?:Z|([+-])([01]\d|2[0-3]):([0-5]\d))$/;
const DATE = /^(\d{4})-(\d\d)-(\d\d)$/;

/**
 * Epoch ms of an ISO-8601 timestamp with seconds and `Z` or an offset (`2026-11-23T10:00:00Z`,
 * `2026-11-23T11:00:00.250+01:00`), on a real date, within {@link MIN_INSTANT}…{@link MAX_INSTANT};
 * `undefined` for anything else. Fraction digits beyond milliseconds round `down` (the default)
 * or `up`.
 * @example
 * ```ts
 * parseTimestamp('2026-11-23T10:00:00Z');            // 1795428000000
 * parseTimestamp('2026-11-23T10:00:00.0005Z', 'up'); // 1795428000001
 * parseTimestamp('2026-11-23T10:00:00');             // undefined: no offset
 * parseTimestamp('2026-02-30T10:00:00Z');            // undefined: no such date
 * ```
 */
export function parseTimestamp(text: string, round: Rounding = 'down'): number | undefined {
  const m = text.length <= 35 ? TIMESTAMP.exec(text) : null;
  if (m === null || !realDate(+(m[1] as string), +(m[2] as string), +(m[3] as string))) return undefined;
  const fraction = m[7] ?? '';
  const ms = +fraction.slice(0, 3).padEnd(3, '0') + (round === 'up' && /[1-9]/.test(fraction.slice(3)) ? 1 : 0);
  const offset = m[8] === undefined ? 0 : (m[8] === '-' ? -60_000 : 60_000) * (+(m[9] as string) * 60 + +(m[10] as string));
  const epoch = Date.UTC(+(m[1] as string), +(m[2] as string) - 1, +(m[3] as string), +(m[4] as string), +(m[5] as string), +(m[6] as string), ms) - offset;
  return epoch >= MIN_INSTANT && epoch <= MAX_INSTANT ? epoch : undefined;
}

/**
 * Days since 1970-01-01 of a real calendar date `YYYY-MM-DD` in the years 1000–9999, or `undefined`.
 * @example
 * ```ts
 * parseLocalDate('1970-01-02'); // 1
 * parseLocalDate('2026-02-30'); // undefined
 * ```
 */
export function parseLocalDate(text: string): number | undefined {
  const m = text.length === 10 ? DATE.exec(text) : null;
  if (m === null || !realDate(+(m[1] as string), +(m[2] as string), +(m[3] as string))) return undefined;
  return Date.UTC(+(m[1] as string), +(m[2] as string) - 1, +(m[3] as string)) / 86_400_000;
}

/**
 * The wall-clock formats as regular expressions, for describing the format to other languages
 * (the JSON Schema export); {@link parseWallTime} checks with the first, a test pins the second.
 */
export const WALL_TIME_PATTERN = '^(?:(?:[01]\\d|2[0-3]):[0-5]\\d|24:00)$';
const WALL_TIME = /* @__PURE__ */ new RegExp(WALL_TIME_PATTERN);
export const OPENING_TIME_PATTERN = '^(?:[01]\\d|2[0-3]):[0-5]\\d$';

/**
 * Minutes since midnight of a wall-clock time `HH:MM` from `00:00` to `24:00`, or `undefined`.
 * @example
 * ```ts
 * parseWallTime('09:30'); // 570
 * parseWallTime('24:00'); // 1440
 * parseWallTime('24:01'); // undefined
 * ```
 */
export function parseWallTime(text: string): number | undefined {
  return text.length === 5 && WALL_TIME.test(text) ? +text.slice(0, 2) * 60 + +text.slice(3) : undefined;
}

/**
 * Epoch ms of epoch ms within the accepted range, rounded down; `undefined` otherwise.
 */
function fromEpoch(ms: number): number | undefined {
  return Number.isFinite(ms) && ms >= MIN_INSTANT && ms <= MAX_INSTANT ? Math.floor(ms) : undefined;
}

/**
 * The one instant guard: epoch ms of a `Date`, epoch milliseconds or an ISO-8601 timestamp with
 * an offset (see {@link parseTimestamp}), rounded down; `undefined` for anything else (an invalid
 * `Date`, `NaN`, `Infinity`, a number or timestamp outside the years 1000–9999, a timestamp
 * without an offset, any other value). Total: never throws, whatever it is given.
 * @example
 * ```ts
 * toInstant('2026-11-23T10:00:00Z');  // 1795428000000
 * toInstant(new Date(1795428000000)); // 1795428000000
 * toInstant(Number.NaN);              // undefined
 * toInstant('2026-11-23T10:00:00');   // undefined: which zone?
 * ```
 */
export function toInstant(value: unknown): number | undefined {
  if (typeof value === 'number') return fromEpoch(value);
  if (typeof value === 'string') return parseTimestamp(value, 'down');
  if (typeof value === 'object' && value !== null) {
    try {
      // Works for Dates of any realm; anything else (a plain object, a Proxy) throws here.
      return fromEpoch(Date.prototype.getTime.call(value));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * The ISO-8601 form of an accepted instant (`toISOString`), which the parser accepts back.
 * @example
 * ```ts
 * isoOf(1795428000000); // '2026-11-23T10:00:00.000Z'
 * ```
 */
export function isoOf(ms: number): string {
  return new Date(ms).toISOString();
}
