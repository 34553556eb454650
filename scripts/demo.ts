/**
 * `npm run demo`: a scripted day at an online shop. Several visitors go through
 * evaluate → present → initialInteraction → interact → recordDelivery / markDelivery → tally,
 * using the files in examples/ and a fixed, scripted clock (never the real one), so the output
 * is the same on every run. It prints who saw what, when, and why the others did not (explain's
 * reason codes), and follows `reevaluateAt` the way a widget's timer would.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  evaluate,
  explain,
  initialInteraction,
  interact,
  markDelivery,
  metricEventOf,
  parseMessages,
  parseVisitor,
  parseWorkspace,
  present,
  recordDelivery,
  tally,
  type InteractionEvent,
  type InteractionState,
  type Message,
  type MetricEvent,
  type Presentation,
  type Visitor,
  type Workspace,
} from '../src/index.js';

const root = new URL('../', import.meta.url);
const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(path, root), 'utf8')) as unknown;

/** The longest a scene waits for a `reevaluateAt` timer before moving on. */
const TIMER_HORIZON_MS = 5 * 60_000;

function loadExamples(): { messages: readonly Message[]; workspace: Workspace; visitors: Record<string, Visitor> } {
  const parsed = parseMessages(readJson('examples/messages.json'));
  const workspace = parseWorkspace(readJson('examples/workspace.json'));
  if (!parsed.ok || !workspace.ok) throw new Error('examples/ must be valid: run `proactive-messaging validate examples/*.json`');
  const visitors: Record<string, Visitor> = {};
  for (const name of ['new-on-pricing', 'returning-german', 'mobile-app', 'cart-shopper', 'in-conversation']) {
    const v = parseVisitor(readJson(`examples/visitors/${name}.json`));
    if (!v.ok) throw new Error(`examples/visitors/${name}.json is invalid`);
    visitors[name] = v.value;
  }
  return { messages: parsed.value, workspace: workspace.value, visitors };
}

const clock = (ms: number): string => new Date(ms).toISOString().slice(11, 19);
const at = (iso: string): number => Date.parse(iso);

/** Moves a visitor to a new page (a new page view in the same visit). */
function navigate(v: Visitor, url: string, title: string, now: number, viewId: string): Visitor {
  return {
    ...v,
    visit: { ...v.visit, pageViews: v.visit.pageViews + 1 },
    page: { viewId, url, title, referrer: v.page.url, enteredAt: new Date(now).toISOString() },
  };
}

