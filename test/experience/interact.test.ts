import { describe, expect, it } from 'vitest';
import {
  initialInteraction,
  interact,
  present,
  type InteractionEvent,
  INTERACTION_EVENT_TYPES,
  INTERACTION_STATUSES,
  type InteractionEventType,
  type InteractionFlavour,
  type InteractionState,
} from '../../src/index.js';
import vectors from './vectors/transitions.json' with { type: 'json' };
import { aiMessage, workspace } from './fixtures.js';
import { deepFreeze, eventOf, presentationFor, startOf, stateAt } from './helpers.js';

interface TransitionVector {
  name: string;
  state: InteractionState['status'];
  event: InteractionEventType;
  flavour: InteractionFlavour;
  next: InteractionState['status'];
  effects: string[];
  ignored: string | null;
}
const cases = vectors.cases as TransitionVector[];

describe('interaction transition vectors', () => {
  it.each(cases)('$name', (vector) => {
    const state = deepFreeze(stateAt(vector.flavour, vector.state));
    const result = interact(state, eventOf(vector.event));
    expect(result.state.status).toBe(vector.next);
    expect(result.effects.map((effect) => effect.type)).toEqual(vector.effects);
    expect(result.ignored?.reason ?? null).toBe(vector.ignored);
    if (vector.ignored !== null) expect(result.state).toBe(state);
  });

  it('covers every (state, event) cell', () => {
    const cells = new Set(cases.map((vector) => `${vector.state}/${vector.event}`));
    expect(cells.size).toBe(INTERACTION_STATUSES.length * INTERACTION_EVENT_TYPES.length);
  });
});

describe('interact: agent response with capture', () => {
  const start = startOf(presentationFor('agentWithCapture'), 'v_123');
  const open = interact(interact(start, { type: 'show' }).state, { type: 'open' }).state;

  it('counts the send for this visitor and asks the host to record the delivery when shown', () => {
    expect(interact(start, { type: 'show' }).effects).toEqual([
      { type: 'recordDelivery', messageId: 'msg_pricing_help' },
      { type: 'countSent', messageId: 'msg_pricing_help', visitorId: 'v_123' },
    ]);
  });

  it('hands off with the message tags and the trimmed details, and counts a reply', () => {
    const result = interact(open, { type: 'submitDetails', name: '  Ada Lovelace ', email: 'ada@example.com' });
    expect(result.state.status).toBe('handedOff');
    expect(result.state.response).toMatchObject({ followUp: 'Thanks! An agent will join you shortly.' });
    expect(result.effects).toEqual([
      { type: 'countReplied', messageId: 'msg_pricing_help', visitorId: 'v_123' },
      {
        type: 'handOffToAgent',
        messageId: 'msg_pricing_help',
        tags: ['proactive', 'pricing'],
        details: { name: 'Ada Lovelace', email: 'ada@example.com' },
      },
    ]);
  });

  it('keeps the form open with per-field errors when the email is not one or the name is blank', () => {
    const result = interact(open, { type: 'submitDetails', name: '   ', email: 'ada@' });
    expect(result.state.status).toBe('open');
    expect(result.effects).toEqual([]);
    expect(result.ignored).toBeNull();
    expect(result.state.fieldErrors.name?.code).toBe('required');
    expect(result.state.fieldErrors.email?.code).toBe('invalidEmail');
    expect(result.state.details).toEqual({ email: 'ada@' });
  });

  it('clears field errors once valid details are submitted', () => {
    const rejected = interact(open, { type: 'submitDetails', name: 'Ada' }).state;
    expect(rejected.fieldErrors.email?.code).toBe('required');
    const accepted = interact(rejected, { type: 'submitDetails', name: 'Ada', email: 'ada@example.com' });
    expect(accepted.state.status).toBe('handedOff');
    expect(accepted.state.fieldErrors).toEqual({});
  });

  it('marks the delivery closed when the launcher close button closes the window', () => {
    expect(interact(open, { type: 'close' }).effects).toEqual([
      { type: 'markDelivery', messageId: 'msg_pricing_help', outcome: 'closed' },
    ]);
  });

  it('marks the delivery dismissed when the X is clicked on the bubble', () => {
    const shown = interact(start, { type: 'show' }).state;
    expect(interact(shown, { type: 'dismiss' }).effects).toEqual([
      { type: 'markDelivery', messageId: 'msg_pricing_help', outcome: 'dismissed' },
    ]);
  });

  it('says why a meaningless event is ignored and returns the same state', () => {
    const result = interact(start, { type: 'open' });
    expect(result.state).toBe(start);
    expect(result.effects).toEqual([]);
    expect(result.ignored).toEqual({ reason: 'notShown', message: '"open" ignored in state "hidden": the message has not been shown yet' });
  });
});

