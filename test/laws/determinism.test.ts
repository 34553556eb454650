import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/index.js';
import { decide, keyOf, lawScenarioArb } from './helpers.js';

describe('law: determinism — same inputs, same decision', () => {
  it('evaluate twice, on fresh copies (no shared cache) and with now as a Date gives the same decision', () => {
    fc.assert(
      fc.property(lawScenarioArb(), (s) => {
        const first = decide(s);
        expect(decide(s)).toEqual(first);
        const copy = structuredClone({ visitor: s.visitor, messages: s.messages });
        expect(keyOf(evaluate(copy.visitor, copy.messages, s.now, structuredClone(s.options)))).toEqual(first);
        expect(keyOf(evaluate(s.visitor, s.messages, new Date(s.now), s.options))).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });
});
