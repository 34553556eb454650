/**
 * Regressions: functions that once let a value they cannot read through — a throwing getter, a
 * Proxy whose traps throw, a revoked Proxy — now answer as they document, with the issue at the
 * path of the value that could not be read (`invalidType`, `expected: 'json'`).
 */
import { describe, expect, it } from 'vitest';
import { availableActions, hasWarningFlag, type Message } from '../../src/index.js';
import { fresh, SPEC_MESSAGE_JSON } from '../parse/fixtures.js';
import { revoked, throwingAt, trapsThrow } from '../helpers/unreadable.js';

const message = fresh<Message>(SPEC_MESSAGE_JSON);
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
