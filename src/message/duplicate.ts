/**
 * Duplicate: the copy becomes a new draft (SPEC §1.1).
 * @module
 */
import type { Instant, Message } from '../model/types.js';
import { fail, issue, ok, type Result } from '../model/result.js';
import { isoAt } from './instant.js';
import { refuseUnlessAllowed, withoutStatusFields } from './transition.js';

/**
 * Longest message name `duplicate` writes. Mirrors the schema's name limit; a copy's name is cut
 * to fit so that duplicating never produces a message the parser rejects.
 */
export const COPY_NAME_MAX_LENGTH = 200;
/** The prefix that marks a duplicate's name. */
export const COPY_NAME_PREFIX = 'Copy of ';

/** Options of {@link duplicate}. The core has no randomness: the caller supplies the new id. */
export interface DuplicateOptions {
  readonly id: string;
  readonly now: Instant;
  /** The copy's name; defaults to `"Copy of <name>"`, cut to {@link COPY_NAME_MAX_LENGTH}. */
  readonly name?: string;
}

/**
 * Copies a `draft`, `live` or `paused` message into a new `draft` (not allowed from `error`:
 * `actionNotAllowed`). The copy has the caller's `id`, a name marked as a copy, zero metrics,
 * `createdAt`/`updatedAt` = `now`, and no `publishedAt`, `pauseReason` or `errorReasons`;
 * everything else (channel, response, rules, schedule, frequency, priority) is kept. Fails with
 * `invalidMessageId` when `id` is empty or equals the original's, `invalidName` when a given
 * `name` is blank or too long, `invalidInstant` for an invalid `now`.
 * @example
 * ```ts
 * const copy = duplicate(liveMessage, { id: 'msg_2', now: Date.UTC(2026, 10, 23) });
 * if (copy.ok) copy.value.name; // 'Copy of Help on the pricing page'
 * ```
 */
export function duplicate(message: Message, options: DuplicateOptions): Result<Message> {
  const refused = refuseUnlessAllowed(message, 'duplicate');
  if (refused) return refused;
  const at = isoAt(options.now, ['now']);
  if (!at.ok) return fail(at.issues);
  if (options.id.length === 0 || options.id === message.id) {
    return fail([issue(['id'], 'invalidMessageId', 'the copy needs a new, non-empty id')]);
  }
  const name = options.name ?? copyName(message.name);
  if (name.trim().length === 0 || name.length > COPY_NAME_MAX_LENGTH) {
    return fail([issue(['name'], 'invalidName', `the name must be 1 to ${COPY_NAME_MAX_LENGTH} characters`)]);
  }
  const { publishedAt: _publishedAt, ...rest } = withoutStatusFields(message);
  return ok({
    ...rest,
    id: options.id,
    name,
    status: 'draft',
    metrics: { sent: 0, read: 0, replied: 0 },
    createdAt: at.value,
    updatedAt: at.value,
  });
}

/**
 * `"Copy of <name>"`, cut to {@link COPY_NAME_MAX_LENGTH} UTF-16 units without splitting a
 * surrogate pair.
 * @example
 * ```ts
 * copyName('Welcome'); // 'Copy of Welcome'
 * ```
 */
export function copyName(name: string): string {
  let result = COPY_NAME_PREFIX;
  for (const char of name) {
    if (result.length + char.length > COPY_NAME_MAX_LENGTH) break;
    result += char;
  }
  return result;
}
