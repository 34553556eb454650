/**
 * The lean compilers (`compileTreeLean`, `prepareSchedule`) accept exactly what the detailed
 * validators accept, and compile valid input to the same behaviour.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileConditions, readFacts } from '../../src/conditions/index.js';
import { compileTreeLean } from '../../src/conditions/plan.js';
import { checkConditionStructure } from '../../src/conditions/structure.js';
import { checkConditionSemantics } from '../../src/conditions/validate.js';
import { normalizeSchedule } from '../../src/schedule/normalize.js';
import { prepareSchedule } from '../../src/schedule/prepare.js';
import { validateSchedule } from '../../src/schedule/validate.js';
import { compileSchedule } from '../../src/schedule/compile.js';
import { CONDITIONS_NOW_MS, conditionLeafArbitrary, conditionTreeArbitrary, conditionVisitorArbitrary } from '../../src/testing/index.js';
import type { ConditionNode } from '../../src/model/types.js';
import { referenceEvaluate } from '../conditions/reference.js';

/** Whether the detailed validators find nothing wrong (what `compileConditions` used to check). */
function detailedAccepts(tree: unknown): boolean {
  if (tree === null) return true; // no conditions: every visitor qualifies
  return checkConditionStructure(tree, []).length === 0 && checkConditionSemantics(tree as ConditionNode, []).length === 0;
}

describe('lean condition compiler agrees with the detailed path on valid trees', () => {
  it('compiles every valid tree, and its test matches compileConditions and the reference', () => {
    fc.assert(
      fc.property(conditionTreeArbitrary(), fc.array(conditionVisitorArbitrary(), { minLength: 1, maxLength: 4 }), (tree, visitors) => {
        const lean = compileTreeLean(structuredClone(tree));
        const detailed = compileConditions(tree);
        expect(lean).not.toBeNull();
        expect(detailed.ok).toBe(true);
        if (lean === null || !detailed.ok) return;
        for (const v of visitors) {
          const facts = readFacts(v, CONDITIONS_NOW_MS);
          const expected = referenceEvaluate(tree, v, CONDITIONS_NOW_MS);
          expect(lean.compiled.test(facts)).toBe(expected);
          expect(detailed.value.test(facts)).toBe(expected);
          expect(lean.compiled.nextTimeChange(facts)).toBe(detailed.value.nextTimeChange(facts));
        }
      }),
      { numRuns: 200 },
    );
  });
});

// Near-valid trees: every ingredient is sometimes right and sometimes subtly wrong.
const factArb = fc.constantFrom('pageUrl', 'pageViews', 'language', 'deviceType', 'visitorType', 'timeOnPage', 'metadata.plan', 'metadata.__proto__', 'metadata.', 'shoeSize', 'toString', 1);
const operatorArb = fc.constantFrom('equal', 'notEqual', 'in', 'notIn', 'lessThan', 'greaterThanInclusive', 'containsAnyOf', 'doesNotContainAnyOf', 'startsWith', 'matchesWildcard', 'like', 'constructor', null);
const scalarArb = fc.constantFrom<unknown>('/pricing', '', 'en', 'en-US', 'mobile', 'watch', 'new', 3, 0, -1.5, Number.NaN, Infinity, true, null, undefined, { a: 1 });
const valueArb = fc.oneof(
  scalarArb,
  fc.array(scalarArb, { maxLength: 3 }),
  fc.constant(Array.from({ length: 101 }, (_, i) => i)),
  fc.constant(Array.from({ length: 100 }, (_, i) => i)),
);
const leafArb = fc
  .record({ fact: factArb, operator: operatorArb, value: valueArb }, { requiredKeys: ['fact'] })
  .map((leaf): unknown => leaf);
const looseTree: fc.Memo<unknown> = fc.memo((n) =>
  n <= 1
    ? fc.oneof({ arbitrary: leafArb, weight: 8 }, fc.constantFrom<unknown>(null, 'x', [], {}))
    : fc.oneof(
        { arbitrary: leafArb, weight: 4 },
        looseTree(n - 1).map((child) => ({ not: child })),
        fc.tuple(fc.constantFrom('all', 'any'), fc.array(looseTree(n - 1), { maxLength: 3 })).map(([k, c]) => ({ [k]: c })),
        // Wide groups of valid leaves: three of them exceed the 50-leaf limit.
        fc.tuple(fc.constantFrom('all', 'any'), fc.array(conditionLeafArbitrary(), { minLength: 17, maxLength: 26 })).map(([k, c]) => ({ [k]: c })),
      ),
);

describe('lean condition compiler accepts exactly what the detailed validators accept', () => {
  it('on near-valid trees (unknown names, mistyped values, empty groups, too deep, too many leaves)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 13 }).chain((depth) => looseTree(depth)), (tree) => {
        const lean = compileTreeLean(tree) !== null;
        expect(lean).toBe(detailedAccepts(tree));
        expect(compileConditions(tree as ConditionNode).ok).toBe(lean);
        if (lean) accepted += 1;
      }),
      { numRuns: 1500 },
    );
    // The generator must exercise both answers, or the property proves nothing.
    expect(accepted).toBeGreaterThan(50);
  });

  it('reports the detailed issues from compileConditions when the lean compiler rejects a tree', () => {
    const result = compileConditions({ all: [{ fact: 'pageUrl', operator: 'greaterThan', value: 3 }] });
    expect(!result.ok && result.issues.map((i) => [i.path, i.code])).toEqual([[['all', 0, 'operator'], 'operatorNotAllowedForFact']]);
  });
});

