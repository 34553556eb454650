/**
 * Full `evaluate` (SPEC §3): 140 live messages on one channel, each with the nested six-leaf tree
 * of the conditions section, a mix of send windows, frequencies and triggers, one visitor —
 * measured side by side with the same decision made by one prepared json-rules-engine `Engine`
 * (conditions through `engine.run`, the other gates in plain JS) and by a hand-written function.
 * Also: a batch of 100,000 different visitors (throughput), the cost of messages on other
 * channels, and compiling 140 messages.
 */
import { createEngine, jsonRulesEngineFacts } from '../src/adapters/json-rules-engine/index.js';
import { compileSchedule, evaluate, type CompiledSchedule, type Frequency, type Message, type Schedule, type SendWindow, type Visitor } from '../src/index.js';
import { fixtures } from './conditions.js';
import { compare, formatRatio, formatUs, measureSync, sink, type BenchSection } from './harness.js';

const { visitor: baseVisitor, NOW } = fixtures;

const SCHEDULES: readonly Schedule[] = [
  { timezone: 'Europe/Berlin', weekly: (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, open: '09:00', close: '17:00' })), holidays: [{ name: 'Christmas', start: '2026-12-24', end: '2026-12-26' }] },
  { timezone: 'America/New_York', weekly: [{ day: 'mon', open: '08:00', close: '20:00' }, { day: 'fri', open: '22:00', close: '02:00' }], holidays: [] },
  { timezone: 'Asia/Kathmandu', weekly: [{ day: 'sun', open: '00:00', close: '24:00' }, { day: 'mon', open: '10:00', close: '18:00' }], holidays: [] },
];
const FREQUENCIES: readonly Frequency[] = ['once', 'oncePerVisit', 'everyTime'];

function windowOf(i: number): SendWindow {
  const schedule = SCHEDULES[i % SCHEDULES.length] as Schedule;
  switch (i % 4) {
    case 0:
    case 1:
      return { type: 'anytime' };
    case 2:
      return { type: 'businessHours', schedule };
    default:
      return { type: 'outsideBusinessHours', schedule };
  }
}

function buildMessages(count: number, channelId: string, prefix: string): Message[] {
  return Array.from({ length: count }, (_, i): Message => ({
    id: `${prefix}${i}`,
    name: `Message ${i}`,
    brandId: 'brand_1',
    channelId,
    status: 'live',
    response: { type: 'agent', text: 'Hello', capture: [] },
    trigger: i % 3 === 0 ? { event: 'timeOnPage', seconds: 20 + (i % 40) } : { event: 'pageLoad' },
    conditions: (fixtures.messages[i % fixtures.messages.length] as { conditions: Message['conditions'] }).conditions,
    tags: [],
    sendWindow: windowOf(i),
    frequency: FREQUENCIES[i % 3] as Frequency,
    priority: i % 7,
    metrics: { sent: 0, read: 0, replied: 0 },
    createdAt: '2026-11-01T09:00:00Z',
    updatedAt: '2026-11-01T09:00:00Z',
  }));
}

export const messages = buildMessages(140, 'web_main', 'msg_');
export const visitor: Visitor = {
  ...baseVisitor,
  deliveries: [
    { messageId: 'msg_3', at: '2026-11-20T08:00:00Z', visitId: 'visit_8', pageViewId: 'pv_1' },
    { messageId: 'msg_4', at: '2026-11-23T09:58:30Z', visitId: 'visit_9', pageViewId: 'pv_1', dismissed: true },
  ],
};

// ---- shared plain-JS gates for the two baselines (status/channel are all live/web_main here)
const schedules = new Map<Schedule, CompiledSchedule>();
for (const s of SCHEDULES) {
  const c = compileSchedule(s);
  if (!c.ok) throw new Error('bad schedule');
  schedules.set(s, c.value);
}

function gatesPass(m: Message, v: Visitor, nowMs: number, enteredAt: number): boolean {
  if (v.inActiveConversation) return false;
  for (const d of v.deliveries) {
    if (d.messageId !== m.id) continue;
    if (m.frequency === 'once') return false;
    if (d.visitId === v.visit.id && (m.frequency === 'oncePerVisit' || d.pageViewId === v.page.viewId)) return false;
  }
  const w = m.sendWindow;
  if (w.type !== 'anytime') {
    const open = (schedules.get(w.schedule) as CompiledSchedule).isOpen(nowMs);
    if (open !== (w.type === 'businessHours')) return false;
  }
  return !(m.trigger.event === 'timeOnPage' && nowMs < enteredAt + m.trigger.seconds * 1000);
}

