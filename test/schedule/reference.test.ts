import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileSchedule } from '../../src/index.js';
import type { Schedule, WeeklyInterval, Weekday } from '../../src/index.js';
import { MINUTE, referenceStates, scanLocalTimes, transitions } from './reference.js';

/** Zones with DST of every shape: 1 h, 30 min (Lord Howe), 2 h (Troll), at midnight (Santiago, Havana), odd offsets, a skipped day (Apia 2011). */
const ZONES = [
  'America/New_York', 'Europe/Berlin', 'Australia/Sydney', 'Australia/Lord_Howe', 'Pacific/Chatham',
  'America/Santiago', 'America/Havana', 'Antarctica/Troll', 'America/St_Johns', 'Europe/London',
  'Africa/Casablanca', 'Asia/Tehran', 'Pacific/Apia', 'America/Sao_Paulo',
] as const;
const FROM = Date.UTC(2011, 0, 1);
const TO = Date.UTC(2031, 0, 1);
const HALF_WINDOW = 12 * 60; // minutes each side of a transition

const transitionCache = new Map<string, number[]>();
function transitionsOf(zone: string): number[] {
  let list = transitionCache.get(zone);
  if (!list) transitionCache.set(zone, (list = transitions(zone, FROM, TO)));
  return list;
}

/** Checks a schedule against the reference on every minute of the window around `center`. */
function compareAround(schedule: Schedule, center: number, probes: readonly number[]): void {
  const start = center - HALF_WINDOW * MINUTE;
  const count = 2 * HALF_WINDOW;
  const end = start + count * MINUTE;
  const expected = referenceStates(schedule, scanLocalTimes(schedule.timezone, start, count));
  const compiled = compileSchedule(schedule);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
  // nextFlip[i]: the first scanned minute after i whose state differs (undefined: none in the window).
  const nextFlip: (number | undefined)[] = new Array<number | undefined>(count);
  for (let i = count - 2; i >= 0; i--) {
    nextFlip[i] = expected[i + 1] !== expected[i] ? start + (i + 1) * MINUTE : nextFlip[i + 1];
  }
  const nextExpected = (i: number): number | undefined => nextFlip[i];
  const mismatches: string[] = [];
  const agrees = (next: number | undefined, actual: number | null) =>
    next !== undefined ? actual === next : actual === null || actual >= end;
  for (let i = 0; i < count; i++) {
    const at = start + i * MINUTE;
    if (compiled.value.isOpen(at) !== expected[i] || compiled.value.isOpen(at + 37_123) !== expected[i]) {
      mismatches.push(`isOpen at ${new Date(at).toISOString()}: expected ${String(expected[i])}`);
    }
    const actual = compiled.value.nextChange(at);
    if (!agrees(nextExpected(i), actual)) {
      mismatches.push(`nextChange at ${new Date(at).toISOString()}: expected ${String(nextExpected(i))}, got ${String(actual)}`);
    }
    if (mismatches.length > 5) break;
  }
  expect(mismatches, JSON.stringify(schedule)).toEqual([]);
  // Cold queries (no cached stretch, so the skipped/repeated-hour logic runs from scratch): every
  // 7th minute within 3 h of the centre, where the transitions are, plus a few random probes.
  const near: number[] = [];
  for (let i = HALF_WINDOW - 180; i < HALF_WINDOW + 180; i += 7) near.push(i);
  for (const i of [...near, ...probes.map((p) => p % count)]) {
    const fresh = compileSchedule(structuredClone(schedule));
    if (!fresh.ok) throw new Error('fresh compile failed');
    const actual = fresh.value.nextChange(start + i * MINUTE);
    expect(agrees(nextExpected(i), actual), `cold nextChange at ${new Date(start + i * MINUTE).toISOString()}`).toBe(true);
    expect(fresh.value.isOpen(start + i * MINUTE)).toBe(expected[i]);
  }
}

const DAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
/** Times biased toward the hours where clocks jump (00:00–04:00) and toward day edges. */
const timeArb = fc.oneof(
  fc.constantFrom('00:00', '00:30', '01:00', '01:30', '01:45', '02:00', '02:15', '02:30', '02:45', '03:00', '03:30', '03:45', '23:30', '24:00'),
  fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45, 59)).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
);
const intervalArb: fc.Arbitrary<WeeklyInterval> = fc
  .record({ day: fc.constantFrom(...DAYS), open: timeArb, close: timeArb })
  .map((i) => (i.open === '24:00' ? { ...i, open: '00:00' } : i));

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

describe('isOpen / nextChange against a brute-force Intl reference around DST transitions', () => {
  it('finds transitions for every zone in the sample (the reference itself is not empty)', () => {
    for (const zone of ZONES.filter((z) => z !== 'Asia/Tehran' && z !== 'Pacific/Apia')) {
      expect(transitionsOf(zone).length, zone).toBeGreaterThan(10);
    }
    // Samoa skipped 2011-12-30 entirely: local 29th 23:59 is followed by the 31st 00:00.
    expect(transitionsOf('Pacific/Apia')).toContain(Date.UTC(2011, 11, 30, 10));
  });

  it('agrees on an office schedule with boundaries in the jump hours, at the first two transitions of 2025 in every zone', () => {
    const weekly: WeeklyInterval[] = DAYS.flatMap((day) => [
      { day, open: '00:30', close: '01:30' },
      { day, open: '02:30', close: '02:45' },
      { day, open: '09:00', close: '17:00' },
      { day, open: '22:00', close: '00:15' },
    ]);
    for (const zone of ZONES) {
      const sample = transitionsOf(zone).filter((t) => t >= Date.UTC(2025, 0, 1) && t < Date.UTC(2026, 0, 1)).slice(0, 2);
      for (const center of sample) compareAround({ timezone: zone, weekly, holidays: [] }, center, [0]);
    }
  });

  it('agrees on random schedules with holidays near random transitions (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.nat(),
        fc.array(intervalArb, { maxLength: 5 }),
        fc.array(fc.record({ from: fc.integer({ min: -2, max: 1 }), length: fc.integer({ min: 0, max: 1 }) }), { maxLength: 2 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
        (zone, pick, weekly, holidayOffsets, probes) => {
          const list = transitionsOf(zone);
          const center = list[pick % list.length] ?? Date.UTC(2026, 5, 1);
          const holidays = holidayOffsets.map(({ from, length }) => ({
            start: isoDate(center + from * 86_400_000),
            end: isoDate(center + (from + length) * 86_400_000),
          }));
          compareAround({ timezone: zone, weekly, holidays }, center, probes);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('agrees in zones without DST (Kathmandu +05:45, Tokyo) at random instants (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Asia/Kathmandu', 'Asia/Tokyo', 'Asia/Kolkata'),
        fc.integer({ min: Date.UTC(2020, 0, 1) / MINUTE, max: Date.UTC(2030, 0, 1) / MINUTE }),
        fc.array(intervalArb, { maxLength: 5 }),
        (zone, minute, weekly) => compareAround({ timezone: zone, weekly, holidays: [] }, minute * MINUTE, [1]),
      ),
      { numRuns: 8 },
    );
  });
});
