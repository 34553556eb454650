/**
 * One checker, two modes. `evaluate` compiles a message exactly when `parseMessage` accepts it:
 * a malformed condition tree or schedule makes its message invalid — with the very issue
 * `parseMessage` reports first (same path, code and parameters) — while the other messages are
 * evaluated as usual, and nothing throws. (0.1 had separate "lean" validators for `evaluate`,
 * which disagreed with the parser and answered one generic code; see issue 11.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileConditions,
  compileSchedule,
  describeIssue,
  evaluate,
  parseConditions,
  parseMessage,
  parseSchedule,
  parseVisitor,
  readFacts,
  type ConditionNode,
  type IssueData,
  type Message,
  type Schedule,
  type Visitor,
} from '../../src/index.js';
import { runCheck } from '../../src/check/check.js';
import { conditionTreeCheck } from '../../src/check/conditions.js';
import { scheduleCheck } from '../../src/check/schedule.js';
import { LIMITS } from '../../src/core/limits.js';
import { KIT_NOW_MS, conditionLeafArb, conditionTreeArb, factsVisitorArb } from '../../src/testing/index.js';
import { message, T0, visitor } from '../evaluate/fixtures.js';
import { referenceEvaluate } from './reference.js';

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
const nots = (n: number) => Array.from({ length: n }, () => 'not');

/** Data of an issue (no text), as `evaluate` reports it. */
const data = ({ path, code, params }: IssueData): IssueData => ({ path, code, params }) as IssueData;

/** [name, tree, first issue's path under `conditions`, its code]. */
const malformedTrees: readonly (readonly [string, unknown, readonly (string | number)[], string])[] = [
  ['a string', 'pageUrl', [], 'invalidType'],
  ['a number', 42, [], 'invalidType'],
  ['an array', [leaf], [], 'invalidType'],
  ['an empty object', {}, ['fact'], 'required'],
  ['an empty all', { all: [] }, ['all'], 'tooSmall'],
  ['an empty any', { any: [] }, ['any'], 'tooSmall'],
  ['all that is not a list', { all: leaf }, ['all'], 'invalidType'],
  ['a null child', { all: [leaf, null] }, ['all', 1], 'invalidType'],
  ['a sparse child list', { all: [leaf, , leaf] }, ['all', 1], 'required'], // eslint-disable-line no-sparse-arrays
  ['not of nothing', { not: null }, ['not'], 'invalidType'],
  ['an unknown fact', { fact: 'shoeSize', operator: 'equal', value: 42 }, ['fact'], 'invalidValue'],
  ['an inherited fact name', { fact: 'toString', operator: 'equal', value: 'x' }, ['fact'], 'invalidValue'],
  ['an empty metadata key', { fact: 'metadata.', operator: 'equal', value: 'x' }, ['fact'], 'invalidValue'],
  ['a reserved metadata key', { fact: 'metadata.__proto__', operator: 'equal', value: 'x' }, ['fact'], 'reservedKey'],
  ['an unknown operator', { fact: 'pageUrl', operator: 'like', value: 'x' }, ['operator'], 'invalidValue'],
  ['an operator the fact does not allow', { fact: 'pageUrl', operator: 'greaterThan', value: 3 }, ['operator'], 'invalidValue'],
  ['a leaf without operator', { fact: 'pageUrl', value: 'x' }, ['operator'], 'required'],
  ['a leaf without value', { fact: 'pageUrl', operator: 'equal' }, ['value'], 'required'],
  ['a string for a number', { fact: 'pageViews', operator: 'equal', value: '3' }, ['value'], 'invalidType'],
  ['NaN for a number', { fact: 'pageViews', operator: 'lessThan', value: Number.NaN }, ['value'], 'invalidType'],
  ['Infinity for a number', { fact: 'timeOnPage', operator: 'greaterThan', value: Infinity }, ['value'], 'invalidType'],
  ['an enum value out of range', { fact: 'deviceType', operator: 'equal', value: 'watch' }, ['value'], 'invalidValue'],
  ['a language with a region', { fact: 'language', operator: 'equal', value: 'en-US' }, ['value'], 'invalidFormat'],
  ['a list for a scalar operator', { fact: 'pageUrl', operator: 'equal', value: ['/a'] }, ['value'], 'invalidType'],
  ['a scalar for a list operator', { fact: 'pageUrl', operator: 'in', value: '/a' }, ['value'], 'invalidType'],
  ['an empty list', { fact: 'pageUrl', operator: 'containsAnyOf', value: [] }, ['value'], 'tooSmall'],
  ['a list of 101 items', { fact: 'pageViews', operator: 'in', value: Array.from({ length: 101 }, (_, i) => i) }, ['value'], 'tooBig'],
  ['an empty needle', { fact: 'pageUrl', operator: 'containsAnyOf', value: ['/a', ''] }, ['value', 1], 'tooSmall'],
  ['an empty wildcard', { fact: 'pageUrl', operator: 'matchesWildcard', value: '' }, ['value'], 'tooSmall'],
  ['an object as metadata value', { fact: 'metadata.plan', operator: 'equal', value: { a: 1 } }, ['value'], 'invalidType'],
  ['a 1,001-character value', { fact: 'pageUrl', operator: 'equal', value: 'a'.repeat(1_001) }, ['value'], 'tooBig'],
  ['a leaf with a json-rules-engine path', { ...leaf, path: '$.x' }, ['path'], 'unknownKey'],
  ['all and any in one node', { all: [leaf], any: [leaf] }, ['any'], 'unknownKey'],
  ['a nested group with two leaves', { all: [{ any: [leaf] }, leaf] }, ['all', 0], 'nestingNotAllowed'],
  ['a tree 11 levels deep', notChain(10), nots(10), 'tooBig'],
  ['a tree 10,000 levels deep (not)', notChain(10_000), nots(10), 'tooBig'],
  ['a tree 10,000 levels deep (all)', allChain(10_000), Array.from({ length: 10 }, () => ['all', 0]).flat(), 'tooBig'],
  ['a tree with 51 leaves', { any: Array.from({ length: 51 }, () => leaf) }, [], 'tooBig'],
  ['a tree with 10,000 leaves', { all: Array.from({ length: 10_000 }, () => leaf) }, [], 'tooBig'],
  ['a cyclic tree', cyclic, [...Array.from({ length: 9 }, () => ['any', 1]).flat(), 'any', 0], 'tooBig'],
];

