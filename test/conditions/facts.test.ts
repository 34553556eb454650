import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_FACTS, compileConditions, evaluate, readFacts, type Message } from '../../src/index.js';
import { FACT_INDEX, factValue, primaryLanguage, readMetadata } from '../../src/conditions/facts.js';
import type { ConditionNode, Visitor } from '../../src/core/types.js';
import { message } from '../evaluate/fixtures.js';
import { baseVisitor, NOW } from './reference.js';
import { revoked, throwingAt, trapsThrow } from '../helpers/unreadable.js';

describe('readFacts', () => {
  it('derives every fact of the SPEC visitor', () => {
    const f = readFacts(baseVisitor(), NOW);
    expect(f).toMatchObject({
      pageUrl: 'https://shop.example/pricing',
      pageTitle: 'pricing',
      referrer: 'https://search.example/',
      language: 'en',
      visitorType: 'returning',
      deviceType: 'desktop',
      timeOnPage: 45,
      timeOnSite: 120,
      pageViews: 3,
      visitCount: 2,
    });
    expect(factValue(f, 'metadata.cartValue')).toBe(120);
  });

  it('Facts.values holds every built-in fact in BUILT_IN_FACTS order', () => {
    for (const visitor of [baseVisitor(), baseVisitor({ language: null, deviceType: 'tablet', metadata: {} })]) {
      const f = readFacts(visitor, NOW);
      expect(f.values).toHaveLength(BUILT_IN_FACTS.length);
      for (const name of BUILT_IN_FACTS) expect(f.values[FACT_INDEX[name]]).toBe(f[name]);
    }
  });

  it.each([
    [0, 0],
    [999, 0],
    [1_000, 1],
    [30_999, 30],
    [31_000, 31],
    [-5_000, 0],
  ])('timeOnPage after %i ms is %i s (clock skew reads as 0)', (elapsedMs, seconds) => {
    const enteredAt = new Date(NOW - elapsedMs).toISOString();
    const visitor = baseVisitor({ page: { ...baseVisitor().page, enteredAt } });
    expect(readFacts(visitor, NOW).timeOnPage).toBe(seconds);
  });

  it.each([
    ['en-US', 'en'],
    ['EN', 'en'],
    ['pt_BR', 'pt'],
    ['zh-Hant-TW', 'zh'],
    ['', undefined],
    ['-US', undefined],
    ['_', undefined],
    ['x', 'x'],
    ['en--GB', 'en'],
    ['de_', 'de'],
  ])('language %s reads as %s', (locale, expected) => {
    expect(primaryLanguage(locale)).toBe(expected);
  });

  it('reads visitorType from visit.number', () => {
    const at = (number: number) => readFacts(baseVisitor({ visit: { ...baseVisitor().visit, number } }), NOW).visitorType;
    expect([at(1), at(2), at(7), at(0)]).toEqual(['new', 'returning', 'returning', undefined]);
  });

  it('language of any string is its text up to the first - or _, lower-cased (the split oracle)', () => {
    // The oracle is the regular-expression form the scan replaced.
    const oracle = (locale: string): string | undefined => locale.split(/[-_]/, 1)[0]?.toLowerCase() || undefined;
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'Z', 'é', '-', '_', '1', ' ', 'İ'), maxLength: 12 }), (locale) => {
        expect(primaryLanguage(locale)).toBe(oracle(locale));
      }),
      { numRuns: 2000 },
    );
  });

  it('language of a non-string locale is missing', () => {
    expect([primaryLanguage(5), primaryLanguage(null), primaryLanguage(undefined)]).toEqual([undefined, undefined, undefined]);
  });

  it('reads a metadata value that throws (getter or proxy trap) as missing', () => {
    const getter = Object.defineProperty({ seats: 3 }, 'plan', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const trap = new Proxy({}, { getOwnPropertyDescriptor: () => { throw new Error('boom'); } });
    expect(readMetadata(getter, 'plan')).toBeUndefined();
    expect(readMetadata(getter, 'seats')).toBe(3);
    expect(readMetadata(trap, 'plan')).toBeUndefined();
    expect(factValue(readFacts(baseVisitor({ metadata: getter }), NOW), 'metadata.plan')).toBeUndefined();
  });

  it('reads metadata own properties only; reserved keys never resolve', () => {
    const metadata = JSON.parse('{"__proto__":"p","constructor":"c","prototype":"x","plan":"pro"}') as Record<string, string>;
    const f = readFacts(baseVisitor({ metadata }), NOW);
    expect(factValue(f, 'metadata.plan')).toBe('pro');
    expect(factValue(f, 'metadata.__proto__')).toBeUndefined();
    expect(factValue(f, 'metadata.constructor')).toBeUndefined();
    expect(factValue(f, 'metadata.prototype')).toBeUndefined();
    expect(factValue(readFacts(baseVisitor(), NOW), 'metadata.toString')).toBeUndefined();
    expect(factValue(readFacts(baseVisitor(), NOW), 'metadata.hasOwnProperty')).toBeUndefined();
  });

  it('reads facts of unexpected types as missing instead of throwing', () => {
    const weird = {
      ...baseVisitor(),
      page: { url: 42, title: null, referrer: 7, enteredAt: 'yesterday' },
      visit: { number: 'two', pageViews: Number.NaN, startedAt: null },
      language: 5,
      deviceType: 'toaster',
      metadata: 'nope',
    } as unknown as Visitor;
    const f = readFacts(weird, NOW);
    expect([f.pageUrl, f.pageTitle, f.referrer, f.language, f.deviceType, f.visitorType, f.timeOnPage, f.timeOnSite, f.pageViews, f.visitCount]).toEqual(
      Array.from({ length: 10 }, () => undefined),
    );
    expect(factValue(f, 'metadata.plan')).toBeUndefined();
  });

  it('reads a visitor it cannot read (a throwing getter, a Proxy whose traps throw, a revoked Proxy) as missing facts instead of throwing', () => {
    const missing = Array.from({ length: 10 }, () => undefined);
    for (const visitor of [throwingAt(baseVisitor(), 'page'), throwingAt(baseVisitor(), 'language'), trapsThrow(baseVisitor()), revoked(baseVisitor())]) {
      const f = readFacts(visitor, NOW);
      expect(f.values).toEqual(missing);
      expect(f.visitor).toBe(visitor);
      expect(f.nowMs).toBe(NOW);
      expect(factValue(f, 'metadata.plan')).toBeUndefined();
    }
  });
});

