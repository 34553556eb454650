/**
 * The widget contract around `evaluate` (issue 12): `Decision.onScreen` says whether `message` is
 * new or already on screen, so a widget records each delivery once; during an active
 * conversation nothing proactive is shown, not even the message that started it; `markDelivery`
 * refuses an outcome it does not know.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  evaluate,
  explain,
  interact,
  markDelivery,
  present,
  recordDelivery,
  type Decision,
  type Delivery,
  type InteractionEffect,
  type Message,
  type Result,
  type Visitor,
} from '../../src/index.js';
import { scenarioArb } from '../../src/testing/index.js';
import { agentMessage, aiMessage, workspace } from './fixtures.js';
import { deepFreeze, startOf } from './helpers.js';

/** Monday 2026-11-23, 11:00:30 in Berlin: inside agentMessage's business hours (Mon 09:00–17:00). */
const AT = Date.parse('2026-11-23T10:00:30Z');
const seconds = (n: number): number => AT + n * 1000;

/**
 * Both fixture messages qualify for this visitor 30 s after entering /pricing: the URL contains
 * "/pricing" and the language is English. Same priority: agentMessage wins by position.
 */
const messages: readonly Message[] = deepFreeze([agentMessage, aiMessage]);
const visitor: Visitor = deepFreeze({
  id: 'v_ada',
  channelId: 'web_main',
  visit: { id: 'visit_1', number: 1, startedAt: '2026-11-23T09:59:00Z', pageViews: 2 },
  page: { viewId: 'pv_2', url: 'https://shop.example/pricing', title: 'Pricing', enteredAt: '2026-11-23T10:00:00Z' },
  language: 'en-US',
  inActiveConversation: false,
  deliveries: [],
});

function ok<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

const delivery = (messageId: string, changes: Partial<Delivery> = {}): Delivery => ({
  messageId,
  at: '2026-11-23T10:00:30Z',
  visitId: 'visit_1',
  pageViewId: 'pv_2',
  ...changes,
});

describe('Decision.onScreen', () => {
  it('is false for a message that is not on screen yet', () => {
    const decision = evaluate(visitor, messages, AT);
    expect(decision).toMatchObject({ eligible: ['msg_pricing_help', 'msg_ai_welcome'], onScreen: false, invalidInput: null });
    expect(decision.message?.id).toBe('msg_pricing_help');
  });

  it.each([
    // The latest delivery of this page view, neither dismissed nor closed: on screen.
    ['delivered in this page view', [delivery('msg_pricing_help')], 'msg_pricing_help', true],
    // Dismissed: it left the screen, and oncePerVisit caps it; the AI message is new.
    ['delivered and dismissed', [delivery('msg_pricing_help', { dismissed: true })], 'msg_ai_welcome', false],
    ['delivered and closed', [delivery('msg_pricing_help', { closed: true })], 'msg_ai_welcome', false],
    // An earlier page view of this visit: not on screen, and capped for the visit.
    ['delivered in an earlier page view', [delivery('msg_pricing_help', { pageViewId: 'pv_1' })], 'msg_ai_welcome', false],
    // Only the latest delivery of the page view can be on screen (one message at a time).
    [
      'an earlier delivery of this page view followed by another message',
      [delivery('msg_ai_welcome'), delivery('msg_pricing_help', { at: '2026-11-23T10:00:31Z' })],
      'msg_pricing_help',
      true,
    ],
  ] as const)('%s → message %s, onScreen %s', (_name, deliveries, expectedId, expectedOnScreen) => {
    const decision = evaluate({ ...visitor, deliveries }, messages, seconds(5));
    expect(decision.message?.id).toBe(expectedId);
    expect(decision.onScreen).toBe(expectedOnScreen);
  });

  it('is false when the on-screen message is no longer live (it stops being the answer)', () => {
    const pausedAgent: Message = { ...agentMessage, status: 'paused', pauseReason: 'manual' };
    const decision = evaluate({ ...visitor, deliveries: [delivery('msg_ai_welcome', { dismissed: true }), delivery('msg_pricing_help')] }, [pausedAgent, aiMessage], seconds(5));
    expect(decision).toMatchObject({ message: null, onScreen: false });
  });

  it('is true exactly when message is the latest delivery of this page view, neither dismissed nor closed (property)', () => {
    const seen = { onScreen: 0, newMessage: 0 };
    fc.assert(
      fc.property(scenarioArb(), ({ visitor: v, messages: list, now }) => {
        const decision = evaluate(v, list, now);
        if (decision.message !== null) seen[decision.onScreen ? 'onScreen' : 'newMessage'] += 1;
        const here = v.deliveries.filter((d) => d.visitId === v.visit.id && d.pageViewId === v.page.viewId);
        const latest = here[here.length - 1];
        const showing = latest !== undefined && latest.dismissed !== true && latest.closed !== true ? latest.messageId : null;
        expect(decision.onScreen).toBe(decision.message !== null && decision.message.id === showing);
        if (decision.message === null) expect(decision.onScreen).toBe(false);
      }),
      { numRuns: 500 },
    );
    // Both answers occurred: the property was not vacuous.
    expect(seen.onScreen).toBeGreaterThan(0);
    expect(seen.newMessage).toBeGreaterThan(0);
  });

  it('a widget loop that records a delivery only when !onScreen records no duplicates', () => {
    /** The host: re-evaluates at each instant and records what it shows. */
    function loop(start: Visitor, instants: readonly number[], recordWhen: (decision: Decision) => boolean): Visitor {
      let current = start;
      for (const now of instants) {
        const decision = evaluate(current, messages, now);
        if (decision.message !== null && recordWhen(decision)) current = ok(recordDelivery(current, decision.message.id, now));
      }
      return current;
    }
    const instants = [0, 1, 5, 30, 120].map(seconds);
    const careful = loop(visitor, instants, (decision) => !decision.onScreen);
    expect(careful.deliveries.map((d) => [d.messageId, d.at])).toEqual([['msg_pricing_help', '2026-11-23T10:00:30.000Z']]);
    // Without the flag every re-evaluation looks like a new showing (what 0.1 left widgets to guess).
    expect(loop(visitor, instants, () => true).deliveries).toHaveLength(instants.length);
    // Dismissing the bubble ends its showing; the next message is recorded once too.
    const dismissed = ok(markDelivery(careful, 'msg_pricing_help', 'dismissed'));
    const after = loop(dismissed, [150, 151, 200].map(seconds), (decision) => !decision.onScreen);
    expect(after.deliveries.map((d) => [d.messageId, d.dismissed === true])).toEqual([
      ['msg_pricing_help', true],
      ['msg_ai_welcome', false],
    ]);
  });
});

