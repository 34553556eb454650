/**
 * Parsers for the wire format (SPEC §4): unknown JSON in, typed values or issues out.
 *
 * Every parser first runs the iterative safety pre-pass (`guardInput`), so zod (which recurses)
 * never sees over-deep or over-large input, and no regex runs on a huge string. Messages then
 * have their condition tree walked iteratively (`validateConditionTree`) and checked for
 * semantics (`checkConditionSemantics`) before the zod schema validates the rest.
 * See `docs/parsing.md`.
 * @module
 */
import * as z from 'zod/mini';
import { checkConditionSemantics } from '../conditions/validate.js';
import { validateConditionTree } from './condition-tree.js';
import { statusFieldIssues } from './consistency.js';
import { guardInput, isPlainObject } from './guard.js';
import { LIMITS } from './limits.js';
import { fail, issue, ok, type Issue, type IssuePath, type Result } from './result.js';
import { messageSchema } from './schema/message.js';
import { scheduleSchema } from './schema/schedule.js';
import { visitorSchema } from './schema/visitor.js';
import { workspaceSchema } from './schema/workspace.js';
import type { ConditionNode, Message, Schedule, Visitor, Workspace } from './types.js';
import { describeValue, mapZodIssue } from './zod-issues.js';

// The schemas' outputs must be assignable to the domain types (checked at compile time).
type Assignable<Target, Source extends Target> = Source;
type _MessageFits = Assignable<Message, z.output<typeof messageSchema>>;
type _VisitorFits = Assignable<Visitor, z.output<typeof visitorSchema>>;
type _WorkspaceFits = Assignable<Workspace, z.output<typeof workspaceSchema>>;
type _ScheduleFits = Assignable<Schedule, z.output<typeof scheduleSchema>>;

/**
 * Per-parse zod options. `jitless` keeps zod off its `new Function` fast path even if a future
 * zod/mini object used it (today only classic `zod` objects do); the global zod config is
 * never touched. `reportInput` lets the issue mapper tell a missing key from a wrong type.
 */
const PARSE_CONTEXT = { reportInput: true, jitless: true } as const;

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

function runSchema<T>(schema: z.ZodMiniType<T>, input: unknown, base: IssuePath, extra: readonly Issue[]): Result<T> {
  const parsed = z.safeParse(schema, input, PARSE_CONTEXT);
  const issues = parsed.success ? [] : parsed.error.issues.flatMap((found) => mapZodIssue(found, base));
  issues.push(...extra);
  if (parsed.success && issues.length === 0) return ok(parsed.data);
  return fail(capped(issues));
}

function parseMessageAt(input: unknown, base: IssuePath): Result<Message> {
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
  return runSchema(messageSchema, target, base, extra);
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
  return parseMessageAt(input, []);
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
    const parsed = parseMessageAt(input[index], [index]);
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

function parseWith<T>(schema: z.ZodMiniType<T>, input: unknown): Result<T> {
  const unsafe = guardInput(input, []);
  if (unsafe.length > 0) return fail(unsafe);
  return runSchema(schema, input, [], []);
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
  return parseWith(visitorSchema, input);
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
  return parseWith(workspaceSchema, input);
}

/**
 * Parses a business-hours schedule (SPEC §4 `sendWindow.schedule`). Fills `holidays: []`.
 * @example
 * ```ts
 * parseSchedule({ timezone: 'Europe/Berlin', weekly: [{ day: 'mon', open: '09:00', close: '17:00' }] });
 * ```
 */
export function parseSchedule(input: unknown): Result<Schedule> {
  return parseWith(scheduleSchema, input);
}
