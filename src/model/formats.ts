/**
 * Date and time formats of the wire format, as plain functions (no zod): used by the parsers'
 * runtime validator (`check.ts`) and by the zod schemas.
 * @module
 */

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether year-month-day (from regex groups) is a real proleptic Gregorian date. */
function isRealDate(year: string | undefined, month: string | undefined, day: string | undefined): boolean {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
  return d <= days;
}

/**
 * Whether `text` is an ISO-8601 / RFC 3339 timestamp with seconds and `Z` or an offset, on a
 * real calendar date.
 * @example
 * ```ts
 * isIsoTimestamp('2026-11-23T10:00:00Z'); // true
 * isIsoTimestamp('2026-02-30T10:00:00Z'); // false
 * ```
 */
export function isIsoTimestamp(text: string): boolean {
  const match = TIMESTAMP.exec(text);
  return match !== null && isRealDate(match[1], match[2], match[3]);
}

/**
 * Whether `text` is a real calendar date `YYYY-MM-DD`.
 * @example
 * ```ts
 * isLocalDate('2028-02-29'); // true
 * isLocalDate('2026-02-29'); // false
 * ```
 */
export function isLocalDate(text: string): boolean {
  const match = LOCAL_DATE.exec(text);
  return match !== null && isRealDate(match[1], match[2], match[3]);
}
