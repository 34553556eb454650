/**
 * `validate FILE...`: every issue of every file, with its path and code.
 * @module
 */
import { assertNever, type Issue } from '../core/issues.js';
import { parseMessage, parseMessages, parseVisitor, parseWorkspace } from '../parse/parse.js';
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
 * Parses `json` as `kind` and lists every issue. (`evaluate` runs the same checkers, so a file
 * that validates is exactly a file `evaluate` uses in full.)
 * @example
 * ```ts
 * validateJson([], 'messages'); // []
 * ```
 */
export function validateJson(json: unknown, kind: FileKind): readonly Issue[] {
  switch (kind) {
    case 'messages':
      return parseMessages(json).issues;
    case 'message': {
      const parsed = parseMessage(json);
      return parsed.ok ? [] : parsed.issues;
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
