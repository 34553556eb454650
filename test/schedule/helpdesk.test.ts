import { describe, expect, it } from 'vitest';
import { fromHelpDeskSchedule, isOpen, nextChange } from '../../src/index.js';

const day = (n: number) => n * 1440;

/** A realistic help-desk export: US support in New York time, with a Friday night shift. */
const exported = {
  time_zone: 'Eastern Time (US & Canada)',
  intervals: [
    ...[1, 2, 3, 4].map((d) => ({ start_time: day(d) + 8 * 60, end_time: day(d) + 20 * 60 })), // Mon–Thu 08:00–20:00
    { start_time: day(5) + 8 * 60, end_time: day(6) + 2 * 60 }, // Fri 08:00 → Sat 02:00
    { start_time: day(6) + 10 * 60, end_time: day(6) + 14 * 60 }, // Sat 10:00–14:00
  ],
  holidays: [
    { name: 'Thanksgiving', start_date: '2026-11-26', end_date: '2026-11-27' },
    { name: 'Christmas', start_date: '2026-12-25', end_date: '2026-12-25' },
  ],
};

describe('fromHelpDeskSchedule', () => {
  it('converts Zendesk-style minutes from Sunday 00:00 (Monday 09:00–17:00 is 1980–2460)', () => {
    const result = fromHelpDeskSchedule({ time_zone: 'Europe/Berlin', intervals: [{ start_time: 1980, end_time: 2460 }] });
    expect(result).toEqual({ ok: true, value: { timezone: 'Europe/Berlin', weekly: [{ day: 'mon', open: '09:00', close: '17:00' }], holidays: [] } });
  });

  it('splits an interval crossing midnight into one interval per local day', () => {
    const result = fromHelpDeskSchedule({ time_zone: 'UTC', intervals: [{ start_time: day(5) + 22 * 60, end_time: day(6) + 120 }] });
    expect(result.ok && result.value.weekly).toEqual([
      { day: 'fri', open: '22:00', close: '24:00' },
      { day: 'sat', open: '00:00', close: '02:00' },
    ]);
  });

  it('wraps an interval ending at 10080 to Sunday 00:00 and one passing it into Sunday', () => {
    const result = fromHelpDeskSchedule({
      time_zone: 'UTC',
      intervals: [{ start_time: 9720, end_time: 10080 }, { start_time: 9960, end_time: 10200 }],
    });
    expect(result.ok && result.value.weekly).toEqual([
      { day: 'sat', open: '18:00', close: '24:00' },
      { day: 'sat', open: '22:00', close: '24:00' },
      { day: 'sun', open: '00:00', close: '02:00' },
    ]);
  });

  it('maps Rails-style zone names and keeps holidays as inclusive dates', () => {
    const result = fromHelpDeskSchedule(exported);
    expect(result.ok && result.value.timezone).toBe('America/New_York');
    expect(result.ok && result.value.holidays).toEqual([
      { name: 'Thanksgiving', start: '2026-11-26', end: '2026-11-27' },
      { name: 'Christmas', start: '2026-12-25', end: '2026-12-25' },
    ]);
  });

  it('answers a realistic schedule as worked out by hand (EST, -05:00)', () => {
    const result = fromHelpDeskSchedule(exported);
    if (!result.ok) throw new Error('import failed');
    const schedule = result.value;
    // Wed 2026-11-25 19:59 EST = 2026-11-26T00:59Z: open; closes 20:00 EST = 01:00Z.
    expect(isOpen(schedule, Date.parse('2026-11-26T00:59:00Z'))).toStrictEqual({ ok: true, value: true });
    expect(nextChange(schedule, Date.parse('2026-11-26T00:59:00Z'))).toStrictEqual({ ok: true, value: Date.parse('2026-11-26T01:00:00Z') });
    // Thanksgiving Thu–Fri closed, but Fri's shift runs past midnight: Sat 00:00–02:00 EST is open
    // (holidays mask dates), i.e. 2026-11-28T05:00Z–07:00Z.
    expect(nextChange(schedule, Date.parse('2026-11-26T01:00:00Z'))).toStrictEqual({ ok: true, value: Date.parse('2026-11-28T05:00:00Z') });
    expect(nextChange(schedule, Date.parse('2026-11-28T05:00:00Z'))).toStrictEqual({ ok: true, value: Date.parse('2026-11-28T07:00:00Z') });
    // Then Sat 10:00–14:00 EST = 15:00Z–19:00Z, then Mon 08:00 EST = 13:00Z.
    expect(nextChange(schedule, Date.parse('2026-11-28T07:00:00Z'))).toStrictEqual({ ok: true, value: Date.parse('2026-11-28T15:00:00Z') });
    expect(nextChange(schedule, Date.parse('2026-11-28T19:00:00Z'))).toStrictEqual({ ok: true, value: Date.parse('2026-11-30T13:00:00Z') });
  });

  it('reports invalid input as issues, never throws', () => {
    const result = fromHelpDeskSchedule({
      time_zone: 'Mars/Olympus',
      intervals: [{ start_time: 100, end_time: 50 }, { start_time: 1.5, end_time: 20 }, { start_time: 10080, end_time: 10100 }, 'x'],
      holidays: [{ start_date: '2026-02-30', end_date: '2026-03-01' }, { start_date: '2026-03-02', end_date: '2026-03-01' }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['time_zone', 'invalidFormat'],
      ['intervals.0.end_time', 'invalidRange'],
      ['intervals.1.start_time', 'invalidType'],
      ['intervals.2.start_time', 'tooBig'],
      ['intervals.3', 'invalidType'],
      ['holidays.0.start_date', 'invalidFormat'],
      ['holidays.1.end_date', 'invalidRange'],
    ]);
    expect(fromHelpDeskSchedule(null).ok).toBe(false);
    expect(fromHelpDeskSchedule({ time_zone: 'UTC', intervals: 'all day' }).ok).toBe(false);
  });

  it('keeps a bounded, short issue for a huge or deep zone value (0.1 stringified it)', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 5_000; i += 1) deep = [deep];
    for (const zone of [deep, 'x'.repeat(200_000)]) {
      const result = fromHelpDeskSchedule({ time_zone: zone, intervals: [] });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issues[0]?.message.length).toBeLessThan(200);
    }
  });

  it('ignores the other keys a help desk sends (ids, names, dates)', () => {
    const result = fromHelpDeskSchedule({
      id: 42,
      name: 'Support hours',
      time_zone: 'Europe/Berlin',
      created_at: '2026-01-01T00:00:00Z',
      intervals: [{ start_time: 1980, end_time: 2460, id: 1 }],
      holidays: [{ id: 7, name: 'Christmas', start_date: '2026-12-24', end_date: '2026-12-26', created_at: 'x' }],
    });
    expect(result).toStrictEqual({
      ok: true,
      value: { timezone: 'Europe/Berlin', weekly: [{ day: 'mon', open: '09:00', close: '17:00' }], holidays: [{ name: 'Christmas', start: '2026-12-24', end: '2026-12-26' }] },
    });
  });
});
