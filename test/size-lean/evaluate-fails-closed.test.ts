/**
 * `evaluate` compiles messages through the lean compilers (no detailed validators in its
 * bundle). Every malformed tree or schedule must still make its message invalid — one generic
 * issue — while the other messages are evaluated as usual, and nothing may throw.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, type ConditionNode, type Message, type Schedule } from '../../src/index.js';
import { message, T0, visitor } from '../evaluate/fixtures.js';

const leaf = { fact: 'pageViews', operator: 'greaterThan', value: 1 };

/** `depth` nested `not`s around a valid leaf, built without recursion. */
function notChain(depth: number): unknown {
  let node: unknown = leaf;
  for (let i = 0; i < depth; i += 1) node = { not: node };
  return node;
}

/** `depth` nested single-child `all` groups around a valid leaf. */
function allChain(depth: number): unknown {
  let node: unknown = leaf;
  for (let i = 0; i < depth; i += 1) node = { all: [node] };
  return node;
}

const cyclic: Record<string, unknown> = { any: [] };
(cyclic.any as unknown[]).push(leaf, cyclic);

const malformedTrees: readonly (readonly [string, unknown])[] = [
  ['a string', 'pageUrl'],
  ['a number', 42],
  ['an array', [leaf]],
  ['an empty object', {}],
  ['an empty all', { all: [] }],
  ['an empty any', { any: [] }],
  ['all that is not a list', { all: leaf }],
  ['a null child', { all: [leaf, null] }],
  ['a sparse child list', { all: [leaf, , leaf] }], // eslint-disable-line no-sparse-arrays
  ['not of nothing', { not: null }],
  ['an unknown fact', { fact: 'shoeSize', operator: 'equal', value: 42 }],
  ['an inherited fact name', { fact: 'toString', operator: 'equal', value: 'x' }],
  ['an empty metadata key', { fact: 'metadata.', operator: 'equal', value: 'x' }],
  ['a reserved metadata key', { fact: 'metadata.__proto__', operator: 'equal', value: 'x' }],
  ['an unknown operator', { fact: 'pageUrl', operator: 'like', value: 'x' }],
  ['an operator the fact does not allow', { fact: 'pageUrl', operator: 'greaterThan', value: 3 }],
  ['a leaf without operator', { fact: 'pageUrl', value: 'x' }],
  ['a leaf without value', { fact: 'pageUrl', operator: 'equal' }],
  ['a string for a number', { fact: 'pageViews', operator: 'equal', value: '3' }],
  ['NaN for a number', { fact: 'pageViews', operator: 'lessThan', value: Number.NaN }],
  ['Infinity for a number', { fact: 'timeOnPage', operator: 'greaterThan', value: Infinity }],
  ['an enum value out of range', { fact: 'deviceType', operator: 'equal', value: 'watch' }],
  ['a language with a region', { fact: 'language', operator: 'equal', value: 'en-US' }],
  ['a list for a scalar operator', { fact: 'pageUrl', operator: 'equal', value: ['/a'] }],
  ['a scalar for a list operator', { fact: 'pageUrl', operator: 'in', value: '/a' }],
  ['an empty list', { fact: 'pageUrl', operator: 'containsAnyOf', value: [] }],
  ['a list of 101 items', { fact: 'pageViews', operator: 'in', value: Array.from({ length: 101 }, (_, i) => i) }],
  ['an empty needle', { fact: 'pageUrl', operator: 'containsAnyOf', value: ['/a', ''] }],
  ['an empty wildcard', { fact: 'pageUrl', operator: 'matchesWildcard', value: '' }],
  ['an object as metadata value', { fact: 'metadata.plan', operator: 'equal', value: { a: 1 } }],
  ['a tree 11 levels deep', notChain(10)],
  ['a tree 10,000 levels deep (not)', notChain(10_000)],
  ['a tree 10,000 levels deep (all)', allChain(10_000)],
  ['a tree with 51 leaves', { any: Array.from({ length: 51 }, () => leaf) }],
  ['a tree with 10,000 leaves', { all: Array.from({ length: 10_000 }, () => leaf) }],
  ['a cyclic tree', cyclic],
];

const berlin = { timezone: 'Europe/Berlin', weekly: [{ day: 'mon', open: '09:00', close: '17:00' }], holidays: [] };

