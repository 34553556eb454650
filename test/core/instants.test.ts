/**
 * The one instant guard and the date/time formats, against independent oracles: `Date` for the
 * calendar and epoch arithmetic, hand-written cases for the edges.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_INSTANT,
  MIN_INSTANT,
  OPENING_TIME_PATTERN,
  WALL_TIME_PATTERN,
  isoOf,
  parseLocalDate,
  parseTimestamp,
  parseWallTime,
  toInstant,
} from '../../src/core/instants.js';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

describe('calendar checks agree with Date (independent oracle)', () => {
  it('parseLocalDate and parseTimestamp accept exactly the real dates, at the instant Date computes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const real = m >= 1 && m <= 12 && d >= 1 && new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
        const date = `${y}-${pad(m)}-${pad(d)}`;
        expect(parseLocalDate(date) !== undefined).toBe(real);
        const stamp = `${date}T23:59:59.999-09:30`;
        const at = parseTimestamp(stamp);
        const inRange = Date.parse(stamp) >= MIN_INSTANT && Date.parse(stamp) <= MAX_INSTANT;
        expect(at !== undefined).toBe(real && inRange);
        if (at !== undefined) expect(at).toBe(Date.parse(stamp));
      }),
      { numRuns: 1000 },
    );
  });

  it('parseTimestamp gives Date’s instant on every day of the years 1000–9999 (exhaustive: the day count is integer arithmetic)', () => {
    const day = 86_400_000;
    let wrong = 0;
    let first = '';
    for (let t = Date.UTC(1000, 0, 1) + 45_296_789; t <= MAX_INSTANT; t += day) {
      const text = new Date(t).toISOString();
      if (parseTimestamp(text) !== t) {
        wrong += 1;
        first ||= text;
      }
    }
    expect({ wrong, first }).toEqual({ wrong: 0, first: '' });
  });

  it('parseTimestamp gives Date.parse’s instant for any valid offset and fraction', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1000, 0, 2), max: Date.UTC(9999, 11, 30) }),
        fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }),
        fc.integer({ min: 0, max: 3 }),
        (ms, offsetMinutes, fractionDigits) => {
          const whole = ms - (ms % (fractionDigits === 0 ? 1000 : 1));
          const local = new Date(whole + offsetMinutes * 60_000).toISOString().slice(0, fractionDigits === 0 ? 19 : 20 + fractionDigits);
          const sign = offsetMinutes < 0 ? '-' : '+';
          const abs = Math.abs(offsetMinutes);
          const text = `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
          expect(parseTimestamp(text)).toBe(Date.parse(text));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it.each([
    ['2026-11-23T10:00:00Z', true],
    ['2026-11-23T10:00:00.123456789+01:00', true],
    ['2026-11-23T10:00Z', false],
    ['2026-11-23t10:00:00z', false],
    ['2026-11-23T24:00:00Z', false],
    ['2026-11-23T10:00:60Z', false],
    ['2026-11-23T10:00:00+24:00', false],
    ['2026-11-23T10:00:00', false],
    ['2026-11-23T10:00:00.Z', false],
    ['2026-11-23T10:00:00.1234567890Z', false],
    ['2026-11-23', false],
    ['+275760-09-13T00:00:00.000Z', false],
    ['0999-12-31T23:59:59Z', false],
    ['1000-01-01T00:00:00Z', true],
    ['1000-01-01T00:00:00+00:01', false],
    ['9999-12-31T23:59:59.999Z', true],
    ['9999-12-31T23:59:59.999-00:01', false],
  ])('parseTimestamp(%j) is valid: %s', (text, valid) => {
    expect(parseTimestamp(text) !== undefined).toBe(valid);
  });
});

describe('the timestamp scanner accepts exactly the documented pattern', () => {
  // The format as the TSDoc of parseTimestamp writes it: the independent oracle of the scanner.
  const PATTERN = /^(\d{4})-(\d\d)-(\d\d)T([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(?:\.(\d{1,9}))?(?:Z|([+-])([01]\d|2[0-3]):([0-5]\d))$/;
  /** What the pattern and the calendar say: the epoch ms (rounded down), or undefined. */
  function oracle(text: string): number | undefined {
    const m = PATTERN.exec(text);
    if (m === null) return undefined;
    const [y, mo, d, h, mi, sec] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
    if (y < 1000 || new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d || mo < 1 || mo > 12) return undefined;
    const ms = Number((m[7] ?? '').slice(0, 3).padEnd(3, '0'));
    const offset = m[8] === undefined ? 0 : (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10])) * 60_000;
    const epoch = Date.UTC(y, mo - 1, d, h, mi, sec, ms) - offset;
    return epoch >= MIN_INSTANT && epoch <= MAX_INSTANT ? epoch : undefined;
  }
  const alphabet = fc.constantFrom(...'0123456789-:.TZtz+ 1295'.split(''));
  /** Valid-looking timestamps with one to three characters replaced, inserted or removed. */
  const mutated = fc
    .tuple(
      fc.constantFrom('2026-11-23T10:00:00Z', '2026-02-28T23:59:59.123456789+05:45', '1000-01-01T00:00:00.5-00:00', '9999-12-31T23:59:59.999Z', '2024-02-29T12:30:00.000000001-12:00'),
      fc.array(fc.tuple(fc.nat(40), fc.constantFrom('replace', 'insert', 'delete'), alphabet), { maxLength: 3 }),
    )
    .map(([base, edits]) => {
      let text: string = base;
      for (const [at, op, ch] of edits) {
        const i = at % (text.length + 1);
        text = op === 'replace' ? text.slice(0, i) + ch + text.slice(i + 1) : op === 'insert' ? text.slice(0, i) + ch + text.slice(i) : text.slice(0, i) + text.slice(i + 1);
      }
      return text;
    });
  it('on mutated timestamps and on random strings', () => {
    fc.assert(
      fc.property(fc.oneof(mutated, fc.string({ unit: alphabet, maxLength: 36 })), (text) => {
        expect(parseTimestamp(text)).toBe(oracle(text));
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('digits below the millisecond never reach a threshold early', () => {
  it('round down for now, up for the instants thresholds count from', () => {
    const base = Date.UTC(2026, 10, 23, 10);
    expect(parseTimestamp('2026-11-23T10:00:00.0005Z', 'down')).toBe(base);
    expect(parseTimestamp('2026-11-23T10:00:00.0005Z', 'up')).toBe(base + 1);
    expect(parseTimestamp('2026-11-23T10:00:00.000000001Z', 'up')).toBe(base + 1);
    expect(parseTimestamp('2026-11-23T10:00:00.0000Z', 'up')).toBe(base);
    expect(parseTimestamp('2026-11-23T10:00:00.9999Z', 'down')).toBe(base + 999);
  });

  it('each rounding is held to the range on its own (one scan answers both)', () => {
    // MAX_INSTANT is 9999-12-31T23:59:59.999Z: rounded up, a digit below it leaves the range.
    expect(parseTimestamp('9999-12-31T23:59:59.9991Z', 'down')).toBe(MAX_INSTANT);
    expect(parseTimestamp('9999-12-31T23:59:59.9991Z', 'up')).toBeUndefined();
    // One millisecond before MIN_INSTANT (1000-01-01T00:00:00.000Z) rounded down; MIN_INSTANT rounded up.
    expect(parseTimestamp('1000-01-01T00:00:59.9995+00:01', 'down')).toBeUndefined();
    expect(parseTimestamp('1000-01-01T00:00:59.9995+00:01', 'up')).toBe(MIN_INSTANT);
    // The other order: up first, then down, from the memo.
    expect(parseTimestamp('9999-12-31T23:59:59.9992Z', 'up')).toBeUndefined();
    expect(parseTimestamp('9999-12-31T23:59:59.9992Z', 'down')).toBe(MAX_INSTANT);
  });
});

describe('the timestamp memo never changes an answer', () => {
  it('strings that share a slot, both roundings, valid and invalid, asked in any order, agree with Date.parse', () => {
    // Same day, hour, minute and second units and length: the same slot of the memo.
    const texts = ['2026-11-23T10:00:00.0005Z', '2016-01-13T20:10:10.0005Z', '2026-11-33T10:00:00.0005Z', '1996-05-03T00:40:30.0005Z'];
    const expected = (text: string, round: 'up' | 'down'): number | undefined => {
      const ms = Date.parse(text.replace('.0005Z', '.000Z'));
      return Number.isNaN(ms) ? undefined : ms + (round === 'up' ? 1 : 0);
    };
    const asks = fc.sample(fc.tuple(fc.constantFrom(...texts), fc.constantFrom('up' as const, 'down' as const)), { numRuns: 2_000, seed: 20261201 });
    for (const [text, round] of asks) expect(parseTimestamp(text, round)).toBe(expected(text, round));
    // A string of another content at the same slot, then the first one again.
    expect(parseTimestamp(texts[0] as string, 'up')).toBe(Date.UTC(2026, 10, 23, 10) + 1);
    expect(parseTimestamp(texts[2] as string, 'up')).toBeUndefined();
    expect(parseTimestamp(texts[0] as string, 'up')).toBe(Date.UTC(2026, 10, 23, 10) + 1);
  });
});

describe('toInstant: the one guard', () => {
  const at = Date.UTC(2026, 10, 23, 10);
  it.each<[string, unknown, number | undefined]>([
    ['epoch ms', at, at],
    ['a Date', new Date(at), at],
    ['an ISO string with Z', '2026-11-23T10:00:00Z', at],
    ['an ISO string with an offset', '2026-11-23T11:00:00+01:00', at],
    ['fractional epoch ms (rounded down)', at + 0.9, at],
    ['NaN', Number.NaN, undefined],
    ['Infinity', Number.POSITIVE_INFINITY, undefined],
    ['8.64e15 (the Date maximum, beyond year 9999)', 8.64e15, undefined],
    ['an invalid Date', new Date(Number.NaN), undefined],
    ['a timestamp without an offset', '2026-11-23T10:00:00', undefined],
    ['null', null, undefined],
    ['undefined', undefined, undefined],
    ['an object', {}, undefined],
    ['an object pretending to be a Date', { getTime: () => at }, undefined],
    ['a boolean', true, undefined],
  ])('%s', (_name, value, expected) => {
    expect(toInstant(value)).toBe(expected);
  });

  it('every accepted instant writes back as a timestamp the guard accepts', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_INSTANT, max: MAX_INSTANT }), (ms) => {
        expect(toInstant(isoOf(ms))).toBe(ms);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on anything', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const result = toInstant(value);
        expect(result === undefined || (Number.isInteger(result) && result >= MIN_INSTANT && result <= MAX_INSTANT)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('wall-clock times', () => {
  it('the documented patterns accept exactly what parseWallTime accepts (JSON Schema pin)', () => {
    const wall = new RegExp(WALL_TIME_PATTERN);
    const opening = new RegExp(OPENING_TIME_PATTERN);
    for (let h = 0; h <= 99; h += 1) {
      for (const m of [0, 1, 30, 59, 60, 99]) {
        const text = `${pad(h)}:${pad(m)}`;
        const minutes = parseWallTime(text);
        expect(wall.test(text), text).toBe(minutes !== undefined);
        expect(opening.test(text), text).toBe(minutes !== undefined && minutes < 1440);
      }
    }
    for (const text of ['9:00', '09:0', '0900', '09:00 ', '', '24:00:00']) {
      expect(parseWallTime(text)).toBeUndefined();
      expect(wall.test(text)).toBe(false);
    }
  });
});
