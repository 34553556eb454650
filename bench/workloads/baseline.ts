/**
 * The per-call pieces of the hand-written baselines: plain per-message data prepared once, one
 * pass over deliveries, each distinct schedule asked at most once per call — nothing allocated
 * per message, no closure or regular expression per call.
 * @module
 */
import { compileSchedule, type CompiledSchedule, type Frequency, type Message, type Schedule, type Visitor } from '../../src/index.js';
import { CHANNEL } from './common.js';

/** History bits per message id, and the cap bit of each frequency (same meaning as FREQUENCY_CAP). */
export const DELIVERED = 1;
export const IN_VISIT = 2;
export const IN_PAGE_VIEW = 4;
export const CAP_BIT: Readonly<Record<Frequency, number>> = { once: DELIVERED, oncePerVisit: IN_VISIT, everyTime: IN_PAGE_VIEW };

/** Per-message plain data every baseline needs, with the workload's rule parameters in `rule`. */
export interface PreparedMessage<R> {
  readonly message: Message;
  readonly id: string;
  readonly cap: number;
  /** Index into {@link PreparedList.schedules}, or -1 for `anytime`. */
  readonly schedule: number;
  /** `true`: eligible while the schedule is open; `false`: while it is closed. */
  readonly inside: boolean;
  readonly triggerDelayMs: number;
  readonly rule: R;
}

export interface PreparedList<R> {
  /** Live messages of {@link CHANNEL}, highest priority first, ties by position. */
  readonly byPriority: readonly PreparedMessage<R>[];
  /** Live messages by id (first occurrence), for the on-screen rule. */
  readonly liveById: ReadonlyMap<string, PreparedMessage<R>>;
  /** Each distinct schedule object once. */
  readonly schedules: readonly CompiledSchedule[];
}

/**
 * Prepares the plain data of a list once, outside the timed loop. Business-hours arithmetic comes
 * from the library's `compileSchedule`: time-zone math is not what the bench measures, and doing
 * it by hand through `Intl` would only make the floor slower.
 */
export function prepareList<R>(messages: readonly Message[], ruleOf: (m: Message, index: number) => R, channelId = CHANNEL): PreparedList<R> {
  const scheduleIndex = new Map<Schedule, number>();
  const schedules: CompiledSchedule[] = [];
  const prepared: { p: PreparedMessage<R>; index: number; priority: number }[] = [];
  const liveById = new Map<string, PreparedMessage<R>>();
  messages.forEach((m, index) => {
    if (m.status !== 'live' || m.channelId === null) return;
    let schedule = -1;
    if (m.sendWindow.type !== 'anytime') {
      const s = m.sendWindow.schedule;
      let at = scheduleIndex.get(s);
      if (at === undefined) {
        const compiled = compileSchedule(s);
        if (!compiled.ok) throw new Error(`bench schedule does not compile: ${JSON.stringify(compiled.issues)}`);
        at = schedules.push(compiled.value) - 1;
        scheduleIndex.set(s, at);
      }
      schedule = at;
    }
    const p: PreparedMessage<R> = {
      message: m,
      id: m.id,
      cap: CAP_BIT[m.frequency],
      schedule,
      inside: m.sendWindow.type === 'businessHours',
      triggerDelayMs: m.trigger.event === 'timeOnPage' ? m.trigger.seconds * 1000 : 0,
      rule: ruleOf(m, index),
    };
    if (!liveById.has(p.id)) liveById.set(p.id, p);
    if (m.channelId === channelId) prepared.push({ p, index, priority: m.priority });
  });
  prepared.sort((a, b) => b.priority - a.priority || a.index - b.index);
  return { byPriority: prepared.map((x) => x.p), liveById, schedules };
}

/**
 * The visitor's delivery history in one pass per call: each delivery's message id looked up once
 * (a `Map` prepared with the list: id → positions in priority order) and its bits set in a reused
 * typed array indexed by position, stamped per call — so checking a message's cap is an array read,
 * not a lookup. Also the on-screen message id: the latest delivery of this page view, if neither
 * dismissed nor closed (docs/evaluate.md, "One message at a time"). Ids of messages not in the
 * list (deleted ones) cost their one lookup and nothing else.
 */
export class HistoryPass {
  onScreenId: string | null = null;
  private readonly positions = new Map<string, number[]>();
  private readonly bits: Uint8Array;
  private readonly stamp: Float64Array;
  private call = 0;

