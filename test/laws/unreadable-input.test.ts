/**
 * Regressions: functions that once let a value they cannot read through — a throwing getter, a
 * Proxy whose traps throw, a revoked Proxy — now answer as they document, with the issue at the
 * path of the value that could not be read (`invalidType`, `expected: 'json'`).
 */
import { describe, expect, it } from 'vitest';
import { addMessage, availableActions, deleteMessage, evaluate, explain, hasWarningFlag, parseMessages, type Issue, type Message, type Visitor } from '../../src/index.js';
import { fresh, SPEC_MESSAGE_JSON, SPEC_VISITOR_JSON } from '../parse/fixtures.js';
import { lengthThrows, revoked, throwingAt, trapsThrow } from '../helpers/unreadable.js';

const message = fresh<Message>(SPEC_MESSAGE_JSON);
const visitor = fresh<Visitor>(SPEC_VISITOR_JSON);
const draft: Message = { ...message, id: 'msg_draft', status: 'draft' };
const NOW = '2026-11-23T10:00:30Z';
const UNREADABLE = { expected: 'json', got: 'other' };

/** The issues of a failed result as data (without their messages). */
function issuesOf(result: { readonly ok: boolean; readonly issues?: readonly Issue[] }): unknown[] {
  expect(result.ok).toBe(false);
  return (result.issues ?? []).map(({ path, code, params }) => ({ path, code, params }));
}
const paused: Message = { ...message, status: 'paused', pauseReason: 'automatedResolutionLimit' };

describe('a message whose status cannot be read', () => {
  it('availableActions offers no action', () => {
    expect(availableActions(message)).toEqual(['edit', 'duplicate', 'pause', 'delete']);
    for (const unreadable of [throwingAt(message, 'status'), trapsThrow(message), revoked(message)]) expect(availableActions(unreadable)).toEqual([]);
  });

  it('hasWarningFlag is false', () => {
    expect(hasWarningFlag(paused)).toBe(true);
    for (const unreadable of [throwingAt(paused, 'status'), throwingAt(paused, 'pauseReason'), trapsThrow(paused), revoked(paused)]) expect(hasWarningFlag(unreadable)).toBe(false);
  });
});

describe('a message list that cannot be read', () => {
  it('parseMessages: a list whose length throws (or a revoked Proxy) is one invalidType issue at the root', () => {
    for (const list of [lengthThrows([message]), revoked([message])]) {
      const parsed = parseMessages(list);
      expect(parsed).toMatchObject({ ok: false, value: [] });
      expect(parsed.issues.map(({ path, code, params }) => ({ path, code, params }))).toEqual([{ path: [], code: 'invalidType', params: UNREADABLE }]);
    }
  });

  it('parseMessages: an item that cannot be read is an issue at its index; the others parse', () => {
    const parsed = parseMessages(throwingAt([message, draft, message], 0));
    expect(parsed.ok).toBe(false);
    expect(parsed.value.map((m) => m.id)).toEqual(['msg_draft', 'msg_pricing_help']);
    expect(parsed.issues.map(({ path, code, params }) => ({ path, code, params }))).toEqual([{ path: [0], code: 'invalidType', params: UNREADABLE }]);
  });

  it('evaluate and explain: a list whose length throws shows nothing, invalidInput at messages', () => {
    for (const list of [lengthThrows([message]), revoked([message])]) {
      expect(evaluate(visitor, list, NOW)).toMatchObject({ message: null, invalidInput: { path: ['messages'], code: 'invalidType', params: UNREADABLE } });
      expect(explain(visitor, list, NOW)).toEqual([]);
    }
  });
});

describe('addMessage and deleteMessage on a list they cannot read', () => {
  const idThrows = throwingAt(message, 'id');
  it('a message whose id cannot be read: invalidType at its id', () => {
    expect(issuesOf(addMessage([idThrows], draft))).toEqual([{ path: ['messages', 0, 'id'], code: 'invalidType', params: UNREADABLE }]);
    expect(issuesOf(deleteMessage([draft, idThrows], 'msg_draft'))).toEqual([{ path: ['messages', 1, 'id'], code: 'invalidType', params: UNREADABLE }]);
  });

  it('an item that cannot be read: invalidType at its index; a list that cannot be read: at messages', () => {
    expect(issuesOf(addMessage(throwingAt([message], 0), draft))).toEqual([{ path: ['messages', 0], code: 'invalidType', params: UNREADABLE }]);
    expect(issuesOf(deleteMessage(lengthThrows([message]), 'msg_pricing_help'))).toEqual([{ path: ['messages'], code: 'invalidType', params: UNREADABLE }]);
    expect(issuesOf(addMessage(revoked([message]), draft))).toEqual([{ path: ['messages'], code: 'invalidType', params: UNREADABLE }]);
  });

  it('a readable list still works (identity of the other messages kept)', () => {
    const added = addMessage([message], draft);
    expect(added.ok && added.value[0]).toBe(message);
    const deleted = deleteMessage([message, draft], 'msg_draft');
    expect(deleted.ok && deleted.value).toEqual([message]);
  });
});
