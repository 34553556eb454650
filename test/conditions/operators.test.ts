import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileConditions, OPERATORS, OPERATOR_SIGNATURES, readFacts, type Operator } from '../../src/index.js';
import { OPERATOR_TABLE, normalizeOperand, type FactValue } from '../../src/conditions/operators.js';
import { NOW, referenceEvaluate, referenceLeaf, visitorFrom, type LeafVector } from './reference.js';
import vectors from './vectors/operators.json' with { type: 'json' };

const cases = vectors as LeafVector[];

describe('operator vectors (docs/conditions.md)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, vector) => {
    const visitor = visitorFrom(vector.visitor);
    const compiled = compileConditions(vector.leaf);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
    expect(compiled.value.test(readFacts(visitor, NOW))).toBe(vector.expected);
    expect(referenceEvaluate(vector.leaf, visitor, NOW)).toBe(vector.expected);
  });
});

describe('OPERATOR_TABLE', () => {
  it('has one entry for every operator of the vocabulary, and nothing else', () => {
    expect(Object.keys(OPERATOR_TABLE).sort()).toEqual([...OPERATORS].sort());
    // json-rules-engine's own operators are used only where their semantics are exactly ours.
    expect(OPERATORS.filter((op) => OPERATOR_TABLE[op].jsonRulesEngine === 'builtIn')).toEqual(['equal', 'notEqual', 'in', 'notIn']);
  });

  // Short strings over a small alphabet so needles and texts meet; every kind of scalar a fact can hold.
  const word = fc.string({ unit: fc.constantFrom('a', 'b', '/', 'A'), minLength: 1, maxLength: 4 });
  const scalar = fc.oneof(word, fc.constantFrom<FactValue>('', 0, 1, -1, 2.5, '1', true, false, null));
  const factValue = fc.oneof(scalar, fc.constant(undefined), fc.string({ unit: fc.constantFrom('a', 'b', '/'), maxLength: 8 }));
  const operandOf = (op: Operator): fc.Arbitrary<unknown> => {
    switch (OPERATOR_SIGNATURES[op].operand) {
      case 'same':
        return scalar;
      case 'sameList':
        return fc.array(scalar, { minLength: 1, maxLength: 12 });
      case 'number':
        return fc.oneof(fc.integer({ min: -2, max: 3 }), fc.constantFrom(0.5, 2.5));
      case 'needle':
        return op === 'matchesWildcard' ? fc.string({ unit: fc.constantFrom('a', 'b', '/', '*'), minLength: 1, maxLength: 5 }) : word;
      case 'needleList':
        return fc.array(word, { minLength: 1, maxLength: 8 });
    }
  };

  it.each(OPERATORS.map((op) => [op] as const))('%s: the table test equals the reference on every fact value (no coercion)', (op) => {
    fc.assert(
      fc.property(operandOf(op), factValue, (value, seen) => {
        // `metadata.*` is compared exactly (no lower-casing on either side).
        const expected = referenceLeaf('metadata.x', op, value, seen);
        expect(OPERATOR_TABLE[op].compile(value, (x: FactValue) => x)(seen)).toBe(expected);
      }),
      { numRuns: 400 },
    );
  });
});

describe('normalizeOperand', () => {
  it('lower-cases for text and language facts, keeps other kinds exact, and never returns the input list', () => {
    const list = ['/Pricing', 'DE', 3];
    const frozen = Object.freeze([...list]);
    expect(normalizeOperand('text', frozen)).toEqual(['/pricing', 'de', 3]);
    expect(normalizeOperand('language', 'EN')).toBe('en');
    expect(normalizeOperand('scalar', 'Pro')).toBe('Pro');
    expect(normalizeOperand('enum', 'mobile')).toBe('mobile');
    for (const kind of ['text', 'language', 'scalar', 'number', 'enum'] as const) {
      const out = normalizeOperand(kind, frozen);
      expect(out).not.toBe(frozen);
      expect(Array.isArray(out)).toBe(true);
    }
    expect(normalizeOperand('scalar', frozen)).toEqual(list);
  });
});
