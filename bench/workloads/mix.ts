/**
 * The current mix (SPEC §3): live messages on one channel, each with a nested tree of six leaves
 * — `all(pageUrl containsAnyOf, any(timeOnPage > s, visitCount ≥ v), language in, deviceType
 * equal, not(metadata.plan notEqual p))` — mixed send windows (any time; inside/outside business
 * hours in Berlin, New York, Kathmandu), frequencies and triggers; one returning visitor with a
 * short history. Also its tight hand-written decision.
 * @module
 */
import type { ConditionNode, DeviceType, Message, Visitor } from '../../src/index.js';
import { weekInstants, type SampledInstant } from '../instants.js';
import { HistoryPass, NOTHING, WindowStates, onScreenOf, prepareList, primaryLanguage, wholeSeconds, type HandDecision, type PreparedList, type PreparedMessage } from './baseline.js';
import { CHANNEL, FREQUENCIES, asParsed, leafAt, liveMessage, visitorAt, windowOf, type Case } from './common.js';

/** The rule parameters of message `i` (what the hand-written decision reads). */
export interface MixRule {
  readonly paths: readonly string[];
  readonly seconds: number;
  readonly visits: number;
  readonly languages: readonly string[];
  readonly device: DeviceType;
  readonly plan: string;
}

/** Today's parameters: ten section paths, so leaves repeat across the 140 messages as in real accounts. */
export function mixRule(i: number, section: (i: number) => string = (k) => `/section-${k % 10}`): MixRule {
  return {
    paths: [section(i), i % 3 === 0 ? '/pricing' : '/checkout'],
    seconds: 10 + (i % 50),
    visits: 2 + (i % 4),
    languages: i % 4 === 3 ? ['fr', 'es'] : ['en', 'de'],
    device: i % 5 === 4 ? 'mobile' : 'desktop',
    plan: i % 2 === 0 ? 'trial' : 'pro',
  };
}

export function mixTree(p: MixRule, planKey = 'plan'): ConditionNode {
  return {
    all: [
      { fact: 'pageUrl', operator: 'containsAnyOf', value: p.paths },
      { any: [{ fact: 'timeOnPage', operator: 'greaterThan', value: p.seconds }, { fact: 'visitCount', operator: 'greaterThanInclusive', value: p.visits }] },
      { fact: 'language', operator: 'in', value: p.languages },
      { fact: 'deviceType', operator: 'equal', value: p.device },
      { not: { fact: `metadata.${planKey}`, operator: 'notEqual', value: p.plan } },
    ],
  };
}

export interface MixOptions {
  readonly count?: number;
  readonly channelId?: string;
  readonly prefix?: string;
  /** The first path of message `i`'s URL leaf (default: ten shared section paths). */
  readonly section?: (i: number) => string;
  /** The metadata key of the plan leaf (tenants use their own). */
  readonly planKey?: string;
}

/** Trigger delays: every third message waits 20–59 s on the page. */
function triggerSeconds(i: number): number | null {
  return i % 3 === 0 ? 20 + (i % 40) : null;
}

export function mixMessages(o: MixOptions = {}): Message[] {
  const count = o.count ?? 140;
  const built = Array.from({ length: count }, (_, i) => {
    const seconds = triggerSeconds(i);
    return liveMessage({
      id: `${o.prefix ?? 'msg_'}${i}`,
      channelId: o.channelId ?? CHANNEL,
      trigger: seconds === null ? { event: 'pageLoad' } : { event: 'timeOnPage', seconds },
      conditions: mixTree(mixRule(i, o.section), o.planKey),
      sendWindow: windowOf(i),
      frequency: FREQUENCIES[i % 3] as Message['frequency'],
      priority: i % 7,
    });
  });
  return asParsed(built);
}

