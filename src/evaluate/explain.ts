/**
 * `explain(visitor, messages, now)`: "why didn't my message show?" — one verdict per message,
 * with every gate's result, the first failing gate as a stable reason code, and the condition
 * tree annotated node by node. Not on the hot path: it evaluates every gate of every message.
 * @module
 */
import type { IssueData } from '../core/issues.js';
import type { EvaluateOptions, Frequency, Instant, Message, ReasonCode, Visitor } from '../core/types.js';
import type { Gate, Period } from '../core/vocabulary.js';
import { GATES } from '../core/vocabulary.js';
import { NO_LIMITS, cooldownUntil, deliveryCapReached, periodCappedUntil, readTimedHistory, snoozedUntil, type LatestDelivery, type TimedHistory } from '../frequency/caps.js';
import { inHoldout, inRollout } from '../frequency/rollout.js';
import { periodAt } from '../schedule/period.js';
import type { CallPolicy } from './channel.js';
import { GATE_REASONS } from '../core/vocabulary.js';
import { runCheck } from '../check/check.js';
import { messageCheck } from '../check/message.js';
import { readFacts, type Facts } from '../conditions/facts.js';
import { explainPlan, type ExplainedNode } from '../conditions/explain.js';
import { compileCheckedTree } from '../conditions/plan.js';
import { indexDeliveries, type MessageHistory } from '../frequency/history.js';
import { isInvalid, type CompiledMessage } from './compile.js';
import { checkInputs, evaluate, timedGates, type Decision } from './evaluate.js';

/** One gate's result for one message. */
export type GateResult =
  | { readonly gate: 'status'; readonly passed: boolean; readonly status: Message['status'] }
  | { readonly gate: 'channel'; readonly passed: boolean; readonly channelId: string | null }
  | { readonly gate: 'activeConversation'; readonly passed: boolean }
  | {
      readonly gate: 'frequency';
      readonly passed: boolean;
      readonly frequency: Frequency;
      readonly deliveredBefore: boolean;
      readonly deliveredThisVisit: boolean;
      readonly deliveredThisPageView: boolean;
    }
  | {
      readonly gate: 'sendWindow';
      readonly passed: boolean;
      readonly window: Message['sendWindow']['type'];
      /** Epoch ms at which the window next opens or closes, or `null`. */
      readonly nextChange: number | null;
    }
  | {
      readonly gate: 'trigger';
      readonly passed: boolean;
      /** Epoch ms at which the trigger fires (`page.enteredAt` + delay); `null` if unknown. */
      readonly firesAt: number | null;
    }
  | { readonly gate: 'conditions'; readonly passed: boolean; readonly tree: ExplainedNode | null }
  | {
      readonly gate: 'activeFrom';
      readonly passed: boolean;
      /** Epoch ms the message starts (its `activeFrom`), or `null` without one. */
      readonly startsAt: number | null;
    }
  | {
      readonly gate: 'activeUntil';
      readonly passed: boolean;
      /** Epoch ms the message ends (its `activeUntil`), or `null` without one. */
      readonly endedAt: number | null;
    }
  | {
      readonly gate: 'rollout';
      readonly passed: boolean;
      readonly rolloutPercent: number;
    }
  | {
      readonly gate: 'maxDeliveries';
      readonly passed: boolean;
      /** Deliveries of the message to this visitor, ever. */
      readonly delivered: number;
      readonly maxDeliveries: number | null;
    }
  | {
      readonly gate: 'oncePer';
      readonly passed: boolean;
      readonly oncePer: Period | null;
      /** Epoch ms the next period starts while the cap holds, else `null`. */
      readonly nextPeriodAt: number | null;
    }
  | {
      readonly gate: 'snooze';
      readonly passed: boolean;
      /** Epoch ms the snooze ends while it holds, else `null`. */
      readonly snoozedUntil: number | null;
    }
  | {
      readonly gate: 'cooldown';
      readonly passed: boolean;
      /** Epoch ms the cooldown ends while it holds, else `null`. */
      readonly cooldownUntil: number | null;
    }
  | {
      readonly gate: 'holdout';
      readonly passed: boolean;
      readonly holdoutPercent: number;
    };

/** What happened to one message. */
export type Outcome = 'shown' | 'outranked' | 'blocked' | 'invalid';

