import { afterEach, describe, expect, it } from 'vitest';
import { evaluate, parseMessage, parseVisitor } from '../../src/index.js';
import { fresh, SPEC_MESSAGE_JSON, SPEC_VISITOR_JSON } from './fixtures.js';

/**
 * The checker reads own properties only: a key is own when it sits at the next position of the
 * input's own keys, or when `hasOwn` says so — never because a read found a value, which a
 * polluted `Object.prototype` could supply. A polluted key is never read as a field, never
 * reported as unknown, and an own extra key is still reported (key order: key-order.test.ts).
 */
const POLLUTION = ['polluted', 'id', 'deliveries', 'referrer'] as const;

function pollute(): void {
  for (const key of POLLUTION) Object.defineProperty(Object.prototype, key, { value: 'junk', enumerable: true, configurable: true, writable: true });
}

afterEach(() => {
  for (const key of POLLUTION) delete (Object.prototype as Record<string, unknown>)[key];
});

describe('a polluted Object.prototype', () => {
  it('does not change what parseVisitor and parseMessage accept, or what they return', () => {
    const visitor = fresh(SPEC_VISITOR_JSON) as Record<string, unknown>;
    const message = fresh(SPEC_MESSAGE_JSON) as Record<string, unknown>;
    const before = { v: parseVisitor(visitor), m: parseMessage(message) };
    pollute();
    const after = { v: parseVisitor(visitor), m: parseMessage(message) };
    expect(before.v.ok && before.m.ok).toBe(true);
    expect(after.v.ok).toBe(true);
    expect(after.m.ok).toBe(true);
    expect(after.v.ok && Object.keys(after.v.value).sort()).toEqual(before.v.ok && Object.keys(before.v.value).sort());
  });

  it('still reports an own extra key, and only that one', () => {
    pollute();
    const visitor = { ...(fresh(SPEC_VISITOR_JSON) as Record<string, unknown>), extra: 1 };
    const result = parseVisitor(visitor);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((i) => [i.path, i.code])).toEqual([[['extra'], 'unknownKey']]);
  });

  it('does not make a missing required field present (an inherited `id` is not an id)', () => {
    pollute();
    const { id: _id, ...rest } = fresh(SPEC_VISITOR_JSON) as Record<string, unknown>;
    const result = parseVisitor(rest);
    expect(!result.ok && result.issues.map((i) => [i.path, i.code])).toEqual([[['id'], 'required']]);
    const decision = evaluate(rest as never, [], Date.UTC(2026, 10, 23, 10));
    expect(decision.invalidInput).toMatchObject({ path: ['visitor', 'id'], code: 'required' });
  });
});
