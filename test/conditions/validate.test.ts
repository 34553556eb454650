/**
 * The one condition-tree checker (`src/check/conditions.ts`), through its public door
 * `parseConditions` and through `runCheck` in both modes: shape, bounds and meaning, each with
 * its path, code and parameters.
 */
import { describe, expect, it } from 'vitest';
import { BUILT_IN_FACTS, DEVICE_TYPES, LIMITS, compileConditions, operatorsFor, parseConditions } from '../../src/index.js';
import { runCheck } from '../../src/check/check.js';
import { conditionTreeCheck } from '../../src/check/conditions.js';
import type { ConditionNode } from '../../src/core/types.js';

type Found = [path: readonly (string | number)[], code: string, params: unknown];

const issuesOf = (tree: unknown, channelType?: 'webWidget' | 'mobileSdk'): Found[] => {
  const result = parseConditions(tree, channelType ? { channelType } : {});
  if (result.ok) return [];
  for (const issue of result.issues) expect(issue.message.length).toBeGreaterThan(0);
  return result.issues.map((issue): Found => [issue.path, issue.code, issue.params]);
};

const FACT_NAMES = [...BUILT_IN_FACTS, 'metadata.<key>'];
const TEXT_OPERATORS = operatorsFor('text');
const leaf = { fact: 'pageViews', operator: 'greaterThan', value: 1 };
const chars = (n: number) => 'a'.repeat(n);

