/**
 * Residual trees (what a message's conditions need beyond the leaves every visitor must pass) are
 * compiled once per content and shared across message lists, through a bounded cache. Sharing
 * must never let one list's decision depend on another's: lists whose trees differ in one detail
 * decide on their own, in any order, and filling the cache past its bound changes nothing.
 * Expected answers worked out by hand from the fixtures (the visitor entered the page at T0).
 */
import { describe, expect, it } from 'vitest';
import { evaluate, type ConditionNode, type Message } from '../../src/index.js';
import { T0, message, visitor } from './fixtures.js';

/** Required URL leaf (the fixture visitor is on /pricing) and a residual `any` of a time leaf and a visit-count leaf. */
function tree(seconds: number, visits: number, negateVisits = false): ConditionNode {
  const visitLeaf: ConditionNode = { fact: 'visitCount', operator: 'greaterThanInclusive', value: visits };
  return {
    all: [
      { fact: 'pageUrl', operator: 'containsAnyOf', value: ['/pricing'] },
      { any: [{ fact: 'timeOnPage', operator: 'greaterThan', value: seconds }, negateVisits ? { not: visitLeaf } : visitLeaf] },
    ],
  };
}

const list = (id: string, conditions: ConditionNode): Message[] => [message(id, { conditions })];
const at = (seconds: number): number => T0 + seconds * 1000;

describe('evaluate: residual trees shared across lists', () => {
  // The fixture visitor: visit number 2, on the page since T0.
  it('lists whose trees differ in one threshold, or one negation, each decide on their own, in any order', () => {
    const a = list('a', tree(30, 5));
    const b = list('b', tree(40, 5));
    const c = list('c', tree(40, 5, true));
    for (let round = 0; round < 2; round++) {
      // 35 s on the page: a's "more than 30 s" holds; b's "more than 40 s" not until 41 s, and visit 2 < 5.
      expect(evaluate(visitor(), a, at(35)).eligible).toEqual(['a']);
      const db = evaluate(visitor(), b, at(35));
      expect(db.eligible).toEqual([]);
      expect(db.reevaluateAt).toBe(at(41));
      // c: "not visit ≥ 5" holds for visit 2, so c qualifies at once.
      expect(evaluate(visitor(), c, at(35)).eligible).toEqual(['c']);
      // A fresh list with a's content, compiled after the others, decides as a did.
      expect(evaluate(visitor(), list('a2', tree(30, 5)), at(20)).reevaluateAt).toBe(at(31));
    }
  });

  it('compiling thousands of distinct trees (past the cache bound) changes no decision', () => {
    const first = list('first', tree(30, 5));
    expect(evaluate(visitor(), first, at(35)).eligible).toEqual(['first']);
    for (let k = 0; k < 5_000; k++) {
      // Thresholds 1,000 s and more: none of these holds at 35 s, each list waits for its own.
      const d = evaluate(visitor(), list(`m${k}`, tree(1_000 + k, 5)), at(35));
      if (k % 997 === 0) expect(d.reevaluateAt).toBe(at(1_001 + k));
    }
    expect(evaluate(visitor(), first, at(35)).eligible).toEqual(['first']);
    expect(evaluate(visitor(), list('again', tree(30, 5)), at(25)).reevaluateAt).toBe(at(31));
    expect(evaluate(visitor(), list('other', tree(30, 2)), at(25)).eligible).toEqual(['other']);
  });
});

describe('evaluate: a tree read through getters cannot change what other lists compile', () => {
  it('a leaf whose getter answers 31 and 3,100 in turn leaves both plain lists deciding on their own', () => {
    // The weird list's leaf reads `value` through a getter alternating 31 and 3,100: whichever
    // reads the checker, the cache key and the compiler get, the plain lists compiled after it
    // with either threshold must decide by their own.
    let reads = 0;
    const leaf = { fact: 'timeOnPage', operator: 'greaterThan' } as Record<string, unknown>;
    Object.defineProperty(leaf, 'value', { enumerable: true, get: () => (reads++ % 2 === 0 ? 31 : 3_100) });
    const weird: ConditionNode = { all: [{ fact: 'pageUrl', operator: 'containsAnyOf', value: ['/pricing'] }, { any: [leaf as unknown as ConditionNode, { fact: 'visitCount', operator: 'greaterThanInclusive', value: 7 }] }] };
    evaluate(visitor(), list('weird', weird), at(40));
    expect(reads).toBeGreaterThan(1);
    const low = (v: number): ConditionNode => ({ all: [{ fact: 'pageUrl', operator: 'containsAnyOf', value: ['/pricing'] }, { any: [{ fact: 'timeOnPage', operator: 'greaterThan', value: v }, { fact: 'visitCount', operator: 'greaterThanInclusive', value: 7 }] }] });
    // 40 s on the page: "more than 31 s" holds; "more than 3,100 s" waits until 3,101 s.
    expect(evaluate(visitor(), list('p31', low(31)), at(40)).eligible).toEqual(['p31']);
    const d = evaluate(visitor(), list('p3100', low(3_100)), at(40));
    expect(d.eligible).toEqual([]);
    expect(d.reevaluateAt).toBe(at(3_101));
  });
});
