import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileConditions, explainConditions, readFacts } from '../../src/index.js';
import { toJsonRulesEngineConditions } from '../../src/adapters/json-rules-engine/index.js';
import { runCheck } from '../../src/check/check.js';
import { conditionTreeCheck } from '../../src/check/conditions.js';
import { compileCheckedTree, type CompiledConditions } from '../../src/conditions/plan.js';
import type { ConditionNode, Visitor } from '../../src/core/types.js';
import { conditionTreeArb, factsVisitorArb, KIT_NOW_MS } from '../../src/testing/index.js';
import { referenceEvaluate } from './reference.js';

/**
 * The compiled form of a tree for laws about semantics. Trees built by combining two trees
 * (`{ not: { all: [a, b] } }`) may break the nesting rule — a product rule, not a semantic one —
 * which the checker reports; any other issue fails the test. Such trees go to the compiler
 * directly, as trees of `conditionTreeArb({ nestingRule: false })` would.
 */
const compiledForLaw = (tree: ConditionNode): CompiledConditions => {
  const compiled = compileConditions(tree);
  if (compiled.ok) return compiled.value;
  const checked = runCheck(conditionTreeCheck, tree, true);
  const codes = checked.ok ? [] : checked.issues.map((issue) => issue.code);
  if (codes.length === 0 || codes.some((code) => code !== 'nestingNotAllowed')) throw new Error(JSON.stringify(compiled.issues));
  return compileCheckedTree(tree).compiled;
};
const test = (tree: ConditionNode, visitor: Visitor, nowMs = KIT_NOW_MS): boolean => compiledForLaw(tree).test(readFacts(visitor, nowMs));
const tree = conditionTreeArb({ maxDepth: 6 });
const visitor = factsVisitorArb({ hostileMetadataKeys: true });

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('laws of condition trees', () => {
  it('compiled test equals a naive recursive reference interpreter', () => {
    fc.assert(fc.property(conditionTreeArb(), visitor, (t, v) => test(t, v) === referenceEvaluate(t, v, KIT_NOW_MS)), { numRuns: 1500 });
  });

  it('…also on trees only the compiler takes (nestingRule: false), up to the leaf limit', () => {
    fc.assert(
      fc.property(conditionTreeArb({ nestingRule: false, maxLeaves: 50 }), visitor, (t, v) => {
        expect(test(t, v)).toBe(referenceEvaluate(t, v, KIT_NOW_MS));
      }),
      { numRuns: 1000 },
    );
  });

  it('…and the generator gives such trees (a fixed-seed sample of 1,000; a random count of ≈ 31 against a bound of 20 was flaky)', () => {
    let nested = 0;
    for (const [t, v] of fc.sample(fc.tuple(conditionTreeArb({ nestingRule: false, maxLeaves: 50 }), visitor), { numRuns: 1_000, seed: 20261201 })) {
      if (!compileConditions(t).ok) nested += 1;
      expect(test(t, v)).toBe(referenceEvaluate(t, v, KIT_NOW_MS));
    }
    // The generator must give such trees, or the law above adds nothing to the first one.
    expect(nested).toBeGreaterThan(20);
  });

  it('De Morgan: not(all(a, b)) ≡ any(not a, not b) and not(any(a, b)) ≡ all(not a, not b)', () => {
    fc.assert(
      fc.property(tree, tree, visitor, (a, b, v) => {
        expect(test({ not: { all: [a, b] } }, v)).toBe(test({ any: [{ not: a }, { not: b }] }, v));
        expect(test({ not: { any: [a, b] } }, v)).toBe(test({ all: [{ not: a }, { not: b }] }, v));
      }),
      { numRuns: 400 },
    );
  });

  it('double negation: not(not a) ≡ a', () => {
    fc.assert(fc.property(tree, visitor, (a, v) => test({ not: { not: a } }, v) === test(a, v)), { numRuns: 400 });
  });

  it('nextTimeChange: the verdict is stable on [now, nextTimeChange)', () => {
    fc.assert(
      fc.property(conditionTreeArb(), visitor, fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.boolean(), (t, v, fraction, lastMs) => {
        const compiled = compileConditions(t);
        if (!compiled.ok) return false;
        const now = readFacts(v, KIT_NOW_MS);
        const next = compiled.value.nextTimeChange(now);
        if (next !== null) expect(next).toBeGreaterThan(KIT_NOW_MS);
        const horizon = next ?? KIT_NOW_MS + 3_600_000;
        const span = horizon - KIT_NOW_MS;
        // Offsets are computed on the small span first: adding a fraction to epoch ms would round.
        const at = KIT_NOW_MS + (lastMs ? span - 1 : Math.floor(fraction * span));
        expect(compiled.value.test(readFacts(v, at))).toBe(compiled.value.test(now));
        return true;
      }),
      { numRuns: 1500 },
    );
  });

  it('nextTimeChange is exact for a single time leaf: the leaf flips there', () => {
    const leaf = conditionTreeArb({ maxDepth: 1 }).filter((l) => 'fact' in l && (l.fact === 'timeOnPage' || l.fact === 'timeOnSite'));
    fc.assert(
      fc.property(leaf, visitor, (l, v) => {
        const compiled = compileConditions(l);
        if (!compiled.ok) return false;
        const next = compiled.value.nextTimeChange(readFacts(v, KIT_NOW_MS));
        if (next === null) return true;
        expect(test(l, v, next)).not.toBe(test(l, v, KIT_NOW_MS));
        expect(test(l, v, next - 1)).toBe(test(l, v, KIT_NOW_MS));
        return true;
      }),
      { numRuns: 500 },
    );
  });

  it('never mutates its inputs (deep-frozen trees and visitors)', () => {
    fc.assert(
      fc.property(conditionTreeArb(), visitor, (t, v) => {
        const treeCopy = structuredClone(t);
        const visitorCopy = structuredClone(v);
        deepFreeze(t);
        deepFreeze(v);
        const facts = readFacts(v, KIT_NOW_MS);
        const compiled = compileConditions(t);
        if (compiled.ok) {
          compiled.value.test(facts);
          compiled.value.nextTimeChange(facts);
        }
        explainConditions(t, facts);
        toJsonRulesEngineConditions(t);
        expect(t).toEqual(treeCopy);
        expect(v).toEqual(visitorCopy);
      }),
      { numRuns: 200 },
    );
  });
});
