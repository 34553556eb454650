/**
 * The kit's stored state: `{ version: 1, lastActivityAt, visitor }` as JSON under one key, where
 * `visitor` is the last visitor the kit built (without metadata, never in a conversation). It is
 * read with the library's own checkers — the visitor by the one visitor checker — so the kit
 * never restates the format, and anything else found under the key is `corrupt`. Reading and
 * writing never throw: problems come back as a {@link StorageProblemReason}.
 * @module
 */
import { MAX_DELIVERIES, MAX_URL_LENGTH } from '../core/limits.js';
import type { IsoTimestamp, Visitor } from '../core/types.js';
import { isPlainObject } from '../core/values.js';
import { int, object, runCheck, type Check } from '../check/check.js';
import { timestamp } from '../check/primitives.js';
import { visitorCheck } from '../check/visitor.js';
import type { KitStorage, StorageProblemReason } from './types.js';

/** The version this kit writes and reads; any other is `unsupportedVersion`. */
export const STORAGE_VERSION = 1;

/** What the kit keeps between page loads. */
export interface StoredState {
  readonly version: typeof STORAGE_VERSION;
  /** The last activity: a page view, an interaction, `touch`, the page becoming visible. */
  readonly lastActivityAt: IsoTimestamp;
  /** The visitor as of the last write: identity, the latest visit, the history. */
  readonly visitor: Visitor;
}

const stateCheck = /* @__PURE__ */ object<StoredState>({
  version: int(STORAGE_VERSION, STORAGE_VERSION) as Check<typeof STORAGE_VERSION>,
  lastActivityAt: timestamp,
  visitor: visitorCheck,
});

/**
 * Longest stored text read: more than a visitor with the longest URLs and `LIMITS.deliveries`
 * deliveries of the longest ids could take, so anything longer is not the kit's.
 */
const MAX_STORED_LENGTH = 4 * MAX_URL_LENGTH + MAX_DELIVERIES * 1_000;

/** A read: the state (or `null`: nothing usable stored) and what went wrong, if anything. */
export interface ReadResult {
  readonly state: StoredState | null;
  readonly problem: StorageProblemReason | null;
  readonly error?: unknown;
}

/**
 * Reads and checks the stored state. Never throws.
 * @example
 * ```ts
 * readState(localStorage, 'proactive-messaging:visitor'); // { state: null, problem: null } the first time
 * ```
 */
export function readState(storage: KitStorage, key: string): ReadResult {
  let text: string | null;
  try {
    text = storage.getItem(key);
  } catch (error) {
    return { state: null, problem: 'blocked', error };
  }
  if (text === null || text === undefined) return { state: null, problem: null };
  if (typeof text !== 'string' || text.length > MAX_STORED_LENGTH) return { state: null, problem: 'corrupt' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { state: null, problem: 'corrupt' };
  }
  if (isPlainObject(json) && typeof json.version === 'number' && json.version !== STORAGE_VERSION) {
    return { state: null, problem: 'unsupportedVersion' };
  }
  const checked = runCheck(stateCheck, json, false);
  return checked.ok ? { state: checked.value, problem: null } : { state: null, problem: 'corrupt' };
}

/** Whether a thrown value is a storage quota error (`QuotaExceededError`, Firefox's `NS_ERROR_DOM_QUOTA_REACHED`, legacy codes 22 and 1014). */
function isQuotaError(error: unknown): boolean {
  try {
    const { name, code } = error as { name?: unknown; code?: unknown };
    return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
  } catch {
    return false; // `null`, `undefined`, or a value whose `name` cannot be read
  }
}

/**
 * Writes the state; returns the problem (`full` on a quota error, `blocked` on any other) or
 * `null`. Never throws.
 * @example
 * ```ts
 * writeState(localStorage, 'proactive-messaging:visitor', state); // null when written
 * ```
 */
export function writeState(storage: KitStorage, key: string, state: StoredState): { readonly problem: StorageProblemReason | null; readonly error?: unknown } {
  try {
    storage.setItem(key, JSON.stringify(state));
    return { problem: null };
  } catch (error) {
    return { problem: isQuotaError(error) ? 'full' : 'blocked', error };
  }
}
