import { describe, expect, it } from 'vitest';
import { compileSchedule, isOpen, nextChange } from '../../src/index.js';
import type { Schedule } from '../../src/index.js';
import { holds, prepareSchedule } from '../../src/schedule/prepare.js';

const berlin: Schedule = {
  timezone: 'Europe/Berlin',
  weekly: [{ day: 'mon', open: '09:00', close: '17:00' }],
  holidays: [{ name: 'Christmas', start: '2026-12-24', end: '2026-12-26' }],
};

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

describe('compileSchedule validation', () => {
  it('reports every malformed part with a path and a stable code', () => {
    const result = compileSchedule({
      timezone: 'Europe/Atlantis',
      weekly: [
        { day: 'monday', open: '9:00', close: '25:00' },
        { day: 'tue', open: '24:00', close: '17:60' },
        'x',
      ],
      holidays: [{ start: '2026-13-01', end: '2026-12-24' }, { start: '2026-12-26', end: '2026-12-24' }],
    } as unknown as Schedule);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['timezone', 'invalidFormat'],
      ['weekly.0.day', 'invalidValue'],
      ['weekly.0.open', 'invalidFormat'],
      ['weekly.0.close', 'invalidFormat'],
      ['weekly.1.open', 'invalidFormat'],
      ['weekly.1.close', 'invalidFormat'],
      ['weekly.2', 'invalidType'],
      ['holidays.0.start', 'invalidFormat'],
      ['holidays.1.end', 'invalidRange'],
    ]);
    expect(result.issues.map((i) => i.params)).toContainEqual({ format: 'timeZone' });
    expect(result.issues.map((i) => i.params)).toContainEqual({ format: 'openingTime' });
  });

  it('rejects non-objects, missing arrays and oversized lists without throwing', () => {
    for (const bad of [null, 42, 'x', [], { timezone: 'UTC' }, { timezone: 'UTC', weekly: {}, holidays: [] }]) {
      expect(compileSchedule(bad as unknown as Schedule).ok).toBe(false);
    }
    const many = { timezone: 'UTC', weekly: Array.from({ length: 71 }, () => ({ day: 'mon', open: '09:00', close: '10:00' })), holidays: [] };
    const result = compileSchedule(many as Schedule);
    expect(!result.ok && result.issues[0]).toMatchObject({ code: 'tooBig', path: ['weekly'], params: { maximum: 70, unit: 'items' } });
  });

  it('an invalid schedule is a failed result with its issues under "schedule"', () => {
    const invalid = { ...berlin, timezone: 'Nowhere/Special' };
    expect(isOpen(invalid, Date.parse('2026-11-23T10:00:00Z'))).toMatchObject({ ok: false, issues: [{ path: ['schedule', 'timezone'], code: 'invalidFormat' }] });
    expect(nextChange(invalid, Date.parse('2026-11-23T10:00:00Z'))).toMatchObject({ ok: false, issues: [{ path: ['schedule', 'timezone'] }] });
  });

  it('an invalid instant is invalidInstant, never a silent "closed" (NaN, Infinity, an invalid Date, beyond the years 1000–9999, no offset)', () => {
    for (const at of [NaN, Infinity, new Date('nope'), -8.64e15, 8.64e15, '2026-11-23T10:00:00', null, {}]) {
      expect(isOpen(berlin, at as number)).toMatchObject({ ok: false, issues: [{ path: ['now'], code: 'invalidInstant' }] });
      expect(nextChange(berlin, at as number)).toMatchObject({ ok: false, issues: [{ path: ['now'], code: 'invalidInstant' }] });
    }
  });

  it('the prepared schedule answers closed with no change ahead outside the years 1000–9999', () => {
    const compiled = compileSchedule(berlin);
    if (!compiled.ok) throw new Error('compile failed');
    for (const at of [NaN, Infinity, -8.64e15, 8.64e15]) {
      expect(compiled.value.isOpen(at)).toBe(false);
      expect(compiled.value.nextChange(at)).toBeNull();
    }
  });
});

