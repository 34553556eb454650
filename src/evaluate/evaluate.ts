/**
 * `evaluate(visitor, messages, now)`: which message, if any, this visitor should see now, and
 * when to ask again. The hot path: runs on every page view of every visitor.
 * @module
 */
import { issueAt, type IssueData } from '../core/issues.js';
import { toInstant } from '../core/instants.js';
import type { EvaluateOptions, Instant, Message, Visitor } from '../core/types.js';
import { evaluateOptionsCheck } from '../check/options.js';
import { kindOf } from '../core/values.js';
import { runCheck } from '../check/check.js';
import { visitorCheck } from '../check/visitor.js';
import { readFacts, type Facts } from '../conditions/facts.js';
import { compileCheckedTree } from '../conditions/plan.js';
import { compileMessages, type CompiledMessage, type CompiledMessages, type InvalidMessage } from './compile.js';
import { buildChannelPlan, decideChannel, type CallPolicy, type ChannelPlan } from './channel.js';

/** The answer of {@link evaluate}. */
export interface Decision {
  /** The one message to display now, or `null`. */
  readonly message: Message | null;
  /**
   * `true` when `message` is already on screen (delivered in this page view, neither dismissed
   * nor closed): show it, but record no new delivery. `false` when `message` is new (record its
   * delivery once it is shown) or `null`.
   */
  readonly onScreen: boolean;
  /**
   * Ids of every message that qualifies now, in priority order (highest `priority` first, ties by
   * position). A message already on screen qualifies while it stays live and is listed first, so
   * `message` is always `eligible[0]` when not `null`.
   */
  readonly eligible: readonly string[];
  /**
   * Ids of the messages that qualify now but that this visitor is held out of (its hold-out
   * group, `holdoutPercent`), in priority order: never shown, never in `eligible` — log an
   * exposure of the control group for each (a `heldOut` metric event) to measure lift.
   */
  readonly heldOut: readonly string[];
  /**
   * Epoch ms of the earliest instant at which `message` or `eligible` could change with time
   * alone (a trigger delay or time-on-page/site threshold reached, business hours opening or
   * closing), or `null` if only a change of input can change them. Never late; it can be early
   * (see docs/evaluate.md), in which case evaluating again returns the same decision and a later
   * `reevaluateAt`.
   */
  readonly reevaluateAt: number | null;
  /** Messages skipped because they are malformed (fail closed), each with its first issue. */
  readonly invalid: readonly InvalidMessage[];
  /**
   * Why nothing could be decided — `now` is not an instant, `messages` is not a list of messages,
   * or the visitor does not parse — with the first issue (its path starts with `now`, `messages`
   * or `visitor`); `null` when the inputs were usable. Nothing is shown then (fail closed).
   */
  readonly invalidInput: IssueData | null;
}

/** Time-dependent result of the window, trigger and condition gates for one message. */
export interface TimedGates {
  readonly windowOpen: boolean;
  readonly windowNext: number | null;
  readonly triggerReached: boolean;
  readonly triggerAt: number | null;
  readonly conditionsMet: boolean;
  readonly conditionsNext: number | null;
}

/** Evaluates the three time-dependent gates of one message (window, trigger, conditions). */
export function timedGates(cm: CompiledMessage, facts: Facts, enteredAtMs: number, nowMs: number): TimedGates {
  const w = cm.window;
  // The tree compiled for this message (cached by tree object).
  const conditions = compileCheckedTree(cm.parsed.conditions).compiled;
  let windowOpen = true;
  let windowNext: number | null = null;
  if (w.kind !== 'anytime') {
    const open = w.schedule.isOpen(nowMs);
    windowOpen = w.kind === 'inside' ? open : !open;
    windowNext = w.schedule.nextChange(nowMs);
  }
  const triggerAt = enteredAtMs + cm.triggerDelayMs;
  // A page-load trigger fires at once, even when the device clock runs ahead of `now`.
  const triggerReached = cm.triggerDelayMs === 0 || nowMs >= triggerAt;
  return {
    windowOpen,
    windowNext,
    triggerReached,
    // NaN (unparseable enteredAt) never fires and never schedules a re-evaluation.
    triggerAt: triggerReached || Number.isNaN(triggerAt) ? null : triggerAt,
    conditionsMet: conditions.test(facts),
    conditionsNext: conditions.nextTimeChange(facts),
  };
}

