/**
 * Readable rendering of `explain` verdicts: a table of gates, the detail of the first failing
 * gate, and the condition leaves that made the tree fail with the fact values seen.
 * @module
 */
import { assertNever } from '../core/issues.js';
import { GATES, type Gate } from '../core/vocabulary.js';
import type { ExplainedNode } from '../conditions/explain.js';
import type { GateResult, Verdict } from '../evaluate/explain.js';
import { formatDuration, formatInstant, formatIssue } from './format.js';

/** Short column headers for the gates, in gate order. */
export const GATE_HEADERS: Readonly<Record<Gate, string>> = {
  status: 'status',
  channel: 'channel',
  activeConversation: 'conv',
  frequency: 'freq',
  sendWindow: 'window',
  trigger: 'trigger',
  conditions: 'cond',
  activeFrom: 'from',
  activeUntil: 'until',
  rollout: 'rollout',
  maxDeliveries: 'max',
  oncePer: 'period',
  snooze: 'snooze',
  cooldown: 'cooldown',
  holdout: 'holdout',
};

/** The gates every table shows; the others (limits) get a column only when some message fails them. */
const ALWAYS_SHOWN: readonly Gate[] = ['status', 'channel', 'activeConversation', 'frequency', 'sendWindow', 'trigger', 'conditions'];

function json(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/**
 * The leaves responsible for a failed tree: failed leaves, and under a `not`, passed ones
 * (written `not …`). Skipped nodes did not run and are left out.
 * @example
 * ```ts
 * failingLeaves({ all: [{ fact: 'visitorType', operator: 'equal', value: 'new', outcome: 'failed', factValue: 'returning' }], outcome: 'failed' });
 * // ['visitorType equal "new" (visitor: "returning")']
 * ```
 */
export function failingLeaves(node: ExplainedNode, negated = false): string[] {
  if (node.outcome === 'skipped') return [];
  if ('all' in node) return node.all.flatMap((child) => failingLeaves(child, negated));
  if ('any' in node) return node.any.flatMap((child) => failingLeaves(child, negated));
  if ('not' in node) return failingLeaves(node.not, !negated);
  if (node.outcome !== (negated ? 'passed' : 'failed')) return [];
  const seen = node.factMissing === true || node.factValue === undefined ? '(missing)' : json(node.factValue);
  return [`${negated ? 'not ' : ''}${node.fact} ${node.operator} ${json(node.value)} (visitor: ${seen})`];
}

function at(ms: number | null, nowMs: number): string {
  if (ms === null) return 'never by time alone';
  return `at ${formatInstant(ms)} (${ms >= nowMs ? 'in ' : ''}${formatDuration(Math.abs(ms - nowMs))}${ms < nowMs ? ' ago' : ''})`;
}

/**
 * One line describing why a gate failed.
 * @example
 * ```ts
 * gateDetail({ gate: 'trigger', passed: false, firesAt: nowMs + 20_000 }, nowMs); // 'fires at … (in 20 s)'
 * ```
 */
export function gateDetail(gate: GateResult, nowMs: number): string {
  switch (gate.gate) {
    case 'status':
      return `status is ${gate.status}`;
    case 'channel':
      return gate.channelId === null ? 'the message has no channel' : `runs on ${gate.channelId}`;
    case 'activeConversation':
      return 'the visitor is in an active conversation';
    case 'frequency': {
      const when = gate.deliveredThisPageView ? 'on this page view' : gate.deliveredThisVisit ? 'in this visit' : 'before';
      return `${gate.frequency}: already delivered ${when}`;
    }
    case 'sendWindow':
      return gate.window === 'businessHours'
        ? `sent during business hours; closed now, opens ${at(gate.nextChange, nowMs)}`
        : `sent outside business hours; open now, closes ${at(gate.nextChange, nowMs)}`;
    case 'trigger':
      return `waits for time on page; fires ${at(gate.firesAt, nowMs)}`;
    case 'conditions':
      return 'conditions not met';
    case 'activeFrom':
      return `starts ${at(gate.startsAt, nowMs)}`;
    case 'activeUntil':
      return `ended ${at(gate.endedAt, nowMs)}`;
    case 'rollout':
      return `the visitor is outside the ${gate.rolloutPercent} % rollout`;
    case 'maxDeliveries':
      return `delivered ${gate.delivered} of at most ${gate.maxDeliveries ?? 0} times`;
    case 'oncePer':
      return `once per ${gate.oncePer ?? 'period'}: delivered in this one; next period ${at(gate.nextPeriodAt, nowMs)}`;
    case 'snooze':
      return `snoozed after a dismissal; ends ${at(gate.snoozedUntil, nowMs)}`;
    case 'cooldown':
      return `cooling down after another message; ends ${at(gate.cooldownUntil, nowMs)}`;
    case 'holdout':
      return `the visitor is in the ${gate.holdoutPercent} % hold-out group (qualifies, never shown)`;
    default:
      return assertNever(gate, 'gate');
  }
}

function mark(verdict: Verdict, gate: Gate): string {
  const found = verdict.gates.find((g) => g.gate === gate);
  return found === undefined ? '·' : found.passed ? '✓' : '✗';
}

/** The table header and one row per verdict. */
export function verdictRows(verdicts: readonly Verdict[]): string[][] {
  const shown = GATES.filter((g) => ALWAYS_SHOWN.includes(g) || verdicts.some((v) => v.gates.some((r) => r.gate === g && !r.passed)));
  const header = ['#', 'message', 'outcome', 'reason', ...shown.map((g) => GATE_HEADERS[g])];
  return [header, ...verdicts.map((v) => [String(v.index), v.id ?? '(no id)', v.outcome, v.reason ?? '—', ...shown.map((g) => mark(v, g))])];
}

/**
 * Lines under the table for one verdict: the first failing gate's detail, failing condition
 * leaves, or the issues of an invalid message. Empty for shown and outranked messages.
 * @example
 * ```ts
 * verdictDetails(verdict, nowMs); // ['  [3] msg_x: waitingForTrigger — time on page: fires at …']
 * ```
 */
export function verdictDetails(verdict: Verdict, nowMs: number): string[] {
  const label = `[${verdict.index}] ${verdict.id ?? '(no id)'}`;
  if (verdict.outcome === 'invalid') return verdict.issues.map((found) => `  ${label}: invalid — ${formatIssue(found)}`);
  if (verdict.outcome !== 'blocked') return [];
  const first = verdict.gates.find((g) => !g.passed);
  if (first === undefined) return [];
  const lines = [`  ${label}: ${verdict.reason ?? ''} — ${gateDetail(first, nowMs)}`];
  const conditions = verdict.gates.find((g) => g.gate === 'conditions');
  if (conditions !== undefined && conditions.gate === 'conditions' && !conditions.passed && conditions.tree !== null) {
    for (const leaf of failingLeaves(conditions.tree)) lines.push(`      ✗ ${leaf}`);
  }
  return lines;
}
