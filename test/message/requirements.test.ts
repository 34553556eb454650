import { describe, expect, it } from 'vitest';
import { checkPublishRequirements, parseConditions, parseMessage, publish, type Message, type Workspace } from '../../src/index.js';
import { aiAgent, aiDraft, draft, mobileChannel, webChannel, workspace } from './fixtures.js';

const codes = (message: Message, ws: Workspace) => checkPublishRequirements(message, ws).map((i) => i.code);
const withAgent = (changes: Partial<typeof aiAgent>): Workspace => ({ ...workspace, aiAgents: [{ ...aiAgent, ...changes }] });

describe('checkPublishRequirements', () => {
  it('reports nothing for valid agent and AI-agent messages in a fully enabled workspace', () => {
    expect(checkPublishRequirements(draft, workspace)).toEqual([]);
    expect(checkPublishRequirements(aiDraft, workspace)).toEqual([]);
  });

  it.each([
    ['agentWorkspaceDisabled', draft, { ...workspace, agentWorkspaceEnabled: false }, [], {}],
    ['messagingDisabled', draft, { ...workspace, messagingEnabled: false }, [], {}],
    ['channelNotSet', { ...draft, channelId: null }, workspace, ['channelId'], {}],
    ['channelDeleted', { ...draft, channelId: 'gone' }, workspace, ['channelId'], { channelId: 'gone' }],
    ['channelOtherBrand', draft, { ...workspace, channels: [{ ...webChannel, brandId: 'brand_2' }, mobileChannel] }, ['channelId'], { channelId: 'web_main', brandId: 'brand_2' }],
    ['aiAgentDeleted', aiDraft, { ...workspace, aiAgents: [] }, ['response', 'aiAgentId'], { aiAgentId: 'ai_1' }],
    ['aiAgentUnpublished', aiDraft, withAgent({ published: false }), ['response', 'aiAgentId'], { aiAgentId: 'ai_1' }],
    ['aiAgentInactive', aiDraft, withAgent({ active: false }), ['response', 'aiAgentId'], { aiAgentId: 'ai_1' }],
    ['aiAgentOtherBrand', aiDraft, withAgent({ brandId: 'brand_2' }), ['response', 'aiAgentId'], { aiAgentId: 'ai_1', brandId: 'brand_2' }],
    ['aiAgentNotOnChannel', aiDraft, withAgent({ channelIds: ['app_main'] }), ['response', 'aiAgentId'], { aiAgentId: 'ai_1', channelId: 'web_main' }],
    ['answerDeleted', { ...aiDraft, response: { ...aiDraft.response, answerId: 'nope' } } as Message, workspace, ['response', 'answerId'], { answerId: 'nope' }],
    ['answerUnpublished', { ...aiDraft, response: { ...aiDraft.response, answerId: 'ans_draft' } } as Message, workspace, ['response', 'answerId'], { answerId: 'ans_draft' }],
  ] as const)('reports %s alone with its path and parameters', (code, message, ws, path, params) => {
    expect(checkPublishRequirements(message, ws)).toEqual([expect.objectContaining({ code, path, params, message: expect.any(String) })]);
  });

  it('reports noEligibleChannelInAccount and channelTypeNotAllowed when the only channel is social', () => {
    const social = { ...webChannel, type: 'social' as const };
    expect(codes(draft, { ...workspace, channels: [social] })).toEqual(['noEligibleChannelInAccount', 'channelTypeNotAllowed']);
  });

  it('reports channelTypeNotAllowed for a third-party bot channel even when the account has a widget', () => {
    const bot = { ...webChannel, id: 'bot', type: 'thirdPartyBot' as const };
    expect(checkPublishRequirements({ ...draft, channelId: 'bot' }, { ...workspace, channels: [bot, mobileChannel] })).toEqual([
      expect.objectContaining({ code: 'channelTypeNotAllowed', params: { channelId: 'bot', channelType: 'thirdPartyBot' } }),
    ]);
  });

  it('reports metadataNotOnChannel at each metadata leaf on a mobile SDK channel, and not on the web', () => {
    const message: Message = {
      ...draft,
      channelId: 'app_main',
      conditions: {
        any: [
          { fact: 'metadata.plan', operator: 'equal', value: 'trial' },
          { not: { fact: 'metadata.cartValue', operator: 'greaterThan', value: 100 } },
          { fact: 'pageUrl', operator: 'containsAnyOf', value: ['checkout'] },
        ],
      },
    };
    expect(checkPublishRequirements(message, workspace)).toEqual([
      expect.objectContaining({ code: 'metadataNotOnChannel', path: ['conditions', 'any', 0, 'fact'] }),
      expect.objectContaining({ code: 'metadataNotOnChannel', path: ['conditions', 'any', 1, 'not', 'fact'] }),
    ]);
    expect(checkPublishRequirements({ ...message, channelId: 'web_main' }, workspace)).toEqual([]);
  });

  it('reports the metadata rule exactly as parseConditions does for a mobile SDK channel (one rule)', () => {
    const conditions = { all: [{ fact: 'metadata.plan', operator: 'equal', value: 'x' }, { fact: 'metadata.vip', operator: 'equal', value: true }] } as const;
    const message: Message = { ...draft, channelId: 'app_main', conditions };
    const parsed = parseConditions(conditions, { channelType: 'mobileSdk' });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(checkPublishRequirements(message, workspace)).toEqual(parsed.issues.map((found) => ({ ...found, path: ['conditions', ...found.path] })));
  });

  it('reports every unmet requirement at once', () => {
    const broken: Workspace = {
      agentWorkspaceEnabled: false,
      messagingEnabled: false,
      channels: [],
      aiAgents: [{ ...aiAgent, published: false, active: false, brandId: 'brand_2', channelIds: [] }],
      automatedResolutions: workspace.automatedResolutions,
    };
    expect(codes({ ...aiDraft, response: { ...aiDraft.response, answerId: 'ans_draft' } } as Message, broken)).toEqual([
      'agentWorkspaceDisabled',
      'messagingDisabled',
      'noEligibleChannelInAccount',
      'channelDeleted',
      'aiAgentUnpublished',
      'aiAgentInactive',
      'aiAgentOtherBrand',
      'aiAgentNotOnChannel',
      'answerUnpublished',
    ]);
  });

  it("returns the parser's own issues for a message that does not parse (no contentInvalid wrapper)", () => {
    const broken = { ...draft, response: { type: 'agent', text: 'Hi 👋', capture: [] }, frequency: 'sometimes' } as unknown as Message;
    const parsed = parseMessage(broken);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(checkPublishRequirements(broken, workspace)).toEqual(parsed.issues);
    expect(parsed.issues.map((found) => [found.path, found.code])).toEqual([
      [['response', 'text'], 'emojiNotAllowed'],
      [['frequency'], 'invalidValue'],
    ]);
  });

  it('reports a workspace that does not parse with paths starting at workspace', () => {
    const broken = { ...workspace, messagingEnabled: 'yes' } as unknown as Workspace;
    expect(checkPublishRequirements(draft, broken)).toEqual([
      expect.objectContaining({ code: 'invalidType', path: ['workspace', 'messagingEnabled'], params: { expected: 'boolean', got: 'string' } }),
    ]);
  });

  it('reports a 10,000-deep condition tree as one tooBig issue, never a stack overflow (0.1 recursed on the raw tree)', () => {
    let deep: unknown = { fact: 'pageUrl', operator: 'equal', value: '/pricing' };
    for (let i = 0; i < 10_000; i += 1) deep = { not: deep };
    for (const channelId of ['web_main', 'app_main']) {
      const message = { ...draft, channelId, conditions: deep } as Message;
      const expected = [expect.objectContaining({ code: 'tooBig', params: { maximum: 10, unit: 'levels' }, path: ['conditions', ...Array<string>(10).fill('not')] })];
      expect(checkPublishRequirements(message, workspace)).toEqual(expected);
      expect(publish(message, { workspace, now: 0 })).toEqual({ ok: false, issues: expected });
    }
  });

  it('gives publish exactly its list of issues', () => {
    const message = { ...aiDraft, response: { ...aiDraft.response, answerId: 'ans_draft' } } as Message;
    const ws = { ...workspace, messagingEnabled: false, channels: [{ ...webChannel, brandId: 'brand_2' }] };
    expect(publish(message, { workspace: ws, now: 0 })).toEqual({ ok: false, issues: checkPublishRequirements(message, ws) });
  });
});