/** The verdict on one message, in input order. */
export interface Verdict {
  /** Position in `messages`. */
  readonly index: number;
  readonly id: string | null;
  readonly outcome: Outcome;
  /** `null` when shown; otherwise `outranked`, `invalid`, or the first failing gate's code. */
  readonly reason: ReasonCode | null;
  /** Every gate's result, in gate order (empty for an invalid message). */
  readonly gates: readonly GateResult[];
  /** `true` for the message already on screen that stays the answer. */
  readonly onScreen: boolean;
  /**
   * Why the message is invalid — every issue `parseMessage` reports, as data (`describeIssue`
   * gives the text) — or, with reason `invalidInput`, the issue of the unusable input. Empty
   * otherwise.
   */
  readonly issues: readonly IssueData[];
}

/**
 * Explains, for every message, whether it is shown now and if not, why: each gate's result,
 * the first failing gate's reason code, and the annotated condition tree. Agrees with
 * {@link evaluate} by construction: the `shown` verdict is `evaluate(...).message`, and the
 * `shown`/`outranked` verdicts are exactly `evaluate(...).eligible`.
 *
 * @example
 * ```ts
 * for (const v of explain(visitor, messages, now)) {
 *   console.log(v.id, v.outcome, v.reason); // e.g. "msg_pricing_help blocked outsideSendWindow"
 * }
 * ```
 */
export function explain(visitor: Visitor, messages: readonly Message[], now: Instant, options?: EvaluateOptions): readonly Verdict[] {
  const inputs = checkInputs(visitor, messages, now, options);
  const invalidVerdicts = (entry: { index: number; id: string | null }, issues: readonly IssueData[]): Verdict => ({
    index: entry.index,
    id: entry.id,
    outcome: 'invalid',
    reason: 'invalid',
    gates: [],
    onScreen: false,
    issues,
  });
  if (!inputs.ok) {
    // Nothing could be decided: every message says why (the input's issue), invalid ones why they are.
    const issue = inputs.issue;
    return inputs.compiled.entries.map((entry): Verdict =>
      isInvalid(entry)
        ? invalidVerdicts(entry, everyIssue(messages, entry.index))
        : { index: entry.index, id: entry.id, outcome: 'blocked', reason: 'invalidInput', gates: [], onScreen: false, issues: [issue] },
    );
  }
  const { compiled, nowMs, policy } = inputs;
  const v = inputs.visitor;
  const decision: Decision = evaluate(visitor, messages, now, options);
  const history: ReadonlyMap<string, MessageHistory> = indexDeliveries(v);
  const eligible = new Set(decision.eligible);
  const facts = readFacts(v, nowMs);
  const enteredAtMs = facts.pageEnteredAtMs;
  // Delivery counts and times per message, for the limits.
  const position = new Map<string, number>();
  compiled.entries.forEach((entry, i) => {
    if (!isInvalid(entry) && !position.has(entry.id)) position.set(entry.id, i);
  });
  const n = compiled.entries.length;
  const count = new Uint16Array(n);
  const lastAt = new Float64Array(n).fill(-Infinity);
  const endedAt = new Float64Array(n).fill(-Infinity);
  const latest = readTimedHistory(v.deliveries, Int32Array.from(v.deliveries, (d) => position.get(d.messageId) ?? -1), count, lastAt, endedAt);
  const timed = (i: number): TimedHistory => ({ count: count[i] as number, lastAt: lastAt[i] as number, endedAt: endedAt[i] as number });

  return compiled.entries.map((entry, i): Verdict => {
    if (isInvalid(entry)) return invalidVerdicts(entry, everyIssue(messages, entry.index));
    const gates = gatesOf(entry, v, history.get(entry.id), facts, enteredAtMs, nowMs, { history: timed(i), latest, policy });
    const shown = decision.message === entry.message;
    const isEligible = eligible.has(entry.id) && entry.live && entry.channelId === v.channelId;
    const firstFailed = gates.find((g) => !g.passed);
    let outcome: Outcome;
    let reason: ReasonCode | null;
    if (shown) {
      outcome = 'shown';
      reason = null;
    } else if (isEligible && firstFailed === undefined) {
      outcome = 'outranked';
      reason = 'outranked';
    } else {
      outcome = 'blocked';
      reason = GATE_REASONS[firstFailed?.gate ?? 'status'];
    }
    return { index: entry.index, id: entry.id, outcome, reason, gates, onScreen: shown && decision.onScreen, issues: [] };
  });
}