  constructor(byPriority: readonly { readonly id: string }[]) {
    byPriority.forEach((m, i) => {
      const at = this.positions.get(m.id);
      if (at === undefined) this.positions.set(m.id, [i]);
      else at.push(i);
    });
    this.bits = new Uint8Array(byPriority.length);
    this.stamp = new Float64Array(byPriority.length);
  }

  read(v: Visitor): void {
    const deliveries = v.deliveries;
    this.call += 1;
    this.onScreenId = null;
    if (deliveries.length === 0) return;
    const visitId = v.visit.id;
    const pageViewId = v.page.viewId;
    for (let i = 0; i < deliveries.length; i++) {
      const d = deliveries[i] as Visitor['deliveries'][number];
      let bits = DELIVERED;
      if (d.visitId === visitId) {
        bits |= IN_VISIT;
        if (d.pageViewId === pageViewId) {
          bits |= IN_PAGE_VIEW;
          this.onScreenId = d.dismissed === true || d.closed === true ? null : d.messageId;
        }
      }
      const at = this.positions.get(d.messageId);
      if (at === undefined) continue;
      for (let k = 0; k < at.length; k++) {
        const p = at[k] as number;
        if (this.stamp[p] !== this.call) {
          this.stamp[p] = this.call;
          this.bits[p] = 0;
        }
        this.bits[p] = (this.bits[p] as number) | bits;
      }
    }
  }

  /** Whether the frequency cap `cap` rules out the message at position `i` (priority order). */
  capped(i: number, cap: number): boolean {
    return this.stamp[i] === this.call && ((this.bits[i] as number) & cap) !== 0;
  }
}

/** Each distinct schedule's state at `now`, asked at most once per call (lazily), in reused typed arrays. */
export class WindowStates {
  private readonly stamp: Float64Array;
  private readonly open: Uint8Array;
  private readonly next: Float64Array;
  private call = 0;
  private nowMs = 0;

  constructor(private readonly schedules: readonly CompiledSchedule[]) {
    this.stamp = new Float64Array(schedules.length);
    this.open = new Uint8Array(schedules.length);
    this.next = new Float64Array(schedules.length);
  }

  /** Starts a call at `nowMs`: earlier answers no longer count. */
  begin(nowMs: number): void {
    this.call += 1;
    this.nowMs = nowMs;
  }

  private load(s: number): void {
    if (this.stamp[s] === this.call) return;
    const schedule = this.schedules[s] as CompiledSchedule;
    this.open[s] = schedule.isOpen(this.nowMs) ? 1 : 0;
    this.next[s] = schedule.nextChange(this.nowMs) ?? Infinity;
    this.stamp[s] = this.call;
  }

  isOpen(s: number): boolean {
    this.load(s);
    return this.open[s] === 1;
  }

  /** The schedule's next flip after now (`Infinity`: never). */
  nextChange(s: number): number {
    this.load(s);
    return this.next[s] as number;
  }
}

/** The primary language subtag, lower-cased, without a regular expression (`en-US` → `en`). */
export function primaryLanguage(locale: string | null | undefined): string | undefined {
  if (typeof locale !== 'string' || locale.length === 0) return undefined;
  let end = locale.length;
  for (let i = 0; i < locale.length; i++) {
    const c = locale.charCodeAt(i);
    if (c === 45 /* - */ || c === 95 /* _ */) {
      end = i;
      break;
    }
  }
  return end === 0 ? undefined : locale.slice(0, end).toLowerCase();
}

/** Whole seconds on the page, as the `timeOnPage` fact counts them (never negative). */
export function wholeSeconds(ms: number): number {
  return ms <= 0 ? 0 : Math.floor(ms / 1000);
}

/** The decision the baselines make (`Decision` without `invalid`). */
export interface HandDecision {
  readonly message: Message | null;
  readonly eligible: readonly string[];
  readonly reevaluateAt: number | null;
}

/** The empty decision (shared: callers never mutate a decision). */
export const NOTHING: HandDecision = { message: null, eligible: [], reevaluateAt: null };

/**
 * The message on screen, as `evaluate` has it: the latest delivery of this page view, neither
 * dismissed nor closed, of a live message on the visitor's channel.
 */
export function onScreenOf<R>(list: PreparedList<R>, history: HistoryPass, v: Visitor): PreparedMessage<R> | undefined {
  if (history.onScreenId === null) return undefined;
  const m = list.liveById.get(history.onScreenId);
  return m !== undefined && m.message.channelId === v.channelId ? m : undefined;
}
