/**
 * The indexed form `evaluate` decides on: for one channel of one message list, its live messages
 * in priority order as flat arrays, the list's leaf index (every distinct required leaf answered
 * at most once per call, most of them in bulk), each message's residual tree as a one-pass
 * signed-duration evaluator, and the distinct schedules (equal ones interned by content) asked at
 * most once per call. The per-call state lives in typed arrays owned by the plan and reused, so a
 * call allocates only its answer.
 *
 * A call's cost follows the messages that can still match: a call first answers the bulk-answered
 * required leaves and drops, in a bitset of positions, every message that one of them rules out;
 * the loop walks only the others, 32 at a time, and a message whose remaining required leaves fail
 * is dropped after a few array reads, before its cap, window, trigger or residual is looked at.
 * @module
 */
import type { Visitor } from '../core/types.js';
import { holds, type ScheduleEngine } from '../schedule/prepare.js';
import type { Facts } from '../conditions/facts.js';
import { FALSE, LeafIndexBuilder, UNKNOWN, splitRequired, type GroupAnswer, type LeafIndex } from '../conditions/leaf-index.js';
import { compileTree, placeTrees, runTree, type Compiled, type Test, type UntilMemo } from '../conditions/until.js';
import { CAP_BITS, readHistoryBits } from '../frequency/history.js';
import { cooldownUntil, deliveryCapReached, periodCappedUntil, readTimedHistory, snoozedUntil, type LatestDelivery, type MessageLimits, type TimedHistory } from '../frequency/caps.js';
import { isVouched } from '../check/visitor.js';
import type { Delivery } from '../core/types.js';
import { inHoldout, inRollout } from '../frequency/rollout.js';
import { carved } from '../core/slab.js';
import { periodAt } from '../schedule/period.js';
import type { CompiledMessage } from './compile.js';

/** Per-call scratch space of a plan. */
interface Scratch {
  /** The plan's {@link ChannelPlan.mem} (a copy for a re-entrant call): its numbers and this call's. */
  readonly mem: Int32Array;
  /** The plan's {@link ChannelPlan.fm} (a copy for a re-entrant call). */
  readonly fm: Float64Array;
  readonly history: Uint8Array;
  /** Per message: deliveries, latest and latest ended delivery `at` (only read when a limit needs them). */
  readonly count: Uint16Array;
  readonly lastAt: Float64Array;
  readonly endedAt: Float64Array;
  /** Whether the last call read the delivery times (so wrote them). */
  timedLast: boolean;
  /** Per delivery of the last history read: its message's position (-1: none); grown as needed. */
  positions: Int32Array;
  /** Rollout and hold-out answers for the visitor id of {@link bucketsFor} (0 unknown, 1 in, 2 out). */
  readonly inRollout: Uint8Array;
  readonly inHoldout: Uint8Array;
  bucketsFor: string | null;
  /** This call's `oncePer` periods in the account's zone, once asked. */
  day: readonly [number, number] | null;
  week: readonly [number, number] | null;
}

/** The account-wide policies of one call, checked. */
export interface CallPolicy {
  /** 0: no account cooldown. */
  readonly cooldownMs: number;
  readonly timeZone: string;
}