describe('meaning of a leaf', () => {
  it.each<[string, unknown, Found[]]>([
    ['unknown fact', { fact: 'pageURL', operator: 'equal', value: 'x' }, [[['fact'], 'invalidValue', { allowed: FACT_NAMES }]]],
    ['empty metadata key', { fact: 'metadata.', operator: 'equal', value: 'x' }, [[['fact'], 'invalidValue', { allowed: FACT_NAMES }]]],
    ['inherited name is not a fact', { fact: 'toString', operator: 'equal', value: 'x' }, [[['fact'], 'invalidValue', { allowed: FACT_NAMES }]]],
    ['fact name over the limit', { fact: `metadata.${chars(LIMITS.factLength)}`, operator: 'equal', value: 'x' }, [[['fact'], 'tooBig', { maximum: 128, unit: 'characters' }]]],
    ['unknown operator', { fact: 'pageUrl', operator: 'regex', value: '.*' }, [[['operator'], 'invalidValue', { allowed: TEXT_OPERATORS }]]],
    ['inherited name is not an operator', { fact: 'pageUrl', operator: 'constructor', value: 'x' }, [[['operator'], 'invalidValue', { allowed: TEXT_OPERATORS }]]],
    ['numeric operator on a string fact', { fact: 'pageUrl', operator: 'lessThan', value: 3 }, [[['operator'], 'invalidValue', { allowed: TEXT_OPERATORS }]]],
    ['string operator on a number fact', { fact: 'timeOnPage', operator: 'containsAnyOf', value: ['3'] }, [[['operator'], 'invalidValue', { allowed: operatorsFor('number') }]]],
    ['string operator on metadata', { fact: 'metadata.plan', operator: 'startsWith', value: 'p' }, [[['operator'], 'invalidValue', { allowed: operatorsFor('scalar') }]]],
    ['operator that is not a string', { fact: 'pageUrl', operator: null, value: 'x' }, [[['operator'], 'invalidType', { expected: 'string', got: 'null' }]]],
    ['string value for a number fact', { fact: 'timeOnPage', operator: 'equal', value: '30' }, [[['value'], 'invalidType', { expected: 'number', got: 'string' }]]],
    ['string bound for a numeric operator', { fact: 'metadata.cartValue', operator: 'greaterThan', value: '100' }, [[['value'], 'invalidType', { expected: 'number', got: 'string' }]]],
    ['NaN bound', { fact: 'pageViews', operator: 'lessThan', value: Number.NaN }, [[['value'], 'invalidType', { expected: 'number', got: 'nonFiniteNumber' }]]],
    ['number for a text fact', { fact: 'pageTitle', operator: 'equal', value: 3 }, [[['value'], 'invalidType', { expected: 'string', got: 'number' }]]],
    ['unknown enum value', { fact: 'deviceType', operator: 'equal', value: 'Desktop' }, [[['value'], 'invalidValue', { allowed: DEVICE_TYPES }]]],
    ['language with a region', { fact: 'language', operator: 'in', value: ['en', 'en-US'] }, [[['value', 1], 'invalidFormat', { format: 'languageSubtag' }]]],
    ['list operator with a scalar', { fact: 'pageUrl', operator: 'in', value: '/pricing' }, [[['value'], 'invalidType', { expected: 'array', got: 'string' }]]],
    ['list operator with an empty list', { fact: 'pageUrl', operator: 'containsAnyOf', value: [] }, [[['value'], 'tooSmall', { minimum: 1, unit: 'items' }]]],
    [
      'list over the limit',
      { fact: 'pageViews', operator: 'in', value: Array.from({ length: LIMITS.conditionValues + 1 }, (_, i) => i) },
      [[['value'], 'tooBig', { maximum: 100, unit: 'items' }]],
    ],
    ['empty needle', { fact: 'pageUrl', operator: 'containsAnyOf', value: ['/a', ''] }, [[['value', 1], 'tooSmall', { minimum: 1, unit: 'characters' }]]],
    ['empty wildcard', { fact: 'pageUrl', operator: 'matchesWildcard', value: '' }, [[['value'], 'tooSmall', { minimum: 1, unit: 'characters' }]]],
    ['value over the length limit', { fact: 'pageUrl', operator: 'equal', value: chars(1_001) }, [[['value'], 'tooBig', { maximum: 1_000, unit: 'characters' }]]],
    ['needle over the length limit', { fact: 'pageUrl', operator: 'startsWith', value: chars(1_001) }, [[['value'], 'tooBig', { maximum: 1_000, unit: 'characters' }]]],
    ['object value for metadata', { fact: 'metadata.plan', operator: 'equal', value: { fact: 'pageUrl' } }, [[['value'], 'invalidType', { expected: 'scalar', got: 'object' }]]],
    ['reserved metadata key __proto__', { fact: 'metadata.__proto__', operator: 'equal', value: 'x' }, [[['fact'], 'reservedKey', {}]]],
    ['reserved metadata key constructor', { fact: 'metadata.constructor', operator: 'notEqual', value: 'x' }, [[['fact'], 'reservedKey', {}]]],
    ['reserved metadata key prototype', { fact: 'metadata.prototype', operator: 'equal', value: 'x' }, [[['fact'], 'reservedKey', {}]]],
  ])('%s', (_name, tree, expected) => {
    expect(issuesOf(tree)).toEqual(expected);
  });

  it.each([
    ['in', 'language', 'en'],
    ['notIn', 'language', 'en'],
    ['containsAnyOf', 'pageUrl', '/pricing'],
    ['doesNotContainAnyOf', 'pageUrl', '/pricing'],
  ])('%s with a hole in its list is rejected at the hole (JSON has no holes; json-rules-engine skips them)', (operator, fact, item) => {
    const holey = Object.assign(new Array<unknown>(2), { 1: item });
    expect(issuesOf({ fact, operator, value: holey })).toEqual([[['value', 0], 'required', {}]]);
    expect(issuesOf({ fact, operator, value: [item] })).toEqual([]);
  });

  it('accepts every fact with a well-typed value', () => {
    const tree = {
      all: [
        { fact: 'pageUrl', operator: 'matchesWildcard', value: '*/products/*' },
        { fact: 'pageTitle', operator: 'notIn', value: ['Checkout'] },
        { fact: 'referrer', operator: 'doesNotContainAnyOf', value: ['ads'] },
        { fact: 'visitorType', operator: 'equal', value: 'new' },
        { fact: 'language', operator: 'in', value: ['en', 'DE'] },
        { fact: 'deviceType', operator: 'notEqual', value: 'tablet' },
        { not: { fact: 'timeOnPage', operator: 'lessThan', value: 30 } },
        { fact: 'timeOnSite', operator: 'greaterThanInclusive', value: 60.5 },
        { any: [{ fact: 'pageViews', operator: 'in', value: [1, 2] }, { fact: 'visitCount', operator: 'equal', value: 3 }] },
        { fact: 'metadata.vip', operator: 'in', value: [true, null, 'yes', 1] },
        { fact: 'pageUrl', operator: 'equal', value: chars(1_000) },
      ],
    };
    expect(issuesOf(tree, 'webWidget')).toEqual([]);
    expect(parseConditions(tree)).toEqual({ ok: true, value: tree });
  });

  it('reports metadata on a mobile-SDK channel, and only there', () => {
    const tree = { any: [{ fact: 'metadata.plan', operator: 'equal', value: 'pro' }] };
    expect(issuesOf(tree, 'mobileSdk')).toEqual([[['any', 0, 'fact'], 'metadataNotOnChannel', {}]]);
    expect(issuesOf(tree, 'webWidget')).toEqual([]);
    expect(issuesOf(tree)).toEqual([]);
  });

  it('reports every issue with its path under a base path', () => {
    const result = runCheck(
      conditionTreeCheck,
      { all: [{ fact: 'nope', operator: 'equal', value: 1 }, { not: { fact: 'pageViews', operator: 'in', value: [1, 'two'] } }, leaf] },
      true,
      ['conditions'],
    );
    expect(!result.ok && result.issues.map((i) => [i.path, i.code])).toEqual([
      [['conditions', 'all', 0, 'fact'], 'invalidValue'],
      [['conditions', 'all', 1, 'not', 'value', 1], 'invalidType'],
    ]);
    // First-failure mode stops at the first of them.
    const first = runCheck(conditionTreeCheck, { all: [{ fact: 'nope', operator: 'equal', value: 1 }, { not: { fact: 'pageViews', operator: 'in', value: [1, 'two'] } }, leaf] }, false, ['conditions']);
    expect(!first.ok && first.issues).toEqual([{ path: ['conditions', 'all', 0, 'fact'], code: 'invalidValue', params: { allowed: FACT_NAMES } }]);
  });

  it('null is no tree: every visitor qualifies', () => {
    expect(parseConditions(null)).toEqual({ ok: true, value: null });
  });
});

