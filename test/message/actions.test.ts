import { describe, expect, it } from 'vitest';
import { LIMITS, duplicate, edit, parseMessage, pause, publish, reconcile, resume, type Message, type MessageChanges, type Result } from '../../src/index.js';
import { EARLIER_ISO, NOW, NOW_ISO, aiDraft, deepFreeze, draft, inStatus, workspace, workspaceAtLimit } from './fixtures.js';

const value = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.issues)}`);
  return result.value;
};
const codes = (result: Result<unknown>): string[] => (result.ok ? [] : result.issues.map((found) => found.code));

describe('publish(message, { workspace, now })', () => {
  it('makes a draft live, sets publishedAt and updatedAt to now', () => {
    const live = value(publish(deepFreeze({ ...draft }), { workspace, now: new Date(NOW) }));
    expect(live).toEqual({ ...draft, status: 'live', publishedAt: NOW_ISO, updatedAt: NOW_ISO });
  });

  it('republishes a repaired error message, keeping the first publishedAt and clearing errorReasons', () => {
    const repaired = inStatus(draft, 'error');
    const live = value(publish(repaired, { workspace, now: NOW }));
    expect(live.status).toBe('live');
    expect(live.publishedAt).toBe(EARLIER_ISO);
    expect('errorReasons' in live).toBe(false);
  });

  it('fails with every unmet requirement and changes nothing', () => {
    const result = publish({ ...draft, channelId: null }, { workspace: { ...workspace, messagingEnabled: false }, now: NOW });
    expect(result).toEqual({
      ok: false,
      issues: [expect.objectContaining({ code: 'messagingDisabled', path: [] }), expect.objectContaining({ code: 'channelNotSet', path: ['channelId'] })],
    });
  });

  it('fails with actionNotAllowed from live and paused before checking requirements', () => {
    for (const status of ['live', 'paused'] as const) {
      const result = publish(inStatus(draft, status), { workspace: { ...workspace, channels: [] }, now: NOW });
      expect(result).toEqual({ ok: false, issues: [expect.objectContaining({ code: 'actionNotAllowed', path: ['status'], params: { action: 'publish', status } })] });
    }
  });

  it('fails with invalidInstant at now for an invalid Date, NaN, Infinity or a number past year 9999', () => {
    for (const now of [new Date('nope'), Number.NaN, Number.POSITIVE_INFINITY, 9e15]) {
      expect(publish(draft, { workspace, now })).toEqual({ ok: false, issues: [expect.objectContaining({ code: 'invalidInstant', path: ['now'] })] });
    }
  });

  it('reports a workspace that does not parse with paths starting at workspace', () => {
    const broken = { ...workspace, channels: [{ ...workspace.channels[0], type: 'fax' }] } as unknown as typeof workspace;
    const result = publish(draft, { workspace: broken, now: NOW });
    expect(result).toEqual({ ok: false, issues: [expect.objectContaining({ code: 'invalidValue', path: ['workspace', 'channels', 0, 'type'] })] });
  });

  it('needs an options object', () => {
    expect(publish(draft, 'soon' as never)).toEqual({ ok: false, issues: [expect.objectContaining({ code: 'invalidType', path: ['options'] })] });
  });

  it('lands an AI-agent message in a limit pause while the account pauses AI features at the limit', () => {
    const published = value(publish(aiDraft, { workspace: workspaceAtLimit, now: NOW }));
    expect(published).toMatchObject({ status: 'paused', pauseReason: 'automatedResolutionLimit', publishedAt: NOW_ISO });
    expect(value(reconcile([published], { workspace: workspaceAtLimit, now: NOW + 1 })).changes).toEqual([]);
    expect(value(publish(draft, { workspace: workspaceAtLimit, now: NOW })).status).toBe('live');
  });

  it('still accepts the deprecated publish(message, workspace, now) and gives the same result', () => {
    for (const [message, ws] of [[draft, workspace], [aiDraft, workspaceAtLimit], [{ ...draft, channelId: null }, workspace]] as const) {
      expect(publish(message, ws, NOW)).toEqual(publish(message, { workspace: ws, now: NOW }));
    }
  });
});

describe('pause(message, { now }) and resume(message, { workspace, now })', () => {
  it('pauses a live message by hand and resumes it', () => {
    const live = inStatus(draft, 'live');
    const paused = value(pause(live, { now: NOW }));
    expect(paused).toEqual({ ...live, status: 'paused', pauseReason: 'manual', updatedAt: NOW_ISO });
    const resumed = value(resume(paused, { workspace, now: NOW + 1000 }));
    expect(resumed).toEqual({ ...live, updatedAt: '2026-11-23T10:00:01.000Z' });
    expect('pauseReason' in resumed).toBe(false);
  });

  it('refuses to resume a limit pause by hand while the limit still applies', () => {
    const limitPaused: Message = { ...inStatus(aiDraft, 'paused'), pauseReason: 'automatedResolutionLimit' };
    expect(resume(limitPaused, { workspace: workspaceAtLimit, now: NOW })).toEqual({
      ok: false,
      issues: [expect.objectContaining({ code: 'automatedResolutionLimitReached', path: ['status'] })],
    });
    expect(value(resume(limitPaused, { workspace, now: NOW })).status).toBe('live');
  });

  it('turns a manual pause of an AI-agent message into a limit pause when resumed at the limit', () => {
    const paused = inStatus(aiDraft, 'paused');
    expect(value(resume(paused, { workspace: workspaceAtLimit, now: NOW }))).toMatchObject({ status: 'paused', pauseReason: 'automatedResolutionLimit' });
    expect(value(resume(inStatus(draft, 'paused'), { workspace: workspaceAtLimit, now: NOW })).status).toBe('live');
  });

  it('refuses pause and resume from the statuses the machine does not allow', () => {
    expect(codes(pause(draft, { now: NOW }))).toEqual(['actionNotAllowed']);
    expect(codes(resume(inStatus(draft, 'live'), { workspace, now: NOW }))).toEqual(['actionNotAllowed']);
  });

  it('still accepts the deprecated pause(message, now) and gives the same result', () => {
    for (const message of [inStatus(draft, 'live'), draft]) {
      for (const now of [NOW, new Date(NOW), NOW_ISO, Number.NaN]) expect(pause(message, now)).toEqual(pause(message, { now }));
    }
  });

  it('still accepts the deprecated resume(message, now, workspace) and gives the same result', () => {
    const limitPaused: Message = { ...inStatus(aiDraft, 'paused'), pauseReason: 'automatedResolutionLimit' };
    for (const message of [inStatus(draft, 'paused'), inStatus(aiDraft, 'paused'), limitPaused]) {
      for (const ws of [workspace, workspaceAtLimit]) expect(resume(message, NOW, ws)).toEqual(resume(message, { workspace: ws, now: NOW }));
    }
  });

  it('keeps the deprecated resume(message, now) without a workspace as in 0.1: live, without the limit rule', () => {
    const limitPaused: Message = { ...inStatus(aiDraft, 'paused'), pauseReason: 'automatedResolutionLimit' };
    expect(value(resume(limitPaused, NOW))).toEqual({ ...inStatus(aiDraft, 'live'), updatedAt: NOW_ISO });
  });
});

describe('duplicate(message, { id, now, name? })', () => {
  it('copies a live message into a fresh draft with the given id', () => {
    const live = deepFreeze(inStatus(draft, 'live'));
    const copy = value(duplicate(live, { id: 'msg_copy', now: NOW }));
    expect(copy).toEqual({
      ...draft,
      id: 'msg_copy',
      name: 'Copy of Help on the pricing page',
      status: 'draft',
      metrics: { sent: 0, read: 0, replied: 0 },
      createdAt: NOW_ISO,
      updatedAt: NOW_ISO,
    });
    for (const field of ['publishedAt', 'pauseReason', 'errorReasons']) expect(field in copy).toBe(false);
  });

  it('drops the pause reason of a paused original and accepts a custom name', () => {
    const copy = value(duplicate(inStatus(draft, 'paused'), { id: 'c', now: NOW, name: 'Spring' }));
    expect(copy).toMatchObject({ status: 'draft', name: 'Spring' });
    expect('pauseReason' in copy).toBe(false);
  });

  it('bounds the copy name to LIMITS.nameLength (200) without splitting an emoji', () => {
    expect(LIMITS.nameLength).toBe(200);
    const long = value(duplicate({ ...draft, name: 'x'.repeat(200) }, { id: 'c', now: NOW }));
    expect(long.name).toBe(`Copy of ${'x'.repeat(192)}`);
    // 8 + 191 = 199 units; the emoji (2 units) would make 201, so the name stops before it.
    const emoji = value(duplicate({ ...draft, name: `${'y'.repeat(191)}😀z` }, { id: 'c', now: NOW }));
    expect(emoji.name).toBe(`Copy of ${'y'.repeat(191)}`);
  });

  it('refuses from error (actionNotAllowed) and the original id (duplicate)', () => {
    expect(duplicate(inStatus(draft, 'error'), { id: 'c', now: NOW })).toMatchObject({ ok: false, issues: [{ code: 'actionNotAllowed', path: ['status'] }] });
    expect(duplicate(draft, { id: draft.id, now: NOW })).toMatchObject({ ok: false, issues: [{ code: 'duplicate', path: ['id'] }] });
  });

  it('checks the new id and name with the parser rules: empty is tooSmall, over the limit is tooBig', () => {
    expect(duplicate(draft, { id: '', now: NOW })).toMatchObject({ ok: false, issues: [{ code: 'tooSmall', path: ['id'], params: { minimum: 1, unit: 'characters' } }] });
    expect(duplicate(draft, { id: 'i'.repeat(129), now: NOW })).toMatchObject({ ok: false, issues: [{ code: 'tooBig', path: ['id'], params: { maximum: 128 } }] });
    expect(duplicate(draft, { id: 'c', now: NOW, name: '' })).toMatchObject({ ok: false, issues: [{ code: 'tooSmall', path: ['name'] }] });
    expect(duplicate(draft, { id: 'c', now: NOW, name: 'n'.repeat(201) })).toMatchObject({
      ok: false,
      issues: [{ code: 'tooBig', path: ['name'], params: { maximum: 200, unit: 'characters' } }],
    });
    expect(value(duplicate(draft, { id: 'c', now: NOW, name: 'n'.repeat(200) })).name).toHaveLength(200);
  });

  it('refuses a blank copy name, as 0.1 did (invalidName, now tooSmall)', () => {
    expect(duplicate(draft, { id: 'c', now: NOW, name: '  ' })).toMatchObject({ ok: false, issues: [{ code: 'tooSmall', path: ['name'] }] });
  });

  it('writes a copy that parses', () => {
    const copy = value(duplicate(inStatus(aiDraft, 'live'), { id: 'c', now: NOW }));
    expect(parseMessage(copy)).toEqual({ ok: true, value: copy });
  });
});

describe('edit(message, { changes, now })', () => {
  it('returns the parser issues of the edited message as they are', () => {
    const changes: MessageChanges = { response: { type: 'agent', text: 'Hi 👋', capture: [] }, priority: 2_000_000 };
    const result = edit(draft, { changes, now: NOW });
    const parsed = parseMessage({ ...draft, ...changes, updatedAt: NOW_ISO });
    expect(parsed.ok).toBe(false);
    expect(result).toEqual(parsed);
    expect(codes(result)).toEqual(['emojiNotAllowed', 'tooBig']);
  });

  it('changes editable fields only and stamps updatedAt, keeping the status', () => {
    const errored = deepFreeze(inStatus(draft, 'error'));
    const changes = { name: 'New name', priority: 3, status: 'live', metrics: { sent: 9, read: 9, replied: 9 } } as MessageChanges;
    const edited = value(edit(errored, { changes, now: NOW }));
    expect(edited).toEqual({ ...errored, name: 'New name', priority: 3, updatedAt: NOW_ISO });
  });

  it('lets a draft drop its channel but not a published message', () => {
    expect(value(edit(draft, { changes: { channelId: null }, now: NOW })).channelId).toBeNull();
    expect(edit(inStatus(draft, 'live'), { changes: { channelId: null }, now: NOW })).toMatchObject({
      ok: false,
      issues: [{ code: 'channelNotSet', path: ['channelId'] }],
    });
  });

  it('needs changes as an object', () => {
    expect(edit(draft, { now: NOW } as never)).toMatchObject({ ok: false, issues: [{ path: ['changes'] }] });
  });

  it('still accepts the deprecated edit(message, changes, now) and gives the same result', () => {
    for (const changes of [{ name: 'x' }, { channelId: null }, { priority: 2_000_000 }] as MessageChanges[]) {
      for (const message of [draft, inStatus(draft, 'live')]) expect(edit(message, changes, NOW)).toEqual(edit(message, { changes, now: NOW }));
    }
  });
});
