/**
 * Send-window claims against the business-hours engine at random instants — around DST
 * transitions, inside holidays and anywhere: a window lint calls always open is open, one that
 * never opens is closed, one that closes for good is closed from then on and open just before,
 * and a window lint calls contained in another is never open while the other is closed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOpen, type Schedule, type SendWindow } from '../../src/index.js';
import { parseLocalDate } from '../../src/core/instants.js';
import { firstOpening, windowContained, windowFacts, windowOpenAt } from '../../src/lint/windows.js';
import { instantArb, instantNearDstArb, KIT_TIME_ZONES, scheduleArb, weeklyIntervalArb, holidayArb } from '../../src/testing/index.js';

const DAY = 86_400_000;
const ALL_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

function open(window: SendWindow, at: number): boolean {
  if (window.type === 'anytime') return true;
  const result = isOpen(window.schedule, at);
  if (!result.ok) throw new Error('invalid schedule');
  return result.value === (window.type === 'businessHours');
}

/** Instants in the holidays of a schedule (every hour of each, a few days either side). */
function aroundHolidays(schedule: Schedule): number[] {
  return schedule.holidays.flatMap(({ start, end }) => {
    const from = (parseLocalDate(start) as number) * DAY - DAY;
    const to = ((parseLocalDate(end) as number) + 2) * DAY;
    const out: number[] = [];
    for (let t = from; t < to && out.length < 200; t += 3_600_000 + 17_000) out.push(t);
    return out;
  });
}

const windowArb = (zone: fc.Arbitrary<string>): fc.Arbitrary<SendWindow> =>
  fc.tuple(zone, fc.constantFrom('businessHours' as const, 'outsideBusinessHours' as const), fc.nat()).chain(([z, type, pick]) =>
    fc.oneof(
      scheduleArb({ zones: [z] }),
      // Shapes that never open, always open or close for good.
      fc.constant<Schedule>({ timezone: z, weekly: [], holidays: [] }),
      fc.constant<Schedule>({ timezone: z, weekly: ALL_DAYS.map((day) => ({ day, open: '00:00', close: '24:00' })), holidays: [] }),
      fc.constant<Schedule>({ timezone: z, weekly: ALL_DAYS.map((day) => ({ day, open: '00:00', close: '24:00' })), holidays: [{ start: '2026-03-27', end: '2026-03-30' }] }),
      fc.constant<Schedule>({ timezone: z, weekly: [{ day: ALL_DAYS[pick % 7] as 'mon', open: '22:00', close: '02:30' }], holidays: [{ start: '2026-10-25', end: '9999-12-31' }] }),
    ).map((schedule): SendWindow => ({ type, schedule })),
  );

const instantsArb = fc.array(fc.oneof(instantNearDstArb(), instantArb({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2029, 0, 1) })), { minLength: 30, maxLength: 30 });

describe('send-window claims', () => {
  it('always open, never open and closes-for-good hold at random instants', () => {
    let claims = 0;
    fc.assert(
      fc.property(windowArb(fc.constantFrom(...KIT_TIME_ZONES)), instantsArb, (window, instants) => {
        const facts = windowFacts(window);
        if (window.type === 'anytime') return;
        const probes = [...instants, ...aroundHolidays(window.schedule)];
        if (facts.alwaysOpen) {
          claims += 1;
          for (const t of probes) expect(open(window, t)).toBe(true);
        }
        if (facts.never !== null) {
          claims += 1;
          for (const t of probes) expect(open(window, t)).toBe(false);
        }
        if (facts.closesAt !== null) {
          claims += 1;
          expect(open(window, facts.closesAt - 1)).toBe(true);
          for (const t of probes) if (t >= facts.closesAt) expect(open(window, t)).toBe(false);
          for (const later of [0, DAY, 30 * DAY, 400 * DAY]) expect(open(window, facts.closesAt + later)).toBe(false);
        }
      }),
      { numRuns: 600 },
    );
    expect(claims).toBeGreaterThan(150);
  });

  it('containment: a window lint calls inside another is never open while the other is closed', () => {
    let claims = 0;
    const zone = fc.constantFrom(...KIT_TIME_ZONES);
    // `outer` is often `inner` widened: more weekly hours, fewer holidays; or the complement's shape.
    const pairArb = fc.tuple(windowArb(zone), fc.array(weeklyIntervalArb(), { maxLength: 3 }), fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), fc.array(holidayArb(), { maxLength: 2 }), fc.nat()).map(
      ([inner, more, keep, extraHolidays, pick]): [SendWindow, SendWindow] => {
        if (inner.type === 'anytime') return [inner, inner];
        const s = inner.schedule;
        const widened: Schedule = {
          timezone: s.timezone,
          weekly: [...s.weekly, ...more],
          holidays: s.holidays.filter((_, i) => keep[i % 4]),
        };
        const narrowed: Schedule = { timezone: s.timezone, weekly: s.weekly.filter((_, i) => keep[i % 4]), holidays: [...s.holidays, ...extraHolidays] };
        switch (pick % 4) {
          case 0:
            return [inner, { type: inner.type, schedule: inner.type === 'businessHours' ? widened : narrowed }];
          case 1:
            return [inner, { type: 'outsideBusinessHours', schedule: { ...s, weekly: more, holidays: extraHolidays } }];
          case 2:
            // A holiday the outer window has and the inner one has not (never contained when it matters).
            return [inner, { type: inner.type, schedule: { ...widened, holidays: [...widened.holidays, ...extraHolidays] } }];
          default:
            return [inner, { type: inner.type, schedule: narrowed }];
        }
      },
    );
    fc.assert(
      fc.property(pairArb, instantsArb, ([inner, outer], instants) => {
        if (!windowContained(inner, outer)) return;
        claims += 1;
        const probes = [...instants];
        if (outer.type !== 'anytime') probes.push(...aroundHolidays(outer.schedule));
        if (inner.type !== 'anytime') {
          probes.push(...aroundHolidays(inner.schedule));
          // Every boundary of the inner window over two weeks, and the instants either side.
          let t = instants[0] as number;
          for (let i = 0; i < 40; i += 1) {
            const next = firstOpening(inner, t + 1);
            if (next === null) break;
            probes.push(next - 1, next, next + 1);
            t = next + 60_000;
          }
        }
        for (const t of probes) if (windowOpenAt(inner, t)) expect(open(outer, t), `at ${new Date(t).toISOString()}`).toBe(true);
      }),
      { numRuns: 800 },
    );
    expect(claims).toBeGreaterThan(200);
  });

  it('a Berlin night across the spring-forward jump is contained in a wider one and not in a narrower one', () => {
    const night = (open: string, close: string): SendWindow => ({ type: 'businessHours', schedule: { timezone: 'Europe/Berlin', weekly: [{ day: 'sat', open, close }], holidays: [] } });
    expect(windowContained(night('22:00', '06:00'), night('21:00', '07:00'))).toBe(true);
    expect(windowContained(night('22:00', '06:00'), night('23:00', '07:00'))).toBe(false);
    // 02:30 does not exist on 2026-03-29: the inner window closes at the jump, still inside.
    expect(windowContained(night('22:00', '02:30'), night('22:00', '03:00'))).toBe(true);
    expect(open(night('22:00', '02:30'), Date.UTC(2026, 2, 29, 0, 59))).toBe(true);
    expect(open(night('22:00', '02:30'), Date.UTC(2026, 2, 29, 1, 0))).toBe(false);
  });
});
