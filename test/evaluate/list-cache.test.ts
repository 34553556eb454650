/**
 * The compiled form of a message list is found again for the same array and for a fresh array
 * of the same message objects in the same order; any other array is compiled for what it holds.
 * A fresh array found so is verified element by element on every call, not kept by identity (a
 * host that builds a new array per call would otherwise add a cache entry per call).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMessages, evaluate, type Message } from '../../src/index.js';
import { T0, message, visitor } from './fixtures.js';

const LIST: Message[] = [message('msg_a', { priority: 3 }), message('msg_b', { priority: 2 }), message('msg_c', { priority: 1 })];
const OTHER = message('msg_d', { priority: 9 });

const firstId = (messages: readonly Message[]): string | null => evaluate(visitor(), messages, T0).message?.id ?? null;

describe('the compiled form of a list, found again', () => {
  it('the same array and a fresh array of the same objects give the same compiled form', () => {
    const compiled = compileMessages(LIST);
    expect(compileMessages(LIST)).toBe(compiled);
    expect(compileMessages([...LIST])).toBe(compiled);
    expect(compileMessages(LIST.slice())).toBe(compiled);
  });

  it('a fresh array that holds other objects, or the same in another order, is compiled for what it holds', () => {
    const compiled = compileMessages(LIST);
    const replaced = [LIST[0] as Message, OTHER, LIST[2] as Message];
    expect(compileMessages(replaced)).not.toBe(compiled);
    expect(firstId(replaced)).toBe('msg_d');
    const reordered = [LIST[0] as Message, LIST[2] as Message, LIST[1] as Message];
    expect(compileMessages(reordered)).not.toBe(compiled);
    expect(compileMessages(reordered).entries.map((e) => ('id' in e ? e.id : null))).toEqual(['msg_a', 'msg_c', 'msg_b']);
  });

  it('on random sequences of fresh arrays over the same objects: each decides as a never-seen list of new objects does', () => {
    // Equal priorities: ties go by position, so the order of a list changes its decision.
    const pool = ['m1', 'm2', 'm3', 'm4', 'm5'].map((id) => message(id, { priority: 1 }));
    const listArb = fc.uniqueArray(fc.nat(4), { minLength: 1, maxLength: 5 }).map((picks) => picks.map((k) => pool[k] as Message));
    fc.assert(
      fc.property(fc.array(listArb, { minLength: 1, maxLength: 8 }), (lists) => {
        for (const list of lists) {
          const copy = [...list];
          const never = list.map((m) => structuredClone(m));
          expect(evaluate(visitor(), copy, T0).eligible).toEqual(evaluate(visitor(), never, T0).eligible);
          expect(firstId(copy)).toBe(list[0]?.id);
        }
      }),
      { numRuns: 300 },
    );
  });
});