/** Every issue of the message at `index` (a duplicate id has exactly that one issue). */
function everyIssue(messages: readonly Message[], index: number): readonly IssueData[] {
  const checked = runCheck(messageCheck, messages[index], true);
  return checked.ok ? [{ path: ['id'], code: 'duplicate', params: {} }] : checked.issues;
}

/** What the limit gates read: this message's timed history, the latest delivery, the account's policy. */
interface LimitInputs {
  readonly history: TimedHistory;
  readonly latest: LatestDelivery | null;
  readonly policy: CallPolicy;
}

function limitGates(cm: CompiledMessage, visitor: Visitor, nowMs: number, { history: h, latest, policy }: LimitInputs): GateResult[] {
  const lim = cm.limits ?? NO_LIMITS;
  const period = lim.oncePer === null ? null : periodAt(policy.timeZone, lim.oncePer, nowMs);
  const nextPeriodAt = periodCappedUntil(lim, h, period);
  const snooze = snoozedUntil(lim, h, nowMs);
  const cooling = cooldownUntil(lim, cm.id, latest, policy.cooldownMs, nowMs);
  const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);
  return [
    { gate: 'activeFrom', passed: nowMs >= lim.activeFrom, startsAt: finite(lim.activeFrom) },
    { gate: 'activeUntil', passed: nowMs < lim.activeUntil, endedAt: finite(lim.activeUntil) },
    { gate: 'rollout', passed: lim.rolloutPercent >= 100 || inRollout(cm.id, visitor.id, lim.rolloutPercent), rolloutPercent: lim.rolloutPercent },
    { gate: 'maxDeliveries', passed: !deliveryCapReached(lim, h), delivered: h.count, maxDeliveries: lim.maxDeliveries > 0 ? lim.maxDeliveries : null },
    { gate: 'oncePer', passed: nextPeriodAt === null, oncePer: lim.oncePer, nextPeriodAt },
    { gate: 'snooze', passed: snooze === null, snoozedUntil: snooze },
    { gate: 'cooldown', passed: cooling === null, cooldownUntil: cooling },
    { gate: 'holdout', passed: lim.holdoutPercent <= 0 || !inHoldout(cm.id, visitor.id, lim.holdoutPercent), holdoutPercent: lim.holdoutPercent },
  ];
}

function gatesOf(
  cm: CompiledMessage,
  visitor: Visitor,
  history: MessageHistory | undefined,
  facts: Facts,
  enteredAtMs: number,
  nowMs: number,
  limits: LimitInputs,
): GateResult[] {
  const g = timedGates(cm, facts, enteredAtMs, nowMs);
  // The tree compiled for this message (a cache hit here); `null` means no conditions.
  const tree = explainPlan(compileCheckedTree(cm.parsed.conditions).plan, facts);
  const firesAt = enteredAtMs + cm.triggerDelayMs;
  const gates: GateResult[] = [
    { gate: 'status', passed: cm.live, status: cm.parsed.status },
    { gate: 'channel', passed: cm.channelId !== null && cm.channelId === visitor.channelId, channelId: cm.channelId },
    { gate: 'activeConversation', passed: visitor.inActiveConversation !== true },
    {
      gate: 'frequency',
      passed: history === undefined || !history[cm.cap],
      frequency: cm.frequency,
      deliveredBefore: history?.delivered ?? false,
      deliveredThisVisit: history?.inThisVisit ?? false,
      deliveredThisPageView: history?.inThisPageView ?? false,
    },
    { gate: 'sendWindow', passed: g.windowOpen, window: cm.parsed.sendWindow.type, nextChange: g.windowNext },
    { gate: 'trigger', passed: g.triggerReached, firesAt: Number.isNaN(firesAt) ? null : firesAt },
    { gate: 'conditions', passed: g.conditionsMet, tree },
    ...limitGates(cm, visitor, nowMs, limits),
  ];
  return gates.sort(byGate);
}

/** Gate results in the order `evaluate` checks the gates. */
function byGate(a: GateResult, b: GateResult): number {
  return GATE_ORDER[a.gate] - GATE_ORDER[b.gate];
}
const GATE_ORDER = /* @__PURE__ */ Object.fromEntries(GATES.map((gate, i) => [gate, i])) as Readonly<Record<Gate, number>>;