const berlin = { timezone: 'Europe/Berlin', weekly: [{ day: 'mon', open: '09:00', close: '17:00' }], holidays: [] };
const interval = berlin.weekly[0];

/** [name, schedule, first issue's path under `sendWindow.schedule`, its code]. */
const malformedSchedules: readonly (readonly [string, unknown, readonly (string | number)[], string])[] = [
  ['null', null, [], 'invalidType'],
  ['a string', 'Europe/Berlin', [], 'invalidType'],
  ['an array', [], [], 'invalidType'],
  ['an unknown zone', { ...berlin, timezone: 'Mars/Olympus' }, ['timezone'], 'invalidFormat'],
  ['an empty zone', { ...berlin, timezone: '' }, ['timezone'], 'tooSmall'],
  ['a numeric zone', { ...berlin, timezone: 1 }, ['timezone'], 'invalidType'],
  ['a 5,000-character zone', { ...berlin, timezone: 'Europe/'.repeat(715) }, ['timezone'], 'tooBig'],
  ['weekly not a list', { ...berlin, weekly: {} }, ['weekly'], 'invalidType'],
  ['weekly missing', { timezone: 'Europe/Berlin' }, ['weekly'], 'required'],
  ['an unknown key', { ...berlin, closed: [] }, ['closed'], 'unknownKey'],
  ['an interval that is not an object', { ...berlin, weekly: ['mon 09:00-17:00'] }, ['weekly', 0], 'invalidType'],
  ['an unknown day', { ...berlin, weekly: [{ day: 'monday', open: '09:00', close: '17:00' }] }, ['weekly', 0, 'day'], 'invalidValue'],
  ['a time without leading zero', { ...berlin, weekly: [{ day: 'mon', open: '9:00', close: '17:00' }] }, ['weekly', 0, 'open'], 'invalidFormat'],
  ['minute 60', { ...berlin, weekly: [{ day: 'mon', open: '09:60', close: '17:00' }] }, ['weekly', 0, 'open'], 'invalidFormat'],
  ['opening at 24:00', { ...berlin, weekly: [{ day: 'mon', open: '24:00', close: '17:00' }] }, ['weekly', 0, 'open'], 'invalidFormat'],
  ['closing at 24:01', { ...berlin, weekly: [{ day: 'mon', open: '09:00', close: '24:01' }] }, ['weekly', 0, 'close'], 'invalidFormat'],
  ['a holiday on 2026-02-30', { ...berlin, holidays: [{ start: '2026-02-30', end: '2026-03-01' }] }, ['holidays', 0, 'start'], 'invalidFormat'],
  ['a holiday ending before it starts', { ...berlin, holidays: [{ start: '2026-12-26', end: '2026-12-24' }] }, ['holidays', 0, 'end'], 'invalidRange'],
  ['a holiday in year 0999', { ...berlin, holidays: [{ start: '0999-01-01', end: '0999-01-02' }] }, ['holidays', 0, 'start'], 'invalidFormat'],
  ['71 weekly intervals', { ...berlin, weekly: Array.from({ length: 71 }, () => interval) }, ['weekly'], 'tooBig'],
  ['401 holidays', { ...berlin, holidays: Array.from({ length: 401 }, () => ({ start: '2026-12-24', end: '2026-12-24' })) }, ['holidays'], 'tooBig'],
];

