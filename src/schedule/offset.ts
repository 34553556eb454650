/**
 * UTC offsets of an IANA zone at an instant, read through `Intl.DateTimeFormat#formatToParts`.
 *
 * Why not `date-fns-tz`: its `getTimezoneOffset(zone, date)` reads `date` as a *wall-clock* time
 * (through the host's `getHours()` …) and returns the offset of that wall time, not the offset
 * at the instant. Measured over 2026 in 15-minute steps it disagrees with the true offset at
 * 8–102 instants per zone around every transition, and the count changes with the host's zone
 * (Berlin: 8 under `TZ=UTC`, 12 under `TZ=America/New_York`). Its other helpers are documented
 * as wrong near DST. So the module formats the instant itself — the same technique date-fns-tz
 * uses internally — and never touches the host zone.
 * @module
 */

/** One second, minute, hour and day in milliseconds. */
export const SECOND = 1000;
export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

export { zoneEntry } from '../core/zones.js';
import { zoneEntry, type ZoneEntry } from '../core/zones.js';

/**
 * The zone's UTC offset in ms at instant `at` (local wall clock = `at + offsetAt(zone, at)`).
 * `zone` must be valid and `at` inside [{@link MIN_INSTANT}, {@link MAX_INSTANT}].
 * @example
 * ```ts
 * offsetAt('Asia/Kathmandu', Date.UTC(2026, 0, 1)); // 20_700_000 (+05:45)
 * ```
 */
export function offsetAt(zone: string, at: number): number {
  const { format, offsets } = zoneEntry(zone) as ZoneEntry;
  // Many schedules share a zone and are asked about the same instants (same `now`, same
  // boundaries), so remember recent answers per zone. Bounded: cleared when full.
  let offset = offsets.get(at);
  if (offset === undefined) {
    // The format asks for all six fields, so each is present (literal parts are read and ignored).
    const n: Record<string, number> = {};
    for (const part of format.formatToParts(at)) n[part.type] = Number(part.value);
    const wholeSecond = at - (((at % SECOND) + SECOND) % SECOND);
    // Some engines print midnight as 24 even with h23.
    offset = Date.UTC(n.year as number, (n.month as number) - 1, n.day, (n.hour as number) % 24, n.minute, n.second) - wholeSecond;
    if (offsets.size >= 512) offsets.clear();
    offsets.set(at, offset);
  }
  return offset;
}

/**
 * The first instant in `(after, upTo]` whose offset differs from `offsetAt(zone, after)`, to the
 * second (tzdata transitions fall on whole seconds). Assumes one transition in the range.
 * @example
 * ```ts
 * // Berlin springs forward at 01:00 UTC on 2026-03-29.
 * firstTransition('Europe/Berlin', Date.UTC(2026, 2, 28), Date.UTC(2026, 2, 30)); // Date.UTC(2026, 2, 29, 1)
 * ```
 */
export function firstTransition(zone: string, after: number, upTo: number): number {
  const before = offsetAt(zone, after);
  let low = Math.floor(after / SECOND); // offset here is `before`
  let high = Math.ceil(upTo / SECOND); // offset here differs
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (offsetAt(zone, middle * SECOND) === before) low = middle;
    else high = middle;
  }
  return high * SECOND;
}
