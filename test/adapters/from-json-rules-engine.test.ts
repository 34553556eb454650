/**
 * `fromJsonRulesEngine`: the mapping table of docs/migrating-from-json-rules-engine.md as vectors,
 * paths into the input, bounds and hostile input, the round trip from library trees, and verdict
 * equality with json-rules-engine itself on random rules where the conversion succeeds.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { Engine, Rule } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import {
  fromJsonRulesEngine,
  JSON_RULES_ENGINE_FEATURES,
  jsonRulesEngineFacts,
  ownPropertyPathResolver,
  toJsonRulesEngineConditions,
} from '../../src/adapters/json-rules-engine/index.js';
import { compileConditions, describeIssue, parseConditions, parseVisitor, readFacts, type ConditionNode, type Result, type Visitor } from '../../src/index.js';
import { conditionTreeArb, factsVisitorArb, KIT_NOW_MS } from '../../src/testing/index.js';
import { FRAGMENTS, LANGUAGES, METADATA_VALUES, PATHS } from '../../src/testing/pools.js';
import { BUILT_IN_FACTS, FACTS } from '../../src/core/vocabulary.js';

function verdict(tree: ConditionNode | null, visitor: Visitor, nowMs: number): boolean {
  const compiled = compileConditions(tree);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
  return compiled.value.test(readFacts(visitor, nowMs));
}

const issuesOf = <T>(result: Result<T>) => (result.ok ? [] : result.issues.map(({ path, code, params }) => ({ path, code, params })));

/** json-rules-engine as a migrating team runs it: its own operators, plus the string-aware `contains` of the guide. */
function referenceEngine(): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: ownPropertyPathResolver });
  const includes = (a: unknown, b: unknown): boolean => (typeof a === 'string' || Array.isArray(a)) && a.includes(b as never);
  engine.addOperator('contains', includes);
  engine.addOperator('doesNotContain', (a: unknown, b: unknown) => !includes(a, b));
  return engine;
}

/** json-rules-engine's verdict of each rule (`r0`, `r1`, …) on the library's facts of `visitor`. */
async function engineVerdicts(engine: Engine, count: number, visitor: Visitor, nowMs: number): Promise<boolean[]> {
  const facts = jsonRulesEngineFacts(visitor, nowMs);
  if (!facts.ok) throw new Error(JSON.stringify(facts.issues));
  const { results, failureResults } = await engine.run(facts.value);
  const byName = new Map([...results, ...failureResults].map((r) => [r.name, r.result === true]));
  return Array.from({ length: count }, (_, i) => byName.get(`r${i}`) as boolean);
}

const asRule = (conditions: unknown): unknown =>
  typeof conditions === 'object' && conditions !== null && ['all', 'any', 'not'].some((k) => Object.hasOwn(conditions, k)) ? conditions : { all: [conditions] };

// ---------------------------------------------------------------- the guide's mapping table

interface Row {
  readonly line: string;
  readonly input: unknown;
  readonly expected: { readonly tree: ConditionNode | null } | { readonly code: string; readonly feature?: string; readonly path: readonly (string | number)[] };
}

function tableRows(): Row[] {
  const guide = readFileSync(new URL('../../docs/migrating-from-json-rules-engine.md', import.meta.url), 'utf8');
  const table = guide.split('## Mapping table')[1]?.split('\n## ')[0] ?? '';
  return table
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const [left, middle] = line.slice(2).split(' | ');
      const input = JSON.parse(/^`(.*)`$/.exec(left ?? '')?.[1] ?? 'undefined') as unknown;
      const issue = /^`(\w+)`(?: \(`(\w+)`\))? at `(\[.*\])`$/.exec(middle ?? '');
      if (issue !== null) return { line, input, expected: { code: issue[1] as string, ...(issue[2] === undefined ? {} : { feature: issue[2] }), path: JSON.parse(issue[3] as string) as (string | number)[] } };
      return { line, input, expected: { tree: JSON.parse(/^`(.*)`$/.exec(middle ?? '')?.[1] ?? 'undefined') as ConditionNode | null } };
    });
}

const rows = tableRows();

