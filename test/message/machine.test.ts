import { describe, expect, it } from 'vitest';
import vectors from './vectors/status-actions.json' with { type: 'json' };
import {
  ACTIONS,
  ACTIONS_BY_STATUS,
  MESSAGE_STATUSES,
  TRANSITIONS,
  availableActions,
  deleteMessage,
  duplicate,
  edit,
  pause,
  publish,
  resume,
  type Action,
  type Message,
  type MessageStatus,
  type Result,
} from '../../src/index.js';
import { NOW, draft, inStatus, workspace } from './fixtures.js';

interface Vector {
  name: string;
  status: MessageStatus;
  action: Action;
  inMenu: boolean;
  expect: { status?: MessageStatus; copyStatus?: MessageStatus; code?: string; removed?: boolean };
}
const cases = vectors.cases as Vector[];

/** The machine's answer for (status, action): the next status, `null` (removed) or `undefined` (not allowed). */
const nextStatus = (status: MessageStatus, action: Action): MessageStatus | null | undefined => TRANSITIONS[status][action];

/** Runs the real function behind an action; returns the original's next state and, for duplicate, the copy. */
function run(message: Message, action: Action): Result<{ next: Message | null; copy?: Message }> {
  const wrap = (result: Result<Message>) => (result.ok ? { ok: true as const, value: { next: result.value } } : result);
  switch (action) {
    case 'edit':
      return wrap(edit(message, { changes: { name: 'Renamed' }, now: NOW }));
    case 'duplicate': {
      const copy = duplicate(message, { id: 'msg_copy', now: NOW });
      return copy.ok ? { ok: true, value: { next: message, copy: copy.value } } : copy;
    }
    case 'publish':
      return wrap(publish(message, { workspace, now: NOW }));
    case 'pause':
      return wrap(pause(message, { now: NOW }));
    case 'resume':
      return wrap(resume(message, { workspace, now: NOW }));
    case 'delete': {
      const result = deleteMessage([message], message.id);
      return result.ok ? { ok: true, value: { next: result.value.length === 0 ? null : message } } : result;
    }
  }
}

describe('status × action vectors (SPEC §1.1)', () => {
  it('cover every status × action cell exactly once', () => {
    const seen = cases.map((c) => `${c.status}/${c.action}`).sort();
    const all = MESSAGE_STATUSES.flatMap((s) => ACTIONS.map((a) => `${s}/${a}`)).sort();
    expect(seen).toEqual(all);
  });

  it.each(cases)('$name', (vector) => {
    const message = inStatus(draft, vector.status);
    expect(availableActions(message).includes(vector.action)).toBe(vector.inMenu);
    const result = run(message, vector.action);
    if (vector.expect.code !== undefined) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issues.map((i) => i.code)).toEqual([vector.expect.code]);
      expect(nextStatus(vector.status, vector.action)).toBeUndefined();
      return;
    }
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    if (vector.expect.removed === true) {
      expect(result.value.next).toBeNull();
      expect(nextStatus(vector.status, vector.action)).toBeNull();
      return;
    }
    expect(result.value.next?.status).toBe(vector.expect.status);
    expect(nextStatus(vector.status, vector.action)).toBe(vector.expect.status);
    if (vector.expect.copyStatus !== undefined) expect(result.value.copy?.status).toBe(vector.expect.copyStatus);
  });
});

describe('the machine as data', () => {
  it('offers in the menu only actions the machine allows', () => {
    for (const status of MESSAGE_STATUSES) {
      for (const action of ACTIONS_BY_STATUS[status]) expect(TRANSITIONS[status][action]).not.toBeUndefined();
    }
  });

  it('never leads back to draft from a published status', () => {
    for (const status of ['live', 'paused', 'error'] as const) {
      for (const action of ACTIONS) expect(TRANSITIONS[status][action]).not.toBe('draft');
    }
  });

  it('lists menu actions in the order of the SPEC table', () => {
    for (const status of MESSAGE_STATUSES) {
      const order = ACTIONS_BY_STATUS[status].map((a) => ACTIONS.indexOf(a));
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  });
});
