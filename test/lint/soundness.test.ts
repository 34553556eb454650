/**
 * Soundness: what lint claims is true. A tree (or part of one) lint calls never-holding is false
 * for every random visitor — by the compiled tree and by the naive reference interpreter — and one
 * it calls always-holding is true; a message lint says can never show (conditions, trigger, send
 * window) is never eligible at any instant. Each property also counts its claims, so it cannot
 * pass by claiming nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, lint, readFacts, type ConditionLeaf, type ConditionNode, type Decision, type LintFinding, type Message, type Visitor } from '../../src/index.js';
import { compileCheckedTree } from '../../src/conditions/plan.js';
import { conditionLeafArb, conditionTreeArb, factsVisitorArb, KIT_NOW_MS, messageArb, sendWindowArb, visitorArb } from '../../src/testing/index.js';
import { referenceEvaluate } from '../conditions/reference.js';

const BASE: Message = {
  id: 'msg_1',
  name: 'Lint subject',
  brandId: 'brand_acme',
  channelId: 'web_main',
  status: 'live',
  response: { type: 'agent', text: 'Hello', capture: [] },
  trigger: { event: 'pageLoad' },
  conditions: null,
  tags: [],
  sendWindow: { type: 'anytime' },
  frequency: 'everyTime',
  priority: 0,
  metrics: { sent: 0, read: 0, replied: 0 },
  createdAt: '2026-11-01T09:00:00Z',
  updatedAt: '2026-11-20T12:00:00Z',
};

/** The node at a finding's path inside the message's conditions. */
function nodeAt(tree: ConditionNode, path: readonly (string | number)[]): ConditionNode {
  let node: unknown = tree;
  for (const step of path) node = (node as Record<string | number, unknown>)[step];
  return node as ConditionNode;
}

/**
 * Trees that often contradict themselves: groups of leaves on few facts, combined with all / any
 * / not (the kit's trees, which mix every fact, rarely do).
 */
const tangledTreeArb: fc.Arbitrary<ConditionNode> = fc
  .tuple(fc.array(conditionLeafArb(), { minLength: 8, maxLength: 24 }), fc.array(fc.constantFrom('all', 'any', 'not'), { minLength: 6, maxLength: 6 }), fc.nat())
  .map(([leaves, kinds, pick]) => {
    const byFact = new Map<string, ConditionLeaf[]>();
    for (const leaf of leaves) byFact.set(leaf.fact, [...(byFact.get(leaf.fact) ?? []), leaf]);
    const groups = [...byFact.values()].slice(pick % 2, (pick % 2) + 3).map((group, i): ConditionNode => {
      const kind = kinds[i % kinds.length];
      const inner: ConditionNode = group.length === 1 ? (group[0] as ConditionLeaf) : kind === 'any' ? { any: group } : { all: group };
      return kind === 'not' ? { not: inner } : inner;
    });
    const outer = kinds[5] === 'any' ? 'any' : 'all';
    const tree: ConditionNode = groups.length === 1 ? (groups[0] as ConditionNode) : outer === 'any' ? { any: groups } : { all: groups };
    return tree;
  });

const treeArb = fc.oneof(tangledTreeArb, conditionTreeArb({ maxDepth: 6, maxLeaves: 16 }));
const VERDICT_CODES = ['conditionsNeverHold', 'branchNeverHolds', 'conditionsAlwaysHold', 'branchAlwaysHolds'] as const;

describe('soundness: condition claims', () => {
  it('a tree (or part) lint calls never-holding is false, and always-holding true, on random visitors', () => {
    const claims = new Map<string, number>(VERDICT_CODES.map((code) => [code, 0]));
    fc.assert(
      fc.property(treeArb, fc.array(factsVisitorArb(), { minLength: 25, maxLength: 25 }), (tree, visitors) => {
        const message = { ...BASE, conditions: tree };
        // Trees combined by the generator may break the nesting rule (a product rule): skip those.
        const findings = lint([message]);
        if (findings.some((f) => f.severity === 'error' && f.code === 'nestingNotAllowed')) return;
        for (const f of findings) {
          if (!(VERDICT_CODES as readonly string[]).includes(f.code)) continue;
          claims.set(f.code, (claims.get(f.code) ?? 0) + 1);
          const node = nodeAt(tree, f.path.slice(2));
          const compiled = compileCheckedTree(node).compiled;
          const holds = f.code === 'conditionsAlwaysHold' || f.code === 'branchAlwaysHolds';
          for (const visitor of visitors) {
            expect(compiled.test(readFacts(visitor, KIT_NOW_MS)), `${f.code} at ${JSON.stringify(f.path)}`).toBe(holds);
            expect(referenceEvaluate(node, visitor, KIT_NOW_MS)).toBe(holds);
          }
        }
      }),
      { numRuns: 1500 },
    );
    for (const [code, n] of claims) expect(n, `${code} claims`).toBeGreaterThan(10);
  });
});

