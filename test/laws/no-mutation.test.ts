import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, explain } from '../../src/evaluate/index.js';
import { markDelivery, recordDelivery } from '../../src/frequency/index.js';
import { parseMessages, parseVisitor } from '../../src/model/parse.js';
import { deepFreeze } from '../../src/testing/index.js';
import { lawScenarioArb } from './helpers.js';

describe('law: inputs are never mutated', () => {
  it('evaluate, explain, recordDelivery, markDelivery and the parsers work on deep-frozen inputs and leave them equal', () => {
    fc.assert(
      fc.property(lawScenarioArb(), fc.constantFrom<'dismissed' | 'closed'>('dismissed', 'closed'), (s, outcome) => {
        const before = structuredClone({ visitor: s.visitor, messages: s.messages });
        const visitor = deepFreeze(s.visitor);
        const messages = deepFreeze(s.messages);
        const decision = evaluate(visitor, messages, s.now);
        explain(visitor, messages, s.now);
        const id = decision.message?.id ?? messages[0]?.id ?? 'msg_1';
        const next = recordDelivery(visitor, id, s.now);
        markDelivery(next, id, outcome);
        markDelivery(visitor, id, outcome);
        parseVisitor(visitor);
        parseMessages(messages);
        expect({ visitor, messages }).toEqual(before);
      }),
      { numRuns: 200 },
    );
  });
});