/** One channel's messages of one list, compiled for `evaluate`. */
export interface ChannelPlan {
  /** Live messages of the channel, highest priority first, ties by position in the list. */
  readonly messages: readonly CompiledMessage[];
  /** Per message: its id (read for the answer's lists without touching the message objects). */
  readonly ids: readonly string[];
  /** Message id → position in {@link messages} (the on-screen rule, the history bits). */
  readonly position: ReadonlyMap<string, number>;
  readonly index: LeafIndex;
  /**
   * Every integer a call reads or writes, in one array — one typed-array object a call loads
   * instead of ten, each of which is a cache line or two that a process serving many lists finds
   * cold. In order:
   * - from 0, this call's answer per required leaf (`UNKNOWN`, `TRUE`, `FALSE`), which the
   *   index's answers write;
   * - from {@link droppedAt}, one bit per message (32 a word), set when one of its grouped
   *   required leaves is false;
   * - from {@link openAt}, per distinct schedule: 0 not asked yet, 1 open, 2 closed;
   * - from {@link touchedAt}: how many positions the last call wrote in the history arrays (in
   *   `count`, `lastAt` and `endedAt` too when it read the times), then those positions, each
   *   once — only they are reset before the next call, so a short history costs a short reset;
   * - from `rowsAt` = `touchedAt + n + 1` (`n` messages), the rows (below);
   * - from `rowsAt + ROW * n` to {@link dropsEnd}, the grouped required leaves (answered in bulk)
   *   that some message needs, each as its id, then either the number of those messages and their
   *   positions or, when they outnumber the bitset's words, minus the word count and the bitset of
   *   their positions: a call answers them all first and drops every user of a false one, so the
   *   loop never visits a message a grouped leaf rules out;
   * - from {@link dropsEnd}, per message `i` (and one more for the end), where its other required
   *   leaf ids start: `mem[mem[dropsEnd + i]]` … `mem[mem[dropsEnd + i + 1] - 1]`, cheapest first.
   *
   * A call starts by clearing the first three parts (one `fill`: every leaf `UNKNOWN`, no message
   * dropped, no schedule asked).
   */
  readonly mem: Int32Array;
  readonly droppedAt: number;
  readonly openAt: number;
  readonly touchedAt: number;
  readonly dropsEnd: number;
  /** The store the residual trees are placed in (`placeTrees`: shared by content across lists), and its tests. */
  readonly store: readonly number[];
  readonly tests: readonly Test[];
  /**
   * The rows, in {@link mem} from `rowsAt`: per message `i`, side by side from
   * `rowsAt + ROW * i` (five messages to a cache line: a call reads the rows of the messages it
   * walks, each row mostly one line), its packed small fields — the history bit that caps it (its
   * frequency's, bits 0–3), 1 if eligible while its schedule is open (`businessHours`, bit 4),
   * its kinds of limits (bits 5–9), 1 if it has required leaves of its own in {@link mem}
   * (bit 10) and its index into {@link schedules} plus one (0: `anytime`, bits 11–30: room for
   * 2²⁰ schedules, more than a list's `LIMITS.listMessages` messages can have) — then its
   * trigger delay in ms (at most `LIMITS.triggerSeconds` × 1,000, well inside 32 bits), then
   * where its residual tree starts in {@link store} (-1: true for good once the required leaves
   * hold; a store holds at most 2¹⁸ numbers past one list's trees, well inside 32 bits).
   *
   * The floating-point numbers, in {@link fm}: per message `i` from `2 * i`, its `activeFrom` and
   * `activeUntil` in epoch ms — read only for a message with either (its kinds' `DATED` bit) —
   * then, from `2 * n`, per distinct schedule, when its state this call changes.
   */
  readonly fm: Float64Array;
  readonly schedules: readonly ScheduleEngine[];
  /** Per message: its limits, or `null` (most messages). */
  readonly limits: readonly (MessageLimits | null)[];
  /** Whether any message's limits need the history's delivery times. */
  readonly timed: boolean;
  /** Reused per call; `null` while a call is using it (a re-entrant call allocates its own, with copies of {@link mem} and {@link fm}). */
  scratch: Scratch | null;
}

/** Numbers a row holds in {@link ChannelPlan.mem}: packed fields, trigger delay, residual tree. */
const ROW = 3;

/** Bit 10 of a row's packed field: the message has required leaves of its own (not answered in bulk). */
const OWN_REQUIRED = 1 << 10;
/** Where a row's packed field holds its schedule's index plus one. */
const SCHEDULE_SHIFT = 11;

/** 32-bit words of a bitset of `n` message positions (the drops' bitsets and the dropped bits in {@link ChannelPlan.mem}). */
const wordsFor = (n: number): number => (n + 31) >>> 5;

/** Kinds of limits (bits 5–9 of a row's packed field): a rollout below 100 %, … */
const ROLLOUT = 1;
/** … a limit that reads the history's counts and times (a cap, a snooze, `oncePer`, its own cooldown), … */
const TIMED = 2;
/** … its own cooldown (`0` included: the account's does not apply), … */
const OWN_COOLDOWN = 4;
/** … a hold-out group, … */
const HOLDOUT = 8;
/** … a start or end instant. */
const DATED = 16;