/** The bench visitor: returning, English, desktop, trial plan; `msg_3` (once) and `msg_4` (oncePerVisit) delivered before. */
export const mixVisitor: Visitor = {
  id: 'v_123',
  channelId: CHANNEL,
  visit: { id: 'visit_9', number: 2, startedAt: '2026-11-23T09:58:00Z', pageViews: 3 },
  page: { viewId: 'pv_3', url: 'https://shop.example/Pricing', title: 'Pricing', referrer: 'https://search.example/', enteredAt: '2026-11-23T09:59:15Z' },
  language: 'en-US',
  deviceType: 'desktop',
  metadata: { plan: 'trial', cartValue: 120 },
  inActiveConversation: false,
  deliveries: [
    { messageId: 'msg_3', at: '2026-11-20T08:00:00Z', visitId: 'visit_8', pageViewId: 'pv_1' },
    { messageId: 'msg_4', at: '2026-11-23T09:58:30Z', visitId: 'visit_9', pageViewId: 'pv_1', dismissed: true },
  ],
};

/**
 * Seconds at which something can flip for the bench visitor, for the instant mix: the trigger
 * delays and `timeOnPage > s` flips (s + 1) of the messages whose time-independent leaves the
 * visitor passes and whose `visitCount` branch does not already decide the `any` — the thresholds
 * that can change this visitor's decision (others would be "near" nothing).
 */
export function mixThresholds(count = 140): number[] {
  const url = mixVisitor.page.url.toLowerCase();
  const points = new Set<number>();
  for (let i = 0; i < count; i++) {
    const r = mixRule(i);
    const staticOk = r.plan === mixVisitor.metadata?.plan && r.device === mixVisitor.deviceType && r.languages.includes('en') && r.paths.some((p) => url.includes(p));
    if (!staticOk) continue;
    const t = triggerSeconds(i);
    if (t !== null) points.add(t);
    if (mixVisitor.visit.number < r.visits) points.add(r.seconds + 1);
  }
  return [...points].sort((a, b) => a - b);
}

export function mixInstants(): SampledInstant[] {
  return weekInstants(mixThresholds());
}

export function casesOf(base: Visitor, instants: readonly SampledInstant[]): Case[] {
  return instants.map((instant) => ({ visitor: visitorAt(base, instant), nowMs: instant.nowMs, instant }));
}

function containsAny(text: string, needles: readonly string[]): boolean {
  for (let j = 0; j < needles.length; j++) if (text.includes(needles[j] as string)) return true;
  return false;
}

/**
 * The tight hand-written decision for this workload: plain per-message data in priority order
 * (prepared once), one pass over deliveries, each schedule and each distinct URL substring list
 * asked at most once per call, the time-independent leaves first (one false: the message can neither qualify nor lower
 * `reevaluateAt`, so its window is never asked), and the reevaluateAt rule of docs/evaluate.md.
 * No closure, regular expression or per-message allocation per call.
 */
export function tightMix(messages: readonly Message[]): (v: Visitor, nowMs: number) => HandDecision {
  const list = prepareList(messages, ruleOfTree);
  const history = new HistoryPass(list.byPriority);
  const windows = new WindowStates(list.schedules);
  const urls = new UrlMemo(list.byPriority.map((m) => m.rule.paths));
  return (v, nowMs) => decideMix(list, history, windows, urls, v, nowMs);
}

/**
 * Each distinct URL substring list tested at most once per call (the mix's 140 messages use 20),
 * the way each distinct schedule is asked once: results in reused typed arrays, stamped per call.
 */
class UrlMemo {
  /** Per message, in priority order: the index of its distinct path list. */
  readonly listOf: Int32Array;
  private readonly lists: (readonly string[])[] = [];
  private readonly stamp: Float64Array;
  private readonly result: Uint8Array;
  private call = 0;
  private url = '';

  constructor(pathsByMessage: readonly (readonly string[])[]) {
    const index = new Map<string, number>();
    this.listOf = new Int32Array(pathsByMessage.length);
    pathsByMessage.forEach((paths, i) => {
      const key = JSON.stringify(paths);
      let at = index.get(key);
      if (at === undefined) index.set(key, (at = this.lists.push(paths) - 1));
      this.listOf[i] = at;
    });
    this.stamp = new Float64Array(this.lists.length);
    this.result = new Uint8Array(this.lists.length);
  }