const malformedSchedules: readonly (readonly [string, unknown])[] = [
  ['null', null],
  ['a string', 'Europe/Berlin'],
  ['an array', []],
  ['an unknown zone', { ...berlin, timezone: 'Mars/Olympus' }],
  ['an empty zone', { ...berlin, timezone: '' }],
  ['a numeric zone', { ...berlin, timezone: 1 }],
  ['weekly not a list', { ...berlin, weekly: {} }],
  ['holidays missing', { timezone: 'Europe/Berlin', weekly: [] }],
  ['an interval that is not an object', { ...berlin, weekly: ['mon 09:00-17:00'] }],
  ['an unknown day', { ...berlin, weekly: [{ day: 'monday', open: '09:00', close: '17:00' }] }],
  ['a time without leading zero', { ...berlin, weekly: [{ day: 'mon', open: '9:00', close: '17:00' }] }],
  ['minute 60', { ...berlin, weekly: [{ day: 'mon', open: '09:60', close: '17:00' }] }],
  ['opening at 24:00', { ...berlin, weekly: [{ day: 'mon', open: '24:00', close: '17:00' }] }],
  ['closing at 24:01', { ...berlin, weekly: [{ day: 'mon', open: '09:00', close: '24:01' }] }],
  ['a holiday on 2026-02-30', { ...berlin, holidays: [{ start: '2026-02-30', end: '2026-03-01' }] }],
  ['a holiday ending before it starts', { ...berlin, holidays: [{ start: '2026-12-26', end: '2026-12-24' }] }],
  ['a holiday in year 9999', { ...berlin, holidays: [{ start: '9999-01-01', end: '9999-01-02' }] }],
  ['501 intervals', { ...berlin, weekly: Array.from({ length: 501 }, () => berlin.weekly[0]) }],
];

function evaluateWithBroken(broken: Message): ReturnType<typeof evaluate> {
  return evaluate(visitor(), [message('good'), broken, message('low', { priority: -1 })], T0);
}

describe('evaluate fails closed on malformed condition trees (lean compiler)', () => {
  it.each(malformedTrees)('%s: the message is invalid, the others are evaluated', (_name, tree) => {
    const broken = message('bad', { priority: 9, conditions: tree as ConditionNode });
    const d = evaluateWithBroken(broken);
    expect(d.message?.id).toBe('good');
    expect(d.eligible).toEqual(['good', 'low']);
    expect(d.invalid).toEqual([
      { index: 1, id: 'bad', issues: [{ path: ['conditions'], code: 'malformedConditionNode', message: expect.stringContaining('parseMessage') }] },
    ]);
  });

  it('accepts the same tree once it is valid (the table is not rejecting everything)', () => {
    const d = evaluateWithBroken(message('bad', { priority: 9, conditions: { all: [leaf] } as ConditionNode }));
    expect(d.message?.id).toBe('bad');
    expect(d.invalid).toEqual([]);
  });

  it('accepts a tree exactly at the depth and leaf limits', () => {
    const deepest = notChain(9) as ConditionNode; // 10 levels
    const widest = { any: Array.from({ length: 50 }, () => leaf) } as ConditionNode;
    const d = evaluate(visitor(), [message('deep', { conditions: deepest }), message('wide', { conditions: widest })], T0);
    expect(d.invalid).toEqual([]);
    expect(d.eligible).toEqual(['wide']); // nine nots negate the leaf
  });
});

describe('evaluate fails closed on malformed schedules (lean compiler)', () => {
  it.each(malformedSchedules)('%s: the message is invalid, the others are evaluated', (_name, schedule) => {
    for (const type of ['businessHours', 'outsideBusinessHours'] as const) {
      const broken = message('bad', { priority: 9, sendWindow: { type, schedule: schedule as Schedule } });
      const d = evaluateWithBroken(broken);
      expect(d.message?.id).toBe('good');
      expect(d.invalid).toEqual([
        {
          index: 1,
          id: 'bad',
          issues: [{ path: ['sendWindow', 'schedule'], code: 'invalidSchedule', message: expect.stringContaining('parseMessage') }],
        },
      ]);
    }
  });

  it('accepts the valid schedule the table is derived from', () => {
    // Monday 2026-11-23 10:00 UTC is 11:00 in Berlin: inside business hours.
    const d = evaluateWithBroken(message('bad', { priority: 9, sendWindow: { type: 'businessHours', schedule: berlin as Schedule } }));
    expect(d.message?.id).toBe('bad');
    expect(d.invalid).toEqual([]);
  });
});
