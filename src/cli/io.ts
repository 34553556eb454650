/**
 * What the command-line tool needs from the outside world, injected so `run` is testable:
 * output streams, file reading, the clock and the version. Only `main.ts` wires the real ones.
 * @module
 */

/** The host capabilities `run` uses. */
export interface CliIo {
  /** Writes to standard output (the text carries its own newlines). */
  readonly stdout: (text: string) => void;
  /** Writes to standard error (the text carries its own newlines). */
  readonly stderr: (text: string) => void;
  /** Reads a UTF-8 text file; throws (with a Node error `code`) when it cannot. */
  readonly readFile: (path: string) => string;
  /** Reads all of standard input as UTF-8 text (the file name `-`). */
  readonly readStdin: () => string;
  /** The current time in epoch ms; used only when `--now` is not given. */
  readonly now: () => number;
  /** The package version, printed by `--version`. */
  readonly version: string;
}

/** Exit statuses: 0 success, 1 the input has problems, 2 the command line is wrong. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * A failure that ends the command: one line per problem on stderr, then `exit`.
 * Thrown inside the CLI only and always caught by `run`; the library itself never throws.
 */
export class CliFailure extends Error {
  constructor(
    readonly exit: ExitCode,
    readonly lines: readonly string[],
  ) {
    super(lines.join('\n'));
  }
}

/**
 * Fails with a usage error (exit 2).
 * @example
 * ```ts
 * throw usageError('missing --visitor FILE');
 * ```
 */
export function usageError(line: string): CliFailure {
  return new CliFailure(EXIT.usage, [line]);
}

/**
 * Fails because of the input (exit 1), with one line per problem.
 * @example
 * ```ts
 * throw inputError(['visitor.json: not valid JSON (Unexpected token } in JSON at position 12)']);
 * ```
 */
export function inputError(lines: readonly string[]): CliFailure {
  return new CliFailure(EXIT.problems, lines);
}
