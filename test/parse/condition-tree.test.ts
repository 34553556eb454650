import { describe, expect, it } from 'vitest';
import { parseConditions } from '../../src/parse/parse.js';

const leaf = (value: string) => ({ fact: 'pageUrl', operator: 'startsWith', value });
const [a, b, c] = [leaf('/a'), leaf('/b'), leaf('/c')];

describe('nesting rule: a tree with two or fewer leaves may not put a group inside a group', () => {
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
    const result = parseConditions(tree);
    if (nestedAt === null) expect(result).toStrictEqual({ ok: true, value: tree });
    else expect(result).toMatchObject({ ok: false, issues: [{ code: 'nestingNotAllowed', path: nestedAt }] });
  });
});

describe('channel context', () => {
  it('metadata facts are metadataNotOnChannel on a mobile-SDK channel, fine elsewhere', () => {
    const tree = { fact: 'metadata.plan', operator: 'equal', value: 'pro' };
    expect(parseConditions(tree).ok).toBe(true);
    expect(parseConditions(tree, { channelType: 'webWidget' }).ok).toBe(true);
    expect(parseConditions(tree, { channelType: 'mobileSdk' })).toMatchObject({ ok: false, issues: [{ code: 'metadataNotOnChannel', path: ['fact'] }] });
  });

  it('null is no conditions (every visitor qualifies)', () => {
    expect(parseConditions(null)).toStrictEqual({ ok: true, value: null });
  });
});
