import { describe, expect, it } from 'vitest';
import { compileConditions, readFacts } from '../../src/conditions/index.js';
import { NOW, referenceEvaluate, visitorFrom, type LeafVector } from './reference.js';
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