describe('shape and bounds of a tree', () => {
  /** `depth` nested `not`s around a leaf (the leaf is level depth + 1). */
  const notChain = (depth: number): unknown => {
    let node: unknown = leaf;
    for (let i = 0; i < depth; i += 1) node = { not: node };
    return node;
  };

  it('reports a 10,000-deep tree once, at the first level too deep, without recursing', () => {
    const tree = notChain(10_000);
    expect(issuesOf(tree)).toEqual([[Array.from({ length: LIMITS.conditionDepth }, () => 'not'), 'tooBig', { maximum: 10, unit: 'levels' }]]);
    expect(compileConditions(tree).ok).toBe(false);
  });

  it('accepts exactly the depth limit', () => {
    expect(issuesOf(notChain(LIMITS.conditionDepth - 1))).toEqual([]);
    expect(issuesOf(notChain(LIMITS.conditionDepth)).map(([, code, params]) => [code, params])).toEqual([['tooBig', { maximum: 10, unit: 'levels' }]]);
  });

  it('reports too many leaves and too many nodes at the root', () => {
    expect(issuesOf({ any: Array.from({ length: LIMITS.conditionLeaves }, () => leaf) })).toEqual([]);
    expect(issuesOf({ any: Array.from({ length: LIMITS.conditionLeaves + 1 }, () => leaf) })).toEqual([[[], 'tooBig', { maximum: 50, unit: 'leaves' }]]);
    // 50 leaves under three nots each: 1 + 50 × 4 = 201 nodes.
    const notNotNot = { not: { not: { not: leaf } } };
    expect(issuesOf({ all: Array.from({ length: 49 }, () => notNotNot) })).toEqual([]);
    expect(issuesOf({ all: Array.from({ length: 50 }, () => notNotNot) })).toEqual([[[], 'tooBig', { maximum: 200, unit: 'nodes' }]]);
    // A group with more children than a tree may have nodes is refused without looking at them.
    expect(issuesOf({ all: Array.from({ length: 10_000 }, () => 'junk') })).toEqual([[[], 'tooBig', { maximum: 200, unit: 'nodes' }]]);
  });

  it.each<[string, unknown, Found[]]>([
    ['empty group', { all: [] }, [[['all'], 'tooSmall', { minimum: 1, unit: 'items' }]]],
    ['group that is not a list', { any: leaf }, [[['any'], 'invalidType', { expected: 'array', got: 'object' }]]],
    ['not of nothing', { not: null }, [[['not'], 'invalidType', { expected: 'object', got: 'null' }]]],
    ['leaf without a value', { fact: 'pageViews', operator: 'equal' }, [[['value'], 'required', {}]]],
    ['leaf with a json-rules-engine path', { ...leaf, path: '$.x' }, [[['path'], 'unknownKey', {}]]],
    ['leaf with params', { ...leaf, params: {} }, [[['params'], 'unknownKey', {}]]],
    ['all and any in one node', { all: [leaf], any: [leaf] }, [[['any'], 'unknownKey', {}]]],
    [
      'neither group nor leaf',
      { path: '$.x' },
      [
        [['path'], 'unknownKey', {}],
        [['fact'], 'required', {}],
        [['operator'], 'required', {}],
        [['value'], 'required', {}],
      ],
    ],
    ['a string', 'pageUrl', [[[], 'invalidType', { expected: 'object', got: 'string' }]]],
    ['an array', [leaf], [[[], 'invalidType', { expected: 'object', got: 'array' }]]],
    ['null child', { all: [null] }, [[['all', 0], 'invalidType', { expected: 'object', got: 'null' }]]],
    ['sparse child list', { all: [leaf, , leaf, leaf] }, [[['all', 1], 'required', {}]]], // eslint-disable-line no-sparse-arrays
  ])('reports a malformed node precisely: %s', (_name, tree, expected) => {
    expect(issuesOf(tree)).toEqual(expected);
    expect(compileConditions(tree).ok).toBe(false);
  });
});

