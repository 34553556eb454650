import { describe, expect, it } from 'vitest';

/** The host zone this project is meant to run in (set by vitest.config.ts), if any. */
const intended = process.env.SCHEDULE_HOST_ZONE;

/** Offset in minutes east of UTC that `Intl` reports for `zone` at `instant`. */
function intlOffsetMinutes(zone: string, instant: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
  }).formatToParts(instant);
  const field = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return (Date.UTC(field('year'), field('month') - 1, field('day'), field('hour') % 24, field('minute')) - instant) / 60_000;
}

describe('host time zone of this test project', () => {
  it.runIf(intended !== undefined)('is really the zone the project names, so the TZ matrix cannot silently run in UTC', () => {
    const zone = intended ?? 'UTC';
    // Compare canonical names: ICU may spell Asia/Kathmandu as Asia/Katmandu.
    const canonical = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(canonical);
    for (const [y, m] of [[2026, 0], [2026, 6]] as const) {
      const local = new Date(y, m, 1, 12);
      expect(0 - local.getTimezoneOffset()).toBe(0 + intlOffsetMinutes(zone, local.getTime()));
    }
  });

  it.runIf(intended !== undefined && intended !== 'UTC')('differs from UTC (a host-dependent bug would show here)', () => {
    expect(new Date(2026, 0, 1).getTimezoneOffset()).not.toBe(0);
  });
});
