import { describe, expect, it } from 'vitest';
import { fallbackGreeting, present, type Message, type Workspace } from '../../src/index.js';
import { agentMessage, agentMessageWithoutCapture, aiMessage, aiMessageWithAnswer, workspace } from './fixtures.js';

function codes(message: Message, ws: Workspace = workspace): string[] {
  const result = present(message, ws);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.issues.map((found) => found.code);
}

describe('present: agent responses', () => {
  it('renders the text from the channel default sender above the launcher, then capture, follow-up and hand-off with tags', () => {
    const result = present(agentMessage, workspace);
    expect(result).toEqual({
      ok: true,
      value: {
        type: 'agent',
        messageId: 'msg_pricing_help',
        channelId: 'web_main',
        text: 'Questions about our plans? We are here.',
        placement: 'aboveLauncher',
        replacesLauncherText: true,
        tags: ['proactive', 'pricing'],
        sender: { kind: 'channelDefaultSender', name: 'Acme Support', avatarUrl: null },
        onOpen: {
          capture: ['name', 'email'],
          followUp: 'Thanks! An agent will join you shortly.',
          handOff: { tags: ['proactive', 'pricing'] },
        },
      },
    });
  });

  it('has no capture and no follow-up when none are configured', () => {
    const result = present(agentMessageWithoutCapture, workspace);
    expect(result.ok && result.value.type === 'agent' && result.value.onOpen).toEqual({
      capture: [],
      followUp: null,
      handOff: { tags: ['proactive'] },
    });
  });

  it('uses the sender avatar of the message channel', () => {
    const result = present({ ...agentMessage, channelId: 'app_ios' }, workspace);
    expect(result.ok && result.value.sender).toEqual({
      kind: 'channelDefaultSender',
      name: 'Acme in-app',
      avatarUrl: 'https://cdn.example/acme.png',
    });
  });

  it('does not share arrays with the message', () => {
    const result = present(agentMessage, workspace);
    expect(result.ok).toBe(true);
    if (result.ok && result.value.type === 'agent') {
      expect(result.value.tags).not.toBe(agentMessage.tags);
      expect(result.value.onOpen.capture).not.toBe(agentMessage.response.type === 'agent' ? agentMessage.response.capture : []);
    }
  });
});

describe('present: AI-agent responses', () => {
  it('comes from the AI agent and shows its greeting when no answer is chosen', () => {
    const legacyGreeting: Message = { ...aiMessage, response: { type: 'aiAgent', text: 'Hi 👋', aiAgentId: 'ai_legacy' } };
    const result = present(legacyGreeting, workspace);
    expect(result.ok && result.value).toMatchObject({
      type: 'aiAgent',
      text: 'Hi 👋',
      placement: 'aboveLauncher',
      replacesLauncherText: true,
      sender: { kind: 'aiAgent', aiAgentId: 'ai_legacy', name: 'Order Bot', avatarUrl: 'https://cdn.example/bot.png' },
      onOpen: { aiAgentId: 'ai_legacy', show: { kind: 'greeting', text: 'Hello! Ask me about your order.', fallback: false } },
    });
  });

  it('falls back to a documented greeting naming the AI agent when it has none', () => {
    const result = present(aiMessage, workspace);
    expect(fallbackGreeting('Acme Assistant')).toBe('Hi, I am Acme Assistant. How can I help?');
    expect(result.ok && result.value.type === 'aiAgent' && result.value.onOpen.show).toEqual({
      kind: 'greeting',
      text: 'Hi, I am Acme Assistant. How can I help?',
      fallback: true,
    });
  });

  it('treats a blank greeting like a missing one', () => {
    const ws: Workspace = {
      ...workspace,
      aiAgents: workspace.aiAgents.map((agent) => (agent.id === 'ai_1' ? { ...agent, greeting: '   ' } : agent)),
    };
    const result = present(aiMessage, ws);
    expect(result.ok && result.value.type === 'aiAgent' && result.value.onOpen.show.kind === 'greeting' && result.value.onOpen.show.fallback).toBe(true);
  });

  it('shows the chosen published answer', () => {
    const result = present(aiMessageWithAnswer, workspace);
    expect(result.ok && result.value.type === 'aiAgent' && result.value.onOpen.show).toEqual({
      kind: 'answer',
      answerId: 'ans_track',
      name: 'Track my order',
      text: 'You can track your order from the Orders page.',
    });
  });

  it("uses the answer's name as its text when the answer has no text", () => {
    const message: Message = { ...aiMessageWithAnswer, response: { type: 'aiAgent', text: 'x', aiAgentId: 'ai_legacy', answerId: 'ans_untitled' } };
    const result = present(message, workspace);
    expect(result.ok && result.value.type === 'aiAgent' && result.value.onOpen.show).toEqual({
      kind: 'answer',
      answerId: 'ans_untitled',
      name: 'Shipping times',
      text: 'Shipping times',
    });
  });
});

