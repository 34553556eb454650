import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  interact,
  TERMINAL_STATUSES,
  type InteractionEvent,
  type InteractionFlavour,
} from '../../src/index.js';
import { deepFreeze, presentationFor, startOf } from './helpers.js';

const event: fc.Arbitrary<InteractionEvent> = fc.oneof(
  fc.constantFrom<InteractionEvent>(
    { type: 'show' },
    { type: 'open' },
    { type: 'dismiss' },
    { type: 'close' },
    { type: 'interactWithAnswer' },
    { type: 'ignore' },
  ),
  fc.record(
    {
      type: fc.constant('submitDetails' as const),
      name: fc.oneof(fc.constant('Ada'), fc.constant('  '), fc.string({ maxLength: 8 })),
      email: fc.oneof(fc.constant('ada@example.com'), fc.constant('ada@'), fc.string({ maxLength: 12 })),
    },
    { requiredKeys: ['type'] },
  ),
);
const flavour = fc.constantFrom<InteractionFlavour>('agentWithCapture', 'agentWithoutCapture', 'aiAgent');

describe('interaction reducer properties', () => {
  test.prop([flavour, fc.array(event, { maxLength: 25 })], { numRuns: 300 })(
    'never throws, never mutates, and counts read, reply and send at most once per interaction',
    (kind, events) => {
      let state = deepFreeze(startOf(presentationFor(kind), 'v_1'));
      const counted = { countSent: 0, countRead: 0, countReplied: 0, markDelivery: 0 };
      for (const next of events) {
        const before = JSON.stringify(state);
        const result = interact(state, deepFreeze(next));
        expect(JSON.stringify(state)).toBe(before);
        if (result.ignored !== null) {
          expect(result.state).toBe(state);
          expect(result.effects).toEqual([]);
        }
        for (const effect of result.effects) {
          if (effect.type in counted) counted[effect.type as keyof typeof counted] += 1;
        }
        state = deepFreeze(result.state);
      }
      expect(counted.countSent).toBeLessThanOrEqual(1);
      expect(counted.countRead).toBeLessThanOrEqual(1);
      expect(counted.countReplied).toBeLessThanOrEqual(1);
      expect(counted.markDelivery).toBeLessThanOrEqual(1);
      // A reply is only counted after a read, and a read only after a send.
      expect(counted.countReplied).toBeLessThanOrEqual(counted.countRead);
      expect(counted.countRead).toBeLessThanOrEqual(counted.countSent);
    },
  );

  test.prop([flavour, fc.array(event, { maxLength: 25 })], { numRuns: 150 })(
    'a terminal state ignores every further event',
    (kind, events) => {
      let state = startOf(presentationFor(kind), 'v_1');
      for (const next of events) {
        const wasTerminal = (TERMINAL_STATUSES as readonly string[]).includes(state.status);
        const result = interact(state, next);
        if (wasTerminal) expect(result.ignored?.reason).toBe('finished');
        state = result.state;
      }
    },
  );
});
