import { describe, expect, it } from 'vitest';
import { BUILT_IN_FACTS, FACT_INDEX, factValue, primaryLanguage, readFacts, readMetadata } from '../../src/conditions/index.js';
import type { Visitor } from '../../src/model/types.js';
import { baseVisitor, NOW } from './reference.js';

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
});
