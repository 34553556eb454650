/**
 * `validate FILE...`: every issue of every file, with its path and code.
 * @module
 */
import { assertNever, type Issue } from '../model/result.js';
import type { Message } from '../model/types.js';
import { parseMessage, parseMessages, parseVisitor, parseWorkspace } from '../model/parse.js';
import { compileMessages } from '../evaluate/compile.js';
import { formatIssue } from './format.js';
import { readJson } from './load.js';
import { CliFailure, EXIT, usageError, type CliIo, type ExitCode } from './io.js';

/** The kinds of file `validate` knows. */
export const FILE_KINDS = ['messages', 'message', 'visitor', 'workspace'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/**
 * Guesses what a JSON value is by its shape: an array is a message list; an object with
 * `response` or `trigger` a message; with `visit`, `page` or `deliveries` a visitor; with
 * `channels`, `aiAgents` or `agentWorkspaceEnabled` a workspace. `null` when none fits.
 * @example
 * ```ts
 * detectKind([{ id: 'msg_1' }]); // 'messages'
 * detectKind({ visit: {}, page: {} }); // 'visitor'
 * ```
 */
export function detectKind(json: unknown): FileKind | null {
  if (Array.isArray(json)) return 'messages';
  if (typeof json !== 'object' || json === null) return null;
  const has = (key: string): boolean => Object.prototype.hasOwnProperty.call(json, key);
  if (has('response') || has('trigger')) return 'message';
  if (has('visit') || has('page') || has('deliveries')) return 'visitor';
  if (has('channels') || has('aiAgents') || has('agentWorkspaceEnabled')) return 'workspace';
  return null;
}

/**
 * Parses `json` as `kind` and lists every issue: the parser's, then any the evaluator's
 * compiler adds for messages (e.g. a time zone the host does not know), without duplicates.
 * @example
 * ```ts
 * validateJson([], 'messages'); // []
 * ```
 */
export function validateJson(json: unknown, kind: FileKind): readonly Issue[] {
  switch (kind) {
    case 'messages': {
      const parsed = parseMessages(json);
      const compiled = compileMessages(parsed.value).invalid;
      return merge(
        parsed.issues,
        compiled.flatMap((bad) => bad.issues.map((found) => ({ ...found, path: [bad.index, ...found.path] }))),
      );
    }
    case 'message': {
      const parsed = parseMessage(json);
      if (!parsed.ok) return parsed.issues;
      const messages: readonly Message[] = [parsed.value];
      return compileMessages(messages).invalid.flatMap((bad) => bad.issues);
    }
    case 'visitor': {
      const parsed = parseVisitor(json);
      return parsed.ok ? [] : parsed.issues;
    }
    case 'workspace': {
      const parsed = parseWorkspace(json);
      return parsed.ok ? [] : parsed.issues;
    }
    default:
      return assertNever(kind, 'file kind');
  }
}

function merge(first: readonly Issue[], second: readonly Issue[]): readonly Issue[] {
  const seen = new Set(first.map((found) => JSON.stringify([found.path, found.code])));
  return [...first, ...second.filter((found) => !seen.has(JSON.stringify([found.path, found.code])))];
}

/** The outcome for one file, as printed by `--json`. */
export interface FileReport {
  readonly file: string;
  readonly kind: FileKind | null;
  readonly ok: boolean;
  readonly issues: readonly Issue[];
  /** Why the file could not be checked at all (unreadable, not JSON, unknown kind). */
  readonly error?: string;
}

function describe(kind: FileKind, json: unknown): string {
  if (kind === 'messages' && Array.isArray(json)) return `a list of ${json.length} message${json.length === 1 ? '' : 's'}`;
  return `a ${kind}`;
}

/** Options of `validate` after argument parsing. */
export interface ValidateOptions {
  readonly files: readonly string[];
  readonly kind: FileKind | undefined;
  readonly json: boolean;
}

/**
 * Runs `validate`: issues go to stdout (they are the answer), files that cannot be checked get
 * one line on stderr. Exit 1 when any file has an issue or cannot be checked.
 * @example
 * ```ts
 * validateCommand({ files: ['examples/messages.json'], kind: undefined, json: false }, io); // 0
 * ```
 */
export function validateCommand(options: ValidateOptions, io: CliIo): ExitCode {
  if (options.files.length === 0) throw usageError('validate: give at least one FILE');
  const reports: FileReport[] = [];
  for (const file of options.files) {
    let json: unknown;
    try {
      json = readJson(file, io);
    } catch (failure) {
      if (!(failure instanceof CliFailure)) throw failure;
      reports.push({ file, kind: null, ok: false, issues: [], error: failure.lines.join(' ') });
      if (!options.json) io.stderr(failure.lines.map((line) => `${line}\n`).join(''));
      continue;
    }
    const kind = options.kind ?? detectKind(json);
    if (kind === null) {
      const error = `${file}: cannot tell what this file is (a message list, a message, a visitor or a workspace); pass --kind`;
      reports.push({ file, kind, ok: false, issues: [], error });
      if (!options.json) io.stderr(`${error}\n`);
      continue;
    }
    const issues = validateJson(json, kind);
    reports.push({ file, kind, ok: issues.length === 0, issues });
    if (options.json) continue;
    if (issues.length === 0) io.stdout(`${file}: ok (${describe(kind, json)})\n`);
    else io.stdout(issues.map((found) => `${file}: ${formatIssue(found)}\n`).join(''));
  }
  const failed = reports.filter((report) => !report.ok).length;
  if (options.json) io.stdout(`${JSON.stringify(reports, null, 2)}\n`);
  else if (failed > 0) {
    const issueCount = reports.reduce((sum, report) => sum + report.issues.length, 0);
    io.stdout(`${issueCount} issue${issueCount === 1 ? '' : 's'}; ${failed} of ${reports.length} file${reports.length === 1 ? '' : 's'} failed\n`);
  }
  return failed > 0 ? EXIT.problems : EXIT.ok;
}
