/**
 * Findings about the list as a whole and about each message's place in the account: messages
 * that do not parse, duplicate ids and names, the account limit, and what `publish` would refuse.
 * @module
 */
import { issueAt, NO_PARAMS, rebase, type IssueData } from '../core/issues.js';
import { MAX_ACCOUNT_MESSAGES } from '../core/limits.js';
import type { Message, Workspace } from '../core/types.js';
import { checkPublishRequirements } from '../message/requirements.js';
import { parseMessage } from '../parse/parse.js';
import { finding, LINT_SEVERITY, type LintFinding } from './findings.js';
import { UNREADABLE, UNREADABLE_ITEM } from '../check/list.js';

/** From this share of `LIMITS.accountMessages` on, lint warns that the limit is near. */
export const ACCOUNT_LIMIT_WARNING_SHARE = 0.9;

/** A parsed message and its position in the list. */
export interface Kept {
  readonly index: number;
  readonly message: Message;
}

/**
 * Parses every item on its own (each with every issue: one bad message stops no other) and keeps
 * the valid ones. A later message with the id of an earlier valid one is a `duplicate` and is not
 * kept — the rule `parseMessages` and `evaluate` apply (a test pins the three together).
 * @example
 * ```ts
 * const { kept, findings } = parseEach(json);
 * ```
 */
export function parseEach(items: readonly unknown[]): { readonly kept: readonly Kept[]; readonly findings: LintFinding[] } {
  const kept: Kept[] = [];
  const findings: LintFinding[] = [];
  const ids = new Set<string>();
  for (let index = 0; index < items.length; index += 1) {
    const item = items[index];
    if (item === UNREADABLE_ITEM) {
      // An item `readList` could not read: not JSON, reported at its index.
      findings.push(finding(issueAt([index], 'invalidType', UNREADABLE), 'error'));
      continue;
    }
    const parsed = parseMessage(item);
    if (!parsed.ok) {
      for (const issue of rebase(parsed.issues, [index])) findings.push(finding(issue, 'error'));
    } else if (ids.has(parsed.value.id)) {
      findings.push(finding(issueAt([index, 'id'], 'duplicate', NO_PARAMS), 'error'));
    } else {
      ids.add(parsed.value.id);
      kept.push({ index, message: parsed.value });
    }
  }
  return { kept, findings };
}

/**
 * The account limit: `tooBig` (an error) past `LIMITS.accountMessages`, `accountLimitNear` from
 * {@link ACCOUNT_LIMIT_WARNING_SHARE} of it. Every item counts, valid or not, in every status.
 * @example
 * ```ts
 * limitFindings(130); // [accountLimitNear { count: 130, maximum: 140 }]
 * ```
 */
export function limitFindings(count: number): LintFinding[] {
  if (count > MAX_ACCOUNT_MESSAGES) return [finding(issueAt([], 'tooBig', { maximum: MAX_ACCOUNT_MESSAGES, unit: 'messages' }), 'error')];
  if (count >= Math.ceil(MAX_ACCOUNT_MESSAGES * ACCOUNT_LIMIT_WARNING_SHARE)) {
    return [finding(issueAt([], 'accountLimitNear', { count, maximum: MAX_ACCOUNT_MESSAGES }), LINT_SEVERITY.accountLimitNear)];
  }
  return [];
}

/** A name as the list compares it: trimmed, lower-cased, NFC. */
function nameKey(name: string): string {
  return name.normalize('NFC').trim().toLowerCase();
}

/**
 * Later messages whose name equals an earlier one's (ignoring case and surrounding spaces).
 * @example
 * ```ts
 * duplicateNameFindings(kept).map((f) => f.path); // [[4, 'name']]
 * ```
 */
export function duplicateNameFindings(kept: readonly Kept[]): LintFinding[] {
  const first = new Map<string, string>();
  const findings: LintFinding[] = [];
  for (const { index, message } of kept) {
    const key = nameKey(message.name);
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, message.id);
    else findings.push(finding(issueAt([index, 'name'], 'duplicateName', { messageId: earlier }), LINT_SEVERITY.duplicateName));
  }
  return findings;
}

/**
 * What `publish` would refuse, from the one requirements check (`checkPublishRequirements`):
 * account-level issues once (path `[]`), the others per message. An error for a message that was
 * published (live, paused, error: `reconcile` moves it to `error`), a warning for a draft (still
 * being written).
 * @example
 * ```ts
 * dependencyFindings(kept, workspace); // e.g. aiAgentNotOnChannel at [5, 'response', 'aiAgentId']
 * ```
 */
export function dependencyFindings(kept: readonly Kept[], workspace: Workspace): { readonly account: LintFinding[]; readonly byMessage: Map<number, LintFinding[]> } {
  const account = new Map<string, LintFinding>();
  const byMessage = new Map<number, LintFinding[]>();
  for (const { index, message } of kept) {
    const severity = message.status === 'draft' ? 'warning' : 'error';
    for (const issue of checkPublishRequirements(message, workspace)) {
      const data = { path: issue.path, code: issue.code, params: issue.params } as IssueData;
      if (issue.path.length === 0) {
        if (!account.has(issue.code)) account.set(issue.code, finding(data, 'error'));
        continue;
      }
      const list = byMessage.get(index) ?? [];
      list.push(finding({ ...data, path: [index, ...issue.path] } as IssueData, severity));
      byMessage.set(index, list);
    }
  }
  return { account: [...account.values()], byMessage };
}
