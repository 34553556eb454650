/**
 * Parsers for the wire format (SPEC §4): unknown JSON in, typed values or issues out.
 *
 * Every parser first runs the iterative safety pre-pass (`guardInput`), so no validator
 * recurses into over-deep or over-large input and no regex runs on a huge string. Messages then
 * have their condition tree walked iteratively (`validateConditionTree`) and checked for
 * semantics (`checkConditionSemantics`) before the rest is validated.
 *
 * The rest is validated by the hand-written checks of `shapes.ts` (small enough for a widget
 * bundle); the zod schemas of `schema/` describe the same format for types and the JSON Schema
 * export, and `zod-parse.ts` runs the same pipeline on them as a test oracle.
 * See `docs/parsing.md`.
 * @module
 */
import { checkConditionSemantics } from '../conditions/validate.js';
import { describeValue, type Check } from './check.js';
import { validateConditionTree } from './condition-tree.js';
import { statusFieldIssues } from './consistency.js';
import { guardInput, isPlainObject } from './guard.js';
import { LIMITS } from './limits.js';
import { fail, issue, ok, type Issue, type IssuePath, type Result } from './result.js';
import { messageCheck, scheduleCheck, visitorCheck } from './shapes.js';
import { workspaceCheck } from './workspace-shape.js';
import type { ConditionNode, Message, Schedule, Visitor, Workspace } from './types.js';

/** Result of parsing a list where bad items are reported and good ones kept. */
export interface ParseManyResult<T> {
  /** `true` when every item parsed. */
  readonly ok: boolean;
  /** The items that parsed, in input order. */
  readonly value: readonly T[];
  /** Every issue; paths start with the item's index. */
  readonly issues: readonly Issue[];
}

function capped(issues: readonly Issue[]): Issue[] {
  return issues.slice(0, LIMITS.maxIssues);
}

function rebase(issues: readonly Issue[], base: IssuePath): Issue[] {
  return base.length === 0 ? [...issues] : issues.map((found) => ({ ...found, path: [...base, ...found.path] }));
}

/**
 * Runs `check` on `input` (found at `base`) and appends `extra` (issues already found: the
 * condition tree, the status fields) after the shape's own; at most `LIMITS.maxIssues`.
 */
function finish<T>(check: Check<T>, input: unknown, base: IssuePath, extra: readonly Issue[]): Result<T> {
  // A missing value at the root is a wrong type (there is no key to require).
  const issues: Issue[] =
    input === undefined ? [issue(base, 'invalidType', `expected an object, got ${describeValue(input)}`)] : [];
  const value = input === undefined ? (input as T) : check(input, base, issues);
  issues.push(...extra);
  return issues.length === 0 ? ok(value) : fail(capped(issues));
}

/**
 * One message at `base`: the safety pass, the condition tree, the status fields, then `check`
 * for the rest. Exported for the zod oracle (`zod-parse.ts`), which passes its own `check`.
 * @example
 * ```ts
 * parseMessageWith(messageCheck, json, [3]); // issues start with [3, …]
 * ```
 */
export function parseMessageWith(check: Check<Message>, input: unknown, base: IssuePath): Result<Message> {
  const unsafe = guardInput(input, base);
  if (unsafe.length > 0) return fail(unsafe);
  let target = input;
  const extra: Issue[] = [];
  if (isPlainObject(input)) {
    const tree = input.conditions;
    if (tree !== null && tree !== undefined) {
      const treePath = [...base, 'conditions'];
      let treeIssues = validateConditionTree(tree, treePath);
      if (treeIssues.length === 0) treeIssues = checkConditionSemantics(tree as ConditionNode, treePath);
      if (treeIssues.length > 0) {
        extra.push(...treeIssues);
        target = { ...input, conditions: null }; // a copy: the tree is reported, the rest still checked
      }
    }
    extra.push(...rebase(statusFieldIssues(input), base));
  }
  return finish(check, target, base, extra);
}

/**
 * A list of messages (see {@link parseMessages}), each checked by `check`.
 * @example
 * ```ts
 * parseMessageListWith(messageCheck, json).value;
 * ```
 */
