/**
 * A compiled tree is numbers in a store shared by the lists of a process, with a slot for the test
 * of each leaf that is neither a time leaf nor a comparison of numbers (`compileTree` +
 * `placeTrees` + `runTree`). A
 * tree placed after others, sharing subtrees with them through a memo, answers what the naive
 * reference answers — its slots point at its own tests — and its certainty holds: the verdict is
 * the same until the answered instant, and a single time leaf flips exactly there.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConditionNode } from '../../src/index.js';
import { compileTree, placeTrees, runTree, type UntilMemo } from '../../src/conditions/until.js';
import { readFacts } from '../../src/conditions/facts.js';
import { conditionTreeArb, factsVisitorArb, KIT_NOW_MS } from '../../src/testing/index.js';
import { referenceEvaluate } from './reference.js';

const FACTS = ['timeOnPage', 'timeOnSite', 'visitCount', 'pageViews'] as const;
const OPERATORS = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'equal', 'notEqual'] as const;

/** Number leaves, of every operator a number fact takes, whole and fractional values. */
const numberValue = fc.oneof(fc.integer({ min: -2, max: 120 }), fc.double({ min: -2, max: 120, noNaN: true, noDefaultInfinity: true }));
const numberLeafArb: fc.Arbitrary<ConditionNode> = fc.oneof(
  fc.record({ fact: fc.constantFrom(...FACTS), operator: fc.constantFrom(...OPERATORS), value: numberValue }),
  fc.record({ fact: fc.constantFrom(...FACTS), operator: fc.constantFrom('in' as const, 'notIn' as const), value: fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 4 }) }),
);

const numberTreeArb: fc.Arbitrary<ConditionNode> = fc.letrec<{ node: ConditionNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    numberLeafArb,
    fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((all): ConditionNode => ({ all })),
    fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((any): ConditionNode => ({ any })),
    tie('node').map((not): ConditionNode => ({ not })),
  ),
})).node;

/** Any checked tree of the kit's generator: text, list, enum, metadata and time leaves. */
const anyTreeArb = fc.oneof(numberTreeArb, conditionTreeArb({ maxDepth: 4 }));