/** Schedules 0.1's evaluate rejected although the parser accepted them (or the other way round): all valid now. */
const validSchedules: readonly (readonly [string, unknown])[] = [
  ['the Berlin schedule', berlin],
  ['holidays left out (default [])', { timezone: 'Europe/Berlin', weekly: [interval] }],
  ['a holiday in year 9999', { ...berlin, holidays: [{ start: '9999-01-01', end: '9999-01-02' }] }],
  ['a holiday in year 1000', { ...berlin, holidays: [{ start: '1000-01-01', end: '1000-01-01' }] }],
  ['closing at 24:00', { ...berlin, weekly: [{ day: 'mon', open: '09:00', close: '24:00' }] }],
  ['70 weekly intervals', { ...berlin, weekly: Array.from({ length: 70 }, () => interval) }],
  ['400 holidays', { ...berlin, holidays: Array.from({ length: 400 }, () => ({ start: '2026-12-24', end: '2026-12-24' })) }],
];

function evaluateWithBroken(broken: unknown): ReturnType<typeof evaluate> {
  return evaluate(visitor(), [message('good'), broken as Message, message('low', { priority: -1 })], T0);
}

/** `evaluate` skipped `broken` with exactly `parseMessage`'s first issue, and evaluated the others. */
function expectSkippedAsParsed(broken: Message, path: readonly (string | number)[], code: string): void {
  const parsed = parseMessage(broken);
  expect(parsed.ok).toBe(false);
  if (parsed.ok) return;
  const first = parsed.issues[0] as IssueData & { message: string };
  expect([first.path, first.code]).toEqual([path, code]);
  const d = evaluateWithBroken(broken);
  expect(d.message?.id).toBe('good');
  expect(d.eligible).toEqual(['good', 'low']);
  expect(d.invalidInput).toBeNull();
  expect(d.invalid).toEqual([{ index: 1, id: 'bad', issue: data(first) }]);
  // The text is composed from the data in one place.
  expect(describeIssue(d.invalid[0]?.issue as IssueData)).toBe(first.message);
}