/** The scripted day. Returns nothing; everything goes through `write`. */
export function runDemo(write: (line: string) => void): void {
  const { messages, workspace, visitors } = loadExamples();
  const names = new Map(messages.map((m) => [m.id, m.name]));
  const metrics: MetricEvent[] = [];
  const say = (now: number, who: string, text: string): void => write(`${clock(now)}  ${who.padEnd(8)}  ${text}`);

  /** Evaluates, prints the decision and why the others were not shown; follows short timers. */
  function check(v: Visitor, now: number, who: string): { message: Message | null; now: number } {
    let t = now;
    for (;;) {
      const decision = evaluate(v, messages, t);
      const verdicts = explain(v, messages, t);
      if (decision.message === null) say(t, who, 'sees nothing');
      else say(t, who, `SEES ${decision.message.id} "${decision.message.name}"`);
      const byReason = new Map<string, string[]>();
      let elsewhere = 0;
      for (const verdict of verdicts) {
        if (verdict.outcome === 'shown') continue;
        if (verdict.reason === 'notLive' || verdict.reason === 'otherChannel') {
          elsewhere++;
          continue;
        }
        const list = byReason.get(verdict.reason ?? '') ?? [];
        list.push(verdict.id ?? `#${verdict.index}`);
        byReason.set(verdict.reason ?? '', list);
      }
      for (const [reason, ids] of byReason) write(`${' '.repeat(20)}not shown, ${reason}: ${ids.join(', ')}`);
      write(`${' '.repeat(20)}(${elsewhere} more not live or on another channel)`);
      const next = decision.reevaluateAt;
      if (decision.message !== null || next === null || next - t > TIMER_HORIZON_MS) {
        if (next !== null && decision.message === null) write(`${' '.repeat(20)}next time-based change at ${clock(next)}; the widget sets a timer`);
        return { message: decision.message, now: t };
      }
      write(`${' '.repeat(20)}reevaluateAt ${clock(next)}: the widget sets one timer…`);
      t = next;
    }
  }

  /** Shows a message and plays UI events through the reducer, running the effects. */
  function play(v: Visitor, message: Message, now: number, who: string, events: readonly InteractionEvent[]): Visitor {
    const presented = present(message, workspace);
    if (!presented.ok) {
      say(now, who, `cannot present ${message.id}: ${presented.issues.map((i) => i.code).join(', ')}`);
      return v;
    }
    const p: Presentation = presented.value;
    const opening = p.type === 'agent'
      ? p.onOpen.capture.length > 0 ? `asks for ${p.onOpen.capture.join(' and ')}, then a live agent` : 'hands off to a live agent at once'
      : `shows ${p.onOpen.show.kind === 'answer' ? `the answer "${p.onOpen.show.name}"` : 'the greeting'}, then ${p.sender.name} takes over`;
    write(`${' '.repeat(20)}bubble above the launcher from ${p.sender.name}: "${p.text}" (opening ${opening})`);
    const started = initialInteraction(p, v.id);
    if (!started.ok) {
      say(now, who, `cannot start the interaction: ${started.issues.map((i) => i.code).join(', ')}`);
      return v;
    }
    let state: InteractionState = started.value;
    let current = v;
    for (const event of [{ type: 'show' } as const, ...events]) {
      const result = interact(state, event);
      state = result.state;
      const effects: string[] = [];
      for (const effect of result.effects) {
        const metric = metricEventOf(effect);
        if (metric !== null) {
          metrics.push(metric);
          effects.push(`count ${metric.type}`);
          continue;
        }
        switch (effect.type) {
          case 'recordDelivery': {
            const recorded = recordDelivery(current, effect.messageId, now);
            if (recorded.ok) current = recorded.value;
            effects.push('recordDelivery');
            break;
          }
          case 'markDelivery': {
            const marked = markDelivery(current, effect.messageId, effect.outcome);
            if (marked.ok) current = marked.value;
            effects.push(`markDelivery ${effect.outcome}`);
            break;
          }
          case 'handOffToAgent':
            effects.push(`hand off to a live agent (tags ${effect.tags.join(', ')}${effect.details.name ? `; name ${effect.details.name}` : ''}${effect.details.email ? `, email ${effect.details.email}` : ''})`);
            break;
          case 'startAiConversation':
            effects.push(`start the AI conversation${effect.answerId ? ` with answer ${effect.answerId}` : ''}`);
            break;
        }
      }
      const errors = Object.entries(state.fieldErrors).map(([field, error]) => `${field}: ${error?.code ?? ''}`);
      const what = event.type === 'submitDetails' ? `submitDetails ${JSON.stringify({ name: event.name, email: event.email })}` : event.type;
      const outcome = errors.length > 0 ? `form stays open (${errors.join(', ')})` : effects.join('; ') || 'no effects';
      write(`${' '.repeat(20)}${what} → ${state.status}: ${outcome}`);
    }
    return current;
  }

  write('A day at the Acme web shop and app: Monday 2026-11-23 (times UTC; business hours Mon–Fri 09:00–18:00 Berlin = 08:00–17:00 UTC)');
  write(`${messages.length} messages: ${messages.filter((m) => m.status === 'live').length} live, the rest drafts or paused`);

  write('');
  write('— Anna, a new visitor, lands on the pricing page');
  let anna = visitors['new-on-pricing'] as Visitor;
  let step = check(anna, at('2026-11-23T10:00:00Z'), 'v_anna');
  if (step.message !== null) {
    anna = play(anna, step.message, step.now, 'v_anna', [
      { type: 'open' },
      { type: 'submitDetails', name: 'Anna', email: 'anna@' },
      { type: 'submitDetails', name: 'Anna', email: 'anna@example.com' },
    ]);
  }
  write(`${' '.repeat(20)}…Anna is now chatting with an agent and opens the features page`);
  anna = { ...navigate(anna, 'https://shop.example/features', 'Features - Acme', at('2026-11-23T10:05:00Z'), 'pv_anna_3'), inActiveConversation: true };
  check(anna, at('2026-11-23T10:05:00Z'), 'v_anna');

  write('');
  write('— Mia opens the settings screen of the iOS app');
  let mia = visitors['mobile-app'] as Visitor;
  step = check(mia, at('2026-11-23T12:15:00Z'), 'v_mia');
  if (step.message !== null) mia = play(mia, step.message, step.now, 'v_mia', [{ type: 'open' }]);
  mia = {
    ...mia,
    visit: { id: 'visit_mia_8', number: 8, startedAt: '2026-11-23T13:10:00Z', pageViews: 1 },
    page: { ...mia.page, viewId: 'pv_mia_8_1', enteredAt: '2026-11-23T13:10:00Z' },
  };
  write(`${' '.repeat(20)}…Mia comes back in a new visit`);
  check(mia, at('2026-11-23T13:10:00Z'), 'v_mia');

  write('');
  write('— Carlos, a returning customer, has 240 EUR in his cart');
  let carlos = visitors['cart-shopper'] as Visitor;
  step = check(carlos, at('2026-11-23T14:03:00Z'), 'v_carlos');
  if (step.message !== null) carlos = play(carlos, step.message, step.now, 'v_carlos', [{ type: 'open' }, { type: 'interactWithAnswer' }]);

  write('');
  write('— Dana is already chatting with an agent');
  check(visitors['in-conversation'] as Visitor, at('2026-11-23T15:01:30Z'), 'v_dana');

  write('');
  write('— Jonas, a returning visitor from Germany, browses after hours');
  let jonas = visitors['returning-german'] as Visitor;
  step = check(jonas, at('2026-11-23T18:30:00Z'), 'v_jonas');
  if (step.message !== null) jonas = play(jonas, step.message, step.now, 'v_jonas', [{ type: 'dismiss' }]);
  check(jonas, at('2026-11-23T18:31:00Z'), 'v_jonas');
  jonas = navigate(jonas, 'https://shop.example/de/bestellungen', 'Bestellstatus - Acme', at('2026-11-23T18:32:00Z'), 'pv_jonas_5');
  step = check(jonas, at('2026-11-23T18:32:00Z'), 'v_jonas');
  if (step.message !== null) jonas = play(jonas, step.message, step.now, 'v_jonas', [{ type: 'ignore' }]);

  write('');
  write('— End of day: tally(events), distinct visitors per message');
  const counts = tally(metrics);
  write(`${'message'.padEnd(26)}${'sent'.padStart(5)}${'read'.padStart(6)}${'replied'.padStart(9)}`);
  for (const [id, m] of counts.ok ? counts.value : []) write(`${id.padEnd(26)}${String(m.sent).padStart(5)}${String(m.read).padStart(6)}${String(m.replied).padStart(9)}  ${names.get(id) ?? ''}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runDemo((line) => process.stdout.write(`${line}\n`));
}
