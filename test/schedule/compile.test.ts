import { describe, expect, it } from 'vitest';
import { compileSchedule, isOpen, nextChange } from '../../src/index.js';
import type { Schedule } from '../../src/index.js';

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
      ['timezone', 'invalidTimeZone'],
      ['weekly.0.day', 'invalidDay'],
      ['weekly.0.open', 'invalidTime'],
      ['weekly.0.close', 'invalidTime'],
      ['weekly.1.open', 'invalidTime'],
      ['weekly.1.close', 'invalidTime'],
      ['weekly.2', 'invalidSchedule'],
      ['holidays.0.start', 'invalidDate'],
      ['holidays.1.end', 'holidayEndsBeforeStart'],
    ]);
  });

  it('rejects non-objects, missing arrays and oversized lists without throwing', () => {
    for (const bad of [null, 42, 'x', [], { timezone: 'UTC' }, { timezone: 'UTC', weekly: {}, holidays: [] }]) {
      expect(compileSchedule(bad as unknown as Schedule).ok).toBe(false);
    }
    const many = { timezone: 'UTC', weekly: Array.from({ length: 501 }, () => ({ day: 'mon', open: '09:00', close: '10:00' })), holidays: [] };
    const result = compileSchedule(many as Schedule);
    expect(!result.ok && result.issues[0]?.code).toBe('tooManyIntervals');
  });

  it('fails closed in the convenience functions: invalid schedule → closed and null', () => {
    const invalid = { ...berlin, timezone: 'Nowhere/Special' };
    expect(isOpen(invalid, Date.parse('2026-11-23T10:00:00Z'))).toBe(false);
    expect(nextChange(invalid, Date.parse('2026-11-23T10:00:00Z'))).toBeNull();
  });

  it('fails closed for invalid instants and instants outside the years 1000–9999', () => {
    for (const at of [NaN, Infinity, new Date('nope'), -8.64e15, 8.64e15]) {
      expect(isOpen(berlin, at)).toBe(false);
      expect(nextChange(berlin, at)).toBeNull();
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
    expect(isOpen(berlin, at)).toBe(isOpen(berlin, at.getTime()));
    expect(nextChange(berlin, at)).toBe(Date.parse('2026-11-23T16:00:00Z'));
  });
});
