/**
 * `evaluate` and `explain` reuse the policy of the last options object that passed the check
 * while nothing about it has changed (prototype, own keys, the two values). The law: changing
 * the same object in place between calls — any value, an added or removed key, another
 * prototype, a getter, a getter that throws — answers exactly as a never-seen copy of it does
 * (a different object, so checked in full).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, explain, type Delivery, type Message } from '../../src/index.js';
import { T0, message, visitor } from './fixtures.js';

const MIN = 60_000;

/** A fresh object with the same prototype and own properties (getters stay getters). */
function copyOf(options: object): object {
  return Object.create(Object.getPrototypeOf(options) as object | null, Object.getOwnPropertyDescriptors(options)) as object;
}

/** Two messages and a visitor delivered the first one 2 minutes ago: a cooldown of 300 s holds the second back, none does not. */
const MESSAGES: Message[] = [message('msg_a', { priority: 2, frequency: 'once' }), message('msg_b', { priority: 1 })];
const delivered: Delivery = { messageId: 'msg_a', at: new Date(T0 - 2 * MIN).toISOString(), visitId: 'visit_9', pageViewId: 'pv_2' };
const VISITOR = visitor({ deliveries: [delivered] });

type Change = (options: Record<string, unknown>) => void;

/** In-place changes of an options object, valid and not. */
const CHANGES: readonly (readonly [string, Change])[] = [
  ['cooldown 300', (o) => void (o.cooldownSeconds = 300)],
  ['cooldown 0', (o) => void (o.cooldownSeconds = 0)],
  ['cooldown -1', (o) => void (o.cooldownSeconds = -1)],
  ['cooldown "300"', (o) => void (o.cooldownSeconds = '300')],
  ['delete cooldown', (o) => void delete o.cooldownSeconds],
  ['zone Berlin', (o) => void (o.timeZone = 'Europe/Berlin')],
  ['zone Mars', (o) => void (o.timeZone = 'Mars/Olympus')],
  ['delete zone', (o) => void delete o.timeZone],
  ['zone undefined', (o) => void (o.timeZone = undefined)],
  ['extra key', (o) => void (o.extra = 1)],
  ['delete extra', (o) => void delete o.extra],
  ['null prototype', (o) => void Object.setPrototypeOf(o, null)],
  ['Object prototype', (o) => void Object.setPrototypeOf(o, Object.prototype)],
  ['array prototype', (o) => void Object.setPrototypeOf(o, Array.prototype)],
  ['cooldown getter 300', (o) => void Object.defineProperty(o, 'cooldownSeconds', { get: () => 300, enumerable: true, configurable: true })],
  ['cooldown getter throws', (o) => void Object.defineProperty(o, 'cooldownSeconds', { get: () => { throw new Error('no'); }, enumerable: true, configurable: true })],
  ['cooldown data 60', (o) => void Object.defineProperty(o, 'cooldownSeconds', { value: 60, enumerable: true, configurable: true, writable: true })],
  ['cooldown hidden 300', (o) => void Object.defineProperty(o, 'cooldownSeconds', { value: 300, enumerable: false, configurable: true, writable: true })],
];

describe('the options memo', () => {
  it('a cooldown set on the same object in place takes effect on the next call (hand-checked)', () => {
    const options: Record<string, unknown> = {};
    expect(evaluate(VISITOR, MESSAGES, T0, options).message?.id).toBe('msg_b');
    options.cooldownSeconds = 300;
    // Delivered 2 minutes ago: 3 more minutes of cooldown.
    const held = evaluate(VISITOR, MESSAGES, T0, options);
    expect(held.message).toBeNull();
    expect(held.reevaluateAt).toBe(T0 + 3 * MIN);
    options.extra = true;
    expect(evaluate(VISITOR, MESSAGES, T0, options).invalidInput).toMatchObject({ path: ['options', 'extra'], code: 'unknownKey' });
  });

  it('answers every in-place change as a never-seen copy does, in any order (evaluate and explain)', () => {
    let changedVerdict = 0;
    fc.assert(
      fc.property(fc.array(fc.nat(CHANGES.length - 1), { minLength: 1, maxLength: 8 }), (picks) => {
        const options: Record<string, unknown> = { cooldownSeconds: 300 };
        let previous = JSON.stringify(evaluate(VISITOR, MESSAGES, T0, options));
        for (const pick of picks) {
          try {
            (CHANGES[pick] as (typeof CHANGES)[number])[1](options);
          } catch {
            // Assigning over a getter without a setter: that change does not apply.
          }
          let copy: object;
          try {
            copy = copyOf(options);
          } catch {
            continue;
          }
          const got = JSON.stringify(evaluate(VISITOR, MESSAGES, T0, options as never));
          expect(got, picks.map((p) => CHANGES[p]?.[0]).join(' → ')).toBe(JSON.stringify(evaluate(VISITOR, MESSAGES, T0, copy as never)));
          expect(JSON.stringify(explain(VISITOR, MESSAGES, T0, options as never))).toBe(JSON.stringify(explain(VISITOR, MESSAGES, T0, copy as never)));
          // The same object again, unchanged: the same answer.
          expect(JSON.stringify(evaluate(VISITOR, MESSAGES, T0, options as never))).toBe(got);
          if (got !== previous) changedVerdict += 1;
          previous = got;
        }
      }),
      { numRuns: 300, seed: 3 },
    );
    // The changes did change the answer along the way (a fixed seed: this count cannot flake).
    expect(changedVerdict).toBeGreaterThan(100);
  });
});
