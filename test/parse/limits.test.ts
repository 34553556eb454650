/**
 * Bounded work: deep, huge and hostile input gets a clean issue — never a stack overflow, a hang
 * or a polluted prototype. "Returns at all" is the assertion; no timing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ISSUE_CODES } from '../../src/core/issues.js';
import { LIMITS } from '../../src/core/limits.js';
import { parseMessage, parseMessages, parseSchedule, parseVisitor, parseWorkspace } from '../../src/parse/parse.js';
import type { Issue, Result } from '../../src/index.js';
import { SPEC_MESSAGE_JSON, SPEC_VISITOR_JSON, fresh } from './fixtures.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test fixtures are edited freely

function issuesOf<T>(result: Result<T>): readonly Issue[] {
  return result.ok ? [] : result.issues;
}

function deepTree(levels: number, kind: 'not' | 'all'): unknown {
  let node: unknown = { fact: 'pageUrl', operator: 'equal', value: '/' };
  for (let i = 0; i < levels; i += 1) node = kind === 'not' ? { not: node } : { all: [node] };
  return node;
}

describe('deep input', () => {
  it.each(['not', 'all'] as const)('a 100,000-level %s tree is one tooBig (levels) issue at the depth limit', (kind) => {
    const m = fresh<Json>(SPEC_MESSAGE_JSON);
    m.conditions = deepTree(100_000, kind);
    const issues = issuesOf(parseMessage(m));
    // A spine of `all`s also nests groups around fewer than three leaves: reported after the depth.
    expect(issues.map((found) => found.code)).toStrictEqual(kind === 'not' ? ['tooBig'] : ['tooBig', 'nestingNotAllowed']);
    expect(issues[0]).toMatchObject({ code: 'tooBig', params: { maximum: LIMITS.conditionDepth, unit: 'levels' } });
    // The issue sits at the first node past the limit: level 11 (root is 1).
    expect(issues[0]?.path.filter((key) => key === kind)).toHaveLength(LIMITS.conditionDepth);
  });

  it('a 100,000-level array in visitor metadata is one invalidType issue (metadata values are scalars)', () => {
    const v = fresh<Json>(SPEC_VISITOR_JSON);
    let value: unknown = 1;
    for (let i = 0; i < 100_000; i += 1) value = [value];
    v.metadata = { deep: value };
    expect(issuesOf(parseVisitor(v))).toMatchObject([{ code: 'invalidType', path: ['metadata', 'deep'], params: { expected: 'scalar', got: 'array' } }]);
  });

  it('a cyclic object is checked once (its extra key is unknown), never looped over', () => {
    const cyclic: Json = { timezone: 'UTC', weekly: [] };
    cyclic.self = cyclic;
    expect(issuesOf(parseSchedule(cyclic))).toMatchObject([{ code: 'unknownKey', path: ['self'] }]);
  });

  it('a cyclic condition tree ends at the depth limit', () => {
    const m = fresh<Json>(SPEC_MESSAGE_JSON);
    const loop: Json = { not: null };
    loop.not = loop;
    m.conditions = loop;
    expect(issuesOf(parseMessage(m))).toMatchObject([{ code: 'tooBig', params: { unit: 'levels' } }]);
  });

  it('a tree with exactly the maximum depth and leaves parses', () => {
    const m = fresh<Json>(SPEC_MESSAGE_JSON);
    const leaves = Array.from({ length: LIMITS.conditionLeaves - 1 }, (_, i) => ({ fact: 'pageUrl', operator: 'equal', value: `/${i}` }));
    m.conditions = { any: [deepTree(LIMITS.conditionDepth - 2, 'not'), ...leaves] };
    expect(issuesOf(parseMessage(m))).toStrictEqual([]);
  });
});

describe('huge input', () => {
  const huge = 'x'.repeat(50_000_000);

  it.each([
    ['name', (m: Json) => (m.name = huge), ['name']],
    ['agent text (before the emoji scan)', (m: Json) => (m.response.text = huge), ['response', 'text']],
    ['a tag (before normalisation)', (m: Json) => (m.tags = [huge]), ['tags', 0]],
    ['a timestamp (before its regex)', (m: Json) => (m.createdAt = huge), ['createdAt']],
    ['a leaf value', (m: Json) => (m.conditions.all[0].value = [huge]), ['conditions', 'all', 0, 'value', 0]],
  ])('a 50 MB string in %s is one issue, found before any scan of the string', (_name, edit, path) => {
    const m = fresh<Json>(SPEC_MESSAGE_JSON);
    edit(m);
    const issues = issuesOf(parseMessage(m));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path });
    expect(['tooBig', 'invalidFormat']).toContain(issues[0]?.code);
    expect(issues[0]?.message.length).toBeLessThan(300);
  });

  it('a 50 MB metadata key is one tooBig issue whose message stays short', () => {
    const v = fresh<Json>(SPEC_VISITOR_JSON);
    v.metadata = { [huge]: 1 };
    const issues = issuesOf(parseVisitor(v));
    expect(issues).toMatchObject([{ code: 'tooBig', params: { maximum: LIMITS.metadataKeyLength, unit: 'characters' } }]);
    expect(issues[0]?.message.length).toBeLessThan(300);
  });

  it('a 10,000-item message list parses every message (the list bound is LIMITS.listMessages)', () => {
    const list = Array.from({ length: 10_000 }, (_, i) => ({ ...fresh<Json>(SPEC_MESSAGE_JSON), id: `m${i}` }));
    const result = parseMessages(list);
    expect(result.value).toHaveLength(10_000);
    expect(result.issues).toStrictEqual([]);
  });

  it('10,000 tags are one tooBig issue, not 10,000', () => {
    const m = fresh<Json>(SPEC_MESSAGE_JSON);
    m.tags = Array.from({ length: 10_000 }, (_, i) => `t${i}`);
    expect(issuesOf(parseMessage(m))).toMatchObject([{ code: 'tooBig', path: ['tags'], params: { maximum: LIMITS.tags, unit: 'items' } }]);
  });

  it('10,000 leaves in one group are one issue (more children than a tree may have nodes)', () => {
    const m = fresh<Json>(SPEC_MESSAGE_JSON);
    m.conditions = { all: Array.from({ length: 10_000 }, () => ({ fact: 'pageUrl', operator: 'equal', value: '/' })) };
    expect(issuesOf(parseMessage(m))).toMatchObject([{ code: 'tooBig', path: ['conditions'], params: { unit: 'nodes' } }]);
  });

  it('60 leaves in one group stop at the leaf limit', () => {
    const m = fresh<Json>(SPEC_MESSAGE_JSON);
    m.conditions = { all: Array.from({ length: 60 }, () => ({ fact: 'pageUrl', operator: 'equal', value: '/' })) };
    expect(issuesOf(parseMessage(m))).toMatchObject([{ code: 'tooBig', path: ['conditions'], params: { maximum: LIMITS.conditionLeaves, unit: 'leaves' } }]);
  });

  it('10,000 bad deliveries report at most LIMITS.maxIssues issues', () => {
    const v = fresh<Json>(SPEC_VISITOR_JSON);
    v.deliveries = Array.from({ length: 1_000 }, () => ({ messageId: 1 }));
    const issues = issuesOf(parseVisitor(v));
    expect(issues).toHaveLength(LIMITS.maxIssues);
  });
});

describe('issue cap', () => {
  it('past LIMITS.maxIssues issues, parseMessages still keeps every good message (one bad message stops no other)', () => {
    const good = (id: string): Json => ({ ...fresh<Json>(SPEC_MESSAGE_JSON), id, name: `Good ${id}` });
    // Each bad item is one issue (not an object); LIMITS.maxIssues + 20 of them, good ones around.
    const bad = Array.from({ length: LIMITS.maxIssues + 20 }, () => 5);
    const list = [good('msg_a'), ...bad.slice(0, 60), good('msg_b'), ...bad.slice(60), good('msg_c'), good('msg_a')];
    const { ok, value, issues } = parseMessages(list);
    expect(ok).toBe(false);
    expect(value.map((m) => m.id)).toStrictEqual(['msg_a', 'msg_b', 'msg_c']);
    expect(issues).toHaveLength(LIMITS.maxIssues);
    // The first issues, in list order.
    expect(issues[0]).toMatchObject({ path: [1], code: 'invalidType' });
    expect(issues.at(-1)).toMatchObject({ path: [LIMITS.maxIssues + 1], code: 'invalidType' });
  });
});

describe('prototype keys', () => {
  it('JSON.parse("{\\"__proto__\\": …}") in a message is rejected and pollutes nothing', () => {
    const m = JSON.parse(SPEC_MESSAGE_JSON.replace('"tags":', '"__proto__": {"polluted": true}, "tags":')) as Json;
    expect(Object.hasOwn(m, '__proto__')).toBe(true);
    expect(issuesOf(parseMessage(m))).toMatchObject([{ code: 'reservedKey', path: ['__proto__'] }]);
    expect(({} as Json).polluted).toBeUndefined();
  });

  it.each(['__proto__', 'constructor', 'prototype'])('metadata key %s is reservedKey', (key) => {
    const v = fresh<Json>(SPEC_VISITOR_JSON);
    v.metadata = JSON.parse(`{"plan": "x", "${key}": {"isAdmin": true}}`);
    expect(issuesOf(parseVisitor(v))).toMatchObject([{ code: 'reservedKey', path: ['metadata', key] }]);
  });

  it('JSON.parse("{\\"__proto__\\": 1}") as a workspace is reservedKey', () => {
    const issues = issuesOf(parseWorkspace(JSON.parse('{"__proto__": 1}')));
    // The missing fields first (in shape order), then the key that is not part of the shape.
    expect(issues.at(-1)).toMatchObject({ code: 'reservedKey', path: ['__proto__'] });
  });

  it('parsed metadata keeps Object.prototype and only its own keys', () => {
    const result = parseVisitor(fresh(SPEC_VISITOR_JSON));
    expect(result.ok && Object.getPrototypeOf(result.value.metadata)).toBe(Object.prototype);
    expect(result.ok && Object.keys(result.value.metadata ?? {})).toStrictEqual(['plan', 'cartValue']);
  });
});

describe('never throws', () => {
  const codes = new Set<string>(ISSUE_CODES);
  const parsers = [parseMessage, parseVisitor, parseWorkspace, parseSchedule];

  it('on arbitrary JSON values every parser returns a Result with known codes', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.constantFrom(...parsers), (input, parse) => {
        const result = parse(input);
        for (const found of issuesOf(result as Result<unknown>)) expect(codes.has(found.code)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('on the SPEC message with one field replaced by arbitrary JSON', () => {
    const base = fresh<Json>(SPEC_MESSAGE_JSON);
    const keys = Object.keys(base);
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.jsonValue({ maxDepth: 5 }), (key, value) => {
        const result = parseMessage({ ...base, [key]: value });
        for (const found of issuesOf(result)) {
          expect(codes.has(found.code)).toBe(true);
          for (const key of found.path) expect(['string', 'number']).toContain(typeof key);
        }
      }),
      { numRuns: 300 },
    );
  });
});
