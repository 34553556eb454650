/**
 * The arguments of the life-cycle functions, checked the same way everywhere: the message and
 * the workspace by their one checkers, `now` by the one instant guard, the options object for its
 * shape. An option that cannot be read (a throwing getter, a Proxy) is `invalidType` with
 * `expected: 'json'` at its key. Every function collects all the issues and returns them as one
 * failed `Result`.
 * @module
 */
import { NO_PARAMS, issueAt, type IssueData } from '../core/issues.js';
import { isoOf, toInstant } from '../core/instants.js';
import type { Message, Workspace } from '../core/types.js';
import { isRecord, kindOf } from '../core/values.js';
import { runCheck } from '../check/check.js';
import { UNREADABLE, readOption } from '../check/list.js';
import { messageCheck } from '../check/message.js';
import { workspaceCheck } from '../check/workspace.js';

/**
 * What {@link Arguments.option} returns when there is nothing to check: no options object, or an
 * option whose read threw (their issues are collected).
 */
export const NOT_READ: unique symbol = Symbol('not read');

/**
 * Whether `value` is an instant-like deprecated positional argument: a `Date`, a number or a
 * string (a value whose prototype cannot be read is not).
 */
export function isInstantLike(value: unknown): boolean {
  if (typeof value === 'number' || typeof value === 'string') return true;
  try {
    return value instanceof Date;
  } catch {
    return false;
  }
}

/** Collects issues while the arguments are read; `done()` says whether any were found. */
export class Arguments {
  readonly issues: IssueData[] = [];

  /** The parsed message (issue paths relative to the message), or `undefined`. */
  message(value: unknown): Message | undefined {
    const checked = runCheck(messageCheck, value, true);
    if (checked.ok) return checked.value;
    this.issues.push(...checked.issues);
    return undefined;
  }

  /** The options object (`{ now, … }`), or `undefined` with an issue at `options`. */
  options(value: unknown): Record<string, unknown> | undefined {
    let record: boolean;
    try {
      record = isRecord(value);
    } catch {
      // A revoked Proxy: not even its kind can be told.
      this.issues.push(issueAt(['options'], 'invalidType', UNREADABLE));
      return undefined;
    }
    if (record) return value as Record<string, unknown>;
    this.issues.push(issueAt(['options'], value === undefined ? 'required' : 'invalidType', value === undefined ? NO_PARAMS : { expected: 'object', got: kindOf(value) }) as IssueData);
    return undefined;
  }

  /**
   * The own property `key` of the options; {@link NOT_READ} without options, or with an
   * `invalidType` (`json`) issue at `key` when reading it throws (a getter, a Proxy trap).
   */
  option(options: Record<string, unknown> | undefined, key: string): unknown {
    if (options === undefined) return NOT_READ;
    const before = this.issues.length;
    const value = readOption(options, key, [key], this.issues);
    return this.issues.length > before ? NOT_READ : value;
  }

  /** `options.now` as an ISO timestamp, or `undefined` with an `invalidInstant` issue at `now`. */
  now(options: Record<string, unknown> | undefined): string | undefined {
    const value = this.option(options, 'now');
    if (value === NOT_READ) return undefined;
    const at = toInstant(value);
    if (at !== undefined) return isoOf(at);
    this.issues.push(issueAt(['now'], 'invalidInstant', { got: kindOf(value) }));
    return undefined;
  }

  /** `options.workspace` parsed (issue paths start with `workspace`), or `undefined`. */
  workspace(options: Record<string, unknown> | undefined): Workspace | undefined {
    const value = this.option(options, 'workspace');
    if (value === NOT_READ) return undefined;
    const checked = runCheck(workspaceCheck, value, true, ['workspace']);
    if (checked.ok) return checked.value;
    this.issues.push(...checked.issues);
    return undefined;
  }
}