/** Per-message rule parameters of the workload, and the messages in priority order (done once). */
const RULES = fixtures.params;
const byPriority = messages
  .map((m, index) => ({ m, index, p: RULES[index % RULES.length] as (typeof RULES)[number] }))
  .sort((a, b) => b.m.priority - a.m.priority || a.index - b.index);

interface HandDecision {
  readonly message: string | null;
  readonly eligible: readonly string[];
  readonly reevaluateAt: number | null;
}

/**
 * The practical floor: the whole decision — message, eligible ids and reevaluateAt — written by
 * hand for this workload's rules (the tree of bench/conditions.ts: url ∧ (timeOnPage > s ∨ visits
 * ≥ v) ∧ language ∧ device ∧ plan), with the same gates and the same reevaluateAt rule.
 */
function handWritten(v: Visitor, nowMs: number): HandDecision {
  const enteredAt = Date.parse(v.page.enteredAt);
  const url = v.page.url.toLowerCase();
  const seconds = Math.max(0, Math.floor((nowMs - enteredAt) / 1000));
  const language = (v.language ?? '').split(/[-_]/)[0]?.toLowerCase() ?? '';
  const visits = v.visit.number;
  const plan = v.metadata !== undefined && Object.hasOwn(v.metadata, 'plan') ? v.metadata.plan : undefined;
  const eligible: string[] = [];
  let reevaluateAt: number | null = null;
  const lower = (t: number | null): void => {
    if (t !== null && (reevaluateAt === null || t < reevaluateAt)) reevaluateAt = t;
  };
  if (v.inActiveConversation) return { message: null, eligible, reevaluateAt };
  for (const { m, p } of byPriority) {
    if (!frequencyOk(m, v)) continue;
    const w = m.sendWindow;
    let windowOpen = true;
    let windowNext: number | null = null;
    if (w.type !== 'anytime') {
      const s = schedules.get(w.schedule) as CompiledSchedule;
      windowOpen = s.isOpen(nowMs) === (w.type === 'businessHours');
      windowNext = s.nextChange(nowMs);
    }
    const triggerAt = m.trigger.event === 'timeOnPage' ? enteredAt + m.trigger.seconds * 1000 : enteredAt;
    const triggerReached = nowMs >= triggerAt;
    const staticOk = v.deviceType === p.device && plan === p.plan && p.languages.includes(language) && p.paths.some((path) => url.includes(path));
    const anyStatic = visits >= p.visits;
    const met = staticOk && (anyStatic || seconds > p.seconds);
    const conditionsNext = !staticOk || anyStatic || seconds > p.seconds ? null : enteredAt + (p.seconds + 1) * 1000;
    if (windowOpen && triggerReached && met) {
      eligible.push(m.id);
      lower(windowNext === null ? conditionsNext : conditionsNext === null ? windowNext : Math.min(windowNext, conditionsNext));
      continue;
    }
    let until = -Infinity;
    if (!windowOpen) {
      if (windowNext === null) continue;
      until = windowNext;
    }
    if (!triggerReached) until = Math.max(until, triggerAt);
    if (!met) {
      if (conditionsNext === null) continue;
      until = Math.max(until, conditionsNext);
    }
    lower(until);
  }
  return { message: eligible[0] ?? null, eligible, reevaluateAt };
}

function frequencyOk(m: Message, v: Visitor): boolean {
  for (const d of v.deliveries) {
    if (d.messageId !== m.id) continue;
    if (m.frequency === 'once') return false;
    if (d.visitId === v.visit.id && (m.frequency === 'oncePerVisit' || d.pageViewId === v.page.viewId)) return false;
  }
  return true;
}

