/**
 * Before anything is timed, every implementation of a workload must make the same decision as
 * `evaluate` on every sampled instant: `message` (the same object), `eligible` (same ids, same
 * order) and, for the hand-written baselines, `reevaluateAt`. A disagreement aborts the section
 * loudly: a ratio between two functions that decide differently means nothing.
 * @module
 */
import { evaluate, type Decision, type Message } from '../src/index.js';
import type { Case } from './workloads/common.js';

/** What a side answers: at least `message` and `eligible`; `reevaluateAt` when it computes one. */
export interface SideDecision {
  readonly message: Message | null;
  readonly eligible: readonly string[];
  readonly reevaluateAt?: number | null;
}

export interface Side {
  readonly name: string;
  decide(c: Case): SideDecision | Promise<SideDecision>;
}

/** Thrown when the implementations disagree (the section aborts; `npm run bench` exits non-zero). */
export class Disagreement extends Error {
  override readonly name = 'Disagreement';
}

/** What the decisions over the mix looked like, for the output. */
export interface MixProfile {
  readonly instants: number;
  readonly shown: number;
  readonly eligibleMin: number;
  readonly eligibleMax: number;
  /** Instants whose `reevaluateAt` is at most 1 s ahead (the shortcut instant of the old bench). */
  readonly withinOneSecond: number;
  readonly noReevaluation: number;
}

/** Why `evaluate` refused the inputs (`Decision.invalidInput`, where the library has it), or `null`. */
export function rejection(d: Decision): string | null {
  const issue: unknown = (d as { readonly invalidInput?: unknown }).invalidInput;
  return issue === undefined || issue === null ? null : JSON.stringify(issue);
}

function show(d: SideDecision): string {
  const r = d.reevaluateAt;
  const at = r === undefined ? '' : ` reevaluateAt=${r === null ? 'null' : Number.isFinite(r) ? new Date(r).toISOString() : String(r)}`;
  return `message=${d.message?.id ?? 'null'} eligible=[${d.eligible.join(',')}]${at}`;
}

/** Checks every side against `evaluate` on every case; throws {@link Disagreement} on the first difference. */
export async function assertAgreement(workload: string, messages: readonly Message[], cases: readonly Case[], sides: readonly Side[]): Promise<MixProfile> {
  let shown = 0;
  let eligibleMin = Infinity;
  let eligibleMax = 0;
  let withinOneSecond = 0;
  let noReevaluation = 0;
  for (const c of cases) {
    const d: Decision = evaluate(c.visitor, messages, c.nowMs);
    if (d.invalid.length > 0) throw new Disagreement(`${workload}: evaluate reports invalid messages: ${JSON.stringify(d.invalid.slice(0, 3))}`);
    // A rejected input decides nothing, fast: timing it would measure the rejection.
    const rejected = rejection(d);
    if (rejected !== null) throw new Disagreement(`${workload}: evaluate rejects the bench input at ${new Date(c.nowMs).toISOString()}: ${rejected}`);
    for (const side of sides) {
      const s = await side.decide(c);
      const same =
        s.message === d.message &&
        s.eligible.length === d.eligible.length &&
        s.eligible.every((id, i) => id === d.eligible[i]) &&
        (s.reevaluateAt === undefined || s.reevaluateAt === d.reevaluateAt);
      if (!same) {
        throw new Disagreement(
          `${workload}: ${side.name} disagrees with evaluate at ${new Date(c.nowMs).toISOString()} (${c.instant.label}, ` +
            `${(c.instant.timeOnPageMs / 1000).toFixed(3)} s on the page):\n  evaluate: ${show(d)}\n  ${side.name}: ${show(s)}`,
        );
      }
    }
    if (d.message !== null) shown += 1;
    eligibleMin = Math.min(eligibleMin, d.eligible.length);
    eligibleMax = Math.max(eligibleMax, d.eligible.length);
    if (d.reevaluateAt === null) noReevaluation += 1;
    else if (d.reevaluateAt - c.nowMs <= 1000) withinOneSecond += 1;
  }
  return { instants: cases.length, shown, eligibleMin, eligibleMax, withinOneSecond, noReevaluation };
}

export function describeProfile(p: MixProfile, sides: readonly Side[]): string {
  return (
    `evaluate${sides.map((s) => `, ${s.name}`).join('')} agree on all ${p.instants} instants; ` +
    `a message shown at ${p.shown}, ${p.eligibleMin}–${p.eligibleMax} eligible, reevaluateAt ≤ +1 s at ${p.withinOneSecond}, null at ${p.noReevaluation}`
  );
}
