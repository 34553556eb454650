/**
 * simulate's timeline agrees with calling the library by hand: on random scripts over random
 * messages, (1) every evaluation it records is what `evaluate` answers for exactly that visitor
 * and instant; (2) it evaluates only at script events and at the `reevaluateAt` timers it set —
 * never polling — and a timer fires exactly at its instant; (3) what it shows, when, is what a
 * widget that polls every second would show (an independent loop written here from `evaluate`,
 * `present`, `interact`, `recordDelivery`, `markDelivery` and `compactDeliveries`), so the timers
 * miss nothing; (4) the tally is `tally` of the counted effects; (5) same script, same timeline.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compactDeliveries,
  evaluate,
  initialInteraction,
  interact,
  markDelivery,
  metricEventOf,
  present,
  recordDelivery,
  simulate,
  tally,
  type InteractionEvent,
  type InteractionState,
  type Message,
  type MetricEvent,
  type ScriptEvent,
  type SimulationScript,
  type Visitor,
  type Workspace,
} from '../../src/index.js';
import { BRAND_IDS, KIT_NOW_MS, messageListArb, workspaceArb } from '../../src/testing/index.js';

const PAGES = ['https://shop.example/pricing', 'https://shop.example/cart', 'https://shop.example/products/42/reviews', 'https://shop.example/checkout', 'https://shop.example/help#faq'];
const ACTIONS = ['navigate', 'navigate', 'open', 'dismiss', 'close', 'submitDetails', 'interactWithAnswer', 'ignore', 'update', 'leave', 'arrive'] as const;

const scriptArb: fc.Arbitrary<SimulationScript> = fc
  .array(
    fc.record({
      language: fc.constantFrom('en-US', 'de', 'fr', null),
      deviceType: fc.constantFrom('desktop' as const, 'mobile' as const, 'tablet' as const),
      previousVisits: fc.nat({ max: 3 }),
      cart: fc.constantFrom(0, 50, 120, 240),
      start: fc.integer({ min: 0, max: 300 }),
      steps: fc.array(fc.record({ gap: fc.integer({ min: 0, max: 90 }), action: fc.constantFrom(...ACTIONS), page: fc.nat({ max: PAGES.length - 1 }), email: fc.constantFrom('a@example.com', 'nope') }), { maxLength: 8 }),
    }),
    { minLength: 1, maxLength: 3 },
  )
  .map((plans) => {
    const events: (ScriptEvent & { readonly order: number })[] = [];
    let order = 0;
    const visitors = plans.map((plan, v) => {
      const id = `v_${v}`;
      let t = KIT_NOW_MS + plan.start * 1000;
      let onSite = false;
      const push = (event: Record<string, unknown>): void => void events.push({ at: new Date(t).toISOString(), visitor: id, ...event, order: order++ } as never);
      for (const step of [{ gap: 0, action: 'arrive' as const, page: 0, email: '' }, ...plan.steps]) {
        t += step.gap * 1000;
        const url = PAGES[step.page] as string;
        if (!onSite || step.action === 'arrive') {
          push({ type: 'arrive', url, title: 'Page' });
          onSite = true;
        } else if (step.action === 'navigate') push({ type: 'navigate', url, title: 'Page' });
        else if (step.action === 'update') push({ type: 'update', metadata: { cartValue: plan.cart + step.page * 50 }, inActiveConversation: false });
        else if (step.action === 'submitDetails') push({ type: 'submitDetails', name: 'Ann', email: step.email });
        else if (step.action === 'leave') {
          push({ type: 'leave' });
          onSite = false;
        } else push({ type: step.action });
      }
      return { id, channelId: 'web_main', ...(plan.language === null ? {} : { language: plan.language }), deviceType: plan.deviceType, metadata: { cartValue: plan.cart }, previousVisits: plan.previousVisits, deliveries: [] };
    });
    const sorted = events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.order - b.order).map(({ order: _order, ...event }) => event as ScriptEvent);
    const last = Math.max(...sorted.map((e) => Date.parse(e.at)));
    return { end: new Date(last + 180_000).toISOString(), visitors, events: sorted } as SimulationScript;
  });

const worldArb = fc.record({
  messages: messageListArb({ channelId: 'web_main', status: 'live', brandId: BRAND_IDS[0], minLength: 1, maxLength: 5 }),
  workspace: workspaceArb({ publishable: true, limitReached: false }),
  script: scriptArb,
});

/** A widget that evaluates every second (and at every event): the oracle for what is shown when. */
function pollingWidget(messages: readonly Message[], script: SimulationScript, workspace: Workspace): { shown: string[]; metrics: MetricEvent[] } {
  interface State {
    visitor: Visitor | null;
    visits: number;
    pageViews: number;
    onSite: boolean;
    current: { id: string; state: InteractionState } | null;
  }
  const states = new Map<string, State>(script.visitors.map((p) => [p.id, { visitor: null, visits: p.previousVisits ?? 0, pageViews: 0, onSite: false, current: null }]));
  const shown: string[] = [];
  const metrics: MetricEvent[] = [];
  const run = (s: State, effects: readonly { type: string }[], at: number): boolean => {
    let changed = false;
    for (const effect of effects as Parameters<typeof metricEventOf>[0][]) {
      const metric = metricEventOf(effect);
      if (metric !== null) metrics.push(metric);
      else if (effect.type === 'recordDelivery' || effect.type === 'markDelivery') {
        const next = effect.type === 'recordDelivery' ? recordDelivery(s.visitor as Visitor, effect.messageId, at) : markDelivery(s.visitor as Visitor, effect.messageId, effect.outcome);
        const compacted = next.ok ? compactDeliveries(next.value, messages, at) : next;
        if (compacted.ok) s.visitor = compacted.value;
        changed = true;
      } else if (effect.type === 'handOffToAgent' || effect.type === 'startAiConversation') {
        s.visitor = { ...(s.visitor as Visitor), inActiveConversation: true };
        changed = true;
      }
    }
    return changed;
  };
  const drop = (s: State): void => {
    if (s.current !== null && !['handedOff', 'aiConversation', 'dismissed', 'closed', 'ignored'].includes(s.current.state.status)) s.current.state = interact(s.current.state, { type: 'ignore' }).state;
    s.current = null;
  };
  const look = (id: string, s: State, at: number): void => {
    if (!s.onSite || s.visitor === null) return;
    const d = evaluate(s.visitor, messages, at);
    if (d.message === null) {
      if (s.current !== null && s.current.state.status !== 'open') drop(s);
      return;
    }
    if (d.onScreen) return;
    drop(s);
    const p = present(d.message, workspace);
    if (!p.ok) return;
    const started = initialInteraction(p.value, id);
    if (!started.ok) return;
    const r = interact(started.value, { type: 'show' });
    s.current = { id: d.message.id, state: r.state };
    run(s, r.effects, at);
    shown.push(`${new Date(at).toISOString()} ${id} ${d.message.id}`);
  };
  const end = Date.parse(script.end);
  let clock = Date.parse(script.events[0]?.at ?? script.end);
  const pollUntil = (until: number): void => {
    for (; clock < until; clock += 1000) for (const [id, s] of states) look(id, s, clock);
  };
  for (const event of script.events) {
    const at = Date.parse(event.at);
    pollUntil(at);
    const s = states.get(event.visitor) as State;
    const p = script.visitors.find((v) => v.id === event.visitor);
    if (p === undefined) continue;
    let changed = true;
    if (event.type === 'arrive') {
      drop(s);
      s.visits += 1;
      s.pageViews = 1;
      const visitId = `${p.id}_visit_${s.visits}`;
      const prior: Visitor | null = s.visitor;
      s.visitor = {
        id: p.id,
        channelId: p.channelId,
        visit: { id: visitId, number: s.visits, startedAt: event.at.replace('.000Z', '.000Z'), pageViews: 1 },
        page: { viewId: `${visitId}_pv_1`, url: event.url, title: event.title, enteredAt: event.at },
        ...((prior?.language ?? p.language) === undefined ? {} : { language: prior?.language ?? p.language }),
        deviceType: prior?.deviceType ?? p.deviceType ?? null,
        metadata: prior?.metadata ?? p.metadata ?? {},
        inActiveConversation: false,
        deliveries: prior?.deliveries ?? p.deliveries ?? [],
      } as Visitor;
      s.onSite = true;
    } else if (event.type === 'navigate') {
      const v = s.visitor as Visitor;
      drop(s);
      s.pageViews += 1;
      s.visitor = { ...v, visit: { ...v.visit, pageViews: v.visit.pageViews + 1 }, page: { viewId: `${v.visit.id}_pv_${s.pageViews}`, url: event.url, title: event.title, referrer: v.page.url, enteredAt: event.at } };
    } else if (event.type === 'update') {
      s.visitor = { ...(s.visitor as Visitor), ...(event.metadata === undefined ? {} : { metadata: event.metadata }), ...(event.inActiveConversation === undefined ? {} : { inActiveConversation: event.inActiveConversation }) };
    } else if (event.type === 'leave') {
      drop(s);
      s.onSite = false;
      changed = false;
    } else {
      const ui: InteractionEvent = event.type === 'submitDetails' ? { type: 'submitDetails', ...(event.name === undefined ? {} : { name: event.name }), ...(event.email === undefined ? {} : { email: event.email }) } : { type: event.type };
      changed = false;
      if (s.current !== null) {
        const r = interact(s.current.state, ui);
        s.current.state = r.state;
        changed = run(s, r.effects, at);
        if (['dismissed', 'closed', 'handedOff', 'aiConversation'].includes(r.state.status)) s.current = null;
      }
    }
    if (changed) look(event.visitor, s, at);
  }
  pollUntil(end + 1);
  return { shown, metrics };
}

