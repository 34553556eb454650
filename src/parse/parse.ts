/**
 * Parsers for the wire format: unknown JSON in, typed values or every issue out, each issue with
 * its path, stable code, parameters and readable message. They run the same checkers
 * `evaluate` runs (in every-issue mode here, first-failure mode there), so a message that
 * parses is exactly a message `evaluate` compiles. See `docs/parsing.md`.
 * @module
 */
import { NO_PARAMS, issueAt, rebase, type IssueData, type IssuePath, type Result, type Issue } from '../core/issues.js';
import { MAX_ISSUES } from '../core/limits.js';
import type { ConditionNode, Message, Schedule, Visitor, Workspace } from '../core/types.js';
import { runCheck, type Check } from '../check/check.js';
import { readList, UNREADABLE, UNREADABLE_ITEM } from '../check/list.js';
import { conditionsCheck, type ConditionContext } from '../check/conditions.js';
import { messageCheck } from '../check/message.js';
import { scheduleCheck } from '../check/schedule.js';
import { visitorCheck } from '../check/visitor.js';
import { workspaceCheck } from '../check/workspace.js';
import { withMessages } from './describe.js';

/** Result of parsing a list where bad items are reported and good ones kept. */
export interface ParseManyResult<T> {
  /** `true` when every item parsed. */
  readonly ok: boolean;
  /** The items that parsed, in input order. */
  readonly value: readonly T[];
  /** Every issue; paths start with the item's index. */
  readonly issues: readonly Issue[];
}

/**
 * A successful {@link Result}.
 * @example
 * ```ts
 * ok(42); // { ok: true, value: 42 }
 * ```
 */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/**
 * A failed {@link Result} with the readable message of every issue.
 * @example
 * ```ts
 * fail([issueAt(['now'], 'invalidInstant', { got: 'string' })]);
 * ```
 */
export function fail<T = never>(issues: readonly IssueData[]): Result<T> {
  return { ok: false, issues: withMessages(issues) };
}

/**
 * Runs a checker in every-issue mode as a {@link Result}.
 * @example
 * ```ts
 * parseWith(visitorCheck, json, ['visitor']);
 * ```
 */
export function parseWith<T>(check: Check<T>, input: unknown, base: IssuePath = []): Result<T> {
  const checked = runCheck(check, input, true, base);
  return checked.ok ? ok(checked.value) : fail(checked.issues);
}

/**
 * Parses one message. Unknown keys, wrong types, broken limits, emoji in an agent response, a
 * malformed condition tree and fields that contradict `status` are all reported. Fills defaults
 * (`tags: []`, `priority: 0`, zero `metrics`, `capture: []`, `holidays: []`) and normalises tags.
 * @example
 * ```ts
 * const result = parseMessage(JSON.parse(body));
 * if (result.ok) save(result.value);
 * else for (const { path, code, message } of result.issues) console.log(path.join('.'), code, message);
 * ```
 */
export function parseMessage(input: unknown): Result<Message> {
  return parseWith(messageCheck, input);
}

/**
 * Parses a list of messages: bad items are reported (paths start with the item's index) and
 * skipped, good ones kept in order. A later message with an id already taken by an earlier good
 * one is a `duplicate` at `[index, 'id']` and is dropped — `evaluate` skips it the same way. A
 * list longer than `LIMITS.listMessages` is one `tooBig` issue and nothing is parsed; a list that
 * cannot be read (a revoked Proxy, a `length` that throws) is one `invalidType` issue, and an
 * item that cannot be read one at its index. At most `LIMITS.maxIssues` issues are reported (the
 * first ones, in list order); every item is still parsed and every good one kept.
 * @example
 * ```ts
 * const { value: messages, issues } = parseMessages(JSON.parse(body));
 * // evaluate `messages`; log `issues`
 * ```
 */
export function parseMessages(input: unknown): ParseManyResult<Message> {
  const { items, issue } = readList(input, []);
  if (issue !== null) return { ok: false, value: [], issues: withMessages([issue]) };
  const issues: IssueData[] = [];
  const value: Message[] = [];
  const ids = new Set<string>();
  for (let index = 0; index < items.length; index += 1) {
    const item = items[index];
    // Past `LIMITS.maxIssues` issues the rest is still parsed — a good message is never dropped
    // because others were bad — in first-failure mode, and its issues are not collected.
    const every = issues.length < MAX_ISSUES;
    const checked = item === UNREADABLE_ITEM ? { ok: false as const, issues: [issueAt([index], 'invalidType', UNREADABLE)] } : runCheck(messageCheck, item, every, [index]);
    if (!checked.ok) {
      if (every) issues.push(...checked.issues);
    } else if (ids.has(checked.value.id)) {
      if (every) issues.push(issueAt([index, 'id'], 'duplicate', NO_PARAMS));
    } else {
      ids.add(checked.value.id);
      value.push(checked.value);
    }
  }
  return { ok: issues.length === 0, value, issues: withMessages(issues.slice(0, MAX_ISSUES)) };
}

/**
 * Parses a visitor. Fills `deliveries: []` when absent; metadata keys `__proto__`,
 * `constructor`, `prototype` are rejected; timestamps need an offset.
 * @example
 * ```ts
 * const visitor = parseVisitor(window.__visitor);
 * if (!visitor.ok) reportBug(visitor.issues);
 * ```
 */
export function parseVisitor(input: unknown): Result<Visitor> {
  return parseWith(visitorCheck, input);
}

/**
 * Parses a workspace. Fills `answers: []` per AI agent when absent; channel, AI agent and answer
 * ids must be unique.
 * @example
 * ```ts
 * const workspace = parseWorkspace(await loadAccount());
 * ```
 */
export function parseWorkspace(input: unknown): Result<Workspace> {
  return parseWith(workspaceCheck, input);
}

/**
 * Parses a business-hours schedule (a message's `sendWindow.schedule`). Fills `holidays: []`.
 * @example
 * ```ts
 * parseSchedule({ timezone: 'Europe/Berlin', weekly: [{ day: 'mon', open: '09:00', close: '17:00' }] });
 * ```
 */
export function parseSchedule(input: unknown): Result<Schedule> {
  return parseWith(scheduleCheck, input);
}

/**
 * Parses a condition tree (`null`: every visitor qualifies). With `channelType: 'mobileSdk'`,
 * `metadata.*` facts are `metadataNotOnChannel` (mobile SDKs have no business metadata).
 * @example
 * ```ts
 * parseConditions({ fact: 'pageUrl', operator: 'lessThan', value: 3 });
 * // { ok: false, issues: [{ path: ['operator'], code: 'invalidValue', … }] }
 * ```
 */
export function parseConditions(input: unknown, context: ConditionContext = {}): Result<ConditionNode | null> {
  return input === null ? ok(null) : parseWith(conditionsCheck(context), input);
}

/** Re-exported for callers that prefix issues (an argument name, a list index). */
export { rebase };