function limitKindsOf(l: MessageLimits | null): number {
  if (l === null) return 0;
  return (
    (l.rolloutPercent < 100 ? ROLLOUT : 0) |
    (l.timed ? TIMED : 0) |
    (l.cooldownMs !== null ? OWN_COOLDOWN : 0) |
    (l.holdoutPercent > 0 ? HOLDOUT : 0) |
    (l.activeFrom !== -Infinity || l.activeUntil !== Infinity ? DATED : 0)
  );
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
  // The residual trees, and the messages they belong to.
  const trees: Compiled[] = [];
  const treeOf: number[] = [];
  const rows: number[] = [];
  const active: number[] = [];
  const schedules: ScheduleEngine[] = [];
  const scheduleIds = new Map<ScheduleEngine | string, number>();
  const position = new Map<string, number>();
  // Equal residual trees (and subtrees) of the list share one compiled form.
  const memo: UntilMemo = new Map();
  messages.forEach((cm, i) => {
    position.set(cm.id, i);
    const split = splitRequired(cm.parsed.conditions);
    perMessage.push(split.required.map((r) => builder.add(r)));
    const tree = split.residual;
    // Where it starts is known once the list's trees are placed, below.
    if (tree !== null) {
      treeOf.push(i);
      trees.push(compileTree(tree, memo));
    }
    const w = cm.window;
    let packed = CAP_BITS[cm.cap] | (limitKindsOf(cm.limits) << 5);
    if (w.kind !== 'anytime') {
      // One compiled schedule per distinct schedule object, and per distinct content.
      let id = scheduleIds.get(w.schedule);
      if (id === undefined) {
        const key = scheduleKey(cm);
        id = scheduleIds.get(key);
        if (id === undefined) scheduleIds.set(key, (id = schedules.push(w.schedule) - 1));
        scheduleIds.set(w.schedule, id);
      }
      packed |= ((id + 1) << SCHEDULE_SHIFT) | (w.kind === 'inside' ? 16 : 0);
    }
    rows.push(packed, cm.triggerDelayMs, -1);
    active.push(cm.limits?.activeFrom ?? -Infinity, cm.limits?.activeUntil ?? Infinity);
  });
  const placed = placeTrees(trees);
  treeOf.forEach((i, k) => (rows[i * ROW + 2] = placed.at[k] as number));
  const limits = messages.map((cm) => cm.limits);
  const index = builder.build();
  // Grouped leaves go to the bitset pass (by leaf: its users); the others stay per message, cheapest first.
  const usersOf: number[][] = [];
  const own: number[][] = perMessage.map((ids, i) => {
    const mine: number[] = [];
    for (const id of new Set(ids)) {
      if (index.grouped[id] === true) (usersOf[id] ??= []).push(i);
      else mine.push(id);
    }
    return mine.sort((a, b) => (index.cost[a] as number) - (index.cost[b] as number));
  });
  const words = wordsFor(n);
  const droppedAt = index.size;
  const openAt = droppedAt + words;
  const touchedAt = openAt + schedules.length;
  const mem: number[] = [...new Array<number>(touchedAt + n + 1).fill(0), ...rows];
  // At most `words` numbers a spread: far fewer than a call takes.
  usersOf.forEach((users, id) => {
    if (users.length <= words) return mem.push(id, users.length, ...users);
    const bits = new Array<number>(words).fill(0);
    for (const m of users) bits[m >>> 5] = (bits[m >>> 5] as number) | (1 << (m & 31));
    return mem.push(id, -words, ...bits);
  });
  const dropsEnd = mem.length;
  let at = dropsEnd + n + 1;
  own.forEach((mine, i) => {
    mem.push(at);
    at += mine.length;
    if (mine.length > 0) mem[touchedAt + n + 1 + i * ROW] = (rows[i * ROW] as number) | OWN_REQUIRED;
  });
  mem.push(at);
  // Loops, not spreads: up to `LIMITS.listMessages` × `LIMITS.conditionLeaves` ids, more
  // arguments than a call can take.
  for (const mine of own) for (const id of mine) mem.push(id);
  const plan: ChannelPlan = {
    messages,
    ids: messages.map((cm) => cm.id),
    position,
    index,
    mem: carved(Int32Array, mem),
    droppedAt,
    openAt,
    touchedAt,
    dropsEnd,
    store: placed.store,
    tests: placed.tests,
    fm: carved(Float64Array, [...active, ...new Array<number>(schedules.length).fill(0)]),
    schedules,
    limits,
    timed: limits.some((l) => l?.timed === true),
    scratch: null,
  };
  // Made now, so that its arrays lie right after the plan's.
  plan.scratch = newScratch(plan, plan.mem, plan.fm);
  return plan;
}

