/**
 * The measurement the `mix` and `page` sections share: check that evaluate, the tight
 * hand-written decision and json-rules-engine agree on every sampled instant, then time
 * evaluate ÷ hand-written and json-rules-engine ÷ evaluate in interleaved samples over the mix.
 * @module
 */
import type { Message, Visitor } from '../../src/index.js';
import { assertAgreement, describeProfile, type Side } from '../agree.js';
import { evaluateCalls, handCalls, jreCalls } from '../calls.js';
import { batchFor, compare, formatUs, reportRatio, type Comparison, type Target } from '../harness.js';
import { describeMix } from '../instants.js';
import type { HandDecision } from '../workloads/baseline.js';
import type { Case } from '../workloads/common.js';
import { jreDecider } from '../workloads/jre.js';

export interface DecisionWorkload {
  readonly label: string;
  readonly messages: readonly Message[];
  readonly cases: readonly Case[];
  readonly tight: (v: Visitor, nowMs: number) => HandDecision;
  /** More sides to check for agreement (not timed here). */
  readonly alsoAgree?: readonly Side[];
  /** Cases checked for agreement but not in the timed mix (e.g. a denser sweep of the week). */
  readonly alsoCheck?: readonly Case[];
  readonly handTarget: Target;
  readonly jreTarget: Target;
}

export interface DecisionResult {
  readonly vsHand: Comparison;
  readonly vsJre: Comparison;
  /** Batch sizes (whole cycles of the mix) used for evaluate and the hand-written side. */
  readonly batch: { readonly ours: number; readonly hand: number };
}

export async function measureDecision(w: DecisionWorkload): Promise<DecisionResult> {
  console.log(describeMix(w.cases.map((c) => c.instant)));
  const jre = jreDecider(w.messages);
  const sides: Side[] = [
    { name: 'hand-written', decide: (c) => w.tight(c.visitor, c.nowMs) },
    ...(w.alsoAgree ?? []),
    { name: 'json-rules-engine', decide: (c) => jre.decide(c.visitor, c.nowMs) },
  ];
  const profile = await assertAgreement(w.label, w.messages, [...w.cases, ...(w.alsoCheck ?? [])], sides);
  console.log(`${describeProfile(profile, sides)} (${w.cases.length} timed, ${profile.instants - w.cases.length} more checked only)`);

  const ours = evaluateCalls(w.messages, w.cases);
  const hand = handCalls(w.tight, w.cases);
  const viaJre = jreCalls(jre.decide, w.cases);
  // Short batches (≈ 8 ms, whole cycles of the mix), many samples: on a loaded machine a
  // preemption then spoils few samples, and the median ignores them.
  const batch = { ours: await batchFor(ours, w.cases.length, 8), hand: await batchFor(hand, w.cases.length, 8) };
  const vsHand = await compare(ours, hand, { slow: batch.ours, fast: batch.hand }, 80);
  const vsJre = await compare(viaJre, ours, { slow: await batchFor(viaJre, w.cases.length, 150), fast: batch.ours }, 20);
  console.log(`evaluate             ${formatUs(vsHand.slowUs).padStart(10)} per call (median over the mix)`);
  console.log(`hand-written (tight) ${formatUs(vsHand.fastUs).padStart(10)} per call`);
  console.log(`json-rules-engine    ${formatUs(vsJre.slowUs).padStart(10)} per call`);
  reportRatio(`${w.label}: evaluate ÷ hand-written`, vsHand, 2, w.handTarget);
  reportRatio(`${w.label}: json-rules-engine ÷ evaluate`, vsJre, 0, w.jreTarget);
  return { vsHand, vsJre, batch };
}
