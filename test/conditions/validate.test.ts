import { describe, expect, it } from 'vitest';
import { checkConditionSemantics, checkConditionStructure, compileConditions, CONDITION_LIMITS } from '../../src/conditions/index.js';
import type { ConditionNode } from '../../src/model/types.js';

const codes = (tree: unknown, channelType?: 'webWidget' | 'mobileSdk'): string[] =>
  checkConditionSemantics(tree as ConditionNode, ['conditions'], channelType ? { channelType } : {}).map((i) => i.code);

describe('checkConditionSemantics', () => {
  it.each([
    ['unknown fact', { fact: 'pageURL', operator: 'equal', value: 'x' }, ['unknownFact']],
    ['empty metadata key', { fact: 'metadata.', operator: 'equal', value: 'x' }, ['unknownFact']],
    ['inherited name is not a fact', { fact: 'toString', operator: 'equal', value: 'x' }, ['unknownFact']],
    ['unknown operator', { fact: 'pageUrl', operator: 'regex', value: '.*' }, ['unknownOperator']],
    ['inherited name is not an operator', { fact: 'pageUrl', operator: 'constructor', value: 'x' }, ['unknownOperator']],
    ['numeric operator on a string fact', { fact: 'pageUrl', operator: 'lessThan', value: 3 }, ['operatorNotAllowedForFact']],
    ['string operator on a number fact', { fact: 'timeOnPage', operator: 'containsAnyOf', value: ['3'] }, ['operatorNotAllowedForFact']],
    ['string operator on metadata', { fact: 'metadata.plan', operator: 'startsWith', value: 'p' }, ['operatorNotAllowedForFact']],
    ['string value for a number fact', { fact: 'timeOnPage', operator: 'equal', value: '30' }, ['invalidConditionValue']],
    ['string bound for a numeric operator', { fact: 'metadata.cartValue', operator: 'greaterThan', value: '100' }, ['invalidConditionValue']],
    ['number for a text fact', { fact: 'pageTitle', operator: 'equal', value: 3 }, ['invalidConditionValue']],
    ['unknown enum value', { fact: 'deviceType', operator: 'equal', value: 'Desktop' }, ['invalidConditionValue']],
    ['language with a region', { fact: 'language', operator: 'in', value: ['en', 'en-US'] }, ['invalidConditionValue']],
    ['list operator with a scalar', { fact: 'pageUrl', operator: 'in', value: '/pricing' }, ['invalidConditionValue']],
    ['list operator with an empty list', { fact: 'pageUrl', operator: 'containsAnyOf', value: [] }, ['emptyConditionList']],
    ['list over the limit', { fact: 'pageViews', operator: 'in', value: Array.from({ length: CONDITION_LIMITS.maxListItems + 1 }, (_, i) => i) }, ['conditionListTooLong']],
    ['empty needle', { fact: 'pageUrl', operator: 'containsAnyOf', value: ['/a', ''] }, ['invalidConditionValue']],
    ['empty wildcard', { fact: 'pageUrl', operator: 'matchesWildcard', value: '' }, ['invalidConditionValue']],
    ['object value for metadata', { fact: 'metadata.plan', operator: 'equal', value: { fact: 'pageUrl' } }, ['invalidConditionValue']],
    ['reserved metadata key __proto__', { fact: 'metadata.__proto__', operator: 'equal', value: 'x' }, ['reservedMetadataKey']],
    ['reserved metadata key constructor', { fact: 'metadata.constructor', operator: 'notEqual', value: 'x' }, ['reservedMetadataKey']],
    ['reserved metadata key prototype', { fact: 'metadata.prototype', operator: 'equal', value: 'x' }, ['reservedMetadataKey']],
  ])('%s', (_name, tree, expected) => {
    expect(codes(tree)).toEqual(expected);
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
      ],
    };
    expect(codes(tree, 'webWidget')).toEqual([]);
  });

  it('reports metadata on a mobile-SDK channel, and only there', () => {
    const tree = { any: [{ fact: 'metadata.plan', operator: 'equal', value: 'pro' }] };
    expect(codes(tree, 'mobileSdk')).toEqual(['metadataNotOnChannel']);
    expect(codes(tree, 'webWidget')).toEqual([]);
    expect(codes(tree)).toEqual([]);
  });

  it('reports every issue with its path', () => {
    const issues = checkConditionSemantics(
      { all: [{ fact: 'nope', operator: 'equal', value: 1 }, { not: { fact: 'pageViews', operator: 'in', value: [1, 'two'] } }] } as unknown as ConditionNode,
      ['conditions'],
    );
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      [['conditions', 'all', 0, 'fact'], 'unknownFact'],
      [['conditions', 'all', 1, 'not', 'value', 1], 'invalidConditionValue'],
    ]);
  });
});

describe('checkConditionStructure (compile-time safety net)', () => {
  it('reports a 10,000-deep tree without recursing', () => {
    let tree: unknown = { fact: 'pageViews', operator: 'equal', value: 1 };
    for (let i = 0; i < 10_000; i += 1) tree = { not: tree };
    expect(checkConditionStructure(tree, []).map((i) => i.code)).toEqual(['conditionTreeTooDeep']);
    const compiled = compileConditions(tree as ConditionNode);
    expect(compiled.ok).toBe(false);
  });

  it('accepts exactly the depth limit', () => {
    let tree: ConditionNode = { fact: 'pageViews', operator: 'equal', value: 1 };
    for (let i = 1; i < CONDITION_LIMITS.maxDepth; i += 1) tree = { not: tree };
    expect(checkConditionStructure(tree, [])).toEqual([]);
    expect(checkConditionStructure({ not: tree }, []).map((i) => i.code)).toEqual(['conditionTreeTooDeep']);
  });

  it('reports too many leaves', () => {
    const leaf = { fact: 'pageViews', operator: 'equal', value: 1 };
    const ok = { any: Array.from({ length: CONDITION_LIMITS.maxLeaves }, () => leaf) };
    const tooMany = { any: Array.from({ length: CONDITION_LIMITS.maxLeaves + 1 }, () => leaf) };
    expect(checkConditionStructure(ok, [])).toEqual([]);
    expect(checkConditionStructure(tooMany, []).map((i) => i.code)).toEqual(['tooManyConditionLeaves']);
  });

  it.each([
    ['empty group', { all: [] }],
    ['group that is not a list', { any: { fact: 'pageViews', operator: 'equal', value: 1 } }],
    ['leaf without a value', { fact: 'pageViews', operator: 'equal' }],
    ['neither group nor leaf', { path: '$.x' }],
    ['a string', 'pageUrl'],
    ['null child', { all: [null] }],
  ])('reports a malformed node: %s', (_name, tree) => {
    expect(checkConditionStructure(tree, []).map((i) => i.code)).toContain('malformedConditionNode');
    expect(compileConditions(tree as unknown as ConditionNode).ok).toBe(false);
  });
});
