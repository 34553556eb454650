/**
 * Edit: change what a message says and does, never its life-cycle fields.
 * @module
 */
import { issueAt, type IssueData, type Result } from '../core/issues.js';
import type { Instant, Message } from '../core/types.js';
import { isRecord, kindOf, own } from '../core/values.js';
import { UNREADABLE } from '../check/list.js';
import { fail, parseMessage } from '../parse/parse.js';
import { Arguments, NOT_READ } from './inputs.js';
import { refusal } from './status-fields.js';

/** The fields an admin edits (compose, rules, when to send). */
export const EDITABLE_FIELDS = [
  'name',
  'channelId',
  'response',
  'trigger',
  'conditions',
  'tags',
  'sendWindow',
  'frequency',
  'priority',
] as const satisfies readonly (keyof Message)[];
/** A field an admin edits. */
export type EditableField = (typeof EDITABLE_FIELDS)[number];
/** Changes to apply with {@link edit}; absent (or `undefined`) fields are kept. */
export type MessageChanges = Partial<Pick<Message, EditableField>>;

/** Options of {@link edit}. */
export interface EditOptions {
  readonly changes: MessageChanges;
  readonly now: Instant;
}

/**
 * Applies `changes` to a message in any status and stamps `updatedAt`. Only
 * {@link EDITABLE_FIELDS} change (other keys in `changes` are ignored): id, brand, status,
 * reasons, `publishedAt`, metrics and `createdAt` are owned by the life cycle. The status never
 * changes: an `error` message stays `error` until it is republished with `publish`. The result
 * is checked with `parseMessage` (its issues are returned as they are); a message that was
 * published cannot lose its channel (`channelNotSet`).
 * @example
 * ```ts
 * edit(draft, { changes: { name: 'Spring sale' }, now: '2026-03-01T00:00:00Z' });
 * // { ok: true, value: { ...draft, name: 'Spring sale', updatedAt: '2026-03-01T00:00:00.000Z' } }
 * ```
 */
export function edit(message: Message, options: EditOptions): Result<Message>;
/** @deprecated Use `edit(message, { changes, now })`; this form is removed in 0.3. */
export function edit(message: Message, changes: MessageChanges, now: Instant): Result<Message>;
export function edit(message: Message, ...args: unknown[]): Result<Message> {
  const options = args.length > 1 ? { changes: args[0], now: args[1] } : args[0];
  const read = new Arguments();
  const m = read.message(message);
  const given = read.options(options);
  const at = read.now(given);
  const changes = read.option(given, 'changes');
  const picked = changes === NOT_READ ? undefined : pick(changes, read.issues);
  const refused = m === undefined ? undefined : refusal(m, 'edit');
  if (refused !== undefined) read.issues.unshift(refused);
  if (m === undefined || at === undefined || picked === undefined || read.issues.length > 0) return fail(read.issues);
  const edited = { ...m, ...picked, updatedAt: at };
  if (edited.channelId === null && m.status !== 'draft') return fail([issueAt(['channelId'], 'channelNotSet', {})]);
  return parseMessage(edited);
}

/**
 * The editable fields of `changes` that are set (own properties), or `undefined` with the issue
 * of a `changes` that is not an object. What cannot be read is `invalidType` (`json`) at it.
 */
function pick(changes: unknown, issues: IssueData[]): Record<string, unknown> | undefined {
  let record: boolean;
  try {
    record = isRecord(changes);
  } catch {
    issues.push(issueAt(['changes'], 'invalidType', UNREADABLE));
    return undefined;
  }
  if (!record) {
    issues.push(changes === undefined ? issueAt(['changes'], 'required', {}) : issueAt(['changes'], 'invalidType', { expected: 'object', got: kindOf(changes) }));
    return undefined;
  }
  const picked: Record<string, unknown> = {};
  for (const field of EDITABLE_FIELDS) {
    try {
      const value = own(changes as object, field);
      if (value !== undefined) picked[field] = value;
    } catch {
      issues.push(issueAt(['changes', field], 'invalidType', UNREADABLE));
    }
  }
  return picked;
}
