/**
 * The Rails-style zone names of `fromHelpDeskSchedule` are the whole `ActiveSupport::TimeZone::MAPPING`.
 *
 * `rails-time-zone-mapping.rb` beside this file is a verbatim excerpt of rails/rails
 * `activesupport/lib/active_support/values/time_zone.rb` at commit
 * 2a2db1e8d6d104ee0611efcae7eb023af65cff34 (2026-08-22): the independent copy the table in
 * `src/schedule/rails-zones.ts` must equal, name for name and target for target.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromHelpDeskSchedule, isOpen } from '../../src/index.js';
import { RAILS_ZONE_NAMES } from '../../src/schedule/rails-zones.js';

/** Number of entries of `MAPPING` at the Rails commit above (its own comment says "154 zones"). */
const RAILS_MAPPING_SIZE = 154;

const railsSource = readFileSync(new URL('./rails-time-zone-mapping.rb', import.meta.url), 'utf8');
/** `[name, IANA]` pairs of the Rails source, in its order. */
const railsMapping = [...railsSource.matchAll(/^\s+"([^"]+)"\s+=> "([^"]+)",?$/gm)].map(
  ([, name, zone]) => [name ?? '', zone ?? ''] as const,
);

/** Monday 09:00–17:00, in minutes from Sunday 00:00. */
const mondayNineToFive = [{ start_time: 1980, end_time: 2460 }];

describe('Rails zone names (ActiveSupport::TimeZone::MAPPING)', () => {
  it('the Rails excerpt parses to the pinned number of entries, with no name twice', () => {
    expect(railsMapping).toHaveLength(RAILS_MAPPING_SIZE);
    expect(new Set(railsMapping.map(([name]) => name)).size).toBe(RAILS_MAPPING_SIZE);
  });

  it('the library table is exactly the Rails mapping: every name, the same targets, the same order', () => {
    expect(Object.entries(RAILS_ZONE_NAMES)).toEqual(railsMapping);
  });

  it.each(railsMapping)('%s converts to %s, a zone Intl.DateTimeFormat accepts', (name, zone) => {
    expect(() => new Intl.DateTimeFormat('en-US', { timeZone: zone })).not.toThrow();
    const result = fromHelpDeskSchedule({ time_zone: name, intervals: mondayNineToFive });
    expect(result).toEqual({
      ok: true,
      value: { timezone: zone, weekly: [{ day: 'mon', open: '09:00', close: '17:00' }], holidays: [] },
    });
  });
});

describe('fromHelpDeskSchedule zone names', () => {
  // Issue 15: these names were rejected with invalidTimeZone while the table held ~40 names.
  it.each([
    ['Seoul', 'Asia/Seoul'],
    ['Beijing', 'Asia/Shanghai'],
    ['Hong Kong', 'Asia/Hong_Kong'],
    ['Kolkata', 'Asia/Kolkata'],
    ['New Delhi', 'Asia/Kolkata'],
    ['Mumbai', 'Asia/Kolkata'],
    ['Brasilia', 'America/Sao_Paulo'],
    ['Mexico City', 'America/Mexico_City'],
    ['Auckland', 'Pacific/Auckland'],
    ['Jakarta', 'Asia/Jakarta'],
    ['Cairo', 'Africa/Cairo'],
    ['International Date Line West', 'Etc/GMT+12'],
    ['Mid-Atlantic', 'Atlantic/South_Georgia'],
    ['Kyiv', 'Europe/Kyiv'],
  ])('regression: the common help-desk name %s is accepted and maps to %s', (name, zone) => {
    const result = fromHelpDeskSchedule({ time_zone: name, intervals: mondayNineToFive });
    expect(result.ok && result.value.timezone).toBe(zone);
  });

  it('a converted Rails zone keeps its real offset (Seoul +09:00, International Date Line West −12:00)', () => {
    const seoul = fromHelpDeskSchedule({ time_zone: 'Seoul', intervals: mondayNineToFive });
    const dateLineWest = fromHelpDeskSchedule({ time_zone: 'International Date Line West', intervals: mondayNineToFive });
    if (!seoul.ok || !dateLineWest.ok) throw new Error('import failed');
    // Monday 2026-11-30 09:00 in Seoul is 00:00Z; 09:00 at UTC−12 is 21:00Z.
    expect(isOpen(seoul.value, Date.parse('2026-11-29T23:59:00Z'))).toStrictEqual({ ok: true, value: false });
    expect(isOpen(seoul.value, Date.parse('2026-11-30T00:00:00Z'))).toStrictEqual({ ok: true, value: true });
    expect(isOpen(dateLineWest.value, Date.parse('2026-11-30T20:59:00Z'))).toStrictEqual({ ok: true, value: false });
    expect(isOpen(dateLineWest.value, Date.parse('2026-11-30T21:00:00Z'))).toStrictEqual({ ok: true, value: true });
  });

  it.each(['seoul', 'Seoul ', 'Asia', 'hasOwnProperty', 'constructor', '__proto__', 'toString'])(
    'rejects %j: names match exactly and only as own entries of the table',
    (name) => {
      const result = fromHelpDeskSchedule({ time_zone: name, intervals: mondayNineToFive });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issues.map((i) => i.code)).toEqual(['invalidFormat']);
    },
  );
});