describe('the mapping table of docs/migrating-from-json-rules-engine.md', () => {
  it('has a row for every noEquivalent feature, and conversions besides', () => {
    const features = rows.flatMap((r) => ('feature' in r.expected && r.expected.feature !== undefined ? [r.expected.feature] : []));
    expect(new Set(features)).toEqual(new Set(JSON_RULES_ENGINE_FEATURES));
    expect(rows.filter((r) => 'tree' in r.expected).length).toBeGreaterThanOrEqual(10);
  });

  it.each(rows.map((r) => [r.line.slice(0, 90), r] as const))('%s', (_name, row) => {
    const converted = fromJsonRulesEngine(row.input);
    if ('tree' in row.expected) {
      expect(converted).toEqual({ ok: true, value: row.expected.tree });
      if (row.expected.tree !== null) expect(parseConditions(row.expected.tree).ok).toBe(true);
    } else {
      const { code, feature, path } = row.expected;
      expect(issuesOf(converted)).toEqual([{ path, code, params: feature === undefined ? expect.anything() : { feature } }]);
    }
  });

  it('every converted row gives json-rules-engine’s verdict (with the guide’s string-aware contains) on random visitors', async () => {
    const converted = rows.filter((r) => 'tree' in r.expected);
    const engine = referenceEngine();
    converted.forEach((row, i) => engine.addRule({ name: `r${i}`, conditions: asRule(row.input) as never, event: { type: 'x' } }));
    const visitors = fc.sample(factsVisitorArb().filter((v) => parseVisitor(v).ok), { numRuns: 200, seed: 15 });
    for (const visitor of visitors) {
      const expected = await engineVerdicts(engine, converted.length, visitor, KIT_NOW_MS);
      converted.forEach((row, i) => expect(verdict((row.expected as { tree: ConditionNode | null }).tree, visitor, KIT_NOW_MS), row.line).toBe(expected[i]));
    }
  });
});

// ---------------------------------------------------------------- behaviour