describe('readFacts reads timestamps with the library\'s own rule', () => {
  const withTimes = (enteredAt: string, startedAt = '2026-11-23T09:58:00Z'): Visitor =>
    baseVisitor({ page: { ...baseVisitor().page, enteredAt }, visit: { ...baseVisitor().visit, startedAt } });

  it('a timestamp without an offset is unreadable (never host-local time): time facts are missing', () => {
    const f = readFacts(withTimes('2026-11-23T09:59:15', '2026-11-23T09:58:00'), NOW);
    expect([f.timeOnPage, f.timeOnSite]).toEqual([undefined, undefined]);
    expect([f.pageEnteredAtMs, f.visitStartedAtMs]).toEqual([Number.NaN, Number.NaN]);
  });

  it('reads offsets and rejects impossible dates', () => {
    expect(readFacts(withTimes('2026-11-23T10:59:15+01:00'), NOW).timeOnPage).toBe(45);
    expect(readFacts(withTimes('2026-11-23T04:29:15-05:30'), NOW).timeOnPage).toBe(45);
    expect(readFacts(withTimes('2026-02-30T09:59:15Z'), NOW).timeOnPage).toBeUndefined();
    expect(readFacts(withTimes('2026-11-23T09:59Z'), NOW).timeOnPage).toBeUndefined();
  });

  it('rounds digits below the millisecond up for enteredAt and startedAt', () => {
    const f = readFacts(withTimes('2026-11-23T10:00:00.0005Z', '2026-11-23T09:58:00.000000001Z'), NOW);
    expect(f.pageEnteredAtMs).toBe(Date.parse('2026-11-23T10:00:00.001Z'));
    expect(f.visitStartedAtMs).toBe(Date.parse('2026-11-23T09:58:00.001Z'));
    // Zeros below the millisecond are no digits to round.
    expect(readFacts(withTimes('2026-11-23T10:00:00.000000Z'), NOW).pageEnteredAtMs).toBe(NOW);
  });
});

// Issue 12: 0.1 dropped the digits below the millisecond, so time on page read 30 s at 29.9995 s
// and a 30 s trigger fired early. A threshold is never reached early now.
describe('sub-millisecond digits: a 30 s threshold from enteredAt 10:00:00.0005Z', () => {
  const ENTERED = '2026-11-23T10:00:00.0005Z';
  const BEFORE = Date.parse('2026-11-23T10:00:30.000Z');
  const AFTER = Date.parse('2026-11-23T10:00:30.001Z');
  const visitor = baseVisitor({ page: { ...baseVisitor().page, enteredAt: ENTERED } });
  const condition: ConditionNode = { fact: 'timeOnPage', operator: 'greaterThanInclusive', value: 30 };

  it('timeOnPage greaterThanInclusive 30: not reached at 10:00:30.000Z, reached at 10:00:30.001Z', () => {
    const compiled = compileConditions(condition);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
    expect(readFacts(visitor, BEFORE).timeOnPage).toBe(29);
    expect(compiled.value.test(readFacts(visitor, BEFORE))).toBe(false);
    expect(compiled.value.nextTimeChange(readFacts(visitor, BEFORE))).toBe(AFTER);
    expect(readFacts(visitor, AFTER).timeOnPage).toBe(30);
    expect(compiled.value.test(readFacts(visitor, AFTER))).toBe(true);
  });

  it.each([
    ['a 30 s trigger', { trigger: { event: 'timeOnPage', seconds: 30 } }],
    ['a timeOnPage greaterThanInclusive 30 condition', { conditions: condition }],
  ] as const)('evaluate with %s: nothing at 10:00:30.000Z (ask again at .001), shown at 10:00:30.001Z', (_name, overrides) => {
    const messages: Message[] = [message('m', overrides as Partial<Message>)];
    const before = evaluate(visitor, messages, BEFORE);
    expect([before.message, before.eligible, before.reevaluateAt, before.invalidInput]).toEqual([null, [], AFTER, null]);
    // `now` as a string rounds down: 30.0009 s is still before the threshold.
    expect(evaluate(visitor, messages, '2026-11-23T10:00:30.0009Z').message).toBeNull();
    const after = evaluate(visitor, messages, AFTER);
    expect([after.message?.id, after.eligible]).toEqual(['m', ['m']]);
  });
});

// Issue 12: a device clock slightly ahead of the server puts `page.enteredAt` after `now`. Time on
// page then reads 0 (never negative), and a page-load message is eligible at once — it does not
// wait for the skew to pass.
describe('clock skew: page.enteredAt slightly after now', () => {
  const skewed = baseVisitor({ page: { ...baseVisitor().page, enteredAt: '2026-11-23T10:00:02Z' } });

  it('time on page reads 0', () => {
    expect(readFacts(skewed, NOW).timeOnPage).toBe(0);
  });

  it('a page-load message is eligible at once', () => {
    const d = evaluate(skewed, [message('m')], NOW);
    expect([d.message?.id, d.eligible, d.invalidInput]).toEqual(['m', ['m'], null]);
  });
});
