import { describe, expect, it } from 'vitest';
import { BUILT_IN_FACTS, compileConditions, readFacts, type Facts } from '../../src/index.js';
import type { ConditionNode, Visitor } from '../../src/core/types.js';
import { deepFreeze } from '../../src/testing/index.js';
import { baseVisitor, NOW } from './reference.js';

const SECOND = 1_000;
const enteredAt = (secondsAgo: number): Visitor => {
  const base = baseVisitor();
  return { ...base, page: { ...base.page, enteredAt: new Date(NOW - secondsAgo * SECOND).toISOString() } };
};
const compile = (tree: ConditionNode | null) => {
  const result = compileConditions(tree);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
};

describe('compileConditions', () => {
  it('null tree: every visitor qualifies, nothing ever changes', () => {
    const c = compile(null);
    expect(c.test(readFacts(baseVisitor(), NOW))).toBe(true);
    expect(c.nextTimeChange(readFacts(baseVisitor(), NOW))).toBeNull();
  });

  it('re-compiling the same tree object is a cache hit', () => {
    const tree: ConditionNode = { all: [{ fact: 'pageViews', operator: 'greaterThan', value: 1 }, { fact: 'language', operator: 'equal', value: 'en' }] };
    const first = compileConditions(tree);
    const second = compileConditions(tree);
    expect(first.ok && second.ok && first.value === second.value).toBe(true);
    const copy = compileConditions(structuredClone(tree));
    expect(copy.ok && first.ok && copy.value !== first.value).toBe(true);
  });

  it('fails closed with every issue of the one tree checker (data and text)', () => {
    const result = compileConditions({ all: [{ fact: 'pageUrl', operator: 'greaterThan', value: 3 }, { fact: 'metadata.__proto__', operator: 'equal', value: 'x' }] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map(({ path, code }) => [path, code])).toEqual([
      [['all', 0, 'operator'], 'invalidValue'],
      [['all', 1, 'fact'], 'reservedKey'],
    ]);
    // The operators a text fact allows, in table order.
    expect(result.issues[0]?.params).toEqual({
      allowed: ['equal', 'notEqual', 'in', 'notIn', 'containsAnyOf', 'doesNotContainAnyOf', 'startsWith', 'endsWith', 'matchesWildcard'],
    });
    for (const issue of result.issues) expect(issue.message.length).toBeGreaterThan(0);
  });

  it('never throws on facts of unexpected shape', () => {
    const c = compile({ all: [{ fact: 'metadata.plan', operator: 'equal', value: 'pro' }, { fact: 'timeOnPage', operator: 'greaterThan', value: 3 }] });
    const hostile = new Proxy({} as Facts, {
      get() {
        throw new Error('boom');
      },
    });
    expect(c.test(hostile)).toBe(false);
    expect(c.nextTimeChange(hostile)).toBeNull();
    expect(c.test({ metadata: 'x', timeOnPage: '40' } as unknown as Facts)).toBe(false);
    // A time that is not a number reads as a missing fact (no coercion of '40' to 40).
    const time = compile({ fact: 'timeOnPage', operator: 'greaterThan', value: 3 });
    const textTime = { ...readFacts(baseVisitor(), NOW), timeOnPage: '40' } as unknown as Facts;
    expect(time.test(textTime)).toBe(false);
    expect(time.nextTimeChange(textTime)).toBeNull();
    expect(c.test(null as unknown as Facts)).toBe(false);
  });

  it('runs cheaper children first: a cheap false leaf spares the expensive one', () => {
    const urlIndex = BUILT_IN_FACTS.indexOf('pageUrl');
    /** Facts whose `pageUrl` slot counts its reads (the compiled leaves read `Facts.values`). */
    const spied = (visitor: Visitor) => {
      const facts = readFacts(visitor, NOW);
      const counter = { reads: 0 };
      const values = [...facts.values];
      Object.defineProperty(values, urlIndex, {
        get: () => {
          counter.reads += 1;
          return facts.values[urlIndex];
        },
      });
      return { facts: { ...facts, values } as Facts, counter };
    };
    const tree = (visitCount: number): ConditionNode => ({
      all: [{ fact: 'pageUrl', operator: 'containsAnyOf', value: ['/a', '/b', '/c'] }, { fact: 'visitCount', operator: 'equal', value: visitCount }],
    });
    const cheapFalse = spied(baseVisitor());
    expect(compile(tree(99)).test(cheapFalse.facts)).toBe(false);
    expect(cheapFalse.counter.reads).toBe(0);
    // The spy does see reads: with the cheap leaf true, the URL leaf runs.
    const cheapTrue = spied(baseVisitor());
    expect(compile(tree(2)).test(cheapTrue.facts)).toBe(false);
    expect(cheapTrue.counter.reads).toBe(1);
  });

  // Issue 12: 0.1 memoised shared leaves by writing into the facts; on deep-frozen facts that
  // write threw inside the guard, so `test` answered `false` whatever the verdict.
  it('a compiled test on deep-frozen facts returns the right verdict (not false)', () => {
    const holds = compile({ all: [{ fact: 'language', operator: 'in', value: ['en', 'de'] }, { fact: 'pageUrl', operator: 'containsAnyOf', value: ['/pricing'] }] });
    const fails = compile({ any: [{ fact: 'language', operator: 'equal', value: 'fr' }, { fact: 'pageViews', operator: 'greaterThan', value: 10 }] });
    const negated = compile({ not: { fact: 'deviceType', operator: 'equal', value: 'mobile' } });
    const facts = deepFreeze(readFacts(baseVisitor(), NOW));
    expect(Object.isFrozen(facts.values)).toBe(true);
    expect([holds.test(facts), fails.test(facts), negated.test(facts)]).toEqual([true, false, true]);
    // Asked twice (nothing memoised), and the same as on unfrozen facts.
    expect(holds.test(facts)).toBe(true);
    const fresh = readFacts(baseVisitor(), NOW);
    expect([holds.test(fresh), fails.test(fresh), negated.test(fresh)]).toEqual([true, false, true]);
  });

  // Issue 12: 0.1's compiled closures held the input's own list, so editing the tree after
  // compiling changed what the compiled form answered.
  it('compiled closures do not hold the input lists', () => {
    const languages = ['fr'];
    const pages = [1, 2, 4];
    const tree: ConditionNode = { any: [{ fact: 'language', operator: 'in', value: languages }, { fact: 'pageViews', operator: 'in', value: pages }] };
    const c = compile(tree);
    const facts = () => readFacts(baseVisitor(), NOW); // language en, page views 3
    expect(c.test(facts())).toBe(false);
    languages.push('en');
    pages.push(3);
    expect(c.test(facts())).toBe(false);
  });
});

describe('nextTimeChange', () => {
  const at = (tree: ConditionNode, secondsOnPage: number) => compile(tree).nextTimeChange(readFacts(enteredAt(secondsOnPage), NOW));
  const entered = (secondsOnPage: number) => NOW - secondsOnPage * SECOND;

  it.each([
    ['greaterThan 30 flips at +31 s', { fact: 'timeOnPage', operator: 'greaterThan', value: 30 }, 10, 31],
    ['greaterThanInclusive 30 flips at +30 s', { fact: 'timeOnPage', operator: 'greaterThanInclusive', value: 30 }, 10, 30],
    ['lessThan 30 flips at +30 s', { fact: 'timeOnPage', operator: 'lessThan', value: 30 }, 10, 30],
    ['lessThanInclusive 30 flips at +31 s', { fact: 'timeOnPage', operator: 'lessThanInclusive', value: 30 }, 10, 31],
    ['greaterThan 29.5 flips at +30 s', { fact: 'timeOnPage', operator: 'greaterThan', value: 29.5 }, 10, 30],
    ['equal 30 flips at +30 s', { fact: 'timeOnPage', operator: 'equal', value: 30 }, 10, 30],
    ['equal 30 flips back at +31 s', { fact: 'timeOnPage', operator: 'equal', value: 30 }, 30, 31],
    ['in [30, 31, 40] stays true through 31, flips at +32 s', { fact: 'timeOnPage', operator: 'in', value: [30, 31, 40] }, 30, 32],
    ['notIn [30, 31] flips at +30 s', { fact: 'timeOnPage', operator: 'notIn', value: [31, 30] }, 10, 30],
    ['clock skew: greaterThan 0 flips at +1 s after entering', { fact: 'timeOnPage', operator: 'greaterThan', value: 0 }, -5, 1],
  ] as const)('%s', (_name, leaf, secondsOnPage, flipsAtSeconds) => {
    expect(at(leaf as ConditionNode, secondsOnPage)).toBe(entered(secondsOnPage) + flipsAtSeconds * SECOND);
  });

  it.each([
    ['greaterThan already true never flips back', { fact: 'timeOnPage', operator: 'greaterThan', value: 30 }, 45],
    ['lessThan already false never flips back', { fact: 'timeOnPage', operator: 'lessThan', value: 30 }, 45],
    ['equal passed never flips again', { fact: 'timeOnPage', operator: 'equal', value: 30 }, 45],
    ['non-integer equal never holds', { fact: 'timeOnPage', operator: 'equal', value: 30.5 }, 10],
    ['all decided by a time-independent false', { all: [{ fact: 'timeOnPage', operator: 'greaterThan', value: 30 }, { fact: 'visitCount', operator: 'equal', value: 99 }] }, 10],
    ['any decided by a time-independent true', { any: [{ fact: 'timeOnPage', operator: 'greaterThan', value: 30 }, { fact: 'visitCount', operator: 'equal', value: 2 }] }, 10],
    ['no time facts', { fact: 'pageUrl', operator: 'containsAnyOf', value: ['/pricing'] }, 10],
  ] as const)('null: %s', (_name, tree, secondsOnPage) => {
    expect(at(tree as ConditionNode, secondsOnPage)).toBeNull();
  });

  it('takes the earliest of page and site changes under not', () => {
    const tree: ConditionNode = { not: { all: [{ fact: 'timeOnPage', operator: 'greaterThan', value: 50 }, { fact: 'timeOnSite', operator: 'greaterThan', value: 125 }] } };
    // On the page 45 s (flip at +51 s → in 6 s); on the site 120 s (flip at +126 s → in 6 s); page entered 10:59:15.
    const siteStart = Date.parse('2026-11-23T09:58:00Z');
    expect(at(tree, 45)).toBe(Math.min(entered(45) + 51 * SECOND, siteStart + 126 * SECOND));
  });
});