describe('fromJsonRulesEngine', () => {
  it('converts a rule’s conditions, with paths into the rule, and ignores its name, priority and event', () => {
    const rule = { name: 'r', priority: 3, event: { type: 'e' }, conditions: { all: [{ fact: 'pageUrl', operator: 'contains', value: 5 }, { fact: 'visitCount', operator: 'equal', value: 1 }] } };
    expect(issuesOf(fromJsonRulesEngine(rule))).toEqual([{ path: ['conditions', 'all', 0, 'value'], code: 'invalidType', params: { expected: 'string', got: 'number' } }]);
    expect(fromJsonRulesEngine({ ...rule, conditions: { all: [] } })).toEqual({ ok: true, value: null });
  });

  it('converts what json-rules-engine itself serialises (Rule#toJSON writes priority 1 on every group)', () => {
    const rule = new Rule({
      conditions: { any: [{ all: [{ fact: 'pageUrl', operator: 'contains', value: '/pricing' }, { fact: 'visitCount', operator: 'greaterThan', value: 1 }] }, { fact: 'language', operator: 'in', value: ['de', 'fr'] }] },
      event: { type: 'show' },
    });
    const serialised = JSON.parse(JSON.stringify(rule.toJSON(false))) as { conditions: { priority: number } };
    expect(serialised.conditions.priority).toBe(1);
    expect(fromJsonRulesEngine(serialised)).toEqual({
      ok: true,
      value: { any: [{ all: [{ fact: 'pageUrl', operator: 'containsAnyOf', value: ['/pricing'] }, { fact: 'visitCount', operator: 'greaterThan', value: 1 }] }, { fact: 'language', operator: 'in', value: ['de', 'fr'] }] },
    });
  });

  it('renames facts with options.facts (own keys only), and reports a names map that is not an object', () => {
    const leaf = { all: [{ fact: 'url', operator: 'contains', value: '/a' }, { fact: 'plan', operator: 'equal', value: 'pro' }] };
    expect(fromJsonRulesEngine(leaf, { facts: { url: 'pageUrl', plan: 'metadata.plan' } })).toEqual({
      ok: true,
      value: { all: [{ fact: 'pageUrl', operator: 'containsAnyOf', value: ['/a'] }, { fact: 'metadata.plan', operator: 'equal', value: 'pro' }] },
    });
    expect(issuesOf(fromJsonRulesEngine({ fact: 'toString', operator: 'equal', value: 1 }, { facts: {} }))).toEqual([{ path: ['fact'], code: 'invalidValue', params: expect.anything() }]);
    expect(issuesOf(fromJsonRulesEngine(leaf, { facts: 'url=pageUrl' as never }))).toEqual([{ path: ['facts'], code: 'invalidType', params: { expected: 'object', got: 'string' } }]);
  });

  it('a renamed fact that is not text makes contains a noEquivalent (list membership)', () => {
    expect(issuesOf(fromJsonRulesEngine({ fact: 'tags', operator: 'contains', value: 'vip' }, { facts: { tags: 'metadata.tags' } }))).toEqual([
      { path: ['operator'], code: 'noEquivalent', params: { feature: 'arrayContains' } },
    ]);
  });

  it('metadata facts on a mobile SDK channel are refused, as parseConditions does', () => {
    expect(issuesOf(fromJsonRulesEngine({ fact: 'metadata.plan', operator: 'equal', value: 'pro' }, { channelType: 'mobileSdk' }))).toEqual([
      { path: ['fact'], code: 'metadataNotOnChannel', params: {} },
    ]);
  });

  it('reports every problem at once, each at its path in the input, without repeating the checker’s words on them', () => {
    const input = {
      any: [
        { fact: 'pageUrl', operator: 'equal', value: '/a', path: '$.x', params: { a: 1 } },
        { condition: 'shared' },
        { fact: 'unknown', operator: 'equal', value: 1 },
        { all: [{ fact: 'timeOnPage', operator: 'lessThan', value: ' 30 ' }] },
      ],
    };
    expect(issuesOf(fromJsonRulesEngine(input))).toEqual([
      { path: ['any', 0, 'path'], code: 'noEquivalent', params: { feature: 'path' } },
      { path: ['any', 0, 'params'], code: 'noEquivalent', params: { feature: 'params' } },
      { path: ['any', 1], code: 'noEquivalent', params: { feature: 'conditionReference' } },
      { path: ['any', 3, 'all', 0, 'value'], code: 'noEquivalent', params: { feature: 'numericString' } },
      { path: ['any', 2, 'fact'], code: 'invalidValue', params: expect.anything() },
    ]);
  });

  it('issue messages come from describeIssue', () => {
    const result = fromJsonRulesEngine({ fact: 'pageUrl', operator: 'equal', value: { fact: 'referrer' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]?.message).toBe('"value": json-rules-engine\'s factReference has no equivalent in condition trees');
    expect(result.issues[0]?.message).toBe(describeIssue(result.issues[0] as never));
  });

  it('neither shares lists with nor mutates its input', () => {
    const input = { all: [{ fact: 'visitCount', operator: 'in', value: [1, 2] }, { fact: 'pageUrl', operator: 'contains', value: '/a' }] };
    const copy = structuredClone(input);
    const result = fromJsonRulesEngine(input);
    expect(input).toEqual(copy);
    if (!result.ok || result.value === null || !('all' in result.value)) throw new Error('expected a group');
    const [first] = result.value.all as unknown as { value: unknown }[];
    expect(first?.value).not.toBe(input.all[0]?.value);
  });

  it('is bounded on deep and wide input (the checker’s bounds, reported at the input’s paths)', () => {
    let deep: unknown = { fact: 'visitCount', operator: 'equal', value: 1 };
    for (let i = 0; i < 100_000; i += 1) deep = { not: deep };
    const started = performance.now();
    const deepIssues = issuesOf(fromJsonRulesEngine(deep));
    expect(deepIssues).toEqual([{ path: Array(10).fill('not'), code: 'tooBig', params: { maximum: 10, unit: 'levels' } }]);
    const wide = { any: Array.from({ length: 100_000 }, () => ({ fact: 'visitCount', operator: 'equal', value: 1 })) };
    expect(issuesOf(fromJsonRulesEngine(wide))).toEqual([{ path: [], code: 'tooBig', params: { maximum: 200, unit: 'nodes' } }]);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('never throws: a throwing getter or a revoked Proxy is an invalidType issue', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(issuesOf(fromJsonRulesEngine({ all: [proxy] }))).toEqual([{ path: [], code: 'invalidType', params: { expected: 'json', got: 'other' } }]);
    const getter = { get all(): never { throw new Error('boom'); } };
    expect(fromJsonRulesEngine(getter).ok).toBe(false);
  });

  it('never throws on arbitrary JSON, and what it returns parses with parseConditions', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 6 }), jreTree()), (input) => {
        const result = fromJsonRulesEngine(input);
        if (result.ok && result.value !== null) expect(parseConditions(result.value).ok).toBe(true);
        if (!result.ok) for (const issue of result.issues) expect(issue.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 2_000 },
    );
  });
});

// ---------------------------------------------------------------- round trip and differential

describe('round trip: toJsonRulesEngineConditions, then fromJsonRulesEngine', () => {
  it('gives back an equivalent tree (same verdict on random visitors and instants) that parses', () => {
    fc.assert(
      fc.property(fc.option(conditionTreeArb(), { freq: 10 }), fc.array(fc.tuple(factsVisitorArb(), fc.integer({ min: -40_000, max: 40_000 })), { minLength: 4, maxLength: 4 }), (tree, visitors) => {
        const jre = toJsonRulesEngineConditions(tree);
        if (!jre.ok) throw new Error(JSON.stringify(jre.issues));
        const back = fromJsonRulesEngine(jre.value);
        if (!back.ok) throw new Error(`${JSON.stringify(jre.value)}: ${JSON.stringify(back.issues)}`);
        if (back.value !== null) expect(parseConditions(back.value).ok).toBe(true);
        for (const [visitor, shift] of visitors) expect(verdict(back.value, visitor, KIT_NOW_MS + shift)).toBe(verdict(tree, visitor, KIT_NOW_MS + shift));
      }),
      { numRuns: 500 },
    );
  });
});

