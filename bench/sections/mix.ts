/**
 * Section `mix` — the current mix (SPEC §3): evaluate ÷ the tight hand-written decision (≤ 2×)
 * and json-rules-engine ÷ evaluate (≥ 300×), over the week's instant mix. Also, for the record:
 * the old slack baseline ÷ the tight one, and evaluate ÷ hand-written on the near-threshold and
 * far halves of the mix and at the old bench's single lucky instant, and evaluate ÷ the hand-written
 * decision when that also checks its visitor with `parseVisitor`.
 * @module
 */
import { batchFor, beginSection, compare, formatUs, reportRatio, type BenchSection } from '../harness.js';
import { sweepInstants, type SampledInstant } from '../instants.js';
import { evaluateCalls, handCalls } from '../calls.js';
import { casesOf, mixInstants, mixMessages, mixVisitor, tightMix } from '../workloads/mix.js';
import { slackMix } from '../workloads/mix-slack.js';
import { measureDecision } from './decision.js';
import { parseVisitor, type Visitor } from '../../src/index.js';

/** The old bench's only instant: Monday 10:00:00Z, 45 s on the page (reevaluateAt +1 s). */
const LUCKY: SampledInstant = { label: 'old bench instant', kind: 'mid-stretch', nowMs: Date.UTC(2026, 10, 23, 10, 0, 0), timeOnPageMs: 45_000, nearThreshold: true };

export const mixSection: BenchSection = {
  name: 'mix',
  about: '140 live messages × six-leaf trees, mixed windows/frequencies/triggers, one visitor',
  async run() {
    beginSection('mix');
    const messages = mixMessages();
    const cases = casesOf(mixVisitor, mixInstants());
    const lucky = casesOf(mixVisitor, [LUCKY]);
    const tight = tightMix(messages);
    const slack = slackMix(messages);
    const { batch } = await measureDecision({
      label: 'mix',
      messages,
      cases,
      tight,
      alsoAgree: [{ name: 'old hand-written', decide: (c) => slack(c.visitor, c.nowMs) }],
      alsoCheck: [...lucky, ...casesOf(mixVisitor, sweepInstants())],
      handTarget: { op: '≤', bound: 2 },
      jreTarget: { op: '≥', bound: 300 },
    });

    // How much slack the old baseline had (docs/performance.md, "How the baseline was made tight").
    const hand = handCalls(tight, cases);
    const slackVsTight = await compare(handCalls(slack, cases), hand, { slow: batch.hand, fast: batch.hand }, 60);
    console.log(`old hand-written     ${formatUs(slackVsTight.slowUs).padStart(10)} per call (tight: ${formatUs(slackVsTight.fastUs)})`);
    reportRatio('mix: old hand-written ÷ tight hand-written', slackVsTight, 2, undefined, '(slack removed from the baseline)');

    // The same hand-written decision, but checking its untrusted visitor first with the library's
    // own visitor checker (`parseVisitor`), as `evaluate` does on every call: how much of the gap
    // is that check (informational; the target row above compares with the unchecked decision).
    const checkedTight = (v: Visitor, nowMs: number): { readonly eligible: readonly string[] } => {
      const parsed = parseVisitor(v);
      return parsed.ok ? tight(parsed.value, nowMs) : { eligible: [] };
    };
    const checkedHand = handCalls(checkedTight, cases);
    const vsChecked = await compare(evaluateCalls(messages, cases), checkedHand, { slow: batch.ours, fast: await batchFor(checkedHand, cases.length, 8) }, 60);
    reportRatio('mix: evaluate ÷ hand-written that checks its visitor (parseVisitor)', vsChecked, 2, undefined, `(hand-written + check ${formatUs(vsChecked.fastUs)})`);

    // Where the mix is hard: its two halves, and the old single instant.
    for (const [label, subset] of [
      ['near a threshold', cases.filter((c) => c.instant.nearThreshold)],
      ['far past thresholds', cases.filter((c) => !c.instant.nearThreshold)],
      ['old bench instant only', lucky],
    ] as const) {
      const e = evaluateCalls(messages, subset);
      const h = handCalls(tight, subset);
      const c = await compare(e, h, { slow: await batchFor(e, subset.length, 8), fast: await batchFor(h, subset.length, 8) }, 40);
      reportRatio(`mix, ${label}: evaluate ÷ hand-written`, c, 2, undefined, `(evaluate ${formatUs(c.slowUs)}, hand-written ${formatUs(c.fastUs)})`);
    }
  },
};
