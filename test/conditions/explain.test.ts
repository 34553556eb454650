import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileConditions, explainConditions, operatorsFor, readFacts, type ExplainedNode } from '../../src/index.js';
import { conditionTreeArb, factsVisitorArb, KIT_NOW_MS } from '../../src/testing/index.js';
import { baseVisitor, NOW } from './reference.js';

describe('explainConditions', () => {
  it('annotates outcomes, fact values, missing facts and short-circuited nodes', () => {
    const visitor = baseVisitor({ deviceType: null });
    const result = explainConditions(
      {
        all: [
          { fact: 'language', operator: 'in', value: ['en', 'de'] },
          { any: [{ fact: 'deviceType', operator: 'equal', value: 'mobile' }, { fact: 'timeOnPage', operator: 'greaterThan', value: 30 }, { fact: 'pageViews', operator: 'equal', value: 1 }] },
          { not: { fact: 'metadata.plan', operator: 'equal', value: 'trial' } },
          { fact: 'pageUrl', operator: 'containsAnyOf', value: ['/pricing'] },
        ],
      },
      readFacts(visitor, NOW),
    );
    expect(result).toEqual({
      ok: true,
      value: {
        outcome: 'failed',
        all: [
          { fact: 'language', operator: 'in', value: ['en', 'de'], outcome: 'passed', factValue: 'en' },
          {
            outcome: 'passed',
            any: [
              { fact: 'deviceType', operator: 'equal', value: 'mobile', outcome: 'failed', factMissing: true },
              { fact: 'timeOnPage', operator: 'greaterThan', value: 30, outcome: 'passed', factValue: 45 },
              { fact: 'pageViews', operator: 'equal', value: 1, outcome: 'skipped' },
            ],
          },
          { outcome: 'failed', not: { fact: 'metadata.plan', operator: 'equal', value: 'trial', outcome: 'passed', factValue: 'trial' } },
          { fact: 'pageUrl', operator: 'containsAnyOf', value: ['/pricing'], outcome: 'skipped' },
        ],
      },
    });
  });

  it('null tree explains as null; an invalid tree fails with its issues', () => {
    expect(explainConditions(null, readFacts(baseVisitor(), NOW))).toEqual({ ok: true, value: null });
    const bad = explainConditions({ fact: 'pageUrl', operator: 'lessThan', value: 1 }, readFacts(baseVisitor(), NOW));
    expect(!bad.ok && bad.issues.map(({ path, code }) => [path, code])).toEqual([[['operator'], 'invalidValue']]);
    expect(!bad.ok && bad.issues[0]?.params).toEqual({ allowed: operatorsFor('text') });
  });

  it('root outcome equals the compiled verdict; skipped nodes only contain skipped nodes', () => {
    const allSkipped = (node: ExplainedNode): boolean =>
      node.outcome === 'skipped' &&
      ('all' in node ? node.all.every(allSkipped) : 'any' in node ? node.any.every(allSkipped) : 'not' in node ? allSkipped(node.not) : !('factValue' in node));
    const consistent = (node: ExplainedNode): boolean => {
      if (node.outcome === 'skipped') return allSkipped(node);
      const children = 'all' in node ? node.all : 'any' in node ? node.any : 'not' in node ? [node.not] : [];
      return children.every(consistent);
    };
    fc.assert(
      fc.property(conditionTreeArb(), factsVisitorArb(), (tree, visitor) => {
        const facts = readFacts(visitor, KIT_NOW_MS);
        const compiled = compileConditions(tree);
        const explained = explainConditions(tree, facts);
        if (!compiled.ok || !explained.ok || explained.value === null) return false;
        expect(explained.value.outcome).toBe(compiled.value.test(facts) ? 'passed' : 'failed');
        expect(consistent(explained.value)).toBe(true);
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
