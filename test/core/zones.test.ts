import { describe, expect, it } from 'vitest';
import { cachedZoneCount, isValidTimeZone, zoneEntry } from '../../src/core/zones.js';

/** The oracle: what this runtime's `Intl` calls the zone (throws for a name it does not know). */
function canonical(zone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
}

const ALL = Intl.supportedValuesOf('timeZone');

describe('the time-zone cache', () => {
  it('never holds more than 256 zones, and never an invalid name', () => {
    expect(ALL.length).toBeGreaterThan(300);
    for (const zone of ALL) expect(zoneEntry(zone)?.name).toBe(canonical(zone));
    expect(cachedZoneCount()).toBeLessThanOrEqual(256);
    const before = cachedZoneCount();
    for (let i = 0; i < 2_000; i++) expect(isValidTimeZone(`Mars/Crater_${i}`)).toBe(false);
    expect(cachedZoneCount()).toBe(before);
  });

  it('answers every zone right after evictions, the last one asked included', () => {
    const first = 'America/St_Johns';
    expect(zoneEntry(first)?.name).toBe('America/St_Johns');
    // Enough other zones to evict it, then the same name again (the one-name memo of the last
    // lookup is another zone by then), then twice in a row (the memo).
    for (const zone of ALL.slice(0, 300)) zoneEntry(zone);
    expect(zoneEntry(first)?.name).toBe('America/St_Johns');
    expect(zoneEntry(first)?.name).toBe('America/St_Johns');
    // The entry's formatter is the zone's own: 2026-07-01T12:00Z is 09:30 in St. John's (NDT).
    const parts = zoneEntry(first)?.format.formatToParts(Date.UTC(2026, 6, 1, 12)) ?? [];
    expect(parts.filter((p) => p.type === 'hour' || p.type === 'minute').map((p) => p.value)).toEqual(['09', '30']);
  });

  it('reads names as Intl does (case, aliases), and a junk name right after a good one stays junk', () => {
    expect(zoneEntry('europe/berlin')?.name).toBe(canonical('europe/berlin'));
    expect(zoneEntry('Asia/Calcutta')?.name).toBe(canonical('Asia/Calcutta'));
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Europe/Berlin ')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone('x'.repeat(65))).toBe(false);
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
  });
});
