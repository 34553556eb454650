import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, explain } from '../../src/index.js';
import { checkPublishRequirements, compactDeliveries, markDelivery, present, recordDelivery, reconcile, sortMessages } from '../../src/index.js';
import { parseMessages, parseVisitor } from '../../src/parse/parse.js';
import { deepFreeze } from '../../src/testing/index.js';
import { lawScenarioArb } from './helpers.js';

describe('law: inputs are never mutated', () => {
  it('evaluate, explain, the history writers, the life cycle, present and the parsers work on deep-frozen inputs and leave them equal', () => {
    fc.assert(
      fc.property(lawScenarioArb(), fc.constantFrom<'dismissed' | 'closed'>('dismissed', 'closed'), (s, outcome) => {
        const before = structuredClone({ visitor: s.visitor, messages: s.messages, workspace: s.workspace });
        const visitor = deepFreeze(s.visitor);
        const messages = deepFreeze(s.messages);
        const workspace = deepFreeze(s.workspace);
        const decision = evaluate(visitor, messages, s.now);
        explain(visitor, messages, s.now);
        const id = decision.message?.id ?? messages[0]?.id ?? 'msg_1';
        const next = recordDelivery(visitor, id, s.now);
        expect(next.ok).toBe(true);
        if (next.ok) markDelivery(next.value, id, outcome);
        markDelivery(visitor, id, outcome);
        compactDeliveries(visitor, messages, s.now);
        reconcile(messages, { workspace, now: s.now });
        sortMessages(messages, 'sent', 'desc');
        for (const message of messages) {
          present(message, workspace);
          checkPublishRequirements(message, workspace);
        }
        parseVisitor(visitor);
        parseMessages(messages);
        expect({ visitor, messages, workspace }).toEqual(before);
      }),
      { numRuns: 200 },
    );
  });
});
