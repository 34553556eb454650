import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileConditions, explainConditions, readFacts } from '../../src/conditions/index.js';
import { toJsonRulesEngineConditions } from '../../src/adapters/json-rules-engine/index.js';
import type { ConditionNode, Visitor } from '../../src/model/types.js';
import { conditionTreeArbitrary, conditionVisitorArbitrary, CONDITIONS_NOW_MS } from '../../src/testing/index.js';
import { referenceEvaluate } from './reference.js';

const test = (tree: ConditionNode, visitor: Visitor, nowMs = CONDITIONS_NOW_MS): boolean => {
  const compiled = compileConditions(tree);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
  return compiled.value.test(readFacts(visitor, nowMs));
};
const tree = conditionTreeArbitrary({ maxDepth: 6 });
const visitor = conditionVisitorArbitrary({ hostileMetadataKeys: true });

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('laws of condition trees', () => {
  it('compiled test equals a naive recursive reference interpreter', () => {
    fc.assert(fc.property(conditionTreeArbitrary(), visitor, (t, v) => test(t, v) === referenceEvaluate(t, v, CONDITIONS_NOW_MS)), { numRuns: 1500 });
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
      fc.property(conditionTreeArbitrary(), visitor, fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.boolean(), (t, v, fraction, lastMs) => {
        const compiled = compileConditions(t);
        if (!compiled.ok) return false;
        const now = readFacts(v, CONDITIONS_NOW_MS);
        const next = compiled.value.nextTimeChange(now);
        if (next !== null) expect(next).toBeGreaterThan(CONDITIONS_NOW_MS);
        const horizon = next ?? CONDITIONS_NOW_MS + 3_600_000;
        const span = horizon - CONDITIONS_NOW_MS;
        // Offsets are computed on the small span first: adding a fraction to epoch ms would round.
        const at = CONDITIONS_NOW_MS + (lastMs ? span - 1 : Math.floor(fraction * span));
        expect(compiled.value.test(readFacts(v, at))).toBe(compiled.value.test(now));
        return true;
      }),
      { numRuns: 1500 },
    );
  });

  it('nextTimeChange is exact for a single time leaf: the leaf flips there', () => {
    const leaf = conditionTreeArbitrary({ maxDepth: 1 }).filter((l) => 'fact' in l && (l.fact === 'timeOnPage' || l.fact === 'timeOnSite'));
    fc.assert(
      fc.property(leaf, visitor, (l, v) => {
        const compiled = compileConditions(l);
        if (!compiled.ok) return false;
        const next = compiled.value.nextTimeChange(readFacts(v, CONDITIONS_NOW_MS));
        if (next === null) return true;
        expect(test(l, v, next)).not.toBe(test(l, v, CONDITIONS_NOW_MS));
        expect(test(l, v, next - 1)).toBe(test(l, v, CONDITIONS_NOW_MS));
        return true;
      }),
      { numRuns: 500 },
    );
  });

  it('never mutates its inputs (deep-frozen trees and visitors)', () => {
    fc.assert(
      fc.property(conditionTreeArbitrary(), visitor, (t, v) => {
        const treeCopy = structuredClone(t);
        const visitorCopy = structuredClone(v);
        deepFreeze(t);
        deepFreeze(v);
        const facts = readFacts(v, CONDITIONS_NOW_MS);
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