  begin(url: string): void {
    this.call += 1;
    this.url = url;
  }

  /** Whether the URL contains any path of message `i`'s list (`i`: position in priority order). */
  matches(i: number): boolean {
    const at = this.listOf[i] as number;
    if (this.stamp[at] !== this.call) {
      this.result[at] = containsAny(this.url, this.lists[at] as readonly string[]) ? 1 : 0;
      this.stamp[at] = this.call;
    }
    return this.result[at] === 1;
  }
}

/** The rule parameters read once from the message's own (parsed) tree, values normalised as the library does. */
function ruleOfTree(m: Message): MixRule {
  const t = m.conditions;
  const plan = leafAt(t, [4, 0]);
  if (plan.fact !== 'metadata.plan') throw new Error(`unexpected plan leaf ${plan.fact}`);
  return {
    paths: (leafAt(t, [0]).value as string[]).map((p) => p.toLowerCase()),
    seconds: leafAt(t, [1, 0]).value as number,
    visits: leafAt(t, [1, 1]).value as number,
    languages: (leafAt(t, [2]).value as string[]).map((l) => l.toLowerCase()),
    device: leafAt(t, [3]).value as DeviceType,
    plan: plan.value as string,
  };
}

function decideMix(list: PreparedList<MixRule>, history: HistoryPass, windows: WindowStates, urls: UrlMemo, v: Visitor, nowMs: number): HandDecision {
  // During an active conversation nothing proactive is shown, not even the message on screen.
  if (v.inActiveConversation) return NOTHING;
  history.read(v);
  const eligible: string[] = [];
  const onScreen = onScreenOf(list, history, v);
  let first: PreparedMessage<MixRule> | null = null;
  if (onScreen !== undefined) {
    eligible.push(onScreen.id);
    first = onScreen;
  }
  let reevaluateAt = Infinity;
  if (v.channelId === CHANNEL) {
    const enteredAt = Date.parse(v.page.enteredAt);
    const seconds = wholeSeconds(nowMs - enteredAt);
    const url = v.page.url.toLowerCase();
    const language = primaryLanguage(v.language);
    const visits = v.visit.number;
    const device = v.deviceType;
    const metadata = v.metadata;
    const plan = metadata !== undefined && Object.hasOwn(metadata, 'plan') ? metadata.plan : undefined;
    windows.begin(nowMs);
    urls.begin(url);
    const rules = list.byPriority;
    for (let i = 0; i < rules.length; i++) {
      const m = rules[i] as PreparedMessage<MixRule>;
      const r = m.rule;
      // Capped, or a false time-independent leaf (false for good): the message can neither qualify
      // nor lower reevaluateAt. Cheapest and most selective tests first; the history bits
      // before the URL substrings.
      if (plan !== r.plan || device !== r.device || !r.languages.includes(language as string) || m === onScreen || history.capped(i, m.cap) || !urls.matches(i)) continue;
      // any(timeOnPage > s, visitCount ≥ v): true for good once either holds; else flips at s + 1.
      const met = visits >= r.visits || seconds > r.seconds;
      let open = true;
      let windowNext = Infinity;
      if (m.schedule >= 0) {
        open = windows.isOpen(m.schedule) === m.inside;
        windowNext = windows.nextChange(m.schedule);
      }
      const triggerAt = enteredAt + m.triggerDelayMs;
      const reached = nowMs >= triggerAt;
      if (open && reached && met) {
        eligible.push(m.id);
        if (first === null) first = m;
        if (windowNext < reevaluateAt) reevaluateAt = windowNext;
        continue;
      }
      // Not eligible: the latest first change among the failing gates.
      let until = open ? -Infinity : windowNext;
      if (!reached && triggerAt > until) until = triggerAt;
      if (!met) {
        const conditionsAt = enteredAt + (r.seconds + 1) * 1000;
        if (conditionsAt > until) until = conditionsAt;
      }
      if (until < reevaluateAt) reevaluateAt = until;
    }
  }
  return { message: first === null ? null : first.message, eligible, reevaluateAt: reevaluateAt === Infinity ? null : reevaluateAt };
}
