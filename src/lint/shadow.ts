/**
 * Shadowing: a message X is outranked whenever it qualifies when a live message M on the same
 * channel ranks above it (higher `priority`, or the same and earlier in the list — `evaluate`'s
 * order) and qualifies whenever X does. Proven from two facts, each sufficient on its own side:
 *
 * - X's send window is contained in M's (`windows.ts`);
 * - X's conditions and trigger imply M's (the formula `X ∧ ¬M` is unsatisfiable).
 *
 * Both messages pass the status, channel and conversation gates together, so then at every
 * instant where X would be eligible M is eligible too and comes first — unless M is capped by its
 * frequency or X is already on screen. The finding says which: X shows only once M was delivered
 * in M's frequency scope, or never, when M cannot be presented (with a workspace: its dependencies
 * are missing), so it is never delivered and never capped.
 * @module
 */
import { limitsOf } from '../frequency/caps.js';
import { issueAt, type IssuePath } from '../core/issues.js';
import { isoOf, toInstant } from '../core/instants.js';
import type { Message, Workspace } from '../core/types.js';
import { evaluate } from '../evaluate/evaluate.js';
import { present } from '../experience/present.js';
import type { Analysed } from './conditions.js';
import { finding, LINT_SEVERITY, type LintFinding, type LintWitness } from './findings.js';
import type { Space } from './model.js';
import { solve, type Budget } from './solve.js';
import { firstOpening, windowContained } from './windows.js';
import { factValues, witnessVisitor } from './witness.js';

/** `a` comes before `b` in `evaluate`'s order. */
function ranksAbove(a: Analysed, b: Analysed): boolean {
  return a.message.priority > b.message.priority || (a.message.priority === b.message.priority && a.index < b.index);
}

/**
 * The instant witnesses are placed at: `now`, or the latest `updatedAt` of the list (deterministic either way).
 * @example
 * ```ts
 * referenceInstant(analysed, undefined); // the latest updatedAt, in epoch ms
 * ```
 */
export function referenceInstant(messages: readonly Analysed[], now: number | undefined): number {
  if (now !== undefined) return now;
  let latest = 0;
  for (const { message } of messages) latest = Math.max(latest, toInstant(message.updatedAt) ?? 0);
  return latest;
}

/** A visitor and instant where `x` qualifies and `evaluate` shows something else, checked; or `undefined`. */
function example(space: Space, x: Analysed, shadower: Message, list: readonly Message[], from: number, budget: Budget): LintWitness | undefined {
  const answer = solve(space, x.qualifies, true, budget);
  if (answer.result !== 'sat' || x.message.channelId === null) return undefined;
  const at = firstOpening(x.message.sendWindow, from);
  const values = factValues(space, answer.state);
  if (at === null || values === null) return undefined;
  // With x live (a draft is judged as if published).
  const live = list.map((m) => (m === x.message ? { ...m, status: 'live' as const } : m));
  for (const natural of [true, false]) {
    const visitor = witnessVisitor(values, x.message.channelId, at, natural);
    if (visitor === null) continue;
    // What it claims, checked with evaluate: x qualifies and the shadowing message comes first.
    const decision = evaluate(visitor, live, at);
    const xAt = decision.eligible.indexOf(x.message.id);
    const mAt = decision.eligible.indexOf(shadower.id);
    if (xAt >= 0 && mAt >= 0 && mAt < xAt) return { kind: 'example', visitor, at: isoOf(at), sees: decision.message?.id ?? null };
  }
  return undefined;
}

/**
 * The shadowing findings of a list: for each message, the highest-ranked live message on its
 * channel that shadows it. `candidates` are the messages that can qualify at all.
 * @example
 * ```ts
 * shadowFindings(space, analysed, analysed, parsedList, undefined, undefined, budget);
 * ```
 */
export function shadowFindings(
  space: Space,
  all: readonly Analysed[],
  candidates: readonly Analysed[],
  list: readonly Message[],
  workspace: Workspace | undefined,
  now: number | undefined,
  budget: Budget,
): LintFinding[] {
  const findings: LintFinding[] = [];
  const live = all.filter((a) => a.message.status === 'live' && a.message.channelId !== null);
  const ranked = [...live].sort((a, b) => (ranksAbove(a, b) ? -1 : ranksAbove(b, a) ? 1 : 0));
  const from = referenceInstant(all, now);
  const presentable = new Map<string, boolean>();
  for (const x of candidates) {
    if (x.message.channelId === null) continue;
    for (const m of ranked) {
      if (m === x || !ranksAbove(m, x) || m.message.channelId !== x.message.channelId) continue;
      // A message with limits (dates, rollout, caps, snooze, its own cooldown, a hold-out) can be
      // held back by them whatever its conditions: it shadows nothing.
      if (limitsOf(m.message).any) continue;
      if (!windowContained(x.message.sendWindow, m.message.sendWindow)) continue;
      const answer = solve(space, { kind: 'all', children: [x.qualifies, { kind: 'not', child: m.qualifies }] }, true, budget);
      if (answer.result !== 'unsat') continue;
      let shows: 'onceCapped' | 'never' = 'onceCapped';
      if (workspace !== undefined) {
        let ok = presentable.get(m.message.id);
        if (ok === undefined) presentable.set(m.message.id, (ok = present(m.message, workspace).ok));
        if (!ok) shows = 'never';
      }
      const path: IssuePath = [x.index];
      const params = { messageId: m.message.id, frequency: m.message.frequency, shows };
      findings.push(finding(issueAt(path, 'shadowed', params), LINT_SEVERITY.shadowed, example(space, x, m.message, list, from, budget)));
      break;
    }
  }
  return findings;
}
