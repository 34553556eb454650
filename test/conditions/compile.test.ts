import { describe, expect, it } from 'vitest';
import { compileConditions, readFacts, type Facts } from '../../src/conditions/index.js';
import type { ConditionNode, Visitor } from '../../src/model/types.js';
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

  it('fails closed with the semantic issues', () => {
    const result = compileConditions({ all: [{ fact: 'pageUrl', operator: 'greaterThan', value: 3 }, { fact: 'metadata.__proto__', operator: 'equal', value: 'x' }] });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((i) => i.code)).toEqual(['operatorNotAllowedForFact', 'reservedMetadataKey']);
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
    expect(c.test(null as unknown as Facts)).toBe(false);
  });

  it('runs cheaper children first: a cheap false leaf spares the expensive one', () => {
    const c = compile({ all: [{ fact: 'pageUrl', operator: 'containsAnyOf', value: ['/a', '/b', '/c'] }, { fact: 'visitCount', operator: 'equal', value: 99 }] });
    const facts = readFacts(baseVisitor(), NOW);
    let urlReads = 0;
    const spy = Object.defineProperty({ ...facts }, 'pageUrl', {
      get: () => {
        urlReads += 1;
        return facts.pageUrl;
      },
    });
    expect(c.test(spy)).toBe(false);
    expect(urlReads).toBe(0);
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
