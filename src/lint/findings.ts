/**
 * Lint findings: issues of the one issue vocabulary (`{ path, code, params, message }`) with a
 * severity and, where lint has one, a witness of why.
 * @module
 */
import type { Issue, IssueData, IssuePath, LintIssueCode } from '../core/issues.js';
import type { IsoTimestamp, Visitor } from '../core/types.js';
import { describeIssue } from '../parse/describe.js';

/** How much a finding matters: `error` — the message cannot work as written (the CLI exits 1); `warning` — it works, but not as it reads; `info` — worth knowing. */
export const LINT_SEVERITIES = ['error', 'warning', 'info'] as const;
export type LintSeverity = (typeof LINT_SEVERITIES)[number];

/** Why lint believes a finding. */
export type LintWitness =
  /** The condition leaves (or trigger) whose combination proves it, as paths from the list. */
  | { readonly kind: 'conflict'; readonly paths: readonly IssuePath[] }
  /**
   * A visitor and an instant where it shows: the visitor qualifies for the message, and `evaluate`
   * shows `sees` instead (checked by running `evaluate` on the list).
   */
  | { readonly kind: 'example'; readonly visitor: Visitor; readonly at: IsoTimestamp; readonly sees: string | null };

/** One finding of {@link lint}. */
export type LintFinding = Issue & { readonly severity: LintSeverity; readonly witness?: LintWitness };

/** The severity of each of lint's own codes. Issues of the parsers and of the dependency check are reported with their own codes (see docs/lint.md). */
export const LINT_SEVERITY: Readonly<Record<LintIssueCode, LintSeverity>> = {
  conditionsNeverHold: 'error',
  conditionsAlwaysHold: 'warning',
  branchNeverHolds: 'warning',
  branchAlwaysHolds: 'info',
  triggerAfterConditions: 'error',
  sendWindowNeverOpens: 'error',
  sendWindowEnds: 'warning',
  sendWindowInPast: 'error',
  shadowed: 'warning',
  duplicateName: 'warning',
  accountLimitNear: 'warning',
};

/**
 * A finding from issue data, with its text.
 * @example
 * ```ts
 * finding({ path: [3, 'name'], code: 'duplicateName', params: { messageId: 'msg_a' } }, 'warning');
 * ```
 */
export function finding(issue: IssueData, severity: LintSeverity, witness?: LintWitness): LintFinding {
  const found = { ...issue, message: describeIssue(issue), severity } as LintFinding;
  return witness === undefined ? found : { ...found, witness };
}
