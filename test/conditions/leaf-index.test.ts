/**
 * The leaf index answers every required leaf — in bulk (hash lookups, one multi-pattern pass) or
 * one by one — exactly as the operator's own `compile` does (the independent oracle here is the
 * leaf compiled alone, which the json-rules-engine differential test checks in turn).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFacts, type ConditionLeaf, type ConditionNode } from '../../src/index.js';
import { conditionLeafArb, factsVisitorArb } from '../../src/testing/index.js';
import { KIT_NOW_MS } from '../../src/testing/pools.js';
import { compileLeaf } from '../../src/conditions/leaf.js';
import { FALSE, LeafIndexBuilder, TRUE, UNKNOWN, splitRequired } from '../../src/conditions/leaf-index.js';
import { OPERATOR_TABLE } from '../../src/conditions/operators.js';
import { compileUntil } from '../../src/conditions/until.js';
import { OPERATORS } from '../../src/core/vocabulary.js';

describe('leaf index', () => {
  it('answers each leaf of a list as the leaf compiled alone does (negated too)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(conditionLeafArb({ metadata: true }), fc.boolean()), { minLength: 1, maxLength: 30 }),
        factsVisitorArb(),
        fc.integer({ min: 0, max: 29 }),
        (leaves, visitor, firstAsked) => {
          const builder = new LeafIndexBuilder();
          const ids = leaves.map(([leaf, negate]) => builder.add({ leaf, negate }));
          const index = builder.build();
          const facts = readFacts(visitor, KIT_NOW_MS);
          const state = new Int32Array(index.size);
          // Ask in a rotated order: a group answered for one leaf answers the others too.
          const k0 = firstAsked % ids.length;
          for (let j = 0; j < ids.length; j++) {
            const id = ids[(k0 + j) % ids.length] as number;
            if (state[id] === UNKNOWN) index.answers[id]!(facts, state);
          }
          leaves.forEach(([leaf, negate], k) => {
            const expected = compileLeaf(leaf).test(facts) !== negate;
            expect(state[ids[k] as number]).toBe(expected ? TRUE : FALSE);
          });
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('gives identical leaves one id, and different signs different ids', () => {
    const b = new LeafIndexBuilder();
    const leaf: ConditionLeaf = { fact: 'pageUrl', operator: 'containsAnyOf', value: ['/Pricing'] };
    expect(b.add({ leaf, negate: false })).toBe(b.add({ leaf: { ...leaf, value: ['/pricing'] }, negate: false }));
    expect(b.add({ leaf, negate: true })).not.toBe(b.add({ leaf, negate: false }));
  });

  it('every complement in the operator table is exact, missing facts included', () => {
    fc.assert(
      fc.property(conditionLeafArb({ metadata: true }), factsVisitorArb(), (leaf, visitor) => {
        const complement = OPERATOR_TABLE[leaf.operator].complement;
        if (complement === undefined) return;
        const facts = readFacts(visitor, KIT_NOW_MS);
        expect(compileLeaf({ ...leaf, operator: complement }).test(facts)).toBe(!compileLeaf(leaf).test(facts));
      }),
      { numRuns: 3000 },
    );
    // Both directions of each pair are listed.
    for (const op of OPERATORS) {
      const c = OPERATOR_TABLE[op].complement;
      if (c !== undefined) expect(OPERATOR_TABLE[c].complement).toBe(op);
    }
  });

  it('splitRequired: required leaves and residual decide exactly as the whole tree', () => {
    const trees: ConditionNode[] = [
      { all: [{ fact: 'language', operator: 'in', value: ['en'] }, { fact: 'timeOnPage', operator: 'greaterThan', value: 30 }, { not: { fact: 'metadata.plan', operator: 'notEqual', value: 'pro' } }] },
      { not: { fact: 'deviceType', operator: 'equal', value: 'mobile' } },
      { any: [{ fact: 'visitCount', operator: 'greaterThan', value: 2 }] },
    ];
    const split = trees.map(splitRequired);
    expect(split[0]?.required.map((r) => [r.leaf.fact, r.leaf.operator, r.negate])).toEqual([
      ['language', 'in', false],
      ['metadata.plan', 'equal', false],
    ]);
    expect(split[0]?.residual).toEqual({ fact: 'timeOnPage', operator: 'greaterThan', value: 30 });
    expect(split[1]?.required.map((r) => [r.leaf.operator, r.negate])).toEqual([['notEqual', false]]);
    expect(split[1]?.residual).toBeNull();
    expect(split[2]?.required).toEqual([]);
  });

  it('the split tree decides as the whole tree on random trees and visitors', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(conditionLeafArb({ metadata: true }), conditionLeafArb().map((leaf): ConditionNode => ({ not: leaf }))), { minLength: 1, maxLength: 8 }), factsVisitorArb(), (children, visitor) => {
        const tree: ConditionNode = { all: children };
        const facts = readFacts(visitor, KIT_NOW_MS);
        const { required, residual } = splitRequired(tree);
        const parts = required.every((r) => compileLeaf(r.leaf).test(facts) !== r.negate) && compileUntil(residual)(facts) > 0;
        expect(parts).toBe(compileUntil(tree)(facts) > 0);
      }),
      { numRuns: 2000 },
    );
  });
});