/** Rules as teams write them: json-rules-engine's operators on the library's facts, with some of everything that does not convert. */
function jreTree(): fc.Arbitrary<unknown> {
  const text = fc.oneof(fc.constantFrom(...FRAGMENTS), fc.constantFrom(...PATHS).map((p) => `https://shop.example${p}`)).map((t) => t.toLowerCase());
  const OPERATORS = ['equal', 'notEqual', 'in', 'notIn', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'contains', 'doesNotContain'] as const;
  const kindOf = (fact: string) => (Object.hasOwn(FACTS, fact) ? FACTS[fact as keyof typeof FACTS].kind : 'scalar');
  /** The operators json-rules-engine users apply to a fact of this kind. */
  const usual = (kind: string): readonly (typeof OPERATORS)[number][] =>
    kind === 'text' ? ['equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain'] : kind === 'number' || kind === 'scalar' ? OPERATORS.slice(0, 8) : OPERATORS.slice(0, 4);
  const scalarFor = (fact: string): fc.Arbitrary<unknown> => {
    const kind = kindOf(fact);
    if (kind === 'text') return text;
    if (kind === 'number') return fc.oneof(fc.integer({ min: -1, max: 60 }), fc.constantFrom(0.5, 29.5));
    if (kind === 'enum') return fc.constantFrom(...(FACTS[fact as keyof typeof FACTS] as { values: readonly string[] }).values);
    if (kind === 'language') return fc.constantFrom(...LANGUAGES).map((l) => l.toLowerCase());
    return fc.constantFrom(...METADATA_VALUES);
  };
  const valueFor = (fact: string, operator: string): fc.Arbitrary<unknown> => {
    const own = scalarFor(fact);
    const shaped = operator === 'in' || operator === 'notIn' ? fc.array(own, { minLength: 1, maxLength: 3 }) : operator.startsWith('less') || operator.startsWith('greater') ? fc.oneof(fc.integer({ min: -1, max: 60 }), fc.constant(29.5)) : own;
    return fc.oneof({ arbitrary: shaped, weight: 12 }, { arbitrary: fc.constantFrom<unknown>('3', ' 12 ', { fact: 'visitCount' }, null, true, [1]), weight: 1 });
  };
  const fact = fc.constantFrom(...BUILT_IN_FACTS, 'metadata.plan', 'metadata.cartValue', 'metadata.vip', 'cartItems');
  const extra = fc.oneof({ arbitrary: fc.constant({}), weight: 40 }, fc.constant({ priority: 2 }), fc.constant({ path: '$.a' }), fc.constant({ params: { a: 1 } }));
  const leaf = fact.chain((f) =>
    fc
      .tuple(fc.oneof({ arbitrary: fc.constantFrom(...usual(kindOf(f))), weight: 10 }, { arbitrary: fc.constantFrom(...OPERATORS), weight: 1 }), extra)
      .chain(([op, more]) => valueFor(f, op).map((value) => ({ fact: f, operator: op, value, ...more }))),
  );
  const node: fc.Memo<unknown> = fc.memo((n) =>
    n <= 1
      ? leaf
      : fc.oneof(
          { arbitrary: leaf, weight: 20 },
          { arbitrary: node(n - 1).map((child) => ({ not: child })), weight: 5 },
          {
            arbitrary: fc
              .tuple(fc.constantFrom('all', 'any'), fc.array(node(n - 1), { minLength: 0, maxLength: 4 }), fc.constantFrom({}, {}, { priority: 1 }))
              .map(([kind, children, more]) => ({ [kind]: children.length === 0 && kind === 'any' ? [] : children, ...more })),
            weight: 15,
          },
          { arbitrary: fc.constant({ condition: 'shared' }), weight: 1 },
        ),
  );
  return fc.tuple(fc.constantFrom('all', 'any'), fc.array(node(3), { minLength: 0, maxLength: 5 })).map(([kind, children]) => ({ [kind]: children }));
}