describe('the nesting rule (SPEC §1.5): a group inside a group needs three or more conditions', () => {
  it.each<[string, unknown, Found[]]>([
    ['two leaves, one nested group', { all: [{ any: [leaf] }, leaf] }, [[['all', 0], 'nestingNotAllowed', { leaves: 2, minimum: 3 }]]],
    ['two leaves, nested under a not', { all: [{ not: { any: [leaf, leaf] } }] }, [[['all', 0, 'not'], 'nestingNotAllowed', { leaves: 2, minimum: 3 }]]],
    ['three leaves, nested', { all: [{ any: [leaf, leaf] }, leaf] }, []],
    ['two leaves, a group under a root not is no nesting', { not: { all: [leaf, leaf] } }, []],
    ['two leaves in one group', { any: [leaf, leaf] }, []],
  ])('%s', (_name, tree, expected) => {
    expect(issuesOf(tree)).toEqual(expected);
  });
});

describe('compileConditions uses the same checker', () => {
  it.each<[string, unknown]>([
    ['an unknown fact', { fact: 'shoeSize', operator: 'equal', value: 1 }],
    ['a nested group with two leaves', { all: [{ any: [leaf] }, leaf] }],
    ['a leaf with a path', { ...leaf, path: '$.x' }],
    ['a 1,001-character value', { fact: 'pageUrl', operator: 'equal', value: chars(1_001) }],
  ])('%s: the same issues as parseConditions', (_name, tree) => {
    const compiled = compileConditions(tree as ConditionNode);
    const parsed = parseConditions(tree);
    expect(compiled.ok).toBe(false);
    expect(!compiled.ok && compiled.issues).toEqual(!parsed.ok && parsed.issues);
  });
});
