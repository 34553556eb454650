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

/** A fixed, anchored pattern written by us (linear time); every string is length-checked first. */
const DATE = /^(\d{4})-(\d\d)-(\d\d)$/;

/** The ASCII digit at `i` (0–9), or -1 (past the end included). */
function digitAt(text: string, i: number): number {
  const d = text.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

/** The two ASCII digits at `i` as a number (0–99), or -1. */
function twoDigits(text: string, i: number): number {
  const a = digitAt(text, i);
  const b = digitAt(text, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

/**
 * Days from 1970-01-01 to a real date of the proleptic Gregorian calendar (H. Hinnant's
 * days_from_civil), for the years 1000–9999 only: every quotient is of a positive number below
 * 2³¹, so `| 0` is the floor (integer division, ≈ 0.85× the scan with `Math.floor`).
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = (y / 400) | 0;
  const yearOfEra = y - era * 400;
  const dayOfYear = (((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) | 0) + day - 1;
  return era * 146_097 + yearOfEra * 365 + ((yearOfEra / 4) | 0) - ((yearOfEra / 100) | 0) + dayOfYear - 719_468;
}

/** Whether the character at `i` is `code`. */
function charIs(text: string, i: number, code: number): boolean {
  return text.charCodeAt(i) === code;
}

/**
 * Epoch ms of an ISO-8601 timestamp with seconds and `Z` or an offset (`2026-11-23T10:00:00Z`,
 * `2026-11-23T11:00:00.250+01:00`), on a real date, within {@link MIN_INSTANT}…{@link MAX_INSTANT};
 * `undefined` for anything else, a value that is not a string included. Fraction digits beyond
 * milliseconds round `down` (the default) or `up`.
 *
 * The format, exactly (a test checks this scanner against the pattern on random strings):
 * `^\d{4}-\d\d-\d\dT([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$`,
 * ASCII digits, upper-case `T` and `Z`. A character scan, not a regular expression: `evaluate`
 * reads several timestamps per call (on the 2-core bench machine ≈ 150 ns each this way, ≈ 640 ns
 * through the pattern and `Date.parse`, ≈ 30 ns from the memo).
 * @example
 * ```ts
 * parseTimestamp('2026-11-23T10:00:00Z');            // 1795428000000
 * parseTimestamp('2026-11-23T10:00:00.0005Z', 'up'); // 1795428000001
 * parseTimestamp('2026-11-23T10:00:00');             // undefined: no offset
 * parseTimestamp('2026-02-30T10:00:00Z');            // undefined: no such date
 * ```
 */
export function parseTimestamp(text: unknown, round: Rounding = 'down'): number | undefined {
  // Not a string: a value read again after its check (a getter that answers something else the
  // second time) must not make a caller throw.
  if (typeof text !== 'string') return undefined;
  const n = text.length;
  // 20 (`…:SSZ`) to 35 (nine fraction digits and an offset) characters.
  if (n < 20 || n > 35) return undefined;
  // A small direct-mapped memo: one `evaluate` reads the same strings several times (the visitor
  // check, the facts, the history), and a widget's visitor keeps them from call to call.
  // The slot from the day, hour, minute and second units and the length.
  const slot = ((((text.charCodeAt(9) * 31 + text.charCodeAt(12)) * 31 + text.charCodeAt(15)) * 31 + text.charCodeAt(18)) * 31 + n) & (MEMO_SLOTS - 1);
  // One scan answers both roundings (the visitor check reads `down`, the facts and the history `up`).
  const at = slot * 2 + (round === 'up' ? 1 : 0);
  if (memoText[slot] !== text) {
    const down = scanTimestamp(text, n);
    memoValue[slot * 2] = inRange(down);
    memoValue[slot * 2 + 1] = inRange(scannedBelow ? down + 1 : down);
    memoText[slot] = text;
  }
  const value = memoValue[at] as number;
  return Number.isNaN(value) ? undefined : value;
}

/** Slots of {@link parseTimestamp}'s memo (a power of two), each holding both roundings. */
const MEMO_SLOTS = 256;
const memoText: (string | undefined)[] = new Array<string | undefined>(MEMO_SLOTS);
const memoValue = new Float64Array(MEMO_SLOTS * 2);

/** `ms` when it is an instant this library handles, `NaN` otherwise. */
function inRange(ms: number): number {
  return ms >= MIN_INSTANT && ms <= MAX_INSTANT ? ms : Number.NaN;
}

/** Whether the last {@link scanTimestamp} read non-zero digits below the millisecond. */
let scannedBelow = false;

/**
 * {@link parseTimestamp} without the memo and the range, on a text of length `n` (20–35): epoch
 * ms rounded down, `NaN` when the text is not a timestamp; sets {@link scannedBelow}.
 */
function scanTimestamp(text: string, n: number): number {
  scannedBelow = false;
  const century = twoDigits(text, 0);
  const yy = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  // `-` 45, `T` 84, `:` 58. (-1 fails every range test below.)
  if (!charIs(text, 4, 45) || !charIs(text, 7, 45) || !charIs(text, 10, 84) || !charIs(text, 13, 58) || !charIs(text, 16, 58)) return Number.NaN;
  if (century < 0 || yy < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return Number.NaN;
  const year = century * 100 + yy;
  if (!realDate(year, month, day)) return Number.NaN;
  let i = 19;
  let ms = 0;
  if (charIs(text, i, 46)) {
    // `.` and 1–9 digits: the first three are milliseconds, the rest only round.
    const start = ++i;
    let below = false;
    for (let d = digitAt(text, i); d >= 0 && i - start < 9; d = digitAt(text, ++i)) {
      if (i - start < 3) ms = ms * 10 + d;
      else if (d !== 0) below = true;
    }
    const digits = i - start;
    if (digits === 0) return Number.NaN;
    for (let k = digits; k < 3; k += 1) ms *= 10;
    scannedBelow = below;
  }
  let offset = 0;
  const sign = text.charCodeAt(i);
  if (sign === 90) {
    // `Z`, last.
    if (i + 1 !== n) return Number.NaN;
  } else if (sign === 43 || sign === 45) {
    // `+HH:MM` / `-HH:MM`, last.
    const oh = twoDigits(text, i + 1);
    const om = twoDigits(text, i + 4);
    if (i + 6 !== n || !charIs(text, i + 3, 58) || oh < 0 || oh > 23 || om < 0 || om > 59) return Number.NaN;
    offset = (sign === 45 ? -60_000 : 60_000) * (oh * 60 + om);
  } else {
    return Number.NaN;
  }
  return ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + ms - offset;
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