/** Visitors whose metadata holds no numeric strings (json-rules-engine's numeric operators coerce those facts; see below). */
const typedVisitor = factsVisitorArb()
  .filter((v) => parseVisitor(v).ok)
  .map((v): Visitor => (v.metadata === undefined ? v : { ...v, metadata: Object.fromEntries(Object.entries(v.metadata).map(([k, x]) => [k, x === '50' ? 'pro' : x])) }));

describe('verdict equality with json-rules-engine on converted rules', () => {
  it('where the conversion succeeds, the tree’s verdict is json-rules-engine’s on the same facts', async () => {
    let compared = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(jreTree(), { minLength: 20, maxLength: 20 }), fc.array(fc.tuple(typedVisitor, fc.integer({ min: -40_000, max: 40_000 })), { minLength: 3, maxLength: 3 }), async (rules, visitors) => {
        const converted: { rule: unknown; tree: ConditionNode | null }[] = [];
        for (const rule of rules) {
          const result = fromJsonRulesEngine(rule);
          if (result.ok) converted.push({ rule, tree: result.value });
          else refused += 1;
        }
        const engine = referenceEngine();
        converted.forEach(({ rule }, i) => engine.addRule({ name: `r${i}`, conditions: rule as never, event: { type: 'x' } }));
        for (const [visitor, shift] of visitors) {
          const expected = await engineVerdicts(engine, converted.length, visitor, KIT_NOW_MS + shift);
          converted.forEach(({ rule, tree }, i) => {
            if (verdict(tree, visitor, KIT_NOW_MS + shift) !== expected[i]) throw new Error(`verdicts differ: ${JSON.stringify({ rule, tree, visitor, jre: expected[i] })}`);
            compared += 1;
          });
        }
      }),
      { numRuns: 150 },
    );
    // Both outcomes are common: the generator is not mostly refused, nor mostly trivial.
    expect(compared).toBeGreaterThan(2_000);
    expect(refused).toBeGreaterThan(500);
  });
});

describe('the documented differences (facts the library defines otherwise)', () => {
  const visitor = (overrides: Partial<Visitor>): Visitor => ({
    id: 'v_1',
    channelId: 'web_main',
    visit: { id: 'visit_1', number: 1, startedAt: '2026-11-23T09:59:00Z', pageViews: 1 },
    page: { viewId: 'pv_1', url: 'https://shop.example/pricing', title: 'pricing', enteredAt: '2026-11-23T10:00:00Z' },
    inActiveConversation: false,
    deliveries: [],
    ...overrides,
  });

  it('stock json-rules-engine `contains` on a string fact is always false (so a working rule had a string-aware operator)', async () => {
    const engine = new Engine([{ name: 'r0', conditions: { all: [{ fact: 'pageUrl', operator: 'contains', value: '/pricing' }] }, event: { type: 'x' } }], { allowUndefinedFacts: true });
    expect(await engineVerdicts(engine, 1, visitor({}), KIT_NOW_MS)).toEqual([false]);
    expect(await engineVerdicts((() => { const e = referenceEngine(); e.addRule({ name: 'r0', conditions: { all: [{ fact: 'pageUrl', operator: 'contains', value: '/pricing' }] }, event: { type: 'x' } }); return e; })(), 1, visitor({}), KIT_NOW_MS)).toEqual([true]);
  });

  it('text compares case-insensitively: "Pricing" matches the title "pricing" once converted, not in json-rules-engine', async () => {
    const rule = { all: [{ fact: 'pageTitle', operator: 'equal', value: 'Pricing' }] };
    const engine = referenceEngine();
    engine.addRule({ name: 'r0', conditions: rule, event: { type: 'x' } });
    const converted = fromJsonRulesEngine(rule);
    expect(converted.ok && verdict(converted.value, visitor({}), KIT_NOW_MS)).toBe(true);
    expect(await engineVerdicts(engine, 1, visitor({}), KIT_NOW_MS)).toEqual([false]);
  });

  it('numbers are not coerced: a metadata value "120" is greaterThan 100 in json-rules-engine, not once converted', async () => {
    const rule = { all: [{ fact: 'metadata.cartValue', operator: 'greaterThan', value: 100 }] };
    const engine = referenceEngine();
    engine.addRule({ name: 'r0', conditions: rule, event: { type: 'x' } });
    const shopper = visitor({ metadata: { cartValue: '120' } });
    const converted = fromJsonRulesEngine(rule);
    expect(converted.ok && verdict(converted.value, shopper, KIT_NOW_MS)).toBe(false);
    expect(await engineVerdicts(engine, 1, shopper, KIT_NOW_MS)).toEqual([true]);
    expect(converted.ok && verdict(converted.value, visitor({ metadata: { cartValue: 120 } }), KIT_NOW_MS)).toBe(true);
  });
});
