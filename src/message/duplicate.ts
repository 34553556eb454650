/**
 * Duplicate: the copy becomes a new draft.
 * @module
 */
import { issueAt, type Result } from '../core/issues.js';
import { MAX_NAME_LENGTH } from '../core/limits.js';
import type { Instant, Message } from '../core/types.js';
import { runCheck } from '../check/check.js';
import { id as idCheck, name as nameCheck } from '../check/primitives.js';
import { fail, ok } from '../parse/parse.js';
import { Arguments, NOT_READ } from './inputs.js';
import { refusal, withoutStatusFields } from './status-fields.js';

/** The prefix that marks a duplicate's name. */
export const COPY_NAME_PREFIX = 'Copy of ';

/** Options of {@link duplicate}. The core has no randomness: the caller supplies the new id. */
export interface DuplicateOptions {
  readonly id: string;
  readonly now: Instant;
  /** The copy's name; defaults to `"Copy of <name>"`, cut to the name limit. */
  readonly name?: string;
}

/**
 * `"Copy of <name>"`, cut to `LIMITS.nameLength` UTF-16 units without splitting a surrogate pair.
 */
function copyName(name: string): string {
  let result = COPY_NAME_PREFIX;
  for (const char of name) {
    if (result.length + char.length > MAX_NAME_LENGTH) break;
    result += char;
  }
  return result;
}

/**
 * Copies a `draft`, `live` or `paused` message into a new `draft` (not allowed from `error`:
 * `actionNotAllowed`). The copy has the caller's `id`, a name marked as a copy, zero metrics,
 * `createdAt`/`updatedAt` = `now`, and no `publishedAt`, `pauseReason` or `errorReasons`;
 * everything else (channel, response, rules, schedule, frequency, priority) is kept. Fails with
 * the issues of an `id` or `name` that would not parse (`id` equal to the original's is a
 * `duplicate`), `invalidInstant` for an invalid `now`, or the issues of a message that does not
 * parse.
 * @example
 * ```ts
 * const copy = duplicate(liveMessage, { id: 'msg_2', now: '2026-11-23T00:00:00Z' });
 * if (copy.ok) copy.value.name; // 'Copy of Help on the pricing page'
 * ```
 */
export function duplicate(message: Message, options: DuplicateOptions): Result<Message> {
  const read = new Arguments();
  const m = read.message(message);
  const given = read.options(options);
  const at = read.now(given);
  const refused = m === undefined ? undefined : refusal(m, 'duplicate');
  if (refused !== undefined) read.issues.unshift(refused);
  const givenId = read.option(given, 'id');
  const newId = givenId === NOT_READ ? undefined : runCheck(idCheck, givenId, true, ['id']);
  if (newId !== undefined && !newId.ok) read.issues.push(...newId.issues);
  else if (newId !== undefined && m !== undefined && newId.value === m.id) read.issues.push(issueAt(['id'], 'duplicate', {}));
  const givenName = given === undefined ? undefined : read.option(given, 'name');
  const name =
    givenName === NOT_READ ? undefined
    : givenName === undefined ? (m === undefined ? undefined : runCheck(nameCheck, copyName(m.name), true, ['name']))
    : runCheck(nameCheck, givenName, true, ['name']);
  if (name !== undefined && !name.ok) read.issues.push(...name.issues);
  if (m === undefined || at === undefined || newId === undefined || !newId.ok || name === undefined || !name.ok || read.issues.length > 0) return fail(read.issues);
  const { publishedAt: _publishedAt, ...rest } = withoutStatusFields(m);
  return ok({ ...rest, id: newId.value, name: name.value, status: 'draft', metrics: { sent: 0, read: 0, replied: 0 }, createdAt: at, updatedAt: at });
}
