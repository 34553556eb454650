/**
 * The shadowing law: a message X that lint calls shadowed by M is never `eligible[0]` in
 * `evaluate` while M is not frequency-capped for that visitor — unless X itself is the message
 * already on screen (the on-screen rule keeps a message that is showing; in a real widget X can
 * only have got there while M was capped). Checked on random message pairs built to shadow
 * (X = M's conditions and more, a window inside M's, a trigger no earlier), random visitors with
 * random histories, and random instants — plus lint's own example visitors with random
 * histories, so that X really qualifies in many runs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, explain, lint, LIMITS, type ConditionNode, type Delivery, type LintFinding, type Message, type Visitor } from '../../src/index.js';
import { conditionLeafArb, KIT_NOW_MS, messageArb, messageListArb, visitorArb } from '../../src/testing/index.js';

/** M's frequency gate for this visitor, as `explain` reports it: `true` when M is capped. */
function capped(visitor: Visitor, messages: readonly Message[], at: number, id: string): boolean {
  const verdict = explain(visitor, messages, at).find((v) => v.id === id);
  const gate = verdict?.gates.find((g) => g.gate === 'frequency');
  return gate !== undefined && !gate.passed;
}

interface Pair {
  readonly list: readonly Message[];
  readonly x: Message;
}

/** X made from M: M's conditions and two more leaves, a trigger no earlier, a window inside M's (the same one). */
const pairArb: fc.Arbitrary<Pair> = fc
  .record({
    m: messageArb({ status: 'live', channelId: 'web_main', id: 'msg_m' }),
    extra: fc.array(conditionLeafArb(), { minLength: 2, maxLength: 2 }),
    later: fc.nat({ max: 40 }),
    drop: fc.nat({ max: 3 }),
    frequency: fc.constantFrom('once' as const, 'oncePerVisit' as const, 'everyTime' as const),
    xStatus: fc.constantFrom('live' as const, 'live' as const, 'draft' as const),
    others: messageListArb({ channelId: 'web_main', status: 'live', maxLength: 3, limits: true }),
  })
  .map(({ m, extra, later, drop, frequency, xStatus, others }) => {
    const mDelay = m.trigger.event === 'timeOnPage' ? m.trigger.seconds : 0;
    const seconds = Math.min(LIMITS.triggerSeconds, mDelay + later);
    const conditions: ConditionNode = { all: m.conditions === null ? extra : [m.conditions, ...extra] };
    const x: Message = {
      ...m,
      id: 'msg_x',
      name: 'Shadowed candidate',
      status: xStatus,
      ...(xStatus === 'draft' ? { publishedAt: undefined } : {}),
      priority: Math.max(-LIMITS.priority, m.priority - drop),
      trigger: seconds === 0 ? { event: 'pageLoad' } : { event: 'timeOnPage', seconds },
      conditions,
      frequency,
    };
    if (xStatus === 'draft') delete (x as { publishedAt?: string }).publishedAt;
    return { list: [...others, m, x], x };
  });

/** Deliveries of the named messages in this page view, this visit or another, dismissed or not. */
function historyArb(visitor: Visitor, ids: readonly string[]): fc.Arbitrary<Delivery[]> {
  return fc.array(
    fc.record({ id: fc.constantFrom(...ids), where: fc.constantFrom(0, 1, 2), dismissed: fc.boolean(), ago: fc.integer({ min: 0, max: 3_600_000 }) }).map(({ id, where, dismissed, ago }): Delivery => ({
      messageId: id,
      at: new Date(Date.parse(visitor.page.enteredAt) - ago).toISOString(),
      visitId: where === 2 ? 'visit_other' : visitor.visit.id,
      pageViewId: where === 0 ? visitor.page.viewId : 'pv_other',
      ...(dismissed ? { dismissed: true } : {}),
    })),
    { maxLength: 3 },
  );
}

function check(list: readonly Message[], x: Message, by: string, visitor: Visitor, at: number, counts: { qualified: number; uncappedQualified: number }): void {
  const live = list.map((m) => (m.id === x.id ? { ...m, status: 'live' as const } : m));
  const decision = evaluate(visitor, live, at);
  const isCapped = capped(visitor, live, at, by);
  if (decision.eligible.includes(x.id)) {
    counts.qualified += 1;
    if (!isCapped) counts.uncappedQualified += 1;
  }
  if (decision.message?.id === x.id) {
    expect(isCapped || decision.onScreen, `${x.id} shown while ${by} is not capped`).toBe(true);
  }
}

