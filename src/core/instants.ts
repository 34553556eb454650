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

/** The number of `count` ASCII digits of `text` at `start`, or -1. */
function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i += 1) {
    const code = text.charCodeAt(i) - 48;
    if (code < 0 || code > 9) return -1;
    value = value * 10 + code;
  }
  return value;
}

/** Days in `month` (1–12) of `year` in the proleptic Gregorian calendar. */
function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** `YYYY-MM-DD` at the start of `text`, as `[year, month, day]`, or `undefined`. */
function dateAt(text: string): [number, number, number] | undefined {
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined; // '-'
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  return [year, month, day];
}

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
  const length = text.length;
  // Shortest: 2026-11-23T10:00:00Z (20); longest: nine fraction digits and an offset (35).
  if (length < 20 || length > 35 || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) {
    return undefined; // 'T', ':', ':'
  }
  const date = dateAt(text);
  const hours = digitsAt(text, 11, 2);
  const minutes = digitsAt(text, 14, 2);
  const seconds = digitsAt(text, 17, 2);
  if (date === undefined || hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59) return undefined;
  let at = 19;
  let ms = 0;
  if (text.charCodeAt(at) === 46) {
    // '.' then 1 to 9 digits
    const start = (at += 1);
    let extra = false;
    while (at < length && at - start < 9) {
      const code = text.charCodeAt(at) - 48;
      if (code < 0 || code > 9) break;
      if (at - start < 3) ms += code * (at - start === 0 ? 100 : at - start === 1 ? 10 : 1);
      else if (code > 0) extra = true;
      at += 1;
    }
    if (at === start) return undefined;
    if (extra && round === 'up') ms += 1;
  }
  let offset = 0;
  const sign = text.charCodeAt(at);
  if (sign === 90 && at + 1 === length) {
    // 'Z'
  } else if ((sign === 43 || sign === 45) && at + 6 === length && text.charCodeAt(at + 3) === 58) {
    const offsetHours = digitsAt(text, at + 1, 2);
    const offsetMinutes = digitsAt(text, at + 4, 2);
    if (offsetHours < 0 || offsetHours > 23 || offsetMinutes < 0 || offsetMinutes > 59) return undefined;
    offset = (sign === 43 ? 1 : -1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  } else {
    return undefined;
  }
  const [year, month, day] = date;
  const epoch = Date.UTC(year, month - 1, day, hours, minutes, seconds, ms) - offset;
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
  if (text.length !== 10) return undefined;
  const date = dateAt(text);
  return date === undefined ? undefined : Date.UTC(date[0], date[1] - 1, date[2]) / 86_400_000;
}

/**
 * The wall-clock formats as regular expressions, for describing the format to other languages
 * (the JSON Schema export). The library itself checks with {@link parseWallTime}; a test pins the
 * two to each other.
 */
export const WALL_TIME_PATTERN = '^(?:(?:[01]\\d|2[0-3]):[0-5]\\d|24:00)$';
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
  if (text.length !== 5 || text.charCodeAt(2) !== 58) return undefined;
  const hours = digitsAt(text, 0, 2);
  const minutes = digitsAt(text, 3, 2);
  if (hours < 0 || minutes < 0 || minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) return undefined;
  return hours * 60 + minutes;
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
