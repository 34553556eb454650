import fc from 'fast-check';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { validateConditionTree } from '../../src/model/condition-tree.js';
import { BUILT_IN_FACTS, OPERATORS, conditionNodeSchema } from '../../src/model/schema/conditions.js';

const leaf = (value: string) => ({ fact: 'pageUrl', operator: 'startsWith', value });
const [a, b, c] = [leaf('/a'), leaf('/b'), leaf('/c')];

describe('nesting rule (SPEC §1.5): ≤ 2 leaves may not put a group inside a group', () => {
  it.each([
    ['one leaf, no group', a, null],
    ['two leaves in one group', { all: [a, b] }, null],
    ['not around a group of two', { not: { any: [a, b] } }, null],
    ['not inside a group', { all: [{ not: a }, b] }, null],
    ['a group in a group with three leaves', { all: [a, { any: [b, c] }] }, null],
    ['a group of one in a group', { all: [{ any: [a] }] }, ['all', 0]],
    ['a group in a group with two leaves', { any: [a, { all: [b] }] }, ['any', 1]],
    ['a group under not under a group', { all: [{ not: { any: [a, b] } }] }, ['all', 0, 'not']],
    ['not between a group and a group of one', { not: { all: [{ not: { any: [a] } }] } }, ['not', 'all', 0, 'not']],
  ])('%s', (_name, tree, nestedAt) => {
    const issues = validateConditionTree(tree, ['conditions']);
    if (nestedAt === null) expect(issues).toStrictEqual([]);
    else expect(issues).toMatchObject([{ code: 'nestingNotAllowed', path: ['conditions', ...nestedAt] }]);
  });
});

describe('the iterative walk agrees with the zod tree schema', () => {
  const scalar = fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.boolean(), fc.constant(null));
  const { node } = fc.letrec<{ node: unknown }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.record({
        fact: fc.constantFrom(...BUILT_IN_FACTS, 'metadata.plan'),
        operator: fc.constantFrom(...OPERATORS),
        value: fc.oneof(scalar, fc.array(scalar, { maxLength: 3 })),
      }),
      fc.record({ all: fc.array(tie('node'), { maxLength: 3 }) }),
      fc.record({ any: fc.array(tie('node'), { maxLength: 3 }) }),
      fc.record({ not: tie('node') }),
      fc.record({ all: fc.array(tie('node'), { maxLength: 2 }), any: fc.array(tie('node'), { maxLength: 2 }) }),
      fc.record({ fact: fc.constant('pageUrl'), operator: fc.constant('equal'), value: scalar, path: fc.constant('$.x') }),
      fc.record({ fact: fc.constant('pageUrl'), operator: fc.constant('equal') }),
    ),
  }));

  it('a tree the walk accepts is accepted by zod; a tree zod rejects has walk issues', () => {
    fc.assert(
      fc.property(node, (tree) => {
        const issues = validateConditionTree(tree, []);
        const zodOk = z.safeParse(conditionNodeSchema, tree).success;
        if (issues.length === 0) expect(zodOk).toBe(true);
        if (!zodOk) expect(issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});