describe('law: a message lint calls shadowed by M is never eligible[0] while M is not capped', () => {
  it('on pairs built to shadow, with random visitors, histories and instants', () => {
    let findings = 0;
    const counts = { qualified: 0, uncappedQualified: 0 };
    fc.assert(
      fc.property(
        pairArb,
        fc.array(visitorArb({ channelId: 'web_main', messageIds: ['msg_m', 'msg_x', 'msg_1', 'msg_2'] }), { minLength: 4, maxLength: 4 }),
        fc.array(fc.integer({ min: 0, max: 7 * 86_400_000 }), { minLength: 4, maxLength: 4 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 120_000 }), fc.nat()), { minLength: 4, maxLength: 4 }),
        (pair, visitors, offsets, witnessRuns) => {
          const found: readonly LintFinding[] = lint(pair.list, undefined, { now: KIT_NOW_MS });
          const shadowed = found.find((f) => f.code === 'shadowed' && f.path[0] === pair.list.indexOf(pair.x));
          if (shadowed === undefined || shadowed.code !== 'shadowed') return;
          findings += 1;
          const by = shadowed.params.messageId;
          visitors.forEach((visitor, i) => check(pair.list, pair.x, by, visitor, KIT_NOW_MS + (offsets[i] as number), counts));
          const witness = shadowed.witness;
          if (witness?.kind !== 'example') return;
          for (const [later, seed] of witnessRuns) {
            const at = Date.parse(witness.at) + later;
            const deliveries = fc.sample(historyArb(witness.visitor, [by, pair.x.id]), { numRuns: 1, seed })[0] ?? [];
            check(pair.list, pair.x, by, { ...witness.visitor, deliveries }, at, counts);
          }
        },
      ),
      { numRuns: 400 },
    );
    // Not vacuous: lint finds the shadowing it was built for, and X often qualifies while M is uncapped.
    expect(findings).toBeGreaterThan(150);
    expect(counts.uncappedQualified).toBeGreaterThan(200);
  });

  it('on random message lists: every shadowed claim lint makes holds', () => {
    let findings = 0;
    fc.assert(
      fc.property(messageListArb({ channelId: 'web_main', status: 'live', minLength: 2, maxLength: 6, limits: true }), fc.array(visitorArb({ channelId: 'web_main' }), { minLength: 4, maxLength: 4 }), (list, visitors) => {
        for (const f of lint(list, undefined, { now: KIT_NOW_MS })) {
          if (f.code !== 'shadowed') continue;
          findings += 1;
          const x = list[f.path[0] as number] as Message;
          const counts = { qualified: 0, uncappedQualified: 0 };
          for (const visitor of visitors) check(list, x, f.params.messageId, visitor, KIT_NOW_MS, counts);
          if (f.witness?.kind === 'example') check(list, x, f.params.messageId, f.witness.visitor, Date.parse(f.witness.at), counts);
        }
      }),
      { numRuns: 400 },
    );
    expect(findings).toBeGreaterThan(20);
  });

  it('the example visitor of a finding qualifies for the message and sees the other one', () => {
    const m: Message = {
      id: 'msg_m', name: 'M', brandId: 'brand_acme', channelId: 'web_main', status: 'live', response: { type: 'agent', text: 'Hi', capture: [] },
      trigger: { event: 'pageLoad' }, conditions: { fact: 'pageUrl', operator: 'containsAnyOf', value: ['/pricing'] }, tags: [], sendWindow: { type: 'anytime' },
      frequency: 'oncePerVisit', priority: 5, metrics: { sent: 0, read: 0, replied: 0 }, createdAt: '2026-11-01T09:00:00Z', updatedAt: '2026-11-20T12:00:00Z',
    };
    const x: Message = { ...m, id: 'msg_x', name: 'X', priority: 1, conditions: { all: [{ fact: 'pageUrl', operator: 'endsWith', value: '/pricing' }, { fact: 'deviceType', operator: 'equal', value: 'tablet' }] } };
    const [finding] = lint([m, x]);
    expect(finding).toMatchObject({ code: 'shadowed', path: [1], severity: 'warning', params: { messageId: 'msg_m', frequency: 'oncePerVisit', shows: 'onceCapped' } });
    expect(finding?.witness?.kind).toBe('example');
    if (finding?.witness?.kind !== 'example') return;
    const decision = evaluate(finding.witness.visitor, [m, x], finding.witness.at);
    expect(decision.message?.id).toBe('msg_m');
    expect(decision.eligible).toEqual(['msg_m', 'msg_x']);
    expect(finding.witness.visitor.page.url.endsWith('/pricing')).toBe(true);
    expect(finding.witness.visitor.deviceType).toBe('tablet');
  });
});