describe('compileSchedule caching', () => {
  it('memoises by schedule identity', () => {
    expect(compileSchedule(berlin)).toBe(compileSchedule(berlin));
    expect(compileSchedule({ ...berlin })).not.toBe(compileSchedule(berlin));
  });

  it('answers the same when queried backwards, forwards and cold (the cached stretch never leaks)', () => {
    const times = Array.from({ length: 60 }, (_, i) => Date.parse('2026-11-23T00:00:00Z') + i * 3_600_000 * 5.3);
    const forwards = compileSchedule({ ...berlin });
    const backwards = compileSchedule({ ...berlin });
    if (!forwards.ok || !backwards.ok) throw new Error('compile failed');
    const a = times.map((t) => [forwards.value.isOpen(t), forwards.value.nextChange(t)]);
    const b = [...times].reverse().map((t) => [backwards.value.isOpen(t), backwards.value.nextChange(t)]).reverse();
    const cold = times.map((t) => {
      const c = compileSchedule({ ...berlin });
      return c.ok ? [c.value.isOpen(t), c.value.nextChange(t)] : [];
    });
    expect(a).toEqual(cold);
    expect(b).toEqual(cold);
    expect(a.filter(([open]) => open).length).toBeGreaterThan(1);
  });

  it('never mutates a deep-frozen schedule', () => {
    const frozen = deepFreeze(structuredClone(berlin));
    expect(() => isOpen(frozen, Date.parse('2026-11-23T10:00:00Z'))).not.toThrow();
    expect(frozen).toEqual(berlin);
  });

  it('ignores the holiday name and accepts Date or epoch ms alike', () => {
    const at = new Date('2026-11-23T08:30:00Z');
    expect(isOpen(berlin, at)).toStrictEqual(isOpen(berlin, at.getTime()));
    expect(isOpen(berlin, '2026-11-23T09:30:00+01:00')).toStrictEqual(isOpen(berlin, at.getTime()));
    expect(nextChange(berlin, at)).toStrictEqual({ ok: true, value: Date.parse('2026-11-23T16:00:00Z') });
  });
});

describe('the prepared engine (one object with its last stretch)', () => {
  // Monday 2026-11-23, Berlin on UTC+1: open 08:00Z–16:00Z.
  const at = (iso: string): number => Date.parse(iso);

  it('answers instants asked out of order, including just before a stretch it holds, and past the years it answers for', () => {
    const engine = prepareSchedule(berlin);
    const asked: [string, boolean, number | null][] = [
      ['2026-11-23T12:00:00Z', true, at('2026-11-23T16:00:00Z')],
      ['2026-11-23T08:00:00Z', true, at('2026-11-23T16:00:00Z')],
      ['2026-11-23T07:59:59.999Z', false, at('2026-11-23T08:00:00Z')],
      ['2026-11-23T16:00:00Z', false, at('2026-11-30T08:00:00Z')],
      ['2026-11-23T12:00:00Z', true, at('2026-11-23T16:00:00Z')],
    ];
    for (const [iso, open, next] of asked) {
      expect([iso, engine.isOpen(at(iso)), engine.nextChange(at(iso))]).toEqual([iso, open, next]);
      expect(holds(engine, at(iso))).toBe(true);
      expect([engine.open, engine.until]).toEqual([open, next]);
    }
    // Year 10000: closed, nothing ahead.
    const late = Date.UTC(10000, 0, 3, 10);
    expect([engine.isOpen(late), engine.nextChange(late), holds(engine, late)]).toEqual([false, null, false]);
  });

  it('keeps working with its functions taken off the object', () => {
    const { isOpen: open, nextChange: next } = prepareSchedule(berlin);
    expect(open(at('2026-11-23T12:00:00Z'))).toBe(true);
    expect(next(at('2026-11-23T12:00:00Z'))).toBe(at('2026-11-23T16:00:00Z'));
  });
});

describe('a compiled schedule is its own object', () => {
  it('freezing what compileSchedule returned leaves evaluate, which prepares the same schedule object, working', async () => {
    const { evaluate } = await import('../../src/index.js');
    const { message, visitor } = await import('../evaluate/fixtures.js');
    const result = compileSchedule(berlin);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    Object.freeze(result.value);
    expect(Object.keys(result.value).sort()).toEqual(['isOpen', 'nextChange']);
    const m = message('m1', { sendWindow: { type: 'businessHours', schedule: berlin } });
    // Monday 2026-11-23 12:00Z is 13:00 in Berlin: open.
    const d = evaluate(visitor(), [m], Date.parse('2026-11-23T12:00:00Z'));
    expect(d.message?.id).toBe('m1');
    expect(result.value.isOpen(Date.parse('2026-11-23T12:00:00Z'))).toBe(true);
  });
});
