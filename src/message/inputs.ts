/**
 * The arguments of the life-cycle functions, checked the same way everywhere: the message and
 * the workspace by their one checkers, `now` by the one instant guard, the options object for its
 * shape. Every function collects all the issues and returns them as one failed `Result`.
 * @module
 */
import { NO_PARAMS, issueAt, type IssueData } from '../core/issues.js';
import { isoOf, toInstant } from '../core/instants.js';
import type { Message, Workspace } from '../core/types.js';
import { isRecord, kindOf, own } from '../core/values.js';
import { runCheck } from '../check/check.js';
import { messageCheck } from '../check/message.js';
import { workspaceCheck } from '../check/workspace.js';

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
    if (isRecord(value)) return value;
    this.issues.push(issueAt(['options'], value === undefined ? 'required' : 'invalidType', value === undefined ? NO_PARAMS : { expected: 'object', got: kindOf(value) }) as IssueData);
    return undefined;
  }

  /** `options.now` as an ISO timestamp, or `undefined` with an `invalidInstant` issue at `now`. */
  now(options: Record<string, unknown> | undefined): string | undefined {
    if (options === undefined) return undefined;
    const value = own(options, 'now');
    const at = toInstant(value);
    if (at !== undefined) return isoOf(at);
    this.issues.push(issueAt(['now'], 'invalidInstant', { got: kindOf(value) }));
    return undefined;
  }

  /** `options.workspace` parsed (issue paths start with `workspace`), or `undefined`. */
  workspace(options: Record<string, unknown> | undefined): Workspace | undefined {
    if (options === undefined) return undefined;
    const checked = runCheck(workspaceCheck, own(options, 'workspace'), true, ['workspace']);
    if (checked.ok) return checked.value;
    this.issues.push(...checked.issues);
    return undefined;
  }
}