describe('evaluate fails closed on malformed condition trees, with parseMessage\'s first issue', () => {
  it.each(malformedTrees)('%s', (_name, tree, path, code) => {
    expectSkippedAsParsed(message('bad', { priority: 9, conditions: tree as ConditionNode }), ['conditions', ...path], code);
    // compileConditions and parseConditions say the same, with paths relative to the tree.
    const parsed = parseConditions(tree);
    const compiled = compileConditions(tree);
    expect(!parsed.ok && parsed.issues[0]?.path).toEqual(path);
    expect(!compiled.ok && compiled.issues).toEqual(!parsed.ok && parsed.issues);
  });

  it('accepts the same tree once it is valid (the checker is not rejecting everything)', () => {
    const d = evaluateWithBroken(message('bad', { priority: 9, conditions: { all: [leaf] } as ConditionNode }));
    expect(d.message?.id).toBe('bad');
    expect(d.invalid).toEqual([]);
  });

  it('accepts a tree exactly at the depth, leaf and nesting limits', () => {
    const deepest = notChain(9) as ConditionNode; // 10 levels
    const widest = { any: Array.from({ length: 50 }, () => leaf) } as ConditionNode;
    const nested = { all: [{ any: [leaf, leaf] }, leaf] } as ConditionNode; // three leaves
    const messages = [message('deep', { conditions: deepest }), message('wide', { conditions: widest }), message('nested', { conditions: nested })];
    for (const m of messages) expect(parseMessage(m).ok).toBe(true);
    const d = evaluate(visitor(), messages, T0);
    expect(d.invalid).toEqual([]);
    expect(d.eligible).toEqual(['wide', 'nested']); // nine nots negate the leaf
  });
});

describe('evaluate fails closed on malformed schedules, with parseMessage\'s first issue', () => {
  it.each(malformedSchedules)('%s', (_name, schedule, path, code) => {
    for (const type of ['businessHours', 'outsideBusinessHours'] as const) {
      const broken = message('bad', { priority: 9, sendWindow: { type, schedule: schedule as Schedule } });
      expectSkippedAsParsed(broken, ['sendWindow', 'schedule', ...path], code);
    }
    const parsed = parseSchedule(schedule);
    expect(!parsed.ok && parsed.issues[0]?.path).toEqual(path);
    expect(compileSchedule(schedule).ok).toBe(false);
  });

  it.each(validSchedules)('accepts %s everywhere', (_name, schedule) => {
    // Monday 2026-11-23 10:00 UTC is 11:00 in Berlin: inside business hours.
    const inside = message('bad', { priority: 9, sendWindow: { type: 'businessHours', schedule: schedule as Schedule } });
    expect(parseMessage(inside).ok).toBe(true);
    expect(parseSchedule(schedule).ok).toBe(true);
    expect(compileSchedule(schedule).ok).toBe(true);
    const d = evaluateWithBroken(inside);
    expect(d.invalid).toEqual([]);
    expect(d.message?.id).toBe('bad');
  });
});

// Near-valid trees: every ingredient is sometimes right and sometimes subtly wrong.
const factArb = fc.constantFrom('pageUrl', 'pageViews', 'language', 'deviceType', 'visitorType', 'timeOnPage', 'metadata.plan', 'metadata.__proto__', 'metadata.', 'shoeSize', 'toString', 1);
const operatorArb = fc.constantFrom('equal', 'notEqual', 'in', 'notIn', 'lessThan', 'greaterThanInclusive', 'containsAnyOf', 'doesNotContainAnyOf', 'startsWith', 'matchesWildcard', 'like', 'constructor', null);
const scalarArb = fc.constantFrom<unknown>('/pricing', '', 'en', 'en-US', 'mobile', 'watch', 'new', 3, 0, -1.5, Number.NaN, Infinity, true, null, undefined, { a: 1 }, 'a'.repeat(1_000), 'a'.repeat(1_001));
const valueArb = fc.oneof(
  scalarArb,
  fc.array(scalarArb, { maxLength: 3 }),
  fc.constant(Array.from({ length: 101 }, (_, i) => i)),
  fc.constant(Array.from({ length: 100 }, (_, i) => i)),
);
const leafArb = fc
  .tuple(fc.record({ fact: factArb, operator: operatorArb, value: valueArb }, { requiredKeys: ['fact'] }), fc.constantFrom<Record<string, unknown>>({}, {}, {}, { path: '$' }, { params: {} }))
  .map(([l, extra]): unknown => ({ ...l, ...extra }));
