import { describe, expect, it } from 'vitest';
import { hasWarningFlag, reconcile, type Message, type ReconcileResult, type Workspace } from '../../src/index.js';
import { NOW, NOW_ISO, aiAgent, aiDraft, deepFreeze, draft, inStatus, mobileChannel, webChannel, workspace, workspaceAtLimit } from './fixtures.js';

const live = inStatus(draft, 'live');
const aiLive = inStatus(aiDraft, 'live');
const limitPaused: Message = { ...inStatus({ ...aiDraft, id: 'msg_ai_limit' }, 'paused'), pauseReason: 'automatedResolutionLimit' };
const manualPaused: Message = { ...inStatus({ ...aiDraft, id: 'msg_ai_manual' }, 'paused'), pauseReason: 'manual' };
const withAgent = (changes: Partial<typeof aiAgent>): Workspace => ({ ...workspace, aiAgents: [{ ...aiAgent, ...changes }] });

/** `reconcile(messages, { workspace, now })`, which must succeed here. */
function run(messages: readonly Message[], ws: Workspace, now: number = NOW): ReconcileResult {
  const result = reconcile(messages, { workspace: ws, now });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

describe('reconcile(messages, { workspace, now })', () => {
  it('moves a live message whose channel was deleted to error with channelDeleted', () => {
    const list = deepFreeze([live, inStatus({ ...draft, id: 'd' }, 'draft')]);
    const result = run(list, { ...workspace, channels: [mobileChannel] });
    expect(result.changes).toEqual([{ id: live.id, from: 'live', to: 'error', reasons: ['channelDeleted'] }]);
    expect(result.messages[0]).toEqual({ ...live, status: 'error', errorReasons: ['channelDeleted'], updatedAt: NOW_ISO });
    expect(result.messages[1]).toBe(list[1]);
  });

  it('moves a live message whose channel moved to another brand to error with channelOtherBrand (0.1 skipped this check)', () => {
    const moved: Workspace = { ...workspace, channels: [{ ...webChannel, brandId: 'brand_2' }, mobileChannel] };
    const result = run([live], moved);
    expect(result.changes).toEqual([{ id: live.id, from: 'live', to: 'error', reasons: ['channelOtherBrand'] }]);
    expect(result.messages[0]).toMatchObject({ status: 'error', errorReasons: ['channelOtherBrand'] });
  });

  it('moves live and paused AI-agent messages whose AI agent was deleted to error, dropping the pause reason', () => {
    const result = run([aiLive, manualPaused], { ...workspace, aiAgents: [] });
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
    ['answerDeleted', withAgent({ answers: [] })],
    ['channelTypeNotAllowed', { ...workspace, channels: [{ ...webChannel, type: 'social' as const }] }],
  ] as const)('reports %s when the dependency became invalid', (reason, ws) => {
    expect(run([aiLive], ws).changes).toEqual([{ id: aiLive.id, from: 'live', to: 'error', reasons: [reason] }]);
  });

  it('reports several reasons in the canonical order of ERROR_REASONS', () => {
    const ws: Workspace = { ...workspace, channels: [{ ...webChannel, type: 'social', brandId: 'brand_2' }], aiAgents: [] };
    expect(run([aiLive], ws).changes[0]?.reasons).toEqual(['channelTypeNotAllowed', 'channelOtherBrand', 'aiAgentDeleted']);
    expect(run([aiLive], { ...workspace, channels: [], aiAgents: [] }).changes[0]?.reasons).toEqual(['channelDeleted', 'aiAgentDeleted']);
  });

  it('pauses live AI-agent messages at the limit, leaving agent messages live', () => {
    const result = run([live, aiLive], workspaceAtLimit);
    expect(result.changes).toEqual([{ id: aiLive.id, from: 'live', to: 'paused', reasons: ['automatedResolutionLimitReached'] }]);
    expect(result.messages[1]).toEqual({ ...aiLive, status: 'paused', pauseReason: 'automatedResolutionLimit', updatedAt: NOW_ISO });
    expect(hasWarningFlag(result.messages[1] ?? live)).toBe(true);
    expect(result.messages[0]).toBe(live);
  });

  it('does not pause at the limit when the account does not pause AI features at the limit', () => {
    const ws = { ...workspace, automatedResolutions: { pauseAiAgentFeaturesAtLimit: false, limitReached: true } };
    expect(run([aiLive], ws).changes).toEqual([]);
  });

  it('resumes only the limit pauses when the limit is lifted; manual pauses stay paused', () => {
    const result = run([limitPaused, manualPaused], workspace);
    expect(result.changes).toEqual([{ id: limitPaused.id, from: 'paused', to: 'live', reasons: ['automatedResolutionsAvailable'] }]);
    expect(result.messages[0]).toEqual({ ...inStatus({ ...aiDraft, id: 'msg_ai_limit' }, 'live'), updatedAt: NOW_ISO });
    expect(result.messages[1]).toBe(manualPaused);
    expect(hasWarningFlag(manualPaused)).toBe(false);
  });

  it('resumes limit pauses when the setting is turned off while the limit is still reached', () => {
    const ws = { ...workspace, automatedResolutions: { pauseAiAgentFeaturesAtLimit: false, limitReached: true } };
    expect(run([limitPaused], ws).changes.map((c) => c.to)).toEqual(['live']);
  });

  it('never changes drafts, even broken ones, and keeps error messages in error when dependencies come back', () => {
    const broken = { ...draft, channelId: 'gone' };
    const errored = inStatus(aiDraft, 'error');
    const list = [broken, errored];
    const result = run(list, workspace);
    expect(result.changes).toEqual([]);
    expect(result.messages).toBe(list);
    expect(run(list, { ...workspace, channels: [], aiAgents: [] }).messages).toBe(list);
  });

  it('is idempotent', () => {
    const list = [live, aiLive, limitPaused, manualPaused];
    for (const ws of [workspace, workspaceAtLimit, { ...workspace, aiAgents: [] }]) {
      const once = run(list, ws);
      const twice = run(once.messages, ws, NOW + 1);
      expect(twice.changes).toEqual([]);
      expect(twice.messages).toBe(once.messages);
    }
  });

  it('fails with invalidInstant for an invalid now (0.1 threw RangeError)', () => {
    expect(reconcile([live], { workspace, now: new Date(Number.NaN) })).toEqual({
      ok: false,
      issues: [expect.objectContaining({ code: 'invalidInstant', path: ['now'] })],
    });
  });

  it('reports workspace issues with paths starting at workspace', () => {
    const result = reconcile([live], { workspace: { ...workspace, aiAgents: [{ ...aiAgent, published: 'yes' }] } as never, now: NOW });
    expect(result).toMatchObject({ ok: false, issues: [{ code: 'invalidType', path: ['workspace', 'aiAgents', 0, 'published'] }] });
  });

  it('still accepts the deprecated reconcile(messages, workspace, now) and gives the same result', () => {
    const list = [live, aiLive, limitPaused, manualPaused];
    for (const ws of [workspace, workspaceAtLimit, { ...workspace, aiAgents: [] }]) {
      expect(reconcile(list, ws, NOW)).toEqual(reconcile(list, { workspace: ws, now: NOW }));
    }
    expect(reconcile(list, workspace, Number.NaN)).toEqual(reconcile(list, { workspace, now: Number.NaN }));
  });
});