export const evaluateBench: BenchSection = {
  name: 'evaluate',
  async run() {
    const created = createEngine(messages);
    if (!created.ok) throw new Error('engine');
    const engine = created.value;
    const jreDecision = async (v: Visitor, nowMs: number): Promise<string | null> => {
      const { results } = await engine.run((jsonRulesEngineFacts(v, nowMs) as { ok: true; value: Record<string, unknown> }).value);
      const passed = new Set(results.map((r) => r.name));
      const enteredAt = Date.parse(v.page.enteredAt);
      let best: Message | null = null;
      for (const m of messages) {
        if (!passed.has(m.id) || !gatesPass(m, v, nowMs, enteredAt)) continue;
        if (best === null || m.priority > best.priority) best = m;
      }
      return best === null ? null : best.id;
    };

    // The three must agree before anything is timed, over a spread of instants.
    for (let k = 0; k < 48; k += 1) {
      const t = NOW + k * 37 * 60_000;
      const d = evaluate(visitor, messages, t);
      const ours = d.message?.id ?? null;
      const hand = handWritten(visitor, t);
      const jre = await jreDecision(visitor, t);
      const sameDecision = ours === hand.message && d.reevaluateAt === hand.reevaluateAt && d.eligible.join() === hand.eligible.join();
      if (!sameDecision || ours !== jre) throw new Error(`disagree at ${new Date(t).toISOString()}: ${ours} ${JSON.stringify(hand)} ${jre}`);
    }
    const d = evaluate(visitor, messages, NOW);
    console.log(`140 live messages (mixed windows/frequencies/triggers), one visitor: shows ${d.message?.id}, ${d.eligible.length} eligible, reevaluateAt ${d.reevaluateAt === null ? 'null' : `+${(d.reevaluateAt - NOW) / 1000} s`} (all three agree on the message; evaluate and hand-written on the whole decision)`);

    // Each ratio from interleaved samples of its two sides (see `compare`).
    const run = () => (evaluate(visitor, messages, NOW).message === null ? 0 : 1);
    const vsHand = await compare(run, () => (handWritten(visitor, NOW).message === null ? 0 : 1), { slow: 2_000, fast: 2_000 }, 60);
    const vsJre = await compare(async () => ((await jreDecision(visitor, NOW)) === null ? 0 : 1), run, { slow: 10, fast: 500 }, 40);
    const ours = { medianUs: vsHand.slowUs };
    console.log(`evaluate             ${formatUs(vsHand.slowUs).padStart(10)} per call`);
    console.log(`hand-written         ${formatUs(vsHand.fastUs).padStart(10)} per call`);
    console.log(`json-rules-engine    ${formatUs(vsJre.slowUs).padStart(10)} per call`);
    console.log(`json-rules-engine / evaluate = ${formatRatio(vsJre, 0)}   target ≥ 200×: ${vsJre.ratio >= 200 ? 'OK' : 'MISSED'}`);
    console.log(`evaluate / hand-written      = ${formatRatio(vsHand, 2)}   target ≤ 2×: ${vsHand.ratio <= 2 ? 'OK' : 'MISSED'}`);

    // Other channels cost an index lookup: 140 on ours + 1,400 on another channel.
    const crowded = [...messages, ...buildMessages(1400, 'web_other', 'other_')];
    evaluate(visitor, crowded, NOW);
    const withOthers = measureSync(() => (evaluate(visitor, crowded, NOW).message === null ? 0 : 1), 2_000, 60);
    console.log(`+1,400 messages on another channel: ${formatUs(withOthers.medianUs)} per call = ${(withOthers.medianUs / ours.medianUs).toFixed(2)}× the 140-message time (expected ≈ 1×)`);

    // Linear growth in the visitor's own channel: 280 vs 140.
    const doubled = [...messages, ...buildMessages(140, 'web_main', 'more_')];
    evaluate(visitor, doubled, NOW);
    const twice = measureSync(() => (evaluate(visitor, doubled, NOW).message === null ? 0 : 1), 2_000, 60);
    console.log(`280 messages on the visitor's channel: ${(twice.medianUs / ours.medianUs).toFixed(2)}× the 140-message time (expected ≈ 2×)`);

    // Compile cost: a fresh array of fresh message objects each round (no cache hits).
    const rounds = 50;
    const fresh = Array.from({ length: rounds }, () => structuredClone(messages));
    const c0 = performance.now();
    for (const list of fresh) evaluate(visitor, list, NOW);
    console.log(`compile + first evaluate of 140 fresh messages: ${formatUs(((performance.now() - c0) * 1000) / rounds)}`);

    // Throughput: 100,000 different visitors (URL, language, device, time on page, history).
    const languages = ['en-US', 'de-DE', 'fr', 'es-ES'];
    const devices = ['desktop', 'mobile', 'tablet'] as const;
    const batch: Visitor[] = Array.from({ length: 100_000 }, (_, i) => ({
      ...visitor,
      id: `v_${i}`,
      visit: { ...visitor.visit, number: 1 + (i % 6) },
      page: { ...visitor.page, url: `https://shop.example/section-${i % 12}/${i % 3 === 0 ? 'pricing' : 'checkout'}`, enteredAt: new Date(NOW - (i % 90) * 1000).toISOString() },
      language: languages[i % languages.length] as string,
      deviceType: devices[i % devices.length] as (typeof devices)[number],
      deliveries: i % 2 === 0 ? [] : visitor.deliveries,
    }));
    const t0 = performance.now();
    let shown = 0;
    for (const v of batch) if (evaluate(v, messages, NOW).message !== null) shown += 1;
    const ms = performance.now() - t0;
    console.log(`100,000 visitors: ${ms.toFixed(0)} ms = ${Math.round(100_000 / (ms / 1000)).toLocaleString('en-US')} visitors/s (${shown.toLocaleString('en-US')} shown a message)`);
    void sink;
  },
};
