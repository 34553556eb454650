/**
 * Edit: change what a message says and does, never its life-cycle fields.
 * @module
 */
import type { Instant, Message } from '../model/types.js';
import { fail, issue, type Result } from '../model/result.js';
import { parseMessage } from '../model/parse.js';
import { isoAt } from './instant.js';
import { refuseUnlessAllowed } from './transition.js';

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

/**
 * Applies `changes` to a message in any status and stamps `updatedAt`. Only
 * {@link EDITABLE_FIELDS} change (other keys in `changes` are ignored): id, brand, status,
 * reasons, `publishedAt`, metrics and `createdAt` are owned by the life cycle. The status never
 * changes: an `error` message stays `error` until it is republished with `publish`. The result
 * is checked with `parseMessage` (its issues are returned as they are); a message that was
 * published cannot lose its channel (`channelNotSet`).
 * @example
 * ```ts
 * edit(draft, { name: 'Spring sale' }, Date.UTC(2026, 2, 1)); // { ok: true, value: { ...draft, name: 'Spring sale', updatedAt: '2026-03-01T00:00:00.000Z' } }
 * ```
 */
export function edit(message: Message, changes: MessageChanges, now: Instant): Result<Message> {
  const refused = refuseUnlessAllowed(message, 'edit');
  if (refused) return refused;
  const at = isoAt(now);
  if (!at.ok) return fail(at.issues);
  const picked: Record<string, unknown> = {};
  for (const field of EDITABLE_FIELDS) {
    if (Object.prototype.hasOwnProperty.call(changes, field) && changes[field] !== undefined) picked[field] = changes[field];
  }
  const edited = { ...message, ...(picked as MessageChanges), updatedAt: at.value };
  if (edited.channelId === null && message.status !== 'draft') {
    return fail([issue(['channelId'], 'channelNotSet', 'a published message keeps a messaging channel')]);
  }
  return parseMessage(edited);
}