/**
 * Per-message history arrays, cleared (`count` 0, the times `-Infinity`), with no position
 * written yet: carved beside the list's other arrays for its scratch, or (`apart`) in buffers of
 * their own for a frozen history's kept view, which lives as long as that history, not the list.
 */
function historyArrays(n: number, apart = false): Pick<Scratch, 'history' | 'count' | 'lastAt' | 'endedAt'> {
  return { history: carved(Uint8Array, n, apart), count: carved(Uint16Array, n, apart), lastAt: carved(Float64Array, n, apart).fill(-Infinity), endedAt: carved(Float64Array, n, apart).fill(-Infinity) };
}

function newScratch(plan: ChannelPlan, mem: Int32Array, fm: Float64Array): Scratch {
  const n = plan.messages.length;
  return {
    mem,
    fm,
    ...historyArrays(n),
    timedLast: false,
    positions: new Int32Array(0),
    inRollout: carved(Uint8Array, n),
    inHoldout: carved(Uint8Array, n),
    bucketsFor: null,
    day: null,
    week: null,
  };
}

/** What the history says, per message position, for one call. */
interface HistoryView {
  readonly bits: Uint8Array;
  readonly onScreenAt: number;
  readonly count: Uint16Array;
  readonly lastAt: Float64Array;
  readonly endedAt: Float64Array;
  /** The latest delivery of all; `null` also when times were not read. */
  readonly latest: LatestDelivery | null;
  readonly timed: boolean;
}

const NONE_U8 = new Uint8Array(0);
const NO_HISTORY: HistoryView = { bits: NONE_U8, onScreenAt: -1, count: new Uint16Array(0), lastAt: new Float64Array(0), endedAt: new Float64Array(0), latest: null, timed: true };

/**
 * The views of frozen histories this library wrote (they cannot change), for the plan, visit and
 * page view they were read for: a widget that evaluates the same history again reads it once.
 */
const views = new WeakMap<readonly Delivery[], { readonly plan: ChannelPlan; readonly visitId: string; readonly pageViewId: string; readonly view: HistoryView }>();

/** The history of `visitor` as bits and (when `timed`) counts and times, per message position. */
function historyView(plan: ChannelPlan, visitor: Visitor, scratch: Scratch, timed: boolean): HistoryView {
  const deliveries = visitor.deliveries;
  const frozen = isVouched(deliveries);
  const visitId = visitor.visit.id;
  const pageViewId = visitor.page.viewId;
  if (frozen) {
    const hit = views.get(deliveries);
    if (hit !== undefined && hit.plan === plan && hit.visitId === visitId && hit.pageViewId === pageViewId && (hit.view.timed || !timed)) return hit.view;
  }
  // A frozen history's view is kept, so it gets arrays of its own; otherwise the reused scratch
  // ones, cleared where the last call wrote.
  const { history: bits, count, lastAt, endedAt } = frozen ? historyArrays(plan.messages.length, true) : scratch;
  let touched: Int32Array | undefined;
  const touchedAt = plan.touchedAt;
  if (!frozen) {
    touched = scratch.mem;
    const times = scratch.timedLast;
    for (let k = touchedAt + 1, end = (touched[touchedAt] as number) + touchedAt + 1; k < end; k++) {
      const p = touched[k] as number;
      bits[p] = 0;
      if (times) {
        count[p] = 0;
        lastAt[p] = -Infinity;
        endedAt[p] = -Infinity;
      }
    }
    touched[touchedAt] = 0;
    scratch.timedLast = timed;
  }
  let positions: Int32Array | undefined;
  if (timed) {
    if (scratch.positions.length < deliveries.length) scratch.positions = new Int32Array(deliveries.length);
    positions = scratch.positions;
  }
  const onScreenAt = readHistoryBits(visitor, plan.position, bits, touched, positions, touchedAt);
  const latest = positions === undefined ? null : readTimedHistory(deliveries, positions, count, lastAt, endedAt);
  const view: HistoryView = { bits, onScreenAt, count, lastAt, endedAt, latest, timed };
  if (frozen) views.set(deliveries, { plan, visitId, pageViewId, view });
  return view;
}