/** Live messages whose conditions, trigger and window often make them unable to show. */
const doomedMessageArb: fc.Arbitrary<Message> = fc
  .record({
    tree: fc.option(tangledTreeArb, { nil: null }),
    seconds: fc.option(fc.constantFrom(1, 5, 30, 31, 60, 600), { nil: null }),
    window: fc.oneof(
      sendWindowArb(),
      fc.constantFrom<Message['sendWindow']>(
        { type: 'businessHours', schedule: { timezone: 'Europe/Berlin', weekly: [], holidays: [] } },
        { type: 'businessHours', schedule: { timezone: 'Europe/Berlin', weekly: [{ day: 'mon', open: '09:00', close: '17:00' }], holidays: [{ start: '2026-01-01', end: '9999-12-31' }] } },
        { type: 'outsideBusinessHours', schedule: { timezone: 'UTC', weekly: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => ({ day: day as 'mon', open: '00:00', close: '24:00' })), holidays: [{ start: '2026-11-20', end: '2026-11-22' }] } },
      ),
    ),
  })
  .map(({ tree, seconds, window }) => ({ ...BASE, conditions: tree, trigger: seconds === null ? { event: 'pageLoad' as const } : { event: 'timeOnPage' as const, seconds }, sendWindow: window }));

/**
 * The messages `evaluate` would show anew: `eligible` without the one already on screen. A random
 * history may claim a delivery in the current page view of a message that could never have been
 * shown; the on-screen rule keeps such a message as the answer, which is not a new showing.
 */
function newlyEligible(decision: Decision): readonly string[] {
  return decision.onScreen && decision.message !== null ? decision.eligible.filter((id) => id !== decision.message?.id) : decision.eligible;
}

const NEVER_SHOWS = ['conditionsNeverHold', 'triggerAfterConditions', 'sendWindowNeverOpens', 'sendWindowInPast'] as const;

describe('soundness: a message lint says never shows is never eligible', () => {
  it('at random instants, for random visitors (and its own example visitors)', () => {
    const claims = new Map<string, number>(NEVER_SHOWS.map((code) => [code, 0]));
    const now = KIT_NOW_MS;
    fc.assert(
      fc.property(doomedMessageArb, fc.array(fc.oneof(factsVisitorArb(), visitorArb({ channelId: 'web_main', messageIds: ['msg_9'] })), { minLength: 10, maxLength: 10 }), fc.array(fc.integer({ min: 0, max: 400 * 86_400_000 }), { minLength: 10, maxLength: 10 }), (message, visitors, offsets) => {
        const findings: readonly LintFinding[] = lint([message], undefined, { now });
        const never = findings.find((f) => (NEVER_SHOWS as readonly string[]).includes(f.code));
        if (never === undefined || findings.some((f) => f.code === 'nestingNotAllowed')) return;
        claims.set(never.code, (claims.get(never.code) ?? 0) + 1);
        visitors.forEach((visitor: Visitor, i) => {
          // The visitor keeps its time on page and site, moved to a later instant.
          const shift = offsets[i] as number;
          const moved: Visitor = {
            ...visitor,
            visit: { ...visitor.visit, startedAt: new Date(Date.parse(visitor.visit.startedAt) + shift).toISOString() },
            page: { ...visitor.page, enteredAt: new Date(Date.parse(visitor.page.enteredAt) + shift).toISOString() },
          };
          for (const extra of [0, 1_000, 30_000, 600_000]) {
            expect(newlyEligible(evaluate(moved, [message], now + shift + extra)), never.code).not.toContain(message.id);
          }
        });
      }),
      { numRuns: 800 },
    );
    for (const [code, n] of claims) expect(n, `${code} claims`).toBeGreaterThan(5);
  });

  it('random messages from the kit: every never-shows claim holds', () => {
    fc.assert(
      fc.property(messageArb({ status: 'live', channelId: 'web_main' }), fc.array(visitorArb({ channelId: 'web_main' }), { minLength: 5, maxLength: 5 }), (message, visitors) => {
        const never = lint([message], undefined, { now: KIT_NOW_MS }).find((f) => (NEVER_SHOWS as readonly string[]).includes(f.code));
        if (never === undefined) return;
        for (const visitor of visitors) expect(newlyEligible(evaluate(visitor, [message], KIT_NOW_MS)), never.code).not.toContain(message.id);
      }),
      { numRuns: 500 },
    );
  });
});
