import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import {
  createEngine as createEngineResult,
  ENGINE_OPTIONS,
  jsonRulesEngineFacts as jsonRulesEngineFactsResult,
  matchingMessageIds,
  ownPropertyPathResolver,
  registerOperators,
  toJsonRulesEngineConditions,
  toJsonRulesEngineRule,
  type JsonRulesEngineFacts,
} from '../../src/adapters/json-rules-engine/index.js';
import { compileConditions, evaluate, parseVisitor, readFacts, type Result } from '../../src/index.js';
import type { ConditionNode, Visitor } from '../../src/core/types.js';
import { conditionTreeArb, deepFreeze, factsVisitorArb, KIT_NOW_MS } from '../../src/testing/index.js';
import { baseVisitor, NOW, visitorFrom, type LeafVector } from '../conditions/reference.js';
import operatorVectors from '../conditions/vectors/operators.json' with { type: 'json' };
import edgeVectors from './vectors/jre-edge-cases.json' with { type: 'json' };

/** The value of a successful result (the adapter's functions return `Result`s). */
function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}
const createEngine = (messages?: Parameters<typeof createEngineResult>[0]): Engine => unwrap(createEngineResult(messages));
const jsonRulesEngineFacts = (visitor: Visitor, nowMs: number): JsonRulesEngineFacts => unwrap(jsonRulesEngineFactsResult(visitor, nowMs));

function libraryVerdict(tree: ConditionNode | null, visitor: Visitor, nowMs: number): boolean {
  const compiled = compileConditions(tree);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
  return compiled.value.test(readFacts(visitor, nowMs));
}

/** Verdicts of json-rules-engine for each tree (one rule per tree), for one visitor. */
async function engineVerdicts(engine: Engine, count: number, visitor: Visitor, nowMs: number): Promise<boolean[]> {
  const { results, failureResults } = await engine.run(jsonRulesEngineFacts(visitor, nowMs));
  const byName = new Map<string, boolean>();
  for (const r of [...results, ...failureResults]) byName.set(r.name, r.result === true);
  return Array.from({ length: count }, (_, i) => {
    const verdict = byName.get(`m${i}`);
    if (verdict === undefined) throw new Error(`no result for m${i}`);
    return verdict;
  });
}

const single = async (engine: Engine, leaf: ConditionNode, visitor: Visitor) => {
  engine.addRule(unwrap(toJsonRulesEngineRule({ id: 'm0', conditions: leaf })));
  return (await engineVerdicts(engine, 1, visitor, NOW))[0];
};

describe('json-rules-engine parity', () => {
  it('differential: the library verdict equals json-rules-engine for ≥ 10,000 random (tree, visitor) cases', async () => {
    const TREES = 25;
    const VISITORS = 4;
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(conditionTreeArb(), { minLength: TREES, maxLength: TREES }),
        // Visitors the adapter accepts (it checks them, as evaluate does; reserved metadata keys
        // are refused on both sides — see "visitors that do not parse" below).
        fc.array(fc.tuple(factsVisitorArb().filter((v) => parseVisitor(v).ok), fc.integer({ min: -40_000, max: 40_000 })), { minLength: VISITORS, maxLength: VISITORS }),
        async (trees, visitors) => {
          const engine = createEngine(trees.map((conditions, i) => ({ id: `m${i}`, conditions })));
          for (const [visitor, shift] of visitors) {
            const nowMs = KIT_NOW_MS + shift;
            const expected = await engineVerdicts(engine, trees.length, visitor, nowMs);
            trees.forEach((tree, i) => {
              if (libraryVerdict(tree, visitor, nowMs) !== expected[i]) {
                throw new Error(`verdicts differ: ${JSON.stringify({ tree, visitor, nowMs, jre: expected[i] })}`);
              }
              cases += 1;
            });
          }
        },
      ),
      { numRuns: 100 },
    );
    expect(cases).toBeGreaterThanOrEqual(10_000);
  });

  describe('json-rules-engine edge cases (library, adapter engine, plain built-ins)', () => {
    it.each((edgeVectors as (LeafVector & { builtInDiffers?: boolean })[]).map((v) => [v.name, v] as const))('%s', async (_name, vector) => {
      const visitor = visitorFrom(vector.visitor);
      expect(libraryVerdict(vector.leaf, visitor, NOW)).toBe(vector.expected);
      expect(await single(createEngine(), vector.leaf, visitor)).toBe(vector.expected);
      // The same leaf through json-rules-engine's own operators, with no library operator registered.
      const plain = await single(new Engine([], { allowUndefinedFacts: true }), vector.leaf, visitor);
      expect(plain).toBe(vector.builtInDiffers === true ? !vector.expected : vector.expected);
    });
  });

  it.each((operatorVectors as LeafVector[]).map((v) => [v.name, v] as const))('operator vector through json-rules-engine: %s', async (_name, vector) => {
    expect(await single(createEngine(), vector.leaf, visitorFrom(vector.visitor))).toBe(vector.expected);
  });
});

