/**
 * `evaluate --messages FILE --visitor FILE [--now ISO] [--cooldown SECONDS] [--time-zone ZONE]
 * [--json]`: which message the visitor sees now, which others qualify, and when to ask again.
 * @module
 */
import type { EvaluateOptions as Policy, Visitor } from '../core/types.js';
import { runCheck } from '../check/check.js';
import { evaluateOptionsCheck } from '../check/options.js';
import { formatIssue } from './format.js';
import { evaluate, type Decision } from '../evaluate/evaluate.js';
import { formatDuration, formatInstant } from './format.js';
import { issueLines, loadMessages, loadVisitor, parseNow, skippedLines, type LoadedMessages } from './load.js';
import { EXIT, usageError, type CliIo, type ExitCode } from './io.js';

/** Options shared by `evaluate` and `explain` after argument parsing. */
export interface EvaluateOptions {
  readonly messages: string | undefined;
  readonly visitor: string | undefined;
  readonly now: string | undefined;
  /** `--cooldown SECONDS`: the account's cooldown. */
  readonly cooldown?: string | undefined;
  /** `--time-zone ZONE`: the account's time zone of `oncePer` periods. */
  readonly timeZone?: string | undefined;
  readonly json: boolean;
}

/** Everything `evaluate` and `explain` start from. */
export interface EvaluationInput {
  readonly loaded: LoadedMessages;
  readonly visitor: Visitor;
  readonly nowMs: number;
  readonly messagesFile: string;
  /** The account's policies from `--cooldown` / `--time-zone` (`undefined`: none given). */
  readonly policy: Policy | undefined;
}

/** The policies of `--cooldown` and `--time-zone`, checked by the library's own options check. */
function policyOf(options: EvaluateOptions, command: string): Policy | undefined {
  if (options.cooldown === undefined && options.timeZone === undefined) return undefined;
  if (options.cooldown !== undefined && !/^\d+$/.test(options.cooldown)) throw usageError(`${command}: --cooldown must be a whole number of seconds, not "${options.cooldown}"`);
  const seconds = options.cooldown === undefined ? undefined : /^\d+$/.test(options.cooldown) ? Number(options.cooldown) : Number.NaN;
  const raw = { ...(seconds === undefined ? {} : { cooldownSeconds: seconds }), ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }) };
  const checked = runCheck(evaluateOptionsCheck, raw, false, []);
  if (!checked.ok) {
    const found = checked.issues[0];
    const flag = found?.path[0] === 'timeZone' ? '--time-zone' : '--cooldown';
    throw usageError(`${command}: ${flag}: ${found === undefined ? 'invalid' : formatIssue({ ...found, path: [] })}`);
  }
  return checked.value;
}

/**
 * Checks the flags, reads both files, reports skipped messages on stderr.
 * @example
 * ```ts
 * const input = loadEvaluationInput({ messages: 'm.json', visitor: 'v.json', now: undefined, json: false }, 'evaluate', io);
 * ```
 */
export function loadEvaluationInput(options: EvaluateOptions, command: string, io: CliIo): EvaluationInput {
  if (options.messages === undefined) throw usageError(`${command}: missing --messages FILE`);
  if (options.visitor === undefined) throw usageError(`${command}: missing --visitor FILE`);
  if (options.messages === '-' && options.visitor === '-') throw usageError(`${command}: only one of --messages and --visitor can read standard input (-)`);
  const nowMs = parseNow(options.now, io);
  const policy = policyOf(options, command);
  const loaded = loadMessages(options.messages, io);
  const visitor = loadVisitor(options.visitor, io);
  const warnings = skippedLines(options.messages, loaded);
  if (warnings.length > 0) io.stderr(warnings.map((line) => `${line}\n`).join(''));
  return { loaded, visitor, nowMs, messagesFile: options.messages, policy };
}

