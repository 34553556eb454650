import { describe, expect, it } from 'vitest';
import { LIMITS, addMessage, deleteMessage, sortMessages, type Message, type MessageStatus, type SortKey } from '../../src/index.js';
import { deepFreeze, draft, inStatus } from './fixtures.js';

const numbered = (count: number): Message[] => Array.from({ length: count }, (_, i) => ({ ...draft, id: `m${i}` }));

describe('addMessage', () => {
  it('accepts the 140th message and refuses the 141st', () => {
    expect(LIMITS.accountMessages).toBe(140);
    const list = deepFreeze(numbered(139));
    const added = addMessage(list, { ...draft, id: 'new' });
    expect(added.ok && added.value.length).toBe(140);
    expect(added.ok && added.value[139]?.id).toBe('new');
    if (!added.ok) return;
    expect(addMessage(added.value, { ...draft, id: 'one_more' })).toEqual({
      ok: false,
      issues: [expect.objectContaining({ code: 'tooBig', path: ['messages'], params: { maximum: 140, unit: 'messages' } })],
    });
    expect(list).toHaveLength(139);
  });

  it('counts every status towards the limit', () => {
    const statuses: MessageStatus[] = ['draft', 'live', 'paused', 'error'];
    const list = numbered(140).map((m, i) => inStatus(m, statuses[i % 4] ?? 'draft'));
    expect(addMessage(list, { ...draft, id: 'x' })).toMatchObject({ ok: false, issues: [{ code: 'tooBig', params: { maximum: 140 } }] });
  });

  it('refuses a duplicate id', () => {
    expect(addMessage(numbered(3), { ...draft, id: 'm1' })).toMatchObject({ ok: false, issues: [{ code: 'duplicate', path: ['id'] }] });
  });

  it('refuses a message that does not parse, with the parser issues', () => {
    expect(addMessage(numbered(3), { ...draft, id: 'x', frequency: 'sometimes' } as never)).toMatchObject({
      ok: false,
      issues: [{ code: 'invalidValue', path: ['frequency'] }],
    });
  });

  it('refuses a list that is not an array, without throwing', () => {
    expect(addMessage(null as never, draft)).toMatchObject({ ok: false, issues: [{ code: 'invalidType', path: ['messages'] }] });
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
    expect(deleteMessage(numbered(2), 'nope')).toMatchObject({ ok: false, issues: [{ code: 'messageNotFound', path: ['id'] }] });
  });

  it('names the id it did not find (not the key "id"), quoted and cut like any quoted input', () => {
    expect(deleteMessage(numbered(2), 'msg_gone')).toEqual({
      ok: false,
      issues: [{ path: ['id'], code: 'messageNotFound', params: { id: 'msg_gone' }, message: 'no message with id "msg_gone"' }],
    });
    const long = deleteMessage(numbered(2), 'x'.repeat(128));
    expect(long.ok === false && long.issues[0]?.message).toBe(`no message with id "${'x'.repeat(60)}…"`);
  });

  it('refuses a list that is not an array, without throwing', () => {
    expect(deleteMessage({ length: 3 } as never, 'm1')).toMatchObject({ ok: false, issues: [{ code: 'invalidType', path: ['messages'] }] });
  });
});

describe('sortMessages', () => {
  const at = (iso: string) => iso;
  const list: Message[] = deepFreeze([
    { ...inStatus({ ...draft, id: 'a', name: 'beta' }, 'draft'), updatedAt: at('2026-01-02T00:00:00Z') },
    { ...inStatus({ ...draft, id: 'b', name: 'Alpha' }, 'error'), metrics: { sent: 5, read: 1, replied: 0 }, updatedAt: at('2026-01-01T23:30:00-01:00') },
    { ...inStatus({ ...draft, id: 'c', name: 'item 10' }, 'live'), metrics: { sent: 5, read: 3, replied: 2 }, updatedAt: at('2026-01-01T00:00:00Z') },
    { ...inStatus({ ...draft, id: 'd', name: 'item 9' }, 'paused'), metrics: { sent: 9, read: 0, replied: 2 }, updatedAt: at('2026-01-03T00:00:00Z') },
    // 2025-12-31T23:59:00Z: the oldest, though its local date is 2026-01-01.
    { ...inStatus({ ...draft, id: 'e', name: 'ÁLPHA' }, 'live'), metrics: { sent: 0, read: 3, replied: 1 }, updatedAt: at('2026-01-01T04:59:00+05:00') },
  ]);
  const sorted = (by: SortKey, direction: 'asc' | 'desc'): readonly Message[] => {
    const result = sortMessages(list, by, direction);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    return result.value;
  };
  const ids = (by: SortKey, direction: 'asc' | 'desc') => sorted(by, direction).map((m) => m.id);

  it.each([
    ['status', 'asc', ['c', 'e', 'd', 'b', 'a']],
    ['status', 'desc', ['a', 'b', 'd', 'c', 'e']],
    ['sent', 'asc', ['a', 'e', 'b', 'c', 'd']],
    ['sent', 'desc', ['d', 'b', 'c', 'a', 'e']],
    ['read', 'asc', ['a', 'd', 'b', 'c', 'e']],
    ['read', 'desc', ['c', 'e', 'b', 'a', 'd']],
    ['replied', 'asc', ['a', 'b', 'e', 'c', 'd']],
    ['replied', 'desc', ['c', 'd', 'e', 'a', 'b']],
    // b's updatedAt is 2026-01-02T00:30Z: between a and d; e is 2025-12-31T23:59Z, the oldest
    ['updatedAt', 'asc', ['e', 'c', 'a', 'b', 'd']],
    ['updatedAt', 'desc', ['d', 'b', 'a', 'c', 'e']],
    ['name', 'asc', ['b', 'e', 'a', 'd', 'c']],
    ['name', 'desc', ['c', 'd', 'a', 'b', 'e']],
  ] as const)('sorts by %s %s, ties in input order', (by, direction, expected) => {
    expect(ids(by, direction)).toEqual(expected);
  });

  it('never mutates the input and returns a new array', () => {
    expect(sorted('sent', 'asc')).not.toBe(list);
    expect(list.map((m) => m.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('fails with invalidValue for an unknown key or direction, and with the issues of a message that does not parse', () => {
    expect(sortMessages(list, 'colour' as never, 'up' as never)).toMatchObject({
      ok: false,
      issues: [{ code: 'invalidValue', path: ['by'] }, { code: 'invalidValue', path: ['direction'] }],
    });
    const broken = [...list, { ...draft, id: 'f', updatedAt: 'not a date' }];
    expect(sortMessages(broken, 'updatedAt', 'asc')).toMatchObject({ ok: false, issues: [{ code: 'invalidFormat', path: [5, 'updatedAt'], params: { format: 'timestamp' } }] });
    expect(sortMessages('abc' as never, 'name', 'asc')).toMatchObject({ ok: false, issues: [{ code: 'invalidType', path: ['messages'] }] });
  });
});
