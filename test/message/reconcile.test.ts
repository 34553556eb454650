import { describe, expect, it } from 'vitest';
import { dependencyErrors, hasWarningFlag, reconcile } from '../../src/message/index.js';
import type { Message, Workspace } from '../../src/model/types.js';
import { NOW, NOW_ISO, aiAgent, aiDraft, deepFreeze, draft, inStatus, mobileChannel, webChannel, workspace, workspaceAtLimit } from './fixtures.js';

const live = inStatus(draft, 'live');
const aiLive = inStatus(aiDraft, 'live');
const limitPaused: Message = { ...inStatus({ ...aiDraft, id: 'msg_ai_limit' }, 'paused'), pauseReason: 'automatedResolutionLimit' };
const manualPaused: Message = { ...inStatus({ ...aiDraft, id: 'msg_ai_manual' }, 'paused'), pauseReason: 'manual' };
const withAgent = (changes: Partial<typeof aiAgent>): Workspace => ({ ...workspace, aiAgents: [{ ...aiAgent, ...changes }] });

describe('reconcile', () => {
  it('moves a live message whose channel was deleted to error with channelDeleted', () => {
    const list = deepFreeze([live, inStatus({ ...draft, id: 'd' }, 'draft')]);
    const result = reconcile(list, { ...workspace, channels: [mobileChannel] }, NOW);
    expect(result.changes).toEqual([{ id: live.id, from: 'live', to: 'error', reasons: ['channelDeleted'] }]);
    expect(result.messages[0]).toEqual({ ...live, status: 'error', errorReasons: ['channelDeleted'], updatedAt: NOW_ISO });
    expect(result.messages[1]).toBe(list[1]);
  });

  it('moves live and paused AI-agent messages whose AI agent was deleted to error, dropping the pause reason', () => {
    const result = reconcile([aiLive, manualPaused], { ...workspace, aiAgents: [] }, NOW);
    expect(result.changes).toEqual([
      { id: aiLive.id, from: 'live', to: 'error', reasons: ['aiAgentDeleted'] },
      { id: manualPaused.id, from: 'paused', to: 'error', reasons: ['aiAgentDeleted'] },
    ]);
    expect('pauseReason' in (result.messages[1] ?? {})).toBe(false);
  });

  it.each([
    ['aiAgentUnpublished', withAgent({ published: false })],
    ['aiAgentInactive', withAgent({ active: false })],
    ['aiAgentOtherBrand', withAgent({ brandId: 'brand_2' })],
    ['aiAgentNotOnChannel', withAgent({ channelIds: [] })],
    ['answerUnpublished', withAgent({ answers: [{ id: 'ans_published', name: 'Shipping', published: false }] })],
    ['answerUnpublished', withAgent({ answers: [] })],
    ['channelTypeNotAllowed', { ...workspace, channels: [{ ...webChannel, type: 'social' as const }] }],
  ] as const)('reports %s when the dependency became invalid', (reason, ws) => {
    expect(reconcile([aiLive], ws, NOW).changes).toEqual([{ id: aiLive.id, from: 'live', to: 'error', reasons: [reason] }]);
  });

  it('reports several reasons in the canonical order', () => {
    expect(dependencyErrors(aiLive, { ...workspace, channels: [], aiAgents: [] })).toEqual(['channelDeleted', 'aiAgentDeleted']);
  });

  it('pauses live AI-agent messages at the limit, leaving agent messages live', () => {
    const result = reconcile([live, aiLive], workspaceAtLimit, NOW);
    expect(result.changes).toEqual([{ id: aiLive.id, from: 'live', to: 'paused', reasons: ['automatedResolutionLimitReached'] }]);
    expect(result.messages[1]).toEqual({ ...aiLive, status: 'paused', pauseReason: 'automatedResolutionLimit', updatedAt: NOW_ISO });
    expect(hasWarningFlag(result.messages[1] ?? live)).toBe(true);
    expect(result.messages[0]).toBe(live);
  });

  it('does not pause at the limit when the account does not pause AI features at the limit', () => {
    const ws = { ...workspace, automatedResolutions: { pauseAiAgentFeaturesAtLimit: false, limitReached: true } };
    expect(reconcile([aiLive], ws, NOW).changes).toEqual([]);
  });

  it('resumes only the limit pauses when the limit is lifted; manual pauses stay paused', () => {
    const result = reconcile([limitPaused, manualPaused], workspace, NOW);
    expect(result.changes).toEqual([{ id: limitPaused.id, from: 'paused', to: 'live', reasons: ['automatedResolutionsAvailable'] }]);
    expect(result.messages[0]).toEqual({ ...inStatus({ ...aiDraft, id: 'msg_ai_limit' }, 'live'), updatedAt: NOW_ISO });
    expect(result.messages[1]).toBe(manualPaused);
    expect(hasWarningFlag(manualPaused)).toBe(false);
  });

  it('resumes limit pauses when the setting is turned off while the limit is still reached', () => {
    const ws = { ...workspace, automatedResolutions: { pauseAiAgentFeaturesAtLimit: false, limitReached: true } };
    expect(reconcile([limitPaused], ws, NOW).changes.map((c) => c.to)).toEqual(['live']);
  });

  it('never changes drafts, even broken ones, and keeps error messages in error when dependencies come back', () => {
    const broken = { ...draft, channelId: 'gone' };
    const errored = inStatus(aiDraft, 'error');
    const list = [broken, errored];
    const result = reconcile(list, workspace, NOW);
    expect(result.changes).toEqual([]);
    expect(result.messages).toBe(list);
    expect(reconcile(list, { ...workspace, channels: [], aiAgents: [] }, NOW).messages).toBe(list);
  });

  it('is idempotent', () => {
    const list = [live, aiLive, limitPaused, manualPaused];
    for (const ws of [workspace, workspaceAtLimit, { ...workspace, aiAgents: [] }]) {
      const once = reconcile(list, ws, NOW);
      const twice = reconcile(once.messages, ws, NOW + 1);
      expect(twice.changes).toEqual([]);
      expect(twice.messages).toBe(once.messages);
    }
  });

  it('throws RangeError for an invalid now', () => {
    expect(() => reconcile([live], workspace, new Date(Number.NaN))).toThrow(RangeError);
  });
});
