/**
 * Conditions: 140 messages × a nested tree of six leaves (URL containsAnyOf, timeOnPage,
 * language in, visitCount, deviceType, metadata) against one visitor, three ways:
 * the compiled evaluator, one prepared json-rules-engine `Engine` (`engine.run`), and a
 * hand-written function making the same decision. Targets (SPEC §3): ≥ 200× faster than
 * json-rules-engine, within 2× of hand-written.
 */
import { createEngine, jsonRulesEngineFacts } from '../src/adapters/json-rules-engine/index.js';
import { compileConditions, readFacts, type CompiledConditions } from '../src/index.js';
import type { ConditionNode, Visitor } from '../src/core/types.js';
import { compare, formatRatio, formatUs, type BenchSection } from './harness.js';

const MESSAGES = 140;
const NOW = Date.UTC(2026, 10, 23, 10, 0, 0);

interface Params {
  readonly paths: readonly string[];
  readonly seconds: number;
  readonly visits: number;
  readonly languages: readonly string[];
  readonly device: 'desktop' | 'mobile' | 'tablet';
  readonly plan: string;
}

const params: Params[] = Array.from({ length: MESSAGES }, (_, i) => ({
  paths: [`/section-${i % 10}`, i % 3 === 0 ? '/pricing' : '/checkout'],
  seconds: 10 + (i % 50),
  visits: 2 + (i % 4),
  languages: i % 4 === 3 ? ['fr', 'es'] : ['en', 'de'],
  device: i % 5 === 4 ? 'mobile' : 'desktop',
  plan: i % 2 === 0 ? 'trial' : 'pro',
}));

function treeOf(p: Params): ConditionNode {
  return {
    all: [
      { fact: 'pageUrl', operator: 'containsAnyOf', value: p.paths },
      { any: [{ fact: 'timeOnPage', operator: 'greaterThan', value: p.seconds }, { fact: 'visitCount', operator: 'greaterThanInclusive', value: p.visits }] },
      { fact: 'language', operator: 'in', value: p.languages },
      { fact: 'deviceType', operator: 'equal', value: p.device },
      { not: { fact: 'metadata.plan', operator: 'notEqual', value: p.plan } },
    ],
  };
}

const visitor: Visitor = {
  id: 'v_123',
  channelId: 'web_main',
  visit: { id: 'visit_9', number: 2, startedAt: '2026-11-23T09:58:00Z', pageViews: 3 },
  page: { viewId: 'pv_3', url: 'https://shop.example/Pricing', title: 'Pricing', referrer: 'https://search.example/', enteredAt: '2026-11-23T09:59:15Z' },
  language: 'en-US',
  deviceType: 'desktop',
  metadata: { plan: 'trial', cartValue: 120 },
  inActiveConversation: false,
  deliveries: [],
};

const messages = params.map((p, i) => ({ id: `msg_${i}`, conditions: treeOf(p) }));

function compiledAll(): CompiledConditions[] {
  return messages.map((m) => {
    const r = compileConditions(m.conditions);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    return r.value;
  });
}

/** The practical floor: the same decision written by hand. */
function handWritten(v: Visitor, nowMs: number): number[] {
  const url = v.page.url.toLowerCase();
  const seconds = Math.max(0, Math.floor((nowMs - Date.parse(v.page.enteredAt)) / 1000));
  const locale = v.language ?? '';
  const language = locale.split(/[-_]/)[0]?.toLowerCase() ?? '';
  const visits = v.visit.number;
  const device = v.deviceType;
  const plan = v.metadata !== undefined && Object.hasOwn(v.metadata, 'plan') ? v.metadata.plan : undefined;
  const out: number[] = [];
  for (let i = 0; i < params.length; i += 1) {
    const p = params[i] as Params;
    if (device !== p.device) continue;
    if (plan !== p.plan) continue;
    if (!p.languages.includes(language)) continue;
    if (!(seconds > p.seconds || visits >= p.visits)) continue;
    if (!p.paths.some((path) => url.includes(path))) continue;
    out.push(i);
  }
  return out;
}

/** Exposed for profiling. */
export const fixtures = { messages, visitor, NOW, handWritten, params };

export const conditionsBench: BenchSection = {
  name: 'conditions',
  async run() {
    const compiled = compiledAll();
    const compiledRun = (): number[] => {
      const facts = readFacts(visitor, NOW);
      const out: number[] = [];
      for (let i = 0; i < compiled.length; i += 1) if ((compiled[i] as CompiledConditions).test(facts)) out.push(i);
      return out;
    };
    const created = createEngine(messages);
    if (!created.ok) throw new Error('engine');
    const engine = created.value;
    const jreRun = async (): Promise<number[]> => {
      const { results } = await engine.run(jsonRulesEngineFacts(visitor, NOW));
      return results.map((r) => Number(r.name.slice(4))).sort((a, b) => a - b);
    };

    const expected = handWritten(visitor, NOW);
    const same = (xs: number[]) => xs.length === expected.length && xs.every((x, i) => x === expected[i]);
    if (!same(compiledRun()) || !same(await jreRun())) throw new Error('the three ways disagree');
    console.log(`${MESSAGES} messages × 6 leaves, one visitor; ${expected.length} eligible (all three agree)`);

    const compileStart = performance.now();
    const compileRounds = 200;
    for (let r = 0; r < compileRounds; r += 1) messages.forEach((m) => compileConditions(structuredClone(m.conditions)));
    const compileUs = ((performance.now() - compileStart) * 1000) / compileRounds;

    // Each ratio from interleaved samples of its two sides (see `compare`).
    const vsHand = await compare(() => compiledRun().length, () => handWritten(visitor, NOW).length, { slow: 2_000, fast: 2_000 }, 60);
    const vsJre = await compare(async () => (await jreRun()).length, () => compiledRun().length, { slow: 10, fast: 500 }, 40);

    console.log(`compiled evaluator   ${formatUs(vsHand.slowUs).padStart(10)} per visitor`);
    console.log(`hand-written         ${formatUs(vsHand.fastUs).padStart(10)} per visitor`);
    console.log(`json-rules-engine    ${formatUs(vsJre.slowUs).padStart(10)} per visitor`);
    console.log(`compile 140 trees    ${formatUs(compileUs).padStart(10)} (fresh objects, incl. structuredClone; cached re-compile is a WeakMap hit)`);
    console.log(`json-rules-engine / compiled = ${formatRatio(vsJre, 0)}   target ≥ 200×: ${vsJre.ratio >= 200 ? 'OK' : 'MISSED'}`);
    console.log(`compiled / hand-written      = ${formatRatio(vsHand, 2)}   target ≤ 2×: ${vsHand.ratio <= 2 ? 'OK' : 'MISSED'}`);
  },
};
