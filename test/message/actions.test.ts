import { afterEach, describe, expect, it, vi } from 'vitest';
import * as parse from '../../src/model/parse.js';
import { COPY_NAME_MAX_LENGTH, duplicate, edit, pause, publish, reconcile, resume } from '../../src/message/index.js';
import type { Message } from '../../src/model/types.js';
import { EARLIER_ISO, NOW, NOW_ISO, aiDraft, deepFreeze, draft, inStatus, workspace, workspaceAtLimit } from './fixtures.js';

const value = <T>(result: { ok: true; value: T } | { ok: false }): T => {
  if (!result.ok) throw new Error('expected ok');
  return result.value;
};

describe('publish', () => {
  it('makes a draft live, sets publishedAt and updatedAt to now', () => {
    const live = value(publish(deepFreeze({ ...draft }), workspace, new Date(NOW)));
    expect(live).toEqual({ ...draft, status: 'live', publishedAt: NOW_ISO, updatedAt: NOW_ISO });
  });

  it('republishes a repaired error message, keeping the first publishedAt and clearing errorReasons', () => {
    const repaired = inStatus(draft, 'error');
    const live = value(publish(repaired, workspace, NOW));
    expect(live.status).toBe('live');
    expect(live.publishedAt).toBe(EARLIER_ISO);
    expect('errorReasons' in live).toBe(false);
  });

  it('fails with every unmet requirement and changes nothing', () => {
    const result = publish({ ...draft, channelId: null }, { ...workspace, messagingEnabled: false }, NOW);
    expect(result).toEqual({ ok: false, issues: [expect.objectContaining({ code: 'messagingDisabled' }), expect.objectContaining({ code: 'channelNotSet' })] });
  });

  it('fails with actionNotAllowed from live and paused before checking requirements', () => {
    for (const status of ['live', 'paused'] as const) {
      const result = publish(inStatus(draft, status), { ...workspace, channels: [] }, NOW);
      expect(result).toEqual({ ok: false, issues: [expect.objectContaining({ code: 'actionNotAllowed', path: ['status'] })] });
    }
  });

  it('fails with invalidInstant for an invalid Date or NaN', () => {
    for (const now of [new Date('nope'), Number.NaN, Number.POSITIVE_INFINITY, 9e15]) {
      expect(publish(draft, workspace, now)).toEqual({ ok: false, issues: [expect.objectContaining({ code: 'invalidInstant', path: ['now'] })] });
    }
  });

  it('lands an AI-agent message in a limit pause while the account pauses AI features at the limit', () => {
    const published = value(publish(aiDraft, workspaceAtLimit, NOW));
    expect(published).toMatchObject({ status: 'paused', pauseReason: 'automatedResolutionLimit', publishedAt: NOW_ISO });
    expect(reconcile([published], workspaceAtLimit, NOW + 1).changes).toEqual([]);
    expect(value(publish(draft, workspaceAtLimit, NOW)).status).toBe('live');
  });
});

describe('pause and resume', () => {
  it('pauses a live message by hand and resumes it', () => {
    const live = inStatus(draft, 'live');
    const paused = value(pause(live, NOW));
    expect(paused).toEqual({ ...live, status: 'paused', pauseReason: 'manual', updatedAt: NOW_ISO });
    const resumed = value(resume(paused, NOW + 1000));
    expect(resumed).toEqual({ ...live, updatedAt: '2026-11-23T10:00:01.000Z' });
    expect('pauseReason' in resumed).toBe(false);
  });

  it('resumes any paused message to live when no workspace is given', () => {
    const limitPaused: Message = { ...inStatus(aiDraft, 'paused'), pauseReason: 'automatedResolutionLimit' };
    expect(value(resume(limitPaused, NOW)).status).toBe('live');
  });

  it('refuses to resume a limit pause by hand while the limit still applies', () => {
    const limitPaused: Message = { ...inStatus(aiDraft, 'paused'), pauseReason: 'automatedResolutionLimit' };
    expect(resume(limitPaused, NOW, workspaceAtLimit)).toEqual({
      ok: false,
      issues: [expect.objectContaining({ code: 'automatedResolutionLimitReached' })],
    });
    expect(value(resume(limitPaused, NOW, workspace)).status).toBe('live');
  });

  it('turns a manual pause of an AI-agent message into a limit pause when resumed at the limit', () => {
    const paused = inStatus(aiDraft, 'paused');
    expect(value(resume(paused, NOW, workspaceAtLimit))).toMatchObject({ status: 'paused', pauseReason: 'automatedResolutionLimit' });
    expect(value(resume(inStatus(draft, 'paused'), NOW, workspaceAtLimit)).status).toBe('live');
  });
});

describe('duplicate', () => {
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

  it('bounds the copy name to the name length limit without splitting an emoji', () => {
    const long = value(duplicate({ ...draft, name: 'x'.repeat(COPY_NAME_MAX_LENGTH) }, { id: 'c', now: NOW }));
    expect(long.name).toBe(`Copy of ${'x'.repeat(COPY_NAME_MAX_LENGTH - 8)}`);
    const emoji = value(duplicate({ ...draft, name: `${'y'.repeat(COPY_NAME_MAX_LENGTH - 9)}😀z` }, { id: 'c', now: NOW }));
    expect(emoji.name).toBe(`Copy of ${'y'.repeat(COPY_NAME_MAX_LENGTH - 9)}`);
  });

  it('refuses from error, reuses of the original id, and blank or too long names', () => {
    expect(duplicate(inStatus(draft, 'error'), { id: 'c', now: NOW })).toMatchObject({ ok: false, issues: [{ code: 'actionNotAllowed' }] });
    expect(duplicate(draft, { id: draft.id, now: NOW })).toMatchObject({ ok: false, issues: [{ code: 'invalidMessageId' }] });
    expect(duplicate(draft, { id: '', now: NOW })).toMatchObject({ ok: false, issues: [{ code: 'invalidMessageId' }] });
    expect(duplicate(draft, { id: 'c', now: NOW, name: '  ' })).toMatchObject({ ok: false, issues: [{ code: 'invalidName' }] });
    expect(duplicate(draft, { id: 'c', now: NOW, name: 'n'.repeat(201) })).toMatchObject({ ok: false, issues: [{ code: 'invalidName' }] });
  });
});

describe('edit', () => {
  afterEach(() => vi.restoreAllMocks());

  it('returns the parser issues of the edited message as they are', () => {
    const issues = [{ path: ['response', 'text'], code: 'invalidType' as const, message: 'bad text' }];
    vi.spyOn(parse, 'parseMessage').mockReturnValue({ ok: false, issues });
    expect(edit(draft, { name: 'x' }, NOW)).toEqual({ ok: false, issues });
  });

  it('changes editable fields only and stamps updatedAt, keeping the status', () => {
    const errored = deepFreeze(inStatus(draft, 'error'));
    const changes = { name: 'New name', priority: 3, status: 'live', metrics: { sent: 9, read: 9, replied: 9 } } as Parameters<typeof edit>[1];
    const edited = value(edit(errored, changes, NOW));
    expect(edited).toEqual({ ...errored, name: 'New name', priority: 3, updatedAt: NOW_ISO });
  });

  it('lets a draft drop its channel but not a published message', () => {
    expect(value(edit(draft, { channelId: null }, NOW)).channelId).toBeNull();
    expect(edit(inStatus(draft, 'live'), { channelId: null }, NOW)).toMatchObject({ ok: false, issues: [{ code: 'channelNotSet', path: ['channelId'] }] });
  });
});