describe('the hand-off rule', () => {
  it('after submitDetails hands off to a live agent and the host sets inActiveConversation, evaluate shows nothing (not the handed-off message)', () => {
    let current: Visitor = visitor;
    const first = evaluate(current, messages, AT);
    expect(first).toMatchObject({ onScreen: false });
    const shownMessage = first.message as Message;
    expect(shownMessage.id).toBe('msg_pricing_help');

    // The widget shows it and runs the effects it is given.
    const presentation = ok(present(shownMessage, workspace));
    const effects: InteractionEffect[] = [];
    let state = startOf(presentation, current.id);
    for (const event of [{ type: 'show' }, { type: 'open' }, { type: 'submitDetails', name: 'Ada', email: 'ada@example.com' }] as const) {
      const result = interact(state, event);
      expect(result.ignored).toBeNull();
      state = result.state;
      effects.push(...result.effects);
      for (const effect of result.effects) {
        if (effect.type === 'recordDelivery') current = ok(recordDelivery(current, effect.messageId, seconds(1)));
        if (effect.type === 'handOffToAgent') current = { ...current, inActiveConversation: true };
      }
    }
    expect(state.status).toBe('handedOff');
    expect(effects.map((effect) => effect.type)).toEqual(['recordDelivery', 'countSent', 'countRead', 'countReplied', 'handOffToAgent']);

    // Before the host marks the conversation active, the message is on screen (not a new delivery).
    expect(evaluate({ ...current, inActiveConversation: false }, messages, seconds(10))).toMatchObject({ onScreen: true, eligible: ['msg_pricing_help', 'msg_ai_welcome'] });
    // Once it does, nothing proactive is shown, the handed-off message included (0.1 kept naming it).
    const during = evaluate(current, messages, seconds(10));
    expect(during).toMatchObject({ message: null, onScreen: false, eligible: [], invalidInput: null });
    // explain agrees: every message is blocked by the active conversation.
    expect(explain(current, messages, seconds(10)).map((verdict) => [verdict.id, verdict.outcome, verdict.reason])).toEqual([
      ['msg_pricing_help', 'blocked', 'activeConversation'],
      ['msg_ai_welcome', 'blocked', 'activeConversation'],
    ]);
  });

  it('shows nothing during an active conversation whatever is on screen (property)', () => {
    fc.assert(
      fc.property(scenarioArb({ visitor: { inActiveConversation: true } }), ({ visitor: v, messages: list, now }) => {
        expect(evaluate(v, list, now)).toMatchObject({ message: null, onScreen: false, eligible: [] });
      }),
      { numRuns: 200 },
    );
  });
});

describe('markDelivery', () => {
  const shown: Visitor = deepFreeze({ ...visitor, deliveries: [delivery('msg_pricing_help')] });

  it("refuses the outcome 'dismised' with invalidValue at ['outcome'] and leaves the visitor unchanged (0.1 wrote a junk key)", () => {
    const before = JSON.stringify(shown);
    const result = markDelivery(shown, 'msg_pricing_help', 'dismised' as never);
    expect(result).toEqual({
      ok: false,
      issues: [expect.objectContaining({ path: ['outcome'], code: 'invalidValue', params: { allowed: ['dismissed', 'closed'] } })],
    });
    expect(JSON.stringify(shown)).toBe(before);
  });

  it.each(['dismissed', 'closed'] as const)('marks the latest delivery of this page view %s', (outcome) => {
    const marked = ok(markDelivery(shown, 'msg_pricing_help', outcome));
    expect(marked.deliveries).toEqual([{ ...delivery('msg_pricing_help'), [outcome]: true }]);
    expect(evaluate(marked, messages, seconds(5)).onScreen).toBe(false);
  });

  it('fails, without throwing, for a visitor that does not parse (paths start with the argument: visitor)', () => {
    expect(markDelivery({ ...shown, visit: null } as never, 'msg_pricing_help', 'closed')).toMatchObject({
      ok: false,
      issues: [{ path: ['visitor', 'visit'], code: 'invalidType' }],
    });
  });
});