export function parseMessageListWith(check: Check<Message>, input: unknown): ParseManyResult<Message> {
  if (!Array.isArray(input)) {
    return { ok: false, value: [], issues: [issue([], 'invalidType', `expected an array of messages, got ${describeValue(input)}`)] };
  }
  const issues: Issue[] = [];
  if (input.length > LIMITS.messages) {
    issues.push(
      issue(
        [],
        'tooManyMessages',
        `the list has ${input.length} messages; at most ${LIMITS.messages} are allowed, items from index ${LIMITS.messages} on are skipped`,
      ),
    );
  }
  const value: Message[] = [];
  const ids = new Set<string>();
  const count = Math.min(input.length, LIMITS.messages);
  for (let index = 0; index < count; index += 1) {
    const parsed = parseMessageWith(check, input[index], [index]);
    if (!parsed.ok) {
      issues.push(...parsed.issues);
    } else if (ids.has(parsed.value.id)) {
      issues.push(issue([index, 'id'], 'duplicateValue', `duplicate message id "${parsed.value.id}"; the first one is kept`));
    } else {
      ids.add(parsed.value.id);
      value.push(parsed.value);
    }
  }
  return { ok: issues.length === 0, value, issues };
}

/**
 * A visitor, workspace or schedule: the safety pass, then `check`.
 * @example
 * ```ts
 * parseDocumentWith(visitorCheck, json);
 * ```
 */
export function parseDocumentWith<T>(check: Check<T>, input: unknown): Result<T> {
  const unsafe = guardInput(input, []);
  return unsafe.length > 0 ? fail(unsafe) : finish(check, input, [], []);
}

/**
 * Parses one message (SPEC §4). Unknown keys, wrong types, broken limits, emoji in an agent
 * response, a malformed condition tree and fields that contradict `status` are all reported.
 * Fills defaults (`tags: []`, `priority: 0`, `metrics` zeros, `capture: []`, `holidays: []`)
 * and normalises tags.
 * @example
 * ```ts
 * const result = parseMessage(JSON.parse(body));
 * if (result.ok) save(result.value);
 * else for (const { path, code, message } of result.issues) console.log(path.join('.'), code, message);
 * ```
 */
export function parseMessage(input: unknown): Result<Message> {
  return parseMessageWith(messageCheck, input, []);
}

/**
 * Parses a list of messages: bad items are reported (paths start with the item's index) and
 * skipped, good ones kept in order. A later message with an id already taken by an earlier
 * good one is a `duplicateValue` issue and is dropped. At most `LIMITS.messages` (140) items are
 * parsed; a longer list also gets one `tooManyMessages` issue.
 * @example
 * ```ts
 * const { value: messages, issues } = parseMessages(JSON.parse(body));
 * // evaluate `messages`; log `issues`
 * ```
 */
export function parseMessages(input: unknown): ParseManyResult<Message> {
  return parseMessageListWith(messageCheck, input);
}

/**
 * Parses a visitor (SPEC §4). Fills `deliveries: []` when absent; metadata keys
 * `__proto__`, `constructor`, `prototype` are rejected.
 * @example
 * ```ts
 * const visitor = parseVisitor(window.__visitor);
 * if (!visitor.ok) reportBug(visitor.issues);
 * ```
 */
export function parseVisitor(input: unknown): Result<Visitor> {
  return parseDocumentWith(visitorCheck, input);
}

/**
 * Parses a workspace (SPEC §4). Fills `answers: []` per AI agent when absent; channel and AI
 * agent ids must be unique.
 * @example
 * ```ts
 * const workspace = parseWorkspace(await loadAccount());
 * ```
 */
export function parseWorkspace(input: unknown): Result<Workspace> {
  return parseDocumentWith(workspaceCheck, input);
}

/**
 * Parses a business-hours schedule (SPEC §4 `sendWindow.schedule`). Fills `holidays: []`.
 * @example
 * ```ts
 * parseSchedule({ timezone: 'Europe/Berlin', weekly: [{ day: 'mon', open: '09:00', close: '17:00' }] });
 * ```
 */
export function parseSchedule(input: unknown): Result<Schedule> {
  return parseDocumentWith(scheduleCheck, input);
}
