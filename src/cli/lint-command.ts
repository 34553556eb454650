/**
 * `lint <messages> [--workspace FILE] [--now ISO] [--json]`: every finding of `lint` on a message
 * list, one line each with its severity, path, code and text, and why (the conflicting leaves, or
 * a visitor that shows it). Exit 1 when there is an error.
 * @module
 */
import type { Workspace } from '../core/types.js';
import { lint, type LintFinding, type LintSeverity } from '../lint/index.js';
import { formatInstant, formatPath } from './format.js';
import { parseNow, readJson } from './load.js';
import { EXIT, usageError, type CliIo, type ExitCode } from './io.js';

/** Options of `lint` after argument parsing. */
export interface LintCommandOptions {
  readonly messages: string | undefined;
  readonly workspace: string | undefined;
  readonly now: string | undefined;
  readonly json: boolean;
}

/** The JSON printed by `lint --json`. */
export interface LintJson {
  readonly file: string;
  readonly now: string;
  readonly counts: Readonly<Record<LintSeverity, number>>;
  readonly findings: readonly LintFinding[];
}

/** The line under a finding that says why, or `null`. */
function because(found: LintFinding): string | null {
  const witness = found.witness;
  if (witness === undefined) return null;
  if (witness.kind === 'conflict') return witness.paths.length === 0 ? null : `because of ${witness.paths.map(formatPath).join(', ')}`;
  const v = witness.visitor;
  const sees = witness.sees === null ? 'nothing' : witness.sees;
  return `e.g. visitor on ${v.page.url} (visit ${v.visit.number}${v.language ? `, ${v.language}` : ''}${v.deviceType ? `, ${v.deviceType}` : ''}) at ${witness.at} sees ${sees}`;
}

/**
 * `severity  path  code  message` for one finding, and the why line indented under it.
 * @example
 * ```ts
 * findingLines(lint(messages)[0]!); // ['warning  [4].name  duplicateName  same name as "starter_pricing_help"']
 * ```
 */
export function findingLines(found: LintFinding): string[] {
  const lines = [`${found.severity.padEnd(7)}  ${formatPath(found.path)}  ${found.code}  ${found.message}`];
  const why = because(found);
  if (why !== null) lines.push(`         ${why}`);
  return lines;
}

/**
 * Runs `lint`. Exit 0 when no finding is an error, 1 otherwise.
 * @example
 * ```ts
 * lintCommand({ messages: 'examples/messages.json', workspace: 'examples/workspace.json', now: undefined, json: false }, io);
 * ```
 */
export function lintCommand(options: LintCommandOptions, io: CliIo): ExitCode {
  if (options.messages === undefined) throw usageError('lint: give the messages FILE');
  if (options.messages === '-' && options.workspace === '-') throw usageError('lint: only one of the messages and --workspace can read standard input (-)');
  const nowMs = parseNow(options.now, io);
  const messages = readJson(options.messages, io);
  const workspace = options.workspace === undefined ? undefined : readJson(options.workspace, io);
  const findings = lint(messages as never, workspace as Workspace | undefined, { now: nowMs });
  const counts: Record<LintSeverity, number> = { error: 0, warning: 0, info: 0 };
  for (const found of findings) counts[found.severity] += 1;
  const exit = counts.error > 0 ? EXIT.problems : EXIT.ok;
  if (options.json) {
    const out: LintJson = { file: options.messages, now: formatInstant(nowMs), counts, findings };
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    return exit;
  }
  const total = Array.isArray(messages) ? messages.length : 0;
  const lines = findings.flatMap(findingLines);
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(`${options.messages}: ${plural(total, 'message')}; ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info`);
  io.stdout(lines.map((line) => `${line}\n`).join(''));
  return exit;
}