/** The JSON printed by `evaluate --json`: the library's `Decision`, with `invalid` indexes in file terms. */
export interface EvaluateJson extends Decision {
  readonly now: string;
  readonly reevaluateAtIso: string | null;
}

/**
 * The decision with `invalid` entries re-indexed to positions in the messages file.
 * @example
 * ```ts
 * const decision = decide(input); // evaluate(visitor, messages, now), file-indexed
 * ```
 */
export function decide(input: EvaluationInput): Decision {
  const decision = evaluate(input.visitor, input.loaded.messages, input.nowMs, input.policy);
  if (decision.invalid.length === 0) return decision;
  const invalid = decision.invalid.map((bad) => ({ ...bad, index: input.loaded.fileIndex[bad.index] ?? bad.index }));
  return { ...decision, invalid };
}

/** `v_anna (new, en-US, desktop) on https://… via web_main`. */
export function describeVisitor(visitor: Visitor): string {
  const kind = visitor.visit.number > 1 ? `returning, visit ${visitor.visit.number}` : 'new';
  const extra = [visitor.language, visitor.deviceType].filter((part): part is string => typeof part === 'string');
  return `${visitor.id} (${kind}${extra.length > 0 ? `, ${extra.join(', ')}` : ''}) on ${visitor.page.url} via ${visitor.channelId}`;
}

/**
 * Runs `evaluate`. Exit 0 whether or not a message is shown; skipped messages are warnings.
 * @example
 * ```ts
 * evaluateCommand({ messages: 'examples/messages.json', visitor: 'examples/visitors/new-on-pricing.json', now: '2026-11-23T10:00:30Z', json: false }, io);
 * ```
 */
export function evaluateCommand(options: EvaluateOptions, io: CliIo): ExitCode {
  const input = loadEvaluationInput(options, 'evaluate', io);
  const decision = decide(input);
  if (decision.invalid.length > 0) {
    io.stderr(
      decision.invalid
        .flatMap((bad) => issueLines(input.messagesFile, [{ ...bad.issue, path: [bad.index, ...bad.issue.path] }], 'warning: '))
        .map((line) => `${line}\n`)
        .join(''),
    );
  }
  if (options.json) {
    const out: EvaluateJson = {
      now: formatInstant(input.nowMs),
      ...decision,
      reevaluateAtIso: decision.reevaluateAt === null ? null : formatInstant(decision.reevaluateAt),
    };
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    return everyMessageInvalid(input) ? EXIT.problems : EXIT.ok;
  }
  const lines = [`At ${formatInstant(input.nowMs)}, visitor ${describeVisitor(input.visitor)}`];
  const shown = decision.message;
  lines.push(
    shown === null
      ? 'Show: nothing'
      : `Show: ${shown.id} "${shown.name}" (${shown.response.type === 'agent' ? 'agent' : 'AI agent'} response, priority ${shown.priority})`,
  );
  lines.push(`Eligible, in priority order: ${decision.eligible.length === 0 ? 'none' : decision.eligible.join(', ')}`);
  lines.push(
    decision.reevaluateAt === null
      ? 'Re-evaluate: only when the visitor or the messages change'
      : `Re-evaluate at: ${formatInstant(decision.reevaluateAt)} (in ${formatDuration(decision.reevaluateAt - input.nowMs)})`,
  );
  const skipped = input.loaded.total - input.loaded.messages.length + decision.invalid.length;
  if (skipped > 0) lines.push(`Skipped ${skipped} invalid message${skipped === 1 ? '' : 's'} of ${input.loaded.total} (issues on stderr; run validate)`);
  io.stdout(lines.map((line) => `${line}\n`).join(''));
  return everyMessageInvalid(input) ? EXIT.problems : EXIT.ok;
}

/** A list whose every message is invalid: nothing could be evaluated (exit 1). */
export function everyMessageInvalid(input: EvaluationInput): boolean {
  return input.loaded.total > 0 && input.loaded.messages.length === 0;
}