/** The agent message as a draft that has no channel yet (an incomplete draft). */
const { publishedAt: _publishedAt, ...unpublished } = agentMessage;
const draftWithoutChannel: Message = { ...unpublished, status: 'draft', channelId: null };

describe('present: missing or unusable dependencies give issues, never a half-filled presentation', () => {
  it.each([
    ['no channel id (incomplete draft)', draftWithoutChannel, ['channelNotSet']],
    ['channel not in the workspace', { ...agentMessage, channelId: 'web_gone' }, ['channelDeleted']],
    ['social channel', { ...agentMessage, channelId: 'social_fb' }, ['channelTypeNotAllowed']],
    ['channel of another brand', { ...agentMessage, brandId: 'brand_2' }, ['channelOtherBrand']],
    ['AI agent not in the workspace', { ...aiMessage, response: { type: 'aiAgent', text: 'Hi', aiAgentId: 'ai_gone' } }, ['aiAgentDeleted']],
    ['inactive AI agent', { ...aiMessage, response: { type: 'aiAgent', text: 'Hi', aiAgentId: 'ai_off' } }, ['aiAgentInactive']],
    ['AI agent of another brand', { ...aiMessage, response: { type: 'aiAgent', text: 'Hi', aiAgentId: 'ai_brand2' } }, ['aiAgentOtherBrand']],
    ['AI agent not on the channel', { ...aiMessage, channelId: 'app_ios' }, ['aiAgentNotOnChannel']],
    [
      'chosen answer not found',
      { ...aiMessageWithAnswer, response: { type: 'aiAgent', text: 'Hi', aiAgentId: 'ai_legacy', answerId: 'ans_gone' } },
      ['answerDeleted'],
    ],
    [
      'chosen answer unpublished',
      { ...aiMessageWithAnswer, response: { type: 'aiAgent', text: 'Hi', aiAgentId: 'ai_legacy', answerId: 'ans_draft' } },
      ['answerUnpublished'],
    ],
    [
      'channel and AI agent both missing',
      { ...aiMessage, channelId: 'web_gone', response: { type: 'aiAgent', text: 'Hi', aiAgentId: 'ai_gone' } },
      ['channelDeleted', 'aiAgentDeleted'],
    ],
    [
      'an AI agent of another brand on a channel of another brand',
      { ...aiMessage, brandId: 'brand_3' },
      ['channelOtherBrand', 'aiAgentOtherBrand'],
    ],
  ] as const)('%s', (_name, message, expected) => {
    expect(codes(message as Message)).toEqual(expected);
  });

  it('reports an unpublished AI agent as aiAgentUnpublished (0.1: aiAgentUnavailable) and points at the response', () => {
    const ws: Workspace = {
      ...workspace,
      aiAgents: workspace.aiAgents.map((agent) => (agent.id === 'ai_1' ? { ...agent, published: false } : agent)),
    };
    const result = present(aiMessage, ws);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues).toHaveLength(1);
      expect(result.issues[0]).toMatchObject({ code: 'aiAgentUnpublished', path: ['response', 'aiAgentId'], params: { aiAgentId: 'ai_1' } });
      expect(result.issues[0]?.message).toContain('not published');
    }
  });

  it('reports an AI agent that is neither published nor active with both codes', () => {
    const ws: Workspace = {
      ...workspace,
      aiAgents: workspace.aiAgents.map((agent) => (agent.id === 'ai_1' ? { ...agent, published: false, active: false } : agent)),
    };
    expect(codes(aiMessage, ws)).toEqual(['aiAgentUnpublished', 'aiAgentInactive']);
  });

  it('points channel issues at channelId', () => {
    const result = present({ ...agentMessage, channelId: 'web_gone' }, workspace);
    expect(!result.ok && result.issues[0]?.path).toEqual(['channelId']);
    expect(!result.ok && result.issues[0]?.params).toEqual({ channelId: 'web_gone' });
  });

  it("reports a message or workspace that does not parse with the parser's issues (workspace paths start at workspace)", () => {
    expect(present({ ...agentMessage, frequency: 'sometimes' } as unknown as Message, workspace)).toMatchObject({
      ok: false,
      issues: [{ code: 'invalidValue', path: ['frequency'] }],
    });
    expect(present(agentMessage, { ...workspace, channels: 'none' } as unknown as Workspace)).toMatchObject({
      ok: false,
      issues: [{ code: 'invalidType', path: ['workspace', 'channels'] }],
    });
  });

  it('presents a message whatever its status (deciding whether to show it is evaluate\'s job)', () => {
    const { publishedAt: _p, ...rest } = agentMessage;
    expect(present({ ...rest, status: 'draft' }, workspace).ok).toBe(true);
    expect(present({ ...agentMessage, status: 'paused', pauseReason: 'manual' }, workspace).ok).toBe(true);
  });
});
