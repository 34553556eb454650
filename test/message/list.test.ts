import { describe, expect, it } from 'vitest';
import { MAX_MESSAGES_PER_ACCOUNT, addMessage, deleteMessage, sortMessages, type SortKey } from '../../src/message/index.js';
import type { Message, MessageStatus } from '../../src/model/types.js';
import { deepFreeze, draft, inStatus } from './fixtures.js';

const numbered = (count: number): Message[] => Array.from({ length: count }, (_, i) => ({ ...draft, id: `m${i}` }));

describe('addMessage', () => {
  it('accepts the 140th message and refuses the 141st', () => {
    expect(MAX_MESSAGES_PER_ACCOUNT).toBe(140);
    const list = deepFreeze(numbered(139));
    const added = addMessage(list, { ...draft, id: 'new' });
    expect(added.ok && added.value.length).toBe(140);
    expect(added.ok && added.value[139]?.id).toBe('new');
    if (!added.ok) return;
    expect(addMessage(added.value, { ...draft, id: 'one_more' })).toEqual({
      ok: false,
      issues: [expect.objectContaining({ code: 'messageLimitReached', path: [] })],
    });
    expect(list).toHaveLength(139);
  });

  it('counts every status towards the limit', () => {
    const statuses: MessageStatus[] = ['draft', 'live', 'paused', 'error'];
    const list = numbered(140).map((m, i) => inStatus(m, statuses[i % 4] ?? 'draft'));
    expect(addMessage(list, { ...draft, id: 'x' })).toMatchObject({ ok: false, issues: [{ code: 'messageLimitReached' }] });
  });

  it('refuses a duplicate id', () => {
    expect(addMessage(numbered(3), { ...draft, id: 'm1' })).toMatchObject({ ok: false, issues: [{ code: 'duplicateMessageId', path: ['id'] }] });
  });
});

describe('deleteMessage', () => {
  it('removes the message permanently in any status and keeps the others', () => {
    const list = deepFreeze(numbered(3).map((m, i) => (i === 1 ? inStatus(m, 'error') : m)));
    const result = deleteMessage(list, 'm1');
    expect(result.ok && result.value.map((m) => m.id)).toEqual(['m0', 'm2']);
    expect(result.ok && result.value[0]).toBe(list[0]);
  });

  it('reports messageNotFound for an unknown id', () => {
    expect(deleteMessage(numbered(2), 'nope')).toMatchObject({ ok: false, issues: [{ code: 'messageNotFound' }] });
  });
});

describe('sortMessages', () => {
  const at = (iso: string) => iso;
  const list: Message[] = deepFreeze([
    { ...inStatus({ ...draft, id: 'a', name: 'beta' }, 'draft'), updatedAt: at('2026-01-02T00:00:00Z') },
    { ...inStatus({ ...draft, id: 'b', name: 'Alpha' }, 'error'), metrics: { sent: 5, read: 1, replied: 0 }, updatedAt: at('2026-01-01T23:30:00-01:00') },
    { ...inStatus({ ...draft, id: 'c', name: 'item 10' }, 'live'), metrics: { sent: 5, read: 3, replied: 2 }, updatedAt: at('2026-01-01T00:00:00Z') },
    { ...inStatus({ ...draft, id: 'd', name: 'item 9' }, 'paused'), metrics: { sent: 9, read: 0, replied: 2 }, updatedAt: at('2026-01-03T00:00:00Z') },
    { ...inStatus({ ...draft, id: 'e', name: 'ÁLPHA' }, 'live'), metrics: { sent: 0, read: 3, replied: 1 }, updatedAt: at('not a date') },
  ]);
  const ids = (by: SortKey, direction: 'asc' | 'desc') => sortMessages(list, by, direction).map((m) => m.id);

  it.each([
    ['status', 'asc', ['c', 'e', 'd', 'b', 'a']],
    ['status', 'desc', ['a', 'b', 'd', 'c', 'e']],
    ['sent', 'asc', ['a', 'e', 'b', 'c', 'd']],
    ['sent', 'desc', ['d', 'b', 'c', 'a', 'e']],
    ['read', 'asc', ['a', 'd', 'b', 'c', 'e']],
    ['read', 'desc', ['c', 'e', 'b', 'a', 'd']],
    ['replied', 'asc', ['a', 'b', 'e', 'c', 'd']],
    ['replied', 'desc', ['c', 'd', 'e', 'a', 'b']],
    // b's updatedAt is 2026-01-02T00:30Z: between a and d; e is unparsable and sorts as the oldest
    ['updatedAt', 'asc', ['e', 'c', 'a', 'b', 'd']],
    ['updatedAt', 'desc', ['d', 'b', 'a', 'c', 'e']],
    ['name', 'asc', ['b', 'e', 'a', 'd', 'c']],
    ['name', 'desc', ['c', 'd', 'a', 'b', 'e']],
  ] as const)('sorts by %s %s, ties in input order', (by, direction, expected) => {
    expect(ids(by, direction)).toEqual(expected);
  });

  it('never mutates the input and returns a new array', () => {
    const sorted = sortMessages(list, 'sent', 'asc');
    expect(sorted).not.toBe(list);
    expect(list.map((m) => m.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