/** Forgets the rollout and hold-out answers when the visitor changes (they are kept for the next call of the same one). */
function bucketsOf(scratch: Scratch, visitorId: string): void {
  if (scratch.bucketsFor === visitorId) return;
  scratch.inRollout.fill(0);
  scratch.inHoldout.fill(0);
  scratch.bucketsFor = visitorId;
}

/** Whether the visitor is in message `i`'s rollout, computed once per (visitor id, message). */
function rolledOut(scratch: Scratch, plan: ChannelPlan, visitorId: string, i: number): boolean {
  bucketsOf(scratch, visitorId);
  let a = scratch.inRollout[i] as number;
  if (a === 0) scratch.inRollout[i] = a = inRollout((plan.messages[i] as CompiledMessage).id, visitorId, (plan.limits[i] as MessageLimits).rolloutPercent) ? 1 : 2;
  return a === 1;
}

/** Whether the visitor is in message `i`'s hold-out group, computed once per (visitor id, message). */
function heldOutOf(scratch: Scratch, plan: ChannelPlan, visitorId: string, i: number): boolean {
  bucketsOf(scratch, visitorId);
  let a = scratch.inHoldout[i] as number;
  if (a === 0) scratch.inHoldout[i] = a = inHoldout((plan.messages[i] as CompiledMessage).id, visitorId, (plan.limits[i] as MessageLimits).holdoutPercent) ? 1 : 2;
  return a === 1;
}

/**
 * When message `i`'s limits that read the history have all lifted, given a latest delivery:
 * `-Infinity` when none holds it back, `Infinity` when its delivery cap does for good, else the
 * latest instant a holding one lifts (snoozed, capped for the period, its own cooldown). Only
 * for messages with such limits (most have none), out of {@link decideChannel}'s loop.
 */
function timedLimitsUntil(plan: ChannelPlan, scratch: Scratch, view: HistoryView, latest: LatestDelivery, policy: CallPolicy, i: number, nowMs: number): number {
  const lim = plan.limits[i] as MessageLimits;
  const h: TimedHistory = { count: view.count[i] as number, lastAt: view.lastAt[i] as number, endedAt: view.endedAt[i] as number };
  if (deliveryCapReached(lim, h)) return Infinity;
  let until = -Infinity;
  const snoozed = snoozedUntil(lim, h, nowMs);
  if (snoozed !== null) until = snoozed;
  const kind = lim.oncePer;
  if (kind !== null && h.lastAt !== -Infinity) {
    const period = kind === 'day' ? (scratch.day ??= periodAt(policy.timeZone, 'day', nowMs)) : (scratch.week ??= periodAt(policy.timeZone, 'week', nowMs));
    const capped = periodCappedUntil(lim, h, period);
    if (capped !== null && capped > until) until = capped;
  }
  if (lim.cooldownMs !== null) {
    const cooling = cooldownUntil(lim, (plan.messages[i] as CompiledMessage).id, latest, policy.cooldownMs, nowMs);
    if (cooling !== null && cooling > until) until = cooling;
  }
  return until;
}

