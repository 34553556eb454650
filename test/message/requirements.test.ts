import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkPublishRequirements } from '../../src/message/index.js';
import * as parse from '../../src/model/parse.js';
import * as validate from '../../src/conditions/validate.js';
import type { Message, Workspace } from '../../src/model/types.js';
import { aiAgent, aiDraft, draft, mobileChannel, webChannel, workspace } from './fixtures.js';

const codes = (message: Message, ws: Workspace) => checkPublishRequirements(message, ws).map((i) => i.code);
const withAgent = (changes: Partial<typeof aiAgent>): Workspace => ({ ...workspace, aiAgents: [{ ...aiAgent, ...changes }] });

afterEach(() => vi.restoreAllMocks());

describe('checkPublishRequirements', () => {
  it('reports nothing for valid agent and AI-agent messages in a fully enabled workspace', () => {
    expect(checkPublishRequirements(draft, workspace)).toEqual([]);
    expect(checkPublishRequirements(aiDraft, workspace)).toEqual([]);
  });

  it.each([
    ['agentWorkspaceDisabled', draft, { ...workspace, agentWorkspaceEnabled: false }, []],
    ['messagingDisabled', draft, { ...workspace, messagingEnabled: false }, []],
    ['channelNotSet', { ...draft, channelId: null }, workspace, ['channelId']],
    ['channelNotFound', { ...draft, channelId: 'gone' }, workspace, ['channelId']],
    ['channelOtherBrand', draft, { ...workspace, channels: [{ ...webChannel, brandId: 'brand_2' }, mobileChannel] }, ['channelId']],
    ['aiAgentNotFound', aiDraft, { ...workspace, aiAgents: [] }, ['response', 'aiAgentId']],
    ['aiAgentUnpublished', aiDraft, withAgent({ published: false }), ['response', 'aiAgentId']],
    ['aiAgentInactive', aiDraft, withAgent({ active: false }), ['response', 'aiAgentId']],
    ['aiAgentOtherBrand', aiDraft, withAgent({ brandId: 'brand_2' }), ['response', 'aiAgentId']],
    ['aiAgentNotOnChannel', aiDraft, withAgent({ channelIds: ['app_main'] }), ['response', 'aiAgentId']],
    ['answerNotFound', { ...aiDraft, response: { ...aiDraft.response, answerId: 'nope' } } as Message, workspace, ['response', 'answerId']],
    ['answerUnpublished', { ...aiDraft, response: { ...aiDraft.response, answerId: 'ans_draft' } } as Message, workspace, ['response', 'answerId']],
  ] as const)('reports %s alone with its path', (code, message, ws, path) => {
    expect(checkPublishRequirements(message, ws)).toEqual([expect.objectContaining({ code, path })]);
  });

  it('reports noEligibleChannelInAccount and channelTypeNotAllowed when the only channel is social', () => {
    const social = { ...webChannel, type: 'social' as const };
    expect(codes(draft, { ...workspace, channels: [social] })).toEqual(['noEligibleChannelInAccount', 'channelTypeNotAllowed']);
  });

  it('reports channelTypeNotAllowed for a third-party bot channel even when the account has a widget', () => {
    const bot = { ...webChannel, id: 'bot', type: 'thirdPartyBot' as const };
    expect(codes({ ...draft, channelId: 'bot' }, { ...workspace, channels: [bot, mobileChannel] })).toEqual(['channelTypeNotAllowed']);
  });

  it('reports metadataFactOnMobile at each metadata leaf on a mobile SDK channel, and not on the web', () => {
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
      expect.objectContaining({ code: 'metadataFactOnMobile', path: ['conditions', 'any', 0, 'fact'] }),
      expect.objectContaining({ code: 'metadataFactOnMobile', path: ['conditions', 'any', 1, 'not', 'fact'] }),
    ]);
    expect(checkPublishRequirements({ ...message, channelId: 'web_main' }, workspace)).toEqual([]);
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
      'channelNotFound',
      'aiAgentUnpublished',
      'aiAgentInactive',
      'aiAgentOtherBrand',
      'aiAgentNotOnChannel',
      'answerUnpublished',
    ]);
  });

  it('wraps each parser issue as contentInvalid at the same path', () => {
    vi.spyOn(parse, 'parseMessage').mockReturnValue({
      ok: false,
      issues: [{ path: ['response', 'text'], code: 'invalidType', message: 'text must be a string' }],
    });
    expect(checkPublishRequirements(draft, workspace)).toEqual([
      { path: ['response', 'text'], code: 'contentInvalid', message: 'invalidType: text must be a string' },
    ]);
  });

  it('merges the issues of checkConditionSemantics, passing the channel type, without duplicates', () => {
    const spy = vi.spyOn(validate, 'checkConditionSemantics').mockReturnValue([
      { path: ['conditions', 'all', 0], code: 'unknownOperator', message: 'no such operator' },
      { path: ['conditions', 'all', 0, 'fact'], code: 'metadataFactOnMobile', message: 'web only' },
    ]);
    const message: Message = { ...draft, channelId: 'app_main', conditions: { all: [{ fact: 'metadata.plan', operator: 'equal', value: 'x' }] } };
    // The real parser also calls the (mocked) semantic check; isolate the merge under test.
    vi.spyOn(parse, 'parseMessage').mockReturnValue({ ok: true, value: message });
    expect(codes(message, workspace)).toEqual(['metadataFactOnMobile', 'unknownOperator']);
    expect(spy).toHaveBeenCalledWith(message.conditions, ['conditions'], { channelType: 'mobileSdk' });
  });
});
