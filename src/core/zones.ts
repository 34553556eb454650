/**
 * IANA time zones as this runtime's `Intl` knows them: validity, and one formatter per zone
 * (shared by the validity check and the offset arithmetic of `schedule/offset.ts`).
 *
 * The cache is bounded and evicting (least recently used, approximated by a second chance: a hit
 * only sets a flag, the hot path of every schedule lookup), keyed by the canonical zone name
 * `Intl` resolves (`europe/berlin` and `Europe/Berlin` share one entry), and never filled by
 * invalid names: a backend validating thousands of junk names leaves no trace, and the zones
 * used later still get their cached formatter.
 *
 * Ground floor: imports nothing.
 * @module
 */

/** What the library keeps per zone: its formatter and recently answered offsets. */
export interface ZoneEntry {
  readonly name: string;
  readonly format: Intl.DateTimeFormat;
  /** Offsets by instant, bounded by `schedule/offset.ts`. */
  readonly offsets: Map<number, number>;
  /** Used since it was last passed over for eviction. */
  used: boolean;
}

/** Most zones kept (real accounts use a handful; the bound only matters under attack). */
const MAX_ZONES = 256;
/** Canonical name → entry, oldest first (a `Map` iterates in insertion order). */
const byCanonical = new Map<string, ZoneEntry>();
/** Name as given → canonical name, for valid names only; bounded with the entries. */
const aliases = new Map<string, string>();

function formatterFor(zone: string): Intl.DateTimeFormat | null {
  try {
    return new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    return null;
  }
}

/** The last valid name asked and its entry. */
let lastName: string | null = null;
let lastEntry: ZoneEntry | null = null;

/** Marks `entry` used, remembered as the entry of `zone`. */
function touch(entry: ZoneEntry, zone: string): ZoneEntry {
  entry.used = true;
  lastName = zone;
  lastEntry = entry;
  return entry;
}

/** Evicts one entry: the oldest not used since it was last passed over (used ones move to the end). */
function evictOne(): void {
  for (;;) {
    const [name, oldest] = byCanonical.entries().next().value as [string, ZoneEntry];
    byCanonical.delete(name);
    if (!oldest.used) {
      for (const [alias, target] of aliases) if (target === name) aliases.delete(alias);
      return;
    }
    oldest.used = false;
    byCanonical.set(name, oldest);
  }
}

/**
 * The zone's entry, or `null` when this runtime's `Intl` does not know `zone`. Names longer
 * than 64 characters are never looked up.
 * @example
 * ```ts
 * zoneEntry('europe/berlin')?.name; // 'Europe/Berlin'
 * zoneEntry('Mars/Olympus');        // null
 * ```
 */
export function zoneEntry(zone: string): ZoneEntry | null {
  // The last name asked, first: an account asks for its one zone on every call. (An entry
  // evicted since is still right for its name, and is kept alive only until another is asked.)
  if (zone === lastName) return touch(lastEntry as ZoneEntry, zone);
  const canonical = aliases.get(zone);
  if (canonical !== undefined) {
    const hit = byCanonical.get(canonical);
    if (hit !== undefined) return touch(hit, zone);
  }
  if (zone.length === 0 || zone.length > 64) return null;
  const format = formatterFor(zone);
  if (format === null) return null;
  const name = format.resolvedOptions().timeZone;
  let entry = byCanonical.get(name);
  if (entry === undefined) {
    entry = { name, format, offsets: new Map(), used: false };
    if (byCanonical.size >= MAX_ZONES) evictOne();
    byCanonical.set(name, entry);
  }
  if (aliases.size >= MAX_ZONES * 4) aliases.clear();
  aliases.set(zone, name);
  return touch(entry, zone);
}

/**
 * Whether `zone` is an IANA time-zone name this runtime's `Intl` knows (e.g. `Europe/Berlin`).
 * @example
 * ```ts
 * isValidTimeZone('Europe/Berlin'); // true
 * isValidTimeZone('Mars/Olympus');  // false
 * ```
 */
export function isValidTimeZone(zone: string): boolean {
  return zoneEntry(zone) !== null;
}

/**
 * How many zones the cache holds (for tests of its bound).
 * @example
 * ```ts
 * cachedZoneCount() <= 256; // true
 * ```
 */
export function cachedZoneCount(): number {
  return byCanonical.size;
}
