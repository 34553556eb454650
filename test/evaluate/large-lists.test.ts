/**
 * The largest lists `evaluate` accepts compile and decide: the plan's arrays are built with
 * loops, never by spreading a list-sized array into one call (which throws `RangeError` past
 * ≈ 125,000 arguments in V8).
 */
import { describe, expect, it } from 'vitest';
import { evaluate, type ConditionNode } from '../../src/index.js';
import { LIMITS } from '../../src/core/limits.js';
import { message, T0, visitor } from './fixtures.js';

describe('the largest lists', () => {
  it(`${LIMITS.listMessages} messages with ${LIMITS.conditionLeaves} required leaves each, none answered in bulk: every one decided`, () => {
    // Distinct numeric leaves (tested one by one, per message): 500,000 required-leaf ids in all.
    const conditions: ConditionNode = { all: Array.from({ length: LIMITS.conditionLeaves }, (_, k) => ({ fact: 'pageViews', operator: 'lessThan', value: 1_000 + k })) };
    const messages = Array.from({ length: LIMITS.listMessages }, (_, i) => message(`m${i}`, { conditions }));
    const d = evaluate(visitor(), messages, T0);
    expect(d.invalid).toEqual([]);
    expect(d.eligible).toHaveLength(LIMITS.listMessages);
    expect(d.message?.id).toBe('m0');
  });
});
