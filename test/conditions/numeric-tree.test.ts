/**
 * A residual tree of number comparisons kept as numbers (`numericTree` + `runNumeric`) answers
 * exactly what its closures (`compileUntil`) answer — verdict and certainty — on random trees of
 * the four comparisons over the time and count facts, random visitors and instants (the time on
 * page and on site a little past, at and before the thresholds, or unknown). Any other tree stays
 * closures.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConditionNode } from '../../src/index.js';
import { compileUntil, numericTree, placeNumeric, runNumeric } from '../../src/conditions/until.js';
import { readFacts } from '../../src/conditions/facts.js';
import { KIT_NOW_MS, factsVisitorArb } from '../../src/testing/index.js';

const FACTS = ['timeOnPage', 'timeOnSite', 'visitCount', 'pageViews'] as const;
const OPERATORS = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'] as const;

const leafArb: fc.Arbitrary<ConditionNode> = fc.record({
  fact: fc.constantFrom(...FACTS),
  operator: fc.constantFrom(...OPERATORS),
  // Whole and fractional thresholds around the facts' values (seconds up to ≈ 110, counts 1–6).
  value: fc.oneof(fc.integer({ min: -2, max: 120 }), fc.double({ min: -2, max: 120, noNaN: true, noDefaultInfinity: true })),
});

const treeArb: fc.Arbitrary<ConditionNode> = fc.letrec<{ node: ConditionNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafArb,
    fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((all): ConditionNode => ({ all })),
    fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((any): ConditionNode => ({ any })),
    tie('node').map((not): ConditionNode => ({ not })),
  ),
})).node;

describe('residual trees kept as numbers', () => {
  it('answer as their closures do, verdict and certainty', () => {
    fc.assert(
      fc.property(treeArb, factsVisitorArb(), fc.integer({ min: -5_000, max: 90_000 }), (tree, visitor, shift) => {
        const code = numericTree(tree);
        expect(code).not.toBeNull();
        const facts = readFacts(visitor, KIT_NOW_MS + shift);
        expect(runNumeric(code as readonly number[], 0, facts)).toBe(compileUntil(tree)(facts));
      }),
      { numRuns: 3000 },
    );
  });

  it('answer as their closures do when the times are unknown (an unparseable page or visit instant)', () => {
    fc.assert(
      fc.property(treeArb, factsVisitorArb(), (tree, visitor) => {
        const v = { ...visitor, page: { ...visitor.page, enteredAt: 'never' }, visit: { ...visitor.visit, startedAt: 'never' } };
        const facts = readFacts(v, KIT_NOW_MS);
        expect(facts.timeOnPage).toBeUndefined();
        expect(runNumeric(numericTree(tree) as readonly number[], 0, facts)).toBe(compileUntil(tree)(facts));
      }),
      { numRuns: 500 },
    );
  });

  it('a program read from the middle of a longer array answers the same', () => {
    fc.assert(
      fc.property(treeArb, treeArb, factsVisitorArb(), (a, b, visitor) => {
        const first = numericTree(a) as readonly number[];
        const p = [...first, ...(numericTree(b) as number[])];
        const facts = readFacts(visitor, KIT_NOW_MS + 20_000);
        expect(runNumeric(p, first.length, facts)).toBe(compileUntil(b)(facts));
      }),
      { numRuns: 300 },
    );
  });

  it('any other tree keeps its closures', () => {
    const others: ConditionNode[] = [
      { fact: 'language', operator: 'equal', value: 'en' },
      { fact: 'visitCount', operator: 'equal', value: 2 },
      { fact: 'metadata.cartValue', operator: 'greaterThan', value: 100 },
      { all: [{ fact: 'timeOnPage', operator: 'greaterThan', value: 30 }, { fact: 'pageUrl', operator: 'containsAnyOf', value: ['/pricing'] }] },
      { not: { any: [{ fact: 'pageViews', operator: 'lessThan', value: 3 }, { fact: 'deviceType', operator: 'equal', value: 'mobile' }] } },
    ];
    for (const tree of others) expect(numericTree(tree)).toBeNull();
    expect(numericTree({ any: [{ fact: 'timeOnPage', operator: 'greaterThan', value: 30 }, { fact: 'visitCount', operator: 'greaterThanInclusive', value: 2 }] })).not.toBeNull();
  });

  it('one store shared by content: equal trees, of one list or of two, are placed once; past its bound a new store begins', () => {
    const a = numericTree({ fact: 'timeOnPage', operator: 'greaterThan', value: 30 }) as readonly number[];
    const b = numericTree({ fact: 'visitCount', operator: 'lessThan', value: 3 }) as readonly number[];
    const one = placeNumeric([a, b, a]);
    expect(one.at[0]).toBe(one.at[2]);
    expect(one.store.slice(one.at[1], (one.at[1] as number) + b.length)).toEqual(b);
    const two = placeNumeric([b]);
    expect(two.store).toBe(one.store);
    expect(two.at[0]).toBe(one.at[1]);
    // A call that takes the store past its bound still goes to it; the next begins a new store,
    // and the old one stays as it was for the lists that read it.
    const big = new Array<number>(1 << 18).fill(0);
    const three = placeNumeric([big]);
    expect(three.store).toBe(one.store);
    const before = one.store.length;
    const four = placeNumeric([a]);
    expect(four.store).not.toBe(one.store);
    expect(four.at[0]).toBe(0);
    expect(one.store.length).toBe(before);
    expect(four.store.slice(0, a.length)).toEqual(a);
  });
});
