import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import {
  createEngine,
  ENGINE_OPTIONS,
  jsonRulesEngineFacts,
  matchingMessageIds,
  ownPropertyPathResolver,
  toJsonRulesEngineConditions,
  toJsonRulesEngineRule,
} from '../../src/adapters/json-rules-engine/index.js';
import { compileConditions, readFacts } from '../../src/conditions/index.js';
import type { ConditionNode, Visitor } from '../../src/model/types.js';
import { conditionTreeArbitrary, conditionVisitorArbitrary, CONDITIONS_NOW_MS } from '../../src/testing/index.js';
import { baseVisitor, NOW, visitorFrom, type LeafVector } from '../conditions/reference.js';
import operatorVectors from '../conditions/vectors/operators.json' with { type: 'json' };
import edgeVectors from './vectors/jre-edge-cases.json' with { type: 'json' };

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
  engine.addRule(toJsonRulesEngineRule({ id: 'm0', conditions: leaf }));
  return (await engineVerdicts(engine, 1, visitor, NOW))[0];
};

describe('json-rules-engine parity', () => {
  it('differential: the library verdict equals json-rules-engine for ≥ 10,000 random (tree, visitor) cases', async () => {
    const TREES = 25;
    const VISITORS = 4;
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(conditionTreeArbitrary(), { minLength: TREES, maxLength: TREES }),
        fc.array(fc.tuple(conditionVisitorArbitrary({ hostileMetadataKeys: true }), fc.integer({ min: -40_000, max: 40_000 })), { minLength: VISITORS, maxLength: VISITORS }),
        async (trees, visitors) => {
          const engine = createEngine(trees.map((conditions, i) => ({ id: `m${i}`, conditions })));
          for (const [visitor, shift] of visitors) {
            const nowMs = CONDITIONS_NOW_MS + shift;
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
    expect(toJsonRulesEngineConditions({ fact: 'pageUrl', operator: 'in', value: ['/A', '/b'] })).toEqual({ all: [{ fact: 'pageUrl', operator: 'in', value: ['/a', '/b'] }] });
    expect(toJsonRulesEngineConditions({ not: { fact: 'metadata.plan', operator: 'equal', value: 'Pro' } })).toEqual({ not: { fact: 'metadata.plan', operator: 'equal', value: 'Pro' } });
    expect(toJsonRulesEngineConditions(null)).toEqual({ all: [] });
  });

  it('null conditions match every visitor through the engine', async () => {
    expect(await matchingMessageIds(createEngine([{ id: 'everyone', conditions: null }]), visitorFrom(), NOW)).toEqual(['everyone']);
  });

  it('facts come from readFacts; reserved and inherited metadata keys never appear', () => {
    const metadata = JSON.parse('{"__proto__":"p","constructor":"c","plan":"trial","bad":{"x":1}}') as Record<string, string>;
    const facts = jsonRulesEngineFacts(visitorFrom({ metadata, language: null }), NOW);
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
    });
  });

  it('a metadata value that cannot be read is missing on both sides', async () => {
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
    const engine = createEngine(trees.map((conditions, i) => ({ id: `m${i}`, conditions })));
    const expected = [false, true, true, true]; // as for a visitor without the key
    expect(trees.map((tree) => libraryVerdict(tree, hostile, NOW))).toEqual(expected);
    expect(await engineVerdicts(engine, trees.length, hostile, NOW)).toEqual(expected);
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
    const offenders: string[] = [];
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      if (/from ['"](json-rules-engine|fast-check)['"]/.test(text)) offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });
});