const looseTree: fc.Memo<unknown> = fc.memo((n) =>
  n <= 1
    ? fc.oneof({ arbitrary: leafArb, weight: 8 }, { arbitrary: conditionLeafArb(), weight: 8 }, fc.constantFrom<unknown>(null, 'x', [], {}))
    : fc.oneof(
        { arbitrary: leafArb, weight: 4 },
        { arbitrary: conditionLeafArb(), weight: 4 },
        looseTree(n - 1).map((child) => ({ not: child })),
        fc.tuple(fc.constantFrom('all', 'any'), fc.array(looseTree(n - 1), { maxLength: 3 })).map(([k, c]) => ({ [k]: c })),
        fc.tuple(looseTree(n - 1), looseTree(n - 1)).map(([a, b]) => ({ all: [a], any: [b] })),
        // Wide groups of valid leaves: three of them exceed the 50-leaf limit.
        fc.tuple(fc.constantFrom('all', 'any'), fc.array(conditionLeafArb(), { minLength: 17, maxLength: 26 })).map(([k, c]) => ({ [k]: c })),
      ),
);

describe('on near-valid trees: one verdict, one first issue, everywhere', () => {
  it('parseConditions, compileConditions, parseMessage and evaluate accept the same trees, with the same first issue', () => {
    let accepted = 0;
    let rejected = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 13 }).chain((depth) => looseTree(depth)), (tree) => {
        const parsed = parseConditions(tree);
        expect(compileConditions(tree).ok).toBe(parsed.ok);
        // First-failure mode reports exactly the first issue of every-issue mode.
        const all = runCheck(conditionTreeCheck, tree, true);
        const first = runCheck(conditionTreeCheck, tree, false);
        expect(first.ok).toBe(all.ok);
        if (!all.ok && !first.ok) expect(first.issues).toEqual([all.issues[0]]);
        const m = message('m', { conditions: tree as ConditionNode });
        const asMessage = parseMessage(m);
        const d = evaluate(visitor(), [m], T0);
        expect(asMessage.ok).toBe(parsed.ok || tree === null);
        if (asMessage.ok) {
          expect(d.invalid).toEqual([]);
          accepted += 1;
        } else {
          expect(d.invalid).toEqual([{ index: 0, id: 'm', issue: data(asMessage.issues[0] as IssueData) }]);
          rejected += 1;
        }
      }),
      { numRuns: 2_000 },
    );
    // The generator must exercise both answers, or the property proves nothing.
    expect(accepted).toBeGreaterThan(100);
    expect(rejected).toBeGreaterThan(100);
  });
});

/** Mostly valid picks, sometimes one of the invalid ones. */
const mostly = (valid: readonly unknown[], invalid: readonly unknown[]): fc.Arbitrary<unknown> =>
  fc.oneof({ arbitrary: fc.constantFrom(...valid), weight: 12 }, { arbitrary: fc.constantFrom(...invalid), weight: 1 });
const zoneArb = mostly(['Europe/Berlin', 'America/New_York', 'UTC'], ['Mars/Olympus', '', 7, undefined]);
const timeArb = mostly(['09:00', '00:00', '23:59', '24:00'], ['9:00', '09:60', '25:00', '24:30', 900, undefined]);
const dateArb = mostly(['2026-12-24', '2026-12-26', '2026-02-28', '9998-12-31', '1000-01-01', '9999-12-31'], ['2026-02-30', '0999-01-01', '10000-01-01', '2026-1-1', null]);
const intervalArb = fc.oneof(
  { arbitrary: fc.record({ day: mostly(['mon', 'sun'], ['monday', 0]), open: timeArb, close: timeArb }), weight: 6 },
  fc.constantFrom<unknown>(null, 'mon', []),
);
const holidayArb = fc.oneof(
  { arbitrary: fc.record({ name: mostly(['h'], ['', 3]), start: dateArb, end: dateArb }, { requiredKeys: ['start', 'end'] }), weight: 6 },
  fc.constantFrom<unknown>(null, '2026-12-24'),
);
const looseScheduleArb = fc.oneof(
  {
    arbitrary: fc.record(
      { timezone: zoneArb, weekly: fc.oneof(fc.array(intervalArb, { maxLength: 3 }), fc.constant(Array.from({ length: 71 }, () => interval))), holidays: fc.array(holidayArb, { maxLength: 2 }) },
      { requiredKeys: ['timezone'] },
    ),
    weight: 10,
  },
  fc.record({ timezone: zoneArb, weekly: fc.constantFrom<unknown>({}, 'mon', null), holidays: fc.constant([]) }),
  fc.constantFrom<unknown>(null, 'Europe/Berlin', [], 3),
);