/** Mostly valid picks, sometimes one of the invalid ones. */
const mostly = (valid: readonly unknown[], invalid: readonly unknown[]): fc.Arbitrary<unknown> =>
  fc.oneof({ arbitrary: fc.constantFrom(...valid), weight: 12 }, { arbitrary: fc.constantFrom(...invalid), weight: 1 });
const zoneArb = mostly(['Europe/Berlin', 'America/New_York', 'UTC'], ['Mars/Olympus', '', 7, undefined]);
const timeArb = mostly(['09:00', '00:00', '23:59', '24:00'], ['9:00', '09:60', '25:00', '24:30', 900, undefined]);
const dateArb = mostly(['2026-12-24', '2026-12-26', '2026-02-28', '9998-12-31', '1000-01-01'], ['2026-02-30', '0999-01-01', '9999-01-01', '2026-1-1', null]);
const intervalArb = fc.oneof(
  { arbitrary: fc.record({ day: mostly(['mon', 'sun'], ['monday', 0]), open: timeArb, close: timeArb }), weight: 6 },
  fc.constantFrom<unknown>(null, 'mon', []),
);
const holidayArb = fc.oneof(
  { arbitrary: fc.record({ name: fc.constant('h'), start: dateArb, end: dateArb }, { requiredKeys: ['start', 'end'] }), weight: 6 },
  fc.constantFrom<unknown>(null, '2026-12-24'),
);
const scheduleArb = fc.oneof(
  { arbitrary: fc.record({ timezone: zoneArb, weekly: fc.array(intervalArb, { maxLength: 3 }), holidays: fc.array(holidayArb, { maxLength: 2 }) }, { requiredKeys: ['timezone'] }), weight: 10 },
  fc.record({ timezone: zoneArb, weekly: fc.constantFrom<unknown>({}, 'mon', null), holidays: fc.constant([]) }),
  fc.constantFrom<unknown>(null, 'Europe/Berlin', [], 3),
);

describe('lean schedule check accepts exactly what validateSchedule accepts', () => {
  it('on near-valid schedules, with the same numbers when valid', () => {
    let accepted = 0;
    fc.assert(
      fc.property(scheduleArb, (schedule) => {
        const checked = validateSchedule(schedule);
        const lean = normalizeSchedule(schedule);
        expect(lean).toEqual(checked.ok ? checked.value : null);
        expect(prepareSchedule(schedule) !== null).toBe(checked.ok);
        expect(compileSchedule(schedule as never).ok).toBe(checked.ok);
        if (checked.ok) accepted += 1;
      }),
      { numRuns: 1000 },
    );
    expect(accepted).toBeGreaterThan(30);
  });

  it('on the interval and holiday limits', () => {
    const base = { timezone: 'UTC', weekly: [] as unknown[], holidays: [] as unknown[] };
    const interval = { day: 'mon', open: '09:00', close: '17:00' };
    const holiday = { start: '2026-12-24', end: '2026-12-24' };
    for (const [weekly, holidays, ok] of [
      [500, 2000, true],
      [501, 0, false],
      [0, 2001, false],
    ] as const) {
      const s = { ...base, weekly: Array.from({ length: weekly }, () => interval), holidays: Array.from({ length: holidays }, () => holiday) };
      expect(validateSchedule(s).ok).toBe(ok);
      expect(prepareSchedule(s) !== null).toBe(ok);
    }
  });

  it('treats holes in the lists as the detailed validator does (skipped)', () => {
    // eslint-disable-next-line no-sparse-arrays
    const s = { timezone: 'UTC', weekly: [, { day: 'mon', open: '09:00', close: '17:00' }], holidays: [] };
    expect(validateSchedule(s).ok).toBe(true);
    expect(normalizeSchedule(s)).toEqual({ zone: 'UTC', intervals: [{ day: 0, open: 540, close: 1020 }], holidayRanges: [] });
  });
});

describe('holes in a condition value list', () => {
  // `[, 'en']`: a sparse list cannot come from JSON. Read as a missing fact, the hole would make
  // `language in [, 'en']` hold for a visitor without a language, where json-rules-engine's `in`
  // (indexOf skips holes) does not. Both validators reject it instead, at the hole's index.
  const holey = (first: unknown): unknown[] => Object.assign(new Array<unknown>(2), { 1: first });
  it.each([
    ['in', 'language', 'en'],
    ['notIn', 'language', 'en'],
    ['containsAnyOf', 'pageUrl', '/pricing'],
    ['doesNotContainAnyOf', 'pageUrl', '/pricing'],
  ])('%s with a hole is rejected by both, with the hole as the failing item', (operator, fact, item) => {
    const tree = { fact, operator, value: holey(item) };
    expect(compileTreeLean(tree)).toBeNull();
    const issues = checkConditionSemantics(tree as ConditionNode, []);
    expect(issues.map((i) => [i.code, i.path])).toEqual([['invalidConditionValue', ['value', 0]]]);
    // The same list without the hole compiles.
    expect(compileTreeLean({ fact, operator, value: [item] })).not.toBeNull();
  });
});
