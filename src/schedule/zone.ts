const validity = new Map<string, boolean>();

/**
 * Whether `zone` is an IANA time-zone name this runtime's `Intl` knows (e.g. `Europe/Berlin`).
 * Results are memoised per name.
 * @example
 * ```ts
 * isValidTimeZone('Europe/Berlin'); // true
 * isValidTimeZone('Mars/Olympus'); // false
 * ```
 */
export function isValidTimeZone(zone: string): boolean {
  const known = validity.get(zone);
  if (known !== undefined) return known;
  let valid: boolean;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    valid = zone.length > 0;
  } catch {
    valid = false;
  }
  if (validity.size < 1000) validity.set(zone, valid);
  return valid;
}
