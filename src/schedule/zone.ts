import { zoneEntry } from './offset.js';

/**
 * Whether `zone` is an IANA time-zone name this runtime's `Intl` knows (e.g. `Europe/Berlin`).
 * Results are memoised per name (with the zone's formatter, which `offsetAt` then reuses).
 * @example
 * ```ts
 * isValidTimeZone('Europe/Berlin'); // true
 * isValidTimeZone('Mars/Olympus'); // false
 * ```
 */
export function isValidTimeZone(zone: string): boolean {
  return zoneEntry(zone) !== null;
}