describe('adapter pieces', () => {
  it('wraps a root leaf, lower-cases case-insensitive values, and maps null to an always-true rule', () => {
    expect(toJsonRulesEngineConditions({ fact: 'pageUrl', operator: 'in', value: ['/A', '/b'] })).toEqual({ ok: true, value: { all: [{ fact: 'pageUrl', operator: 'in', value: ['/a', '/b'] }] } });
    expect(toJsonRulesEngineConditions({ not: { fact: 'metadata.plan', operator: 'equal', value: 'Pro' } })).toEqual({ ok: true, value: { not: { fact: 'metadata.plan', operator: 'equal', value: 'Pro' } } });
    expect(toJsonRulesEngineConditions(null)).toEqual({ ok: true, value: { all: [] } });
  });

  // Issue 12: 0.1 documented a fresh object but shared the input's lists.
  it('toJsonRulesEngineConditions returns lists not shared with its input: mutating the output leaves the input equal', () => {
    const tree: ConditionNode = {
      all: [
        { fact: 'pageViews', operator: 'in', value: [1, 2, 3] },
        { fact: 'metadata.plan', operator: 'notIn', value: ['Pro', 'trial'] },
        { fact: 'pageUrl', operator: 'containsAnyOf', value: ['/pricing', '/plans'] },
        { not: { fact: 'deviceType', operator: 'in', value: ['mobile'] } },
      ],
    };
    const copy = structuredClone(tree);
    const converted = unwrap(toJsonRulesEngineConditions(tree)) as unknown as { all: { value?: unknown[]; not?: { value: unknown[] } }[] };
    expect(converted.all).not.toBe((tree as { all: unknown[] }).all);
    for (const node of converted.all) {
      const list = node.value ?? node.not?.value ?? [];
      list.push('mutated');
      list.reverse();
    }
    converted.all.push({ value: [] });
    expect(tree).toEqual(copy);
    // And the other way round: the library's verdict does not move when the output is edited.
    expect(libraryVerdict(tree, visitorFrom(), NOW)).toBe(false);
  });

  it('toJsonRulesEngineConditions never mutates a deep-frozen tree, and fails with the checker\'s issues', () => {
    const tree = deepFreeze({ any: [{ fact: 'pageUrl', operator: 'containsAnyOf', value: ['/Pricing'] }, { fact: 'pageViews', operator: 'greaterThan', value: 2 }] } as ConditionNode);
    expect(toJsonRulesEngineConditions(tree).ok).toBe(true);
    const bad = toJsonRulesEngineConditions({ all: [{ fact: 'pageUrl', operator: 'greaterThan', value: 3 }, { any: [] }] } as unknown as ConditionNode);
    expect(!bad.ok && bad.issues.map((i) => [i.path, i.code])).toEqual([
      [['all', 0, 'operator'], 'invalidValue'],
      [['all', 1, 'any'], 'tooSmall'],
      [['all', 1], 'nestingNotAllowed'],
    ]);
  });

  it('toJsonRulesEngineRule names the rule by the message id and prefixes issue paths with conditions', () => {
    expect(toJsonRulesEngineRule({ id: 'm', conditions: { fact: 'language', operator: 'equal', value: 'EN' } })).toEqual({
      ok: true,
      value: {
        name: 'm',
        conditions: { all: [{ fact: 'language', operator: 'equal', value: 'en' }] },
        event: { type: 'proactiveMessage', params: { messageId: 'm' } },
      },
    });
    const bad = toJsonRulesEngineRule({ id: '', conditions: { fact: 'shoeSize', operator: 'equal', value: 1 } } as never);
    expect(!bad.ok && bad.issues.map((i) => [i.path, i.code])).toEqual([
      [['id'], 'tooSmall'],
      [['conditions', 'fact'], 'invalidValue'],
    ]);
    for (const junk of [null, 5, 'm']) expect(toJsonRulesEngineRule(junk as never).ok).toBe(false);
  });

  it('createEngine fails with the issues of every message whose rule cannot be built (paths start with its index)', () => {
    const result = createEngineResult([
      { id: 'ok', conditions: null },
      { id: 'bad', conditions: { all: [] } as unknown as ConditionNode },
    ]);
    expect(!result.ok && result.issues.map((i) => [i.path, i.code])).toEqual([[[1, 'conditions', 'all'], 'tooSmall']]);
    const junk = createEngineResult('nope' as never);
    expect(!junk.ok && junk.issues.map((i) => [i.path, i.code])).toEqual([[['messages'], 'invalidType']]);
  });

  it('registerOperators registers exactly the operators the table marks custom', () => {
    const names: string[] = [];
    const recorder = { addOperator: (name: string) => void names.push(name) } as unknown as Engine;
    expect(registerOperators(recorder)).toEqual({ ok: true, value: recorder });
    expect(names.sort()).toEqual(
      ['containsAnyOf', 'doesNotContainAnyOf', 'startsWith', 'endsWith', 'matchesWildcard', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'].sort(),
    );
    expect(registerOperators({} as Engine).ok).toBe(false);
    expect(registerOperators(null as unknown as Engine).ok).toBe(false);
  });

  it('null conditions match every visitor through the engine', async () => {
    expect(await matchingMessageIds(createEngine([{ id: 'everyone', conditions: null }]), visitorFrom(), NOW)).toEqual({ ok: true, value: ['everyone'] });
  });

  it('matchingMessageIds fails (never throws) on an invalid visitor, now or engine', async () => {
    const engine = createEngine([{ id: 'everyone', conditions: null }]);
    const bad = await matchingMessageIds(engine, visitorFrom(), 'yesterday' as never);
    expect(!bad.ok && bad.issues.map((i) => [i.path, i.code])).toEqual([[['now'], 'invalidInstant']]);
    const noEngine = await matchingMessageIds({} as Engine, visitorFrom(), NOW);
    expect(!noEngine.ok && noEngine.issues.map((i) => [i.path, i.code])).toEqual([[['engine'], 'invalidType']]);
    const noVisitor = await matchingMessageIds(engine, null as unknown as Visitor, NOW);
    expect(!noVisitor.ok && noVisitor.issues.map((i) => [i.path, i.code])).toEqual([[['visitor'], 'invalidType']]);
  });

  it('facts come from readFacts; missing facts are left out; the object has no prototype', () => {
    const facts = jsonRulesEngineFacts(visitorFrom({ language: null }), NOW);
    expect(Object.getPrototypeOf(facts)).toBeNull();
    expect({ ...facts }).toEqual({
      pageUrl: 'https://shop.example/pricing',
      pageTitle: 'pricing',
      referrer: 'https://search.example/',
      visitorType: 'returning',
      deviceType: 'desktop',
      timeOnPage: 45,
      timeOnSite: 120,
      pageViews: 3,
      visitCount: 2,
      'metadata.plan': 'trial',
      'metadata.cartValue': 120,
    });
    // `now` as an ISO string, with the same rule as everywhere (offset required).
    expect(jsonRulesEngineFactsResult(visitorFrom(), '2026-11-23T10:00:00Z')).toEqual({ ok: true, value: jsonRulesEngineFacts(visitorFrom(), NOW) });
    expect(jsonRulesEngineFactsResult(visitorFrom(), '2026-11-23T10:00:00').ok).toBe(false);
  });

  it('visitors that do not parse are refused, with the issues evaluate fails closed on', () => {
    const reserved = JSON.parse('{"__proto__":"p","constructor":"c","plan":"trial","bad":{"x":1}}') as Record<string, string>;
    const getter = Object.defineProperty({ seats: 3 }, 'plan', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const cases: [Visitor, [readonly (string | number)[], string][]][] = [
      [
        visitorFrom({ metadata: reserved }),
        [
          [['visitor', 'metadata', '__proto__'], 'reservedKey'],
          [['visitor', 'metadata', 'constructor'], 'reservedKey'],
          [['visitor', 'metadata', 'bad'], 'invalidType'],
        ],
      ],
      [baseVisitor({ metadata: getter }), [[['visitor', 'metadata', 'plan'], 'invalidType']]],
      [visitorFrom({ enteredAt: '2026-11-23T09:59:15' }), [[['visitor', 'page', 'enteredAt'], 'invalidFormat']]],
    ];
    for (const [visitor, expected] of cases) {
      const result = jsonRulesEngineFactsResult(visitor, NOW);
      expect(!result.ok && result.issues.map((i) => [i.path, i.code])).toEqual(expected);
      // evaluate shows nothing for the same visitor, with the same first issue.
      const decision = evaluate(visitor, [], NOW);
      const firstIssue = result.ok ? undefined : result.issues[0];
      expect(decision.invalidInput).toEqual(firstIssue && { path: firstIssue.path, code: firstIssue.code, params: firstIssue.params });
    }
  });

  it('a metadata value that cannot be read is missing for the compiled conditions (readFacts)', () => {
    const metadata = Object.defineProperty({ seats: 3 }, 'plan', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const hostile = baseVisitor({ metadata });
    const trees: ConditionNode[] = [
      { fact: 'metadata.plan', operator: 'equal', value: 'trial' },
      { fact: 'metadata.plan', operator: 'notIn', value: ['trial', 'pro'] },
      { not: { fact: 'metadata.plan', operator: 'equal', value: 'trial' } },
      { any: [{ fact: 'metadata.plan', operator: 'equal', value: 'trial' }, { fact: 'metadata.seats', operator: 'greaterThan', value: 2 }] },
    ];
    const expected = [false, true, true, true]; // as for a visitor without the key
    expect(trees.map((tree) => libraryVerdict(tree, hostile, NOW))).toEqual(expected);
    // json-rules-engine gives the same verdicts for a visitor that simply lacks the key.
    const engine = createEngine(trees.map((conditions, i) => ({ id: `m${i}`, conditions })));
    return engineVerdicts(engine, trees.length, baseVisitor({ metadata: { seats: 3 } }), NOW).then((verdicts) => expect(verdicts).toEqual(expected));
  });

  it('the path resolver reads own properties only, never JSONPath', () => {
    expect(ownPropertyPathResolver({ plan: 'pro' }, 'plan')).toBe('pro');
    expect(ownPropertyPathResolver({ plan: 'pro' }, '$.plan')).toBeUndefined();
    expect(ownPropertyPathResolver({}, 'constructor')).toBeUndefined();
    expect(ownPropertyPathResolver({}, 'toString')).toBeUndefined();
    expect(ENGINE_OPTIONS.pathResolver).toBe(ownPropertyPathResolver);
  });

  it('the main entry never imports json-rules-engine', async () => {
    const { readFile } = await import('node:fs/promises');
    const { readdirSync, statSync } = await import('node:fs');
    const { join } = await import('node:path');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const path = join(dir, entry);
        if (statSync(path).isDirectory()) {
          if (!path.endsWith(join('src', 'adapters')) && !path.endsWith(join('src', 'testing'))) walk(path);
        } else if (path.endsWith('.ts')) files.push(path);
      }
    };
    walk('src');
    expect(files.length).toBeGreaterThan(20);
    const offenders: string[] = [];
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      if (/from ['"](json-rules-engine|fast-check)['"]/.test(text)) offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });
});
