/**
 * The indexed form `evaluate` decides on: for one channel of one message list, its live messages
 * in priority order as flat arrays, the list's leaf index (every distinct required leaf answered
 * at most once per call, most of them in bulk), each message's residual tree as a one-pass
 * signed-duration evaluator, and the distinct schedules (equal ones interned by content) asked at
 * most once per call. The per-call state lives in typed arrays owned by the plan and reused, so a
 * call allocates only its answer.
 *
 * A call's cost follows the messages that can still match: a message whose required leaves fail
 * is dropped after a few array reads, before its cap, window, trigger or residual is looked at.
 * @module
 */
import type { Visitor } from '../core/types.js';
import type { CompiledSchedule } from '../schedule/prepare.js';
import type { Facts } from '../conditions/facts.js';
import { FALSE, LeafIndexBuilder, UNKNOWN, splitRequired, type LeafIndex } from '../conditions/leaf-index.js';
import { compileUntil, type Until } from '../conditions/until.js';
import { CAP_BITS, readHistoryBits } from '../frequency/history.js';
import type { CompiledMessage } from './compile.js';

/** Per-call scratch space of a plan. */
interface Scratch {
  readonly leaves: Uint8Array;
  readonly history: Uint8Array;
  /** Per distinct schedule: 0 not asked yet, 1 open, 2 closed. */
  readonly open: Uint8Array;
  readonly next: Float64Array;
}

/** One channel's messages of one list, compiled for `evaluate`. */
export interface ChannelPlan {
  /** Live messages of the channel, highest priority first, ties by position in the list. */
  readonly messages: readonly CompiledMessage[];
  /** Message id → position in {@link messages} (the on-screen rule, the history bits). */
  readonly position: ReadonlyMap<string, number>;
  readonly index: LeafIndex;
  /** Required leaf ids of message `i`: `required[start[i]]` … `required[start[i + 1] - 1]`, grouped ones first. */
  readonly required: Int32Array;
  readonly start: Int32Array;
  /** Per message: the residual tree (`null`: true for good once the required leaves hold). */
  readonly residual: readonly (Until | null)[];
  /** Per message: index into {@link schedules}, or -1 for `anytime`. */
  readonly schedule: Int32Array;
  /** Per message: 1 eligible while its schedule is open (`businessHours`), 0 while closed. */
  readonly inside: Uint8Array;
  readonly triggerDelayMs: Float64Array;
  /** Per message: the history bit that caps it (its frequency's). */
  readonly cap: Uint8Array;
  readonly schedules: readonly CompiledSchedule[];
  /** Reused per call; `null` while a call is using it (a re-entrant call allocates its own). */
  scratch: Scratch | null;
}

/** Content key of a compiled message's schedule, to share one compiled schedule between equal ones. */
function scheduleKey(cm: CompiledMessage): string {
  return cm.parsed.sendWindow.type === 'anytime' ? '' : JSON.stringify(cm.parsed.sendWindow.schedule);
}

/**
 * Builds the plan of a channel's live messages (already in priority order).
 * @example
 * ```ts
 * const plan = buildChannelPlan(compiled.liveByChannel.get('web') ?? []);
 * plan.messages[0]?.id; // the highest-priority live message on 'web'
 * ```
 */
export function buildChannelPlan(messages: readonly CompiledMessage[]): ChannelPlan {
  const n = messages.length;
  const builder = new LeafIndexBuilder();
  const perMessage: number[][] = [];
  const residual: (Until | null)[] = [];
  const schedule = new Int32Array(n);
  const inside = new Uint8Array(n);
  const triggerDelayMs = new Float64Array(n);
  const cap = new Uint8Array(n);
  const schedules: CompiledSchedule[] = [];
  const scheduleIds = new Map<CompiledSchedule | string, number>();
  const position = new Map<string, number>();
  messages.forEach((cm, i) => {
    position.set(cm.id, i);
    const split = splitRequired(cm.parsed.conditions);
    perMessage.push(split.required.map((r) => builder.add(r)));
    residual.push(split.residual === null ? null : compileUntil(split.residual));
    const w = cm.window;
    if (w.kind === 'anytime') {
      schedule[i] = -1;
    } else {
      // One compiled schedule per distinct schedule object, and per distinct content.
      let id = scheduleIds.get(w.schedule);
      if (id === undefined) {
        const key = scheduleKey(cm);
        id = scheduleIds.get(key);
        if (id === undefined) scheduleIds.set(key, (id = schedules.push(w.schedule) - 1));
        scheduleIds.set(w.schedule, id);
      }
      schedule[i] = id;
      inside[i] = w.kind === 'inside' ? 1 : 0;
    }
    triggerDelayMs[i] = cm.triggerDelayMs;
    cap[i] = CAP_BITS[cm.cap];
  });
  const index = builder.build();
  // Grouped leaves first (answered in bulk, once), then the cheapest.
  const order = (a: number, b: number) => Number(index.grouped[b]) - Number(index.grouped[a]) || (index.cost[a] as number) - (index.cost[b] as number);
  const start = new Int32Array(n + 1);
  const flat: number[] = [];
  perMessage.forEach((ids, i) => {
    start[i] = flat.length;
    flat.push(...[...new Set(ids)].sort(order));
  });
  start[n] = flat.length;
  return {
    messages,
    position,
    index,
    required: Int32Array.from(flat),
    start,
    residual,
    schedule,
    inside,
    triggerDelayMs,
    cap,
    schedules,
    scratch: null,
  };
}

