/**
 * `explain(visitor, messages, now)`: "why didn't my message show?" — one verdict per message,
 * with every gate's result, the first failing gate as a stable reason code, and the condition
 * tree annotated node by node. Not on the hot path: it evaluates every gate of every message.
 * @module
 */
import type { Frequency, Instant, Message, Visitor } from '../model/types.js';
import type { Issue } from '../model/result.js';
import { toEpochMs } from '../model/time.js';
import { readFacts, type Facts } from '../conditions/facts.js';
import { explainPlan, type ExplainedNode } from '../conditions/explain.js';
import { compileTreeLean } from '../conditions/plan.js';
import { frequencyAllows, indexDeliveries, type MessageHistory } from '../frequency/history.js';
import { compileMessages, isInvalid, type CompiledMessage } from './compile.js';
import { evaluate, isVisitorShape, timedGates, type Decision } from './evaluate.js';
import { REASON_BY_GATE, type Gate, type ReasonCode } from './reasons.js';


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
  | { readonly gate: 'conditions'; readonly passed: boolean; readonly tree: ExplainedNode | null };

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
  /** Why the message is invalid (empty otherwise). */
  readonly issues: readonly Issue[];
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
export function explain(visitor: Visitor, messages: readonly Message[], now: Instant): readonly Verdict[] {
  const decision: Decision = evaluate(visitor, messages, now);
  const compiled = compileMessages(messages);
  const nowMs = toEpochMs(now);
  const visitorOk = isVisitorShape(visitor) && !Number.isNaN(nowMs);
  const history: ReadonlyMap<string, MessageHistory> = visitorOk ? indexDeliveries(visitor) : new Map();
  const eligible = new Set(decision.eligible);
  const facts = visitorOk ? readFacts(visitor, nowMs) : null;
  const enteredAtMs = facts === null ? Number.NaN : facts.pageEnteredAtMs;
  const shownId = decision.message?.id;
  const onScreenId = shownId !== undefined && history.get(shownId)?.onScreen === true ? shownId : null;

  return compiled.entries.map((entry): Verdict => {
    if (isInvalid(entry)) {
      return { index: entry.index, id: entry.id, outcome: 'invalid', reason: 'invalid', gates: [], onScreen: false, issues: entry.issues };
    }
    const gates = facts === null ? [] : gatesOf(entry, visitor, history.get(entry.id), facts, enteredAtMs, nowMs);
    const shown = decision.message === entry.message;
    const isEligible = eligible.has(entry.id) && entry.live && entry.channelId === (visitorOk ? visitor.channelId : undefined);
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
      // No facts: the visitor or `now` could not be used, no gate ran, and `evaluate` showed nothing.
      reason = facts === null ? 'invalidInput' : REASON_BY_GATE[(firstFailed?.gate ?? 'status') as Gate];
    }
    return { index: entry.index, id: entry.id, outcome, reason, gates, onScreen: shown && entry.id === onScreenId, issues: [] };
  });
}

function gatesOf(
  cm: CompiledMessage,
  visitor: Visitor,
  history: MessageHistory | undefined,
  facts: Facts,
  enteredAtMs: number,
  nowMs: number,
): GateResult[] {
  const g = timedGates(cm, facts, enteredAtMs, nowMs);
  // The tree compiled for this message (a cache hit here), so its plan exists; `null` means no
  // conditions. The lean compiler keeps the detailed validators out of the widget's bundle.
  const tree = explainPlan(compileTreeLean(cm.message.conditions ?? null)?.plan ?? null, facts);
  const firesAt = enteredAtMs + cm.triggerDelayMs;
  return [
    { gate: 'status', passed: cm.live, status: cm.message.status },
    { gate: 'channel', passed: cm.channelId !== null && cm.channelId === visitor.channelId, channelId: cm.channelId },
    { gate: 'activeConversation', passed: visitor.inActiveConversation !== true },
    {
      gate: 'frequency',
      passed: frequencyAllows(cm.frequency, history),
      frequency: cm.frequency,
      deliveredBefore: history?.delivered ?? false,
      deliveredThisVisit: history?.inThisVisit ?? false,
      deliveredThisPageView: history?.inThisPageView ?? false,
    },
    { gate: 'sendWindow', passed: g.windowOpen, window: cm.message.sendWindow.type, nextChange: g.windowNext },
    { gate: 'trigger', passed: g.triggerReached, firesAt: Number.isNaN(firesAt) ? null : firesAt },
    { gate: 'conditions', passed: g.conditionsMet, tree },
  ];
}