describe('interact: agent response without capture', () => {
  it('hands off straight away on open, with no details and no reply counted', () => {
    const shown = interact(startOf(presentationFor('agentWithoutCapture'), 'v_9'), { type: 'show' }).state;
    const result = interact(shown, { type: 'open' });
    expect(result.state.status).toBe('handedOff');
    expect(result.effects).toEqual([
      { type: 'countRead', messageId: 'msg_talk_now', visitorId: 'v_9' },
      { type: 'handOffToAgent', messageId: 'msg_talk_now', tags: ['proactive'], details: {} },
    ]);
  });
});

describe('interact: AI-agent response', () => {
  it('starts the AI conversation with the chosen answer on open and counts a reply on interaction', () => {
    const shown = interact(startOf(presentationFor('aiAgent'), 'v_7'), { type: 'show' }).state;
    const opened = interact(shown, { type: 'open' });
    expect(opened.effects).toEqual([
      { type: 'countRead', messageId: 'msg_ai_orders', visitorId: 'v_7' },
      { type: 'startAiConversation', messageId: 'msg_ai_orders', aiAgentId: 'ai_legacy', answerId: 'ans_track' },
    ]);
    const talked = interact(opened.state, { type: 'interactWithAnswer' });
    expect(talked.state.status).toBe('aiConversation');
    expect(talked.effects).toEqual([{ type: 'countReplied', messageId: 'msg_ai_orders', visitorId: 'v_7' }]);
  });

  it('omits answerId when the greeting is shown instead of an answer', () => {
    const presented = present(aiMessage, workspace);
    expect(presented.ok).toBe(true);
    if (!presented.ok) return;
    const shown = interact(startOf(presented.value, 'v_1'), { type: 'show' }).state;
    expect(interact(shown, { type: 'open' }).effects[1]).toEqual({
      type: 'startAiConversation',
      messageId: 'msg_ai_welcome',
      aiAgentId: 'ai_1',
    });
  });

  it('ignores submitted details as not applicable to an AI-agent response', () => {
    const result = interact(stateAt('aiAgent', 'open'), { type: 'submitDetails', email: 'ada@example.com' });
    expect(result.ignored?.reason).toBe('notForThisResponseType');
  });
});

describe('initialInteraction', () => {
  it('returns the hidden state as a Result', () => {
    expect(initialInteraction(presentationFor('agentWithCapture'), 'v_1')).toEqual({
      ok: true,
      value: {
        status: 'hidden',
        messageId: 'msg_pricing_help',
        visitorId: 'v_1',
        response: { type: 'agent', capture: ['name', 'email'], followUp: 'Thanks! An agent will join you shortly.', tags: ['proactive', 'pricing'] },
        details: {},
        fieldErrors: {},
      },
    });
  });

  it('fails, without throwing, for something that is not a presentation or a visitor id that is not an id', () => {
    for (const junk of [null, undefined, 5, 'agent', {}, { type: 'agent' }, { type: 'fax', messageId: 'm' }]) {
      expect(initialInteraction(junk as never, 'v_1').ok, JSON.stringify(junk)).toBe(false);
    }
    expect(initialInteraction(presentationFor('aiAgent'), '')).toMatchObject({ ok: false, issues: [{ path: ['visitorId'], code: 'tooSmall' }] });
  });
});

describe('interact on input it did not make', () => {
  const shown = interact(startOf(presentationFor('agentWithCapture'), 'v_1'), { type: 'show' }).state;

  it("ignores an unknown event type as invalidEvent: interact(state, { type: 'shwo' }) (0.1 said notOpen)", () => {
    const result = interact(shown, { type: 'shwo' } as unknown as InteractionEvent);
    expect(result.state).toBe(shown);
    expect(result.effects).toEqual([]);
    expect(result.ignored?.reason).toBe('invalidEvent');
  });

  it('ignores events that are not objects as invalidEvent', () => {
    for (const junk of [null, undefined, 'show', 7, [], { kind: 'show' }]) {
      expect(interact(shown, junk as unknown as InteractionEvent).ignored?.reason, JSON.stringify(junk)).toBe('invalidEvent');
    }
  });

  it('ignores a state it did not make as invalidState, without effects', () => {
    for (const junk of [null, {}, { ...shown, status: 'exploded' }, { ...shown, response: { type: 'fax' } }, { ...shown, messageId: 42 }]) {
      const result = interact(junk as unknown as InteractionState, { type: 'open' });
      expect(result.ignored?.reason, JSON.stringify(junk)).toBe('invalidState');
      expect(result.effects).toEqual([]);
      expect(result.state).toBe(junk);
    }
  });
});