/** What {@link decideChannel} found: the first eligible message, every eligible one, and the bound. */
export interface ChannelDecision {
  readonly first: CompiledMessage | null;
  readonly onScreen: CompiledMessage | null;
  readonly eligible: string[];
  /** Messages that qualify but whose hold-out group the visitor is in (never shown), in priority order. */
  readonly heldOut: string[];
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
export function decideChannel(plan: ChannelPlan, visitor: Visitor, facts: Facts, nowMs: number, policy: CallPolicy): ChannelDecision {
  const scratch = plan.scratch ?? newScratch(plan, plan.mem.slice(), plan.fm.slice());
  plan.scratch = null;
  const { mem, fm } = scratch;
  const { droppedAt, openAt, touchedAt } = plan;
  // Every leaf UNKNOWN, no message dropped, no schedule asked yet.
  mem.fill(0, 0, touchedAt);
  const hasHistory = visitor.deliveries.length > 0;
  const accountCooldownMs = policy.cooldownMs;
  const view = hasHistory ? historyView(plan, visitor, scratch, plan.timed || accountCooldownMs > 0) : NO_HISTORY;
  const { bits: history, onScreenAt, latest, count } = view;
  // Where the account's cooldown ends: for every message but the latest delivered one, and for that one.
  const coolingEnd = latest === null ? -Infinity : latest.at + accountCooldownMs;
  const otherCoolingEnd = latest === null ? -Infinity : latest.otherAt + accountCooldownMs;
  // Whether the account's cooldown holds any message back now (most calls: it is long over).
  const accountCooling = accountCooldownMs > 0 && (coolingEnd > nowMs || otherCoolingEnd > nowMs);
  const latestAt = accountCooling ? (plan.position.get((latest as LatestDelivery).messageId) ?? -1) : -1;
  // The current `oncePer` periods of the account's zone, when first needed.
  scratch.day = null;
  scratch.week = null;
  const messages = plan.messages;
  const onScreen = onScreenAt < 0 ? null : (messages[onScreenAt] as CompiledMessage);
  const eligible: string[] = onScreen === null ? [] : [onScreen.id];
  const heldOut: string[] = [];
  let first = onScreen;
  // `Infinity` while nothing is scheduled; every bound found is finite.
  let reevaluateAt = Infinity;
  const { dropsEnd, store, tests, schedules, ids } = plan;
  const answers = plan.index.answers;
  const enteredAtMs = facts.pageEnteredAtMs;
  const n = messages.length;
  const rowsAt = touchedAt + n + 1;
  // Every grouped required leaf first (a few bulk answers): each false one drops its users.
  for (let k = rowsAt + ROW * n; k < dropsEnd; ) {
    const id = mem[k] as number;
    const count = mem[k + 1] as number;
    const end = k + 2 + (count < 0 ? -count : count);
    if (mem[id] === UNKNOWN) (answers[id] as GroupAnswer)(facts, mem);
    k += 2;
    if (mem[id] !== FALSE) k = end;
    else if (count < 0) for (let w = droppedAt; k < end; k++, w++) mem[w] = (mem[w] as number) | (mem[k] as number);
    else
      for (; k < end; k++) {
        const m = mem[k] as number;
        mem[droppedAt + (m >>> 5)] = (mem[droppedAt + (m >>> 5)] as number) | (1 << (m & 31));
      }
  }
  // The messages left, in priority order: 32 at a time, lowest bit (position) first.
  for (let w = 0, words = openAt - droppedAt; w < words; w++) {
    let left = ~(mem[droppedAt + w] as number);
    next: while (left !== 0) {
      const low = left & -left;
      left ^= low;
      const i = (w << 5) | (31 - Math.clz32(low));
      // The last word's bits past the list.
      if (i >= n) break;
      const row = rowsAt + i * ROW;
      const packed = mem[row] as number;
      if (i === onScreenAt || (hasHistory && ((history[i] as number) & packed & 15) !== 0)) continue;
      // The other required leaves: one false leaf is false for good — the message can neither
      // qualify nor change with time, so nothing else about it matters.
      if ((packed & OWN_REQUIRED) !== 0)
        for (let r = mem[dropsEnd + i] as number, end = mem[dropsEnd + i + 1] as number; r < end; r++) {
        const id = mem[r] as number;
        let answer = mem[id] as number;
        if (answer === UNKNOWN) {
          (answers[id] as GroupAnswer)(facts, mem);
          answer = mem[id] as number;
        }
        if (answer === FALSE) continue next;
      }
      // The limits: `limitUntil` is when every failing one has lifted (`-Infinity`: none fails).
      // Ended, out of the rollout, or at its delivery cap: for good.
      const kinds = (packed >> 5) & 31;
      let activeUntil = Infinity;
      let limitUntil = -Infinity;
      if (kinds !== 0) {
        if ((kinds & DATED) !== 0) {
          activeUntil = fm[i * 2 + 1] as number;
          if (nowMs >= activeUntil) continue;
          const from = fm[i * 2] as number;
          if (nowMs < from) limitUntil = from;
        }
        if ((kinds & ROLLOUT) !== 0 && !rolledOut(scratch, plan, visitor.id, i)) continue;
        // A cap, snooze or `oncePer` needs a delivery of this message; its own cooldown, any one.
        if ((kinds & TIMED) !== 0 && latest !== null && ((count[i] as number) > 0 || (kinds & OWN_COOLDOWN) !== 0)) {
          const timedUntil = timedLimitsUntil(plan, scratch, view, latest, policy, i, nowMs);
          if (timedUntil === Infinity) continue;
          if (timedUntil > limitUntil) limitUntil = timedUntil;
        }
      }
      if (accountCooling && (kinds & OWN_COOLDOWN) === 0) {
        // The account's cooldown (most messages): its end is the same for all but the latest one's message.
        const cooling = i === latestAt ? otherCoolingEnd : coolingEnd;
        if (cooling > nowMs && cooling > limitUntil) limitUntil = cooling;
      }
      // The gates of `timedGates` + `stableUntil` (which `explain` uses), lazily.
      const s = (packed >> SCHEDULE_SHIFT) - 1;
      let windowOpen = true;
      let windowNext = Infinity;
      if (s >= 0) {
        let state = mem[openAt + s] as number;
        if (state === 0) {
          const e = schedules[s] as ScheduleEngine;
          const known = holds(e, nowMs);
          mem[openAt + s] = state = known && e.open ? 1 : 2;
          fm[2 * n + s] = known ? e.until : Infinity;
        }
        windowOpen = (state === 1) === ((packed & 16) !== 0);
        windowNext = fm[2 * n + s] as number;
      }
      const delay = mem[row + 1] as number;
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
      if (limitUntil > until) until = limitUntil;
      const limitsOpen = gatesOpen && limitUntil === -Infinity;
      // A bound that cannot lower reevaluateAt needs no condition work at all.
      if (!limitsOpen && until >= reevaluateAt) continue;
      const tree = mem[row + 2] as number;
      // Signed certainty of the residual: `+d` true for `d` ms more, `-d` false for `d` ms more.
      const u = tree < 0 ? Infinity : runTree(store, tests, tree, facts);
      const conditionsNext = u > 0 ? nowMs + u : nowMs - u;
      if (u > 0 && limitsOpen) {
        // Qualifies: stable until the window, a time leaf or the end instant changes.
        let stable = windowNext < conditionsNext ? windowNext : conditionsNext;
        if (activeUntil < stable) stable = activeUntil;
        if (stable < reevaluateAt) reevaluateAt = stable;
        // A visitor of the hold-out group qualifies but is never shown the message.
        if ((kinds & HOLDOUT) !== 0 && heldOutOf(scratch, plan, visitor.id, i)) {
          heldOut.push(ids[i] as string);
          continue;
        }
        eligible.push(ids[i] as string);
        if (first === null) first = messages[i] as CompiledMessage;
        continue;
      }
      // Not eligible: stable until every failing gate has flipped.
      const bound = u > 0 ? until : conditionsNext > until ? conditionsNext : until;
      if (bound < reevaluateAt) reevaluateAt = bound;
    }
  }
  plan.scratch = scratch;
  return { first, onScreen, eligible, heldOut, reevaluateAt };
}