describe('simulate agrees with calling the library by hand', () => {
  it('every evaluation, every timer, every showing — against evaluate and a widget that polls every second', () => {
    let shows = 0;
    let timers = 0;
    fc.assert(
      fc.property(worldArb, ({ messages, workspace, script }) => {
        const result = simulate(messages, script, { workspace });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const { timeline } = result.value;
        // (1) Each recorded evaluation is evaluate's answer for that visitor at that instant.
        for (const step of timeline) {
          for (const e of step.evaluations) {
            const d = evaluate(e.visitor, messages, step.atMs);
            expect({ message: e.message, onScreen: e.onScreen, eligible: e.eligible, reevaluateAt: e.reevaluateAt }).toEqual({
              message: d.message?.id ?? null,
              onScreen: d.onScreen,
              eligible: d.eligible,
              reevaluateAt: d.reevaluateAt,
            });
          }
          // Shown exactly when evaluate picked a new message (and it could be presented).
          const first = step.evaluations[0];
          if (step.shown !== null) expect(first?.message === step.shown && first.onScreen === false).toBe(true);
          if (first?.message != null && !first.onScreen && step.notPresented.length === 0) expect(step.shown).toBe(first.message);
        }
        // (2) Never polling: a visitor's steps are its script events, or its timer firing exactly when set.
        const pending = new Map<string, number | null>();
        for (const step of timeline) {
          const timer = pending.get(step.visitorId) ?? null;
          if (step.cause.kind === 'timer') {
            timers += 1;
            expect(step.atMs).toBe(timer);
          } else if (timer !== null) expect(step.atMs).toBeLessThanOrEqual(timer);
          const last = step.evaluations[step.evaluations.length - 1];
          if (last !== undefined) {
            const next = last.reevaluateAt;
            expect(step.timer).toBe(next !== null && next <= Date.parse(script.end) ? next : null);
          }
          pending.set(step.visitorId, step.cause.kind === 'event' && step.cause.type === 'leave' ? null : step.timer);
        }
        expect(timeline.filter((s) => s.cause.kind === 'event').length).toBe(script.events.length);
        // (3) What is shown, when, is what a polling widget shows.
        const oracle = pollingWidget(messages, script, workspace);
        const got = timeline.filter((s) => s.shown !== null).map((s) => `${s.at} ${s.visitorId} ${s.shown}`);
        shows += got.length;
        expect(got.sort()).toEqual([...oracle.shown].sort());
        // (4) The tally is tally() of the counted effects.
        const expected = tally(oracle.metrics);
        expect(expected.ok && [...result.value.tally].sort()).toEqual(expected.ok && [...expected.value].sort());
        // (5) Deterministic.
        const again = simulate(messages, script, { workspace });
        expect(again.ok && JSON.stringify(again.value.timeline)).toBe(JSON.stringify(timeline));
      }),
      { numRuns: 80 },
    );
    expect(shows).toBeGreaterThan(40);
    expect(timers).toBeGreaterThan(20);
  });
});