function newScratch(plan: ChannelPlan): Scratch {
  return {
    leaves: new Uint8Array(plan.index.size),
    history: new Uint8Array(plan.messages.length),
    open: new Uint8Array(plan.schedules.length),
    next: new Float64Array(plan.schedules.length),
  };
}

/** What {@link decideChannel} found: the first eligible message, every eligible one, and the bound. */
export interface ChannelDecision {
  readonly first: CompiledMessage | null;
  readonly onScreen: CompiledMessage | null;
  readonly eligible: string[];
  /** `Infinity` when only a change of input can change the decision. */
  readonly reevaluateAt: number;
}

/**
 * Decides one call on a plan: the on-screen rule, then every message in priority order through
 * its gates — cap, required leaves, window, trigger, residual — computing only what can change
 * `eligible` or lower `reevaluateAt`. `visitor` is checked; `facts` are its facts at `nowMs`.
 * @example
 * ```ts
 * const d = decideChannel(plan, visitor, readFacts(visitor, nowMs), nowMs);
 * d.first?.id; // the message to show, or undefined
 * ```
 */
export function decideChannel(plan: ChannelPlan, visitor: Visitor, facts: Facts, nowMs: number): ChannelDecision {
  const scratch = plan.scratch ?? newScratch(plan);
  plan.scratch = null;
  const { leaves, history, open, next } = scratch;
  leaves.fill(UNKNOWN);
  open.fill(0);
  const hasHistory = visitor.deliveries.length > 0;
  let onScreenAt = -1;
  if (hasHistory) {
    history.fill(0);
    onScreenAt = readHistoryBits(visitor, plan.position, history);
  }
  const messages = plan.messages;
  const onScreen = onScreenAt < 0 ? null : (messages[onScreenAt] as CompiledMessage);
  const eligible: string[] = onScreen === null ? [] : [onScreen.id];
  let first = onScreen;
  // `Infinity` while nothing is scheduled; every bound found is finite.
  let reevaluateAt = Infinity;
  const { required, start, index, residual, schedule, inside, triggerDelayMs, cap, schedules } = plan;
  const enteredAtMs = facts.pageEnteredAtMs;
  const n = messages.length;
  next: for (let i = 0; i < n; i++) {
    if (i === onScreenAt || (hasHistory && ((history[i] as number) & (cap[i] as number)) !== 0)) continue;
    // Required leaves: one false leaf is false for good — the message can neither qualify nor
    // change with time, so nothing else about it matters.
    for (let r = start[i] as number, end = start[i + 1] as number; r < end; r++) {
      const id = required[r] as number;
      if (leaves[id] === UNKNOWN) index.answer(id, facts, leaves);
      if (leaves[id] === FALSE) continue next;
    }
    // The gates of `timedGates` + `stableUntil` (which `explain` uses), lazily.
    const s = schedule[i] as number;
    let windowOpen = true;
    let windowNext = Infinity;
    if (s >= 0) {
      let state = open[s] as number;
      if (state === 0) {
        const compiled = schedules[s] as CompiledSchedule;
        open[s] = state = compiled.isOpen(nowMs) ? 1 : 2;
        next[s] = compiled.nextChange(nowMs) ?? Infinity;
      }
      windowOpen = (state === 1) === (inside[i] === 1);
      windowNext = next[s] as number;
    }
    const delay = triggerDelayMs[i] as number;
    const triggerAt = enteredAtMs + delay;
    // A page-load trigger fires at once, even when the device clock runs ahead of `now`.
    const triggerReached = delay === 0 || nowMs >= triggerAt;
    // NaN (unparseable enteredAt) never fires and never schedules a re-evaluation.
    if (!triggerReached && Number.isNaN(triggerAt)) continue;
    const gatesOpen = windowOpen && triggerReached;
    // Every failing gate must flip before the message can qualify: the latest of their first
    // changes counts (`-Infinity` when none fails; `Infinity`: a window closed for good).
    let until = windowOpen ? -Infinity : windowNext;
    if (!triggerReached && triggerAt > until) until = triggerAt;
    // A bound that cannot lower reevaluateAt needs no condition work at all.
    if (!gatesOpen && until >= reevaluateAt) continue;
    const tree = residual[i] as Until | null;
    // Signed certainty of the residual: `+d` true for `d` ms more, `-d` false for `d` ms more.
    const u = tree === null ? Infinity : tree(facts);
    const conditionsNext = u > 0 ? nowMs + u : nowMs - u;
    if (u > 0 && gatesOpen) {
      const cm = messages[i] as CompiledMessage;
      eligible.push(cm.id);
      if (first === null) first = cm;
      const stable = windowNext < conditionsNext ? windowNext : conditionsNext;
      if (stable < reevaluateAt) reevaluateAt = stable;
      continue;
    }
    // Not eligible: stable until every failing gate has flipped.
    const bound = u > 0 ? until : conditionsNext > until ? conditionsNext : until;
    if (bound < reevaluateAt) reevaluateAt = bound;
  }
  plan.scratch = scratch;
  return { first, onScreen, eligible, reevaluateAt };
}
