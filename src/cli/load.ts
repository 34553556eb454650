/**
 * Reading the command's inputs: files, JSON, `--now`, and the library's parsers.
 * Every failure becomes one readable line per problem (never a stack trace).
 * @module
 */
import type { IssueData } from '../core/issues.js';
import { parseTimestamp } from '../core/instants.js';
import type { Message, Visitor } from '../core/types.js';
import { parseMessages, parseVisitor } from '../parse/parse.js';
import { formatIssue } from './format.js';
import { inputError, usageError, type CliIo } from './io.js';

/**
 * `--now`: an ISO-8601 timestamp with seconds and `Z` or an offset, on a real date, read by the
 * library's own timestamp rule (a local time would depend on the host's zone); absent, the current
 * time from `io.now()`.
 * @example
 * ```ts
 * parseNow('2026-11-23T10:00:30Z', io); // 1795428030000
 * ```
 */
export function parseNow(value: string | undefined, io: CliIo): number {
  if (value === undefined) return io.now();
  const ms = parseTimestamp(value);
  if (ms === undefined) {
    throw usageError(`--now: "${value.slice(0, 60)}" is not an ISO-8601 timestamp with seconds and a zone on a real date, e.g. 2026-11-23T10:00:00Z`);
  }
  return ms;
}

function describeReadError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a file';
    default:
      return error instanceof Error ? error.message.split('\n')[0] ?? 'cannot be read' : 'cannot be read';
  }
}

/**
 * Reads and parses one JSON file; fails with one line naming the file.
 * @example
 * ```ts
 * readJson('examples/workspace.json', io); // the parsed JSON value
 * ```
 */
export function readJson(path: string, io: CliIo): unknown {
  let text: string;
  try {
    text = path === '-' ? io.readStdin() : io.readFile(path);
  } catch (error) {
    throw inputError([`${path}: cannot read ${path === '-' ? 'standard input' : 'file'}: ${describeReadError(error)}`]);
  }
  // A UTF-8 byte-order mark (editors on Windows write one) is not part of the JSON.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : 'syntax error';
    throw inputError([`${path}: not valid JSON: ${reason}`]);
  }
}

/** Lines `file: path  code  message` for a list of issues. */
export function issueLines(file: string, issues: readonly IssueData[], prefix = ''): string[] {
  return issues.map((found) => `${prefix}${file}: ${formatIssue(found)}`);
}

/** The valid messages of a file, where each came from, and the issues of the skipped ones. */
export interface LoadedMessages {
  readonly messages: readonly Message[];
  /** For each entry of `messages`, its index in the file. */
  readonly fileIndex: readonly number[];
  readonly issues: readonly IssueData[];
  readonly total: number;
  /** The file's items as read, for naming skipped ones. */
  readonly raw: readonly unknown[];
}

/**
 * Loads a message list with `parseMessages`. Invalid messages are skipped and returned as
 * issues; only a file that is not a list at all fails.
 * @example
 * ```ts
 * const { messages, issues } = loadMessages('examples/messages.json', io);
 * ```
 */
export function loadMessages(path: string, io: CliIo): LoadedMessages {
  const json = readJson(path, io);
  if (!Array.isArray(json)) throw inputError([`${path}: expected a JSON array of messages`]);
  const parsed = parseMessages(json);
  const skipped = new Set<number>();
  for (const found of parsed.issues) if (typeof found.path[0] === 'number') skipped.add(found.path[0]);
  const kept = json.map((_: unknown, i: number) => i).filter((i: number) => !skipped.has(i));
  // Positions map back to the file when the parser dropped exactly the items it reported.
  const fileIndex = kept.length === parsed.value.length ? kept : parsed.value.map((_, i) => i);
  return { messages: parsed.value, fileIndex, issues: parsed.issues, total: json.length, raw: json as unknown[] };
}

/**
 * Loads a visitor with `parseVisitor`; an invalid visitor fails with one line per issue.
 * @example
 * ```ts
 * const visitor = loadVisitor('examples/visitors/new-on-pricing.json', io);
 * ```
 */
export function loadVisitor(path: string, io: CliIo): Visitor {
  const parsed = parseVisitor(readJson(path, io));
  if (!parsed.ok) throw inputError(issueLines(path, parsed.issues));
  return parsed.value;
}

/** Warnings for skipped messages, one line per issue, for stderr. */
export function skippedLines(path: string, loaded: LoadedMessages): string[] {
  return issueLines(path, loaded.issues, 'warning: ');
}