describe('compiled trees in one store', () => {
  it('a tree placed after others, sharing their subtrees, answers as the reference (its slots are its own)', () => {
    fc.assert(
      fc.property(fc.array(anyTreeArb, { minLength: 1, maxLength: 4 }), anyTreeArb, factsVisitorArb({ hostileMetadataKeys: true }), fc.integer({ min: -5_000, max: 90_000 }), (before, tree, visitor, shift) => {
        const memo: UntilMemo = new Map();
        const trees = [...before, tree, ...before].map((t) => compileTree(t, memo));
        const placed = placeTrees(trees);
        const nowMs = KIT_NOW_MS + shift;
        const facts = readFacts(visitor, nowMs);
        trees.forEach((_, k) => {
          const source = [...before, tree, ...before][k] as ConditionNode;
          expect(runTree(placed.store, placed.tests, placed.at[k] as number, facts) > 0).toBe(referenceEvaluate(source, visitor, nowMs));
        });
      }),
      { numRuns: 1500 },
    );
  });

  it('the certainty holds: the same verdict until the answered instant (number trees, times near their thresholds)', () => {
    fc.assert(
      fc.property(numberTreeArb, factsVisitorArb(), fc.integer({ min: -5_000, max: 90_000 }), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), (tree, visitor, shift, fraction) => {
        const placed = placeTrees([compileTree(tree)]);
        const nowMs = KIT_NOW_MS + shift;
        const u = runTree(placed.store, placed.tests, placed.at[0] as number, readFacts(visitor, nowMs));
        expect(u).not.toBe(0);
        const verdict = referenceEvaluate(tree, visitor, nowMs);
        expect(u > 0).toBe(verdict);
        const span = Number.isFinite(u) ? Math.abs(u) : 3_600_000;
        for (const at of [nowMs + Math.floor(fraction * span), nowMs + span - 1]) expect(referenceEvaluate(tree, visitor, at)).toBe(verdict);
      }),
      { numRuns: 3000 },
    );
  });

  it('a single time leaf flips exactly at the answered instant, whichever its operator', () => {
    const leaf = numberLeafArb.filter((l) => 'fact' in l && (l.fact === 'timeOnPage' || l.fact === 'timeOnSite'));
    fc.assert(
      fc.property(leaf, factsVisitorArb(), fc.integer({ min: -5_000, max: 90_000 }), (tree, visitor, shift) => {
        const placed = placeTrees([compileTree(tree)]);
        const nowMs = KIT_NOW_MS + shift;
        const u = runTree(placed.store, placed.tests, placed.at[0] as number, readFacts(visitor, nowMs));
        if (!Number.isFinite(u)) return;
        const next = nowMs + Math.abs(u);
        expect(referenceEvaluate(tree, visitor, next)).toBe(u < 0);
        expect(referenceEvaluate(tree, visitor, next - 1)).toBe(u > 0);
      }),
      { numRuns: 1500 },
    );
  });

  it('unknown times (an unparseable page or visit instant) answer the missing fact, for good', () => {
    fc.assert(
      fc.property(numberTreeArb, factsVisitorArb(), (tree, visitor) => {
        const v = { ...visitor, page: { ...visitor.page, enteredAt: 'never' }, visit: { ...visitor.visit, startedAt: 'never' } };
        const placed = placeTrees([compileTree(tree)]);
        const u = runTree(placed.store, placed.tests, placed.at[0] as number, readFacts(v, KIT_NOW_MS));
        expect(Math.abs(u)).toBe(Infinity);
        expect(u > 0).toBe(referenceEvaluate(tree, v, KIT_NOW_MS));
      }),
      { numRuns: 500 },
    );
  });

  it('time leaves and comparisons of number facts are numbers; other leaves are slots', () => {
    const time = compileTree({ fact: 'timeOnPage', operator: 'greaterThan', value: 30 });
    // Checked by hand: a time leaf (1) of 6 numbers, on the page (0), false on a missing time (0)
    // and below the first flip (0), which is at 31 s (30 > 30 is false).
    expect(time.code).toEqual([1, 6, 0, 0, 0, 31]);
    expect(time.tests).toHaveLength(0);
    // `lessThan 30`: true below 30 s, false from 30 s; `notEqual 5`: true on a missing time, flips at 5 and 6.
    expect(compileTree({ fact: 'timeOnPage', operator: 'lessThan', value: 30 }).code).toEqual([1, 6, 0, 0, 1, 30]);
    expect(compileTree({ fact: 'timeOnSite', operator: 'notEqual', value: 5 }).code).toEqual([1, 7, 1, 1, 1, 5, 6]);
    // `equal 30.5` is never true on whole seconds: no flip at all.
    expect(compileTree({ fact: 'timeOnPage', operator: 'equal', value: 30.5 }).code).toEqual([1, 5, 0, 0, 0]);
    expect(compileTree({ fact: 'visitCount', operator: 'lessThan', value: 3 }).code).toEqual([0, 5, 9, 0, 3]);
    const text = compileTree({ fact: 'language', operator: 'equal', value: 'en' });
    expect(text.code).toEqual([4, 3, 0]);
    expect(text.tests).toHaveLength(1);
    const timeIn = compileTree({ fact: 'timeOnSite', operator: 'in', value: [10, 12] });
    expect(timeIn.code).toEqual([1, 9, 1, 0, 0, 10, 11, 12, 13]);
    expect(timeIn.tests).toHaveLength(0);
  });

  it('one store shared by content: equal trees, of one list or of two, are placed once; past its bound a new store begins', () => {
    const a = compileTree({ fact: 'timeOnPage', operator: 'greaterThan', value: 30 });
    const b = compileTree({ all: [{ fact: 'visitCount', operator: 'lessThan', value: 3 }, { fact: 'language', operator: 'equal', value: 'en' }] });
    const one = placeTrees([a, b, a]);
    expect(one.at[0]).toBe(one.at[2]);
    const bAt = one.at[1] as number;
    // The slot of b's language leaf is numbered into the store's tests: that test itself.
    expect(one.store.slice(bAt, bAt + 8)).toEqual([3, 11, 1, 0, 5, 9, 0, 3]);
    expect(one.tests[one.store[bAt + 10] as number]).toBe(b.tests[0]);
    const two = placeTrees([b]);
    expect(two.store).toBe(one.store);
    expect(two.at[0]).toBe(bAt);
    // A call that takes the store past its bound still goes to it; the next begins a new store,
    // and the old one stays as it was for the lists that read it.
    const big = { code: new Array<number>(1 << 18).fill(0).map((_, i) => (i % 5 === 1 ? 5 : 0)), tests: [], cost: 1, timed: false };
    const three = placeTrees([big]);
    expect(three.store).toBe(one.store);
    const before = one.store.length;
    const four = placeTrees([a]);
    expect(four.store).not.toBe(one.store);
    expect(four.at[0]).toBe(0);
    expect(one.store.length).toBe(before);
    expect(four.store.slice(0, a.code.length)).toEqual(a.code);
  });
});