describe('on near-valid schedules: one verdict, one first issue, everywhere', () => {
  it('parseSchedule, compileSchedule, parseMessage and evaluate accept the same schedules, with the same first issue', () => {
    let accepted = 0;
    let rejected = 0;
    fc.assert(
      fc.property(looseScheduleArb, fc.constantFrom('businessHours' as const, 'outsideBusinessHours' as const), (schedule, type) => {
        const parsed = parseSchedule(schedule);
        expect(compileSchedule(schedule).ok).toBe(parsed.ok);
        const all = runCheck(scheduleCheck, schedule, true);
        const first = runCheck(scheduleCheck, schedule, false);
        if (!all.ok && !first.ok) expect(first.issues).toEqual([all.issues[0]]);
        else expect(first.ok).toBe(all.ok);
        const m = message('m', { sendWindow: { type, schedule: schedule as Schedule } });
        const d = evaluate(visitor(), [m], T0);
        const asMessage = parseMessage(m);
        expect(asMessage.ok).toBe(parsed.ok);
        if (parsed.ok) {
          expect(d.invalid).toEqual([]);
          accepted += 1;
        } else {
          const issue = parsed.issues[0] as IssueData;
          expect(d.invalid).toEqual([{ index: 0, id: 'm', issue: { ...data(issue), path: ['sendWindow', 'schedule', ...issue.path] } }]);
          rejected += 1;
        }
      }),
      { numRuns: 1_500 },
    );
    expect(accepted).toBeGreaterThan(50);
    expect(rejected).toBeGreaterThan(50);
  });
});

describe('evaluate runs the trees it accepts as compileConditions and the reference do', () => {
  /**
   * The kit's fact visitors that parse (evaluate checks the visitor; see test/testing/parse.test.ts
   * for the ones that do not), with the page entered at or before `now` (see the clock-skew test
   * in facts.test.ts).
   */
  const visitorArb = factsVisitorArb()
    .filter((v) => parseVisitor(v).ok)
    .map((v): Visitor => (Date.parse(v.page.enteredAt) > KIT_NOW_MS ? { ...v, page: { ...v.page, enteredAt: new Date(KIT_NOW_MS).toISOString() } } : v));

  it('eligible ⇔ the compiled test ⇔ the reference; reevaluateAt is the tree\'s next time change', () => {
    fc.assert(
      fc.property(conditionTreeArb({ maxLeaves: LIMITS.conditionLeaves }), fc.array(visitorArb, { minLength: 1, maxLength: 3 }), (tree, visitors) => {
        const compiled = compileConditions(tree);
        if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
        const messages = [message('m', { conditions: tree })];
        for (const v of visitors) {
          const facts = readFacts(v, KIT_NOW_MS);
          const expected = referenceEvaluate(tree, v, KIT_NOW_MS);
          expect(compiled.value.test(facts)).toBe(expected);
          const d = evaluate(v, messages, KIT_NOW_MS);
          expect(d.invalid).toEqual([]);
          expect(d.eligible).toEqual(expected ? ['m'] : []);
          expect(d.reevaluateAt).toBe(compiled.value.nextTimeChange(facts));
        }
      }),
      { numRuns: 300 },
    );
  });
});