/**
 * Until when the eligibility implied by `g` cannot change by time alone: for an eligible message,
 * the first change of any component; for an ineligible one, the latest first change among its
 * failing components (all must flip), or `null` if one of them never changes.
 */
export function stableUntil(g: TimedGates): number | null {
  const eligible = g.windowOpen && g.triggerReached && g.conditionsMet;
  if (eligible) return minOrNull(g.windowNext, g.conditionsNext);
  let until = -Infinity;
  if (!g.windowOpen) {
    if (g.windowNext === null) return null;
    until = Math.max(until, g.windowNext);
  }
  if (!g.triggerReached) {
    if (g.triggerAt === null) return null;
    until = Math.max(until, g.triggerAt);
  }
  if (!g.conditionsMet) {
    if (g.conditionsNext === null) return null;
    until = Math.max(until, g.conditionsNext);
  }
  return until;
}

function minOrNull(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

/** No options: no account cooldown, `oncePer` periods in UTC. */
const DEFAULT_POLICY: CallPolicy = { cooldownMs: 0, timeZone: 'UTC' };

/** The usable inputs of one call. */
export interface CheckedInputs {
  readonly ok: true;
  readonly visitor: Visitor;
  readonly compiled: CompiledMessages;
  readonly nowMs: number;
  readonly policy: CallPolicy;
}

/**
 * The usable inputs of one call, or the first issue of the first one that is not: `now`, then the
 * message list, then the visitor (checked by the one visitor checker, in first-failure mode),
 * then the options.
 */
export function checkInputs(
  visitor: unknown,
  messages: unknown,
  now: unknown,
  options?: unknown,
): CheckedInputs | { readonly ok: false; readonly issue: IssueData; readonly compiled: CompiledMessages } {
  const nowMs = toInstant(now);
  const compiled = compileMessages(messages as readonly Message[]);
  if (nowMs === undefined) return { ok: false, issue: issueAt(['now'], 'invalidInstant', { got: kindOf(now) }), compiled };
  if (compiled.rejected !== null) return { ok: false, issue: { ...compiled.rejected, path: ['messages'] }, compiled };
  const checked = runCheck(visitorCheck, visitor, false, ['visitor']);
  if (!checked.ok) return { ok: false, issue: checked.issues[0] as IssueData, compiled };
  let policy = DEFAULT_POLICY;
  if (options !== undefined) {
    const known = sameOptions(options);
    if (known !== undefined) policy = known;
    else {
      const o = runCheck(evaluateOptionsCheck, options, false, ['options']);
      if (!o.ok) return { ok: false, issue: o.issues[0] as IssueData, compiled };
      policy = { cooldownMs: (o.value.cooldownSeconds ?? 0) * 1000, timeZone: o.value.timeZone ?? 'UTC' };
      try {
        lastOptions = snapshot(options as EvaluateOptions, policy);
      } catch {
        lastOptions = [];
      }
    }
  }
  return { ok: true, visitor: checked.value, compiled, nowMs, policy };
}

/**
 * The last options object that passed the check, as it was then: `[options, policy, prototype,
 * own key count, first key, second key, cooldownSeconds, timeZone]` (a valid one has at most
 * those two keys). A host passes the same policy object on every call; when none of that has
 * changed, the check would answer the same, so its policy is reused (≈ 4 % of a call with
 * options).
 */
let lastOptions: unknown[] = [];

/** {@link lastOptions} for `options` and its `policy` (read again: a getter that throws now leaves nothing kept). */
function snapshot(options: EvaluateOptions, policy: CallPolicy): unknown[] {
  const keys = Object.keys(options);
  return [options, policy, Object.getPrototypeOf(options), keys.length, keys[0], keys[1], options.cooldownSeconds, options.timeZone];
}

/** The policy of `options` if it is the last checked options object, unchanged; `undefined` otherwise. */
function sameOptions(options: unknown): CallPolicy | undefined {
  const last = lastOptions;
  if (options !== last[0]) return undefined;
  try {
    const now = snapshot(options as EvaluateOptions, last[1] as CallPolicy);
    for (let i = 2; i < 8; i++) if (now[i] !== last[i]) return undefined;
    return last[1] as CallPolicy;
  } catch {
    return undefined;
  }
}

/** The plan of each channel of a compiled list, built on first use. */
const plans = new WeakMap<CompiledMessages, Map<string, ChannelPlan>>();

/** The plan of `channelId` in `compiled`, or `null` when the channel has no live message. */
function planOf(compiled: CompiledMessages, channelId: string): ChannelPlan | null {
  const live = compiled.liveByChannel.get(channelId);
  if (live === undefined) return null;
  let byChannel = plans.get(compiled);
  if (byChannel === undefined) plans.set(compiled, (byChannel = new Map()));
  let plan = byChannel.get(channelId);
  if (plan === undefined) byChannel.set(channelId, (plan = buildChannelPlan(live)));
  return plan;
}

/**
 * Decides which message, if any, `visitor` should see at `now`, and when to ask again.
 *
 * Gates, in order: status `live`; the visitor's channel; no active conversation; `activeFrom` /
 * `activeUntil`; rollout; frequency; `maxDeliveries`; `oncePer`; snooze; cooldown (the
 * account's, `options.cooldownSeconds`, or the message's own); send window; trigger;
 * conditions; and last the hold-out group (qualifies, but listed in `heldOut`, not shown). During an active conversation nothing proactive is shown,
 * not even the message that started it. A message already on screen (delivered in this page
 * view, not dismissed or closed) stays the answer while it remains live (`onScreen: true`);
 * otherwise the highest `priority` wins, ties by position. Malformed messages are skipped and
 * listed in `invalid`; unusable inputs show nothing and say why in `invalidInput`. `now` is a
 * `Date`, epoch ms or an ISO-8601 string with an offset. Pure: never reads the clock, never
 * mutates its inputs, never throws on JSON-like data.
 *
 * Law: for every `t` in `[now, reevaluateAt)` with the same visitor, messages and options,
 * `evaluate(visitor, messages, t, options)` returns the same `message`, `eligible` and `heldOut`.
 *
 * @example
 * ```ts
 * const decision = evaluate(visitor, messages, now); // now: the host clock, in epoch ms
 * if (decision.message !== null && !decision.onScreen) showBubble(decision.message);
 * if (decision.reevaluateAt !== null) setTimeout(check, decision.reevaluateAt - now);
 * ```
 */
export function evaluate(visitor: Visitor, messages: readonly Message[], now: Instant, options?: EvaluateOptions): Decision {
  const inputs = checkInputs(visitor, messages, now, options);
  if (!inputs.ok) {
    return { message: null, onScreen: false, eligible: [], heldOut: [], reevaluateAt: null, invalid: inputs.compiled.invalid, invalidInput: inputs.issue };
  }
  const { compiled, nowMs, policy } = inputs;
  const v = inputs.visitor;
  // During an active conversation nothing proactive is shown, the message that started it included.
  if (v.inActiveConversation) {
    return { message: null, onScreen: false, eligible: [], heldOut: [], reevaluateAt: null, invalid: compiled.invalid, invalidInput: null };
  }
  const plan = planOf(compiled, v.channelId);
  if (plan === null) {
    return { message: null, onScreen: false, eligible: [], heldOut: [], reevaluateAt: null, invalid: compiled.invalid, invalidInput: null };
  }
  // Nothing below throws: the condition closures are total on `readFacts`' output (metadata
  // that cannot be read is missing).
  const { first, onScreen, eligible, heldOut, reevaluateAt } = decideChannel(plan, v, readFacts(v, nowMs), nowMs, policy);
  return {
    message: first === null ? null : first.message,
    onScreen: first !== null && first === onScreen,
    eligible,
    heldOut,
    reevaluateAt: reevaluateAt === Infinity ? null : reevaluateAt,
    invalid: compiled.invalid,
    invalidInput: null,
  };
}
