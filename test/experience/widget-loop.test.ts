import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tally, type InteractionState } from '../../src/index.js';
import { agentMessage, aiMessageWithAnswer, workspace } from './fixtures.js';
import { showMessage, type WidgetHost } from './widget-loop.example.js';

function recordingHost(): { host: WidgetHost; calls: unknown[][]; states: InteractionState['status'][] } {
  const calls: unknown[][] = [];
  const states: InteractionState['status'][] = [];
  const host: WidgetHost = {
    recordDelivery: (...args) => void calls.push(['recordDelivery', ...args]),
    markDelivery: (...args) => void calls.push(['markDelivery', ...args]),
    sendMetric: (...args) => void calls.push(['sendMetric', ...args]),
    handOffToAgent: (...args) => void calls.push(['handOffToAgent', ...args]),
    startAiConversation: (...args) => void calls.push(['startAiConversation', ...args]),
    render: (_presentation, state) => void states.push(state.status),
  };
  return { host, calls, states };
}

describe('the widget loop of docs/widget-interaction.md', () => {
  it('is the code block in the guide, verbatim', () => {
    const doc = readFileSync(new URL('../../docs/widget-interaction.md', import.meta.url), 'utf8');
    const example = readFileSync(new URL('./widget-loop.example.ts', import.meta.url), 'utf8');
    const block = /<!-- widget-loop:start -->\n```ts\n([\s\S]*?)```\n<!-- widget-loop:end -->/.exec(doc)?.[1];
    expect(block).toBe(example.replace("'../../src/index.js'", "'proactive-messaging'"));
  });

  it('runs an agent message from show to hand-off, re-asking after an invalid email', () => {
    const { host, calls, states } = recordingHost();
    const dispatch = showMessage(agentMessage, workspace, 'v_1', host);
    expect(dispatch).not.toBeNull();
    dispatch?.({ type: 'open' });
    dispatch?.({ type: 'open' }); // double click: ignored
    dispatch?.({ type: 'submitDetails', name: 'Ada', email: 'ada@example' });
    dispatch?.({ type: 'submitDetails', name: 'Ada', email: 'ada@example.com' });
    expect(states).toEqual(['shown', 'open', 'open', 'handedOff']);
    expect(calls).toEqual([
      ['recordDelivery', 'msg_pricing_help'],
      ['sendMetric', { messageId: 'msg_pricing_help', visitorId: 'v_1', type: 'sent' }],
      ['sendMetric', { messageId: 'msg_pricing_help', visitorId: 'v_1', type: 'read' }],
      ['sendMetric', { messageId: 'msg_pricing_help', visitorId: 'v_1', type: 'replied' }],
      ['handOffToAgent', ['proactive', 'pricing'], { name: 'Ada', email: 'ada@example.com' }],
    ]);
    const metrics = calls.filter((call) => call[0] === 'sendMetric').map((call) => call[1]);
    const counts = tally(metrics as Parameters<typeof tally>[0]);
    expect(counts.ok && counts.value.get('msg_pricing_help')).toEqual({ sent: 1, read: 1, replied: 1, heldOut: 0 });
  });

  it('runs an AI-agent message that the visitor opens and then closes', () => {
    const { host, calls } = recordingHost();
    const dispatch = showMessage(aiMessageWithAnswer, workspace, 'v_2', host);
    dispatch?.({ type: 'open' });
    dispatch?.({ type: 'close' });
    expect(calls.map((call) => call[0])).toEqual(['recordDelivery', 'sendMetric', 'sendMetric', 'startAiConversation', 'markDelivery']);
    expect(calls.at(-1)).toEqual(['markDelivery', 'msg_ai_orders', 'closed']);
    expect(calls.at(-2)).toEqual(['startAiConversation', 'ai_legacy', 'ans_track']);
  });

  it('returns null for a message that cannot be presented', () => {
    const { host, calls } = recordingHost();
    expect(showMessage({ ...agentMessage, channelId: 'web_gone' }, workspace, 'v_3', host)).toBeNull();
    expect(calls).toEqual([]);
  });
});
