/**
 * `lint(messages, workspace?, options?)`: what can be proven wrong with a message set before
 * anything goes live — messages that can never show, or never show *as written* (outranked
 * whenever they qualify), conditions that never or always hold, send windows that never open or
 * have closed for good, triggers the conditions never let fire, what `publish` would refuse,
 * duplicate names and the account limit. Sound: a finding is reported only when it is proven
 * (see docs/lint.md for the shapes the analysis understands); what it cannot prove within its
 * step budget it does not report.
 * @module
 */
import { issueAt, type IssueData } from '../core/issues.js';
import { toInstant } from '../core/instants.js';
import type { Instant, Message, Workspace } from '../core/types.js';
import { kindOf } from '../core/values.js';
import { readList, readOption } from '../check/list.js';
import { parseWorkspace } from '../parse/parse.js';
import { analyse, conditionFindings, type Analysed } from './conditions.js';
import { finding, LINT_SEVERITY, type LintFinding } from './findings.js';
import { dependencyFindings, duplicateNameFindings, limitFindings, parseEach } from './list.js';
import { Space, triggerLeaf } from './model.js';
import { shadowFindings } from './shadow.js';
import type { Budget } from './solve.js';
import { windowFacts } from './windows.js';

export { LINT_SEVERITIES, LINT_SEVERITY, type LintFinding, type LintSeverity, type LintWitness } from './findings.js';

/** Options of {@link lint}. */
export interface LintOptions {
  /**
   * The instant "now": a send window that closed for good before it is `sendWindowInPast` (an
   * error) rather than `sendWindowEnds`, and witnesses are placed from it. Without it, lint reads
   * no clock: witnesses start at the latest `updatedAt` of the list.
   */
  readonly now?: Instant;
}

/** Steps the solver may take in one `lint` call, over all its questions; past it, lint stays silent. */
export const LINT_STEPS = 5_000_000;

/**
 * Lints a message list (the account's messages), optionally against its workspace. Returns every
 * finding, list-level ones first (path `[]`, then `workspace…`), then per message in list order;
 * each is an issue (`path` from the list, `code`, `params`, `message`) with a `severity` and,
 * where lint has one, a `witness`. Never throws on any JSON: a message that does not parse is
 * reported with its issues and stops no other; `messages` that is not a list is one finding.
 * Pure and deterministic.
 * @example
 * ```ts
 * const findings = lint(messages, workspace);
 * for (const f of findings) console.log(f.severity, f.path.join('.'), f.code, f.message);
 * const errors = findings.filter((f) => f.severity === 'error').length;
 * ```
 */
export function lint(messages: readonly Message[], workspace?: Workspace, options?: LintOptions): readonly LintFinding[] {
  const read = readList(messages, []);
  if (read.issue !== null) return [finding(read.issue, 'error')];
  const head: LintFinding[] = [];
  const items = read.items;
  const unreadable: IssueData[] = [];
  const rawNow: unknown = readOption(options, 'now', ['now'], unreadable);
  for (const issue of unreadable) head.push(finding(issue, 'error'));
  let now: number | undefined;
  if (rawNow !== undefined) {
    now = toInstant(rawNow);
    if (now === undefined) head.push(finding(issueAt(['now'], 'invalidInstant', { got: kindOf(rawNow) }), 'error'));
  }
  let ws: Workspace | undefined;
  if (workspace !== undefined) {
    const parsed = parseWorkspace(workspace);
    if (parsed.ok) ws = parsed.value;
    else for (const issue of parsed.issues) head.push(finding({ ...issue, path: ['workspace', ...issue.path] } as IssueData, 'error'));
  }
  head.push(...limitFindings(items.length));
  const { kept, findings: parseFindings } = parseEach(items);
  const perMessage = new Map<number, LintFinding[]>();
  const add = (index: number, found: readonly LintFinding[]): void => {
    if (found.length === 0) return;
    perMessage.set(index, [...(perMessage.get(index) ?? []), ...found]);
  };
  for (const found of parseFindings) add(found.path[0] as number, [found]);
  if (ws !== undefined) {
    const dependencies = dependencyFindings(kept, ws);
    head.push(...dependencies.account);
    for (const [index, found] of dependencies.byMessage) add(index, found);
  }
  for (const found of duplicateNameFindings(kept)) add(found.path[0] as number, [found]);

  const budget: Budget = { remaining: LINT_STEPS };
  const space = new Space(
    kept.flatMap(({ message }) => [message.conditions, triggerLeaf(message.trigger.event === 'timeOnPage' ? message.trigger.seconds : 0)]),
  );
  const analysed = kept.map(({ index, message }) => analyse(space, index, message));
  const candidates: Analysed[] = [];
  for (const a of analysed) {
    const found = conditionFindings(space, a, budget);
    add(a.index, found.findings);
    const window = windowFacts(a.message.sendWindow);
    const windowPath = [a.index, 'sendWindow'];
    let open = true;
    if (window.never !== null) {
      add(a.index, [finding(issueAt(windowPath, 'sendWindowNeverOpens', { reason: window.never }), LINT_SEVERITY.sendWindowNeverOpens)]);
      open = false;
    } else if (window.closesAt !== null) {
      const closesAt = new Date(window.closesAt).toISOString();
      const past = now !== undefined && window.closesAt <= now;
      add(a.index, [
        past
          ? finding(issueAt(windowPath, 'sendWindowInPast', { closesAt }), LINT_SEVERITY.sendWindowInPast)
          : finding(issueAt(windowPath, 'sendWindowEnds', { closesAt }), LINT_SEVERITY.sendWindowEnds),
      ]);
      open = !past;
    }
    if (found.qualifies && open) candidates.push(a);
  }
  const list = kept.map(({ message }) => message);
  for (const found of shadowFindings(space, analysed, candidates, list, ws, now, budget)) add(found.path[0] as number, [found]);
  return [...head, ...[...perMessage.keys()].sort((a, b) => a - b).flatMap((index) => perMessage.get(index) ?? [])];
}
