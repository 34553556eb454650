/**
 * The command-line tool, testable: `run(argv, io)` parses the arguments with `node:util`
 * `parseArgs`, runs one command and returns the exit status. It never throws: every failure
 * becomes one line per problem on stderr.
 * @module
 */
import { parseArgs } from 'node:util';
import { evaluateCommand } from './evaluate-command.js';
import { explainCommand } from './explain-command.js';
import { lintCommand } from './lint-command.js';
import { simulateCommand } from './simulate-command.js';
import { FILE_KINDS, validateCommand, type FileKind } from './validate-command.js';
import { CliFailure, EXIT, usageError, type CliIo, type ExitCode } from './io.js';

/** The commands, in the order `--help` lists them. */
export const COMMANDS = ['evaluate', 'explain', 'validate', 'lint', 'simulate'] as const;
export type Command = (typeof COMMANDS)[number];

/** The text of `--help`. */
export const HELP = `Usage: proactive-messaging <command> [options]

Commands:
  evaluate --messages FILE --visitor FILE [--now ISO] [--cooldown SECONDS] [--time-zone ZONE] [--json]
      Which message the visitor sees now, which others qualify, and when to ask again.
  explain --messages FILE --visitor FILE [--now ISO] [--cooldown SECONDS] [--time-zone ZONE] [--json]
      Every message with its outcome, reason code, each gate passed (✓) or failed (✗),
      and the failing condition leaves with the fact value seen.
  validate [--kind messages|message|visitor|workspace] [--json] FILE...
      Every issue of every file, with its path and code. The kind of each file is
      detected from its shape unless --kind is given.
  lint MESSAGES [--workspace FILE] [--now ISO] [--json]
      What can be proven wrong with a message list: messages that never show or are
      always outranked, conditions that never or always hold, send windows that never
      open, what publish would refuse. Exit 1 when a finding is an error.
  simulate MESSAGES SCRIPT [--workspace FILE] [--json]
      Replays a scripted timeline (docs/simulate.md) as a widget would: who saw what,
      when, and why the others were not shown; then the tally.

Options:
  --now ISO           the instant to evaluate at, e.g. 2026-11-23T10:00:30Z (default: now)
  --cooldown SECONDS  the account's cooldown: after any delivery, no other message for that long
  --time-zone ZONE    the account's time zone of oncePer days and weeks (default: UTC)
  --json              machine-readable output on stdout
  -h, --help          show this help
  -v, --version       show the version

Exit status: 0 success, 1 the input has problems (invalid content, unreadable
file, bad JSON, validate found issues, lint found an error, the script does not
check), 2 the command line is wrong.
`;

const EVALUATE_OPTIONS = {
  messages: { type: 'string' },
  visitor: { type: 'string' },
  now: { type: 'string' },
  cooldown: { type: 'string' },
  'time-zone': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const LINT_OPTIONS = {
  workspace: { type: 'string' },
  now: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const SIMULATE_OPTIONS = {
  workspace: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const VALIDATE_OPTIONS = {
  kind: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The first line of a `parseArgs` error, without Node's advice about `--`. */
function usageFromParseArgs(command: string, error: unknown): CliFailure {
  const message = error instanceof Error ? error.message : String(error);
  const first = (message.split('\n')[0] ?? message).replace(/\. To specify a positional argument.*$/, '');
  return usageError(`${command}: ${first} (see --help)`);
}

function isCommand(value: string): value is Command {
  return (COMMANDS as readonly string[]).includes(value);
}

function isFileKind(value: string): value is FileKind {
  return (FILE_KINDS as readonly string[]).includes(value);
}

function runCommand(command: Command, args: readonly string[], io: CliIo): ExitCode {
  switch (command) {
    case 'evaluate':
    case 'explain': {
      let values;
      try {
        ({ values } = parseArgs({ args: [...args], options: EVALUATE_OPTIONS, strict: true, allowPositionals: false }));
      } catch (error) {
        throw usageFromParseArgs(command, error);
      }
      if (values.help === true) return help(io);
      const options = { messages: values.messages, visitor: values.visitor, now: values.now, cooldown: values.cooldown, timeZone: values['time-zone'], json: values.json === true };
      return command === 'evaluate' ? evaluateCommand(options, io) : explainCommand(options, io);
    }
    case 'validate': {
      let parsed;
      try {
        parsed = parseArgs({ args: [...args], options: VALIDATE_OPTIONS, strict: true, allowPositionals: true });
      } catch (error) {
        throw usageFromParseArgs(command, error);
      }
      const { values, positionals } = parsed;
      if (values.help === true) return help(io);
      const kind = values.kind;
      if (kind !== undefined && !isFileKind(kind)) {
        throw usageError(`validate: --kind must be one of ${FILE_KINDS.join(', ')}, not "${kind}"`);
      }
      return validateCommand({ files: positionals, kind, json: values.json === true }, io);
    }
    case 'lint': {
      let parsed;
      try {
        parsed = parseArgs({ args: [...args], options: LINT_OPTIONS, strict: true, allowPositionals: true });
      } catch (error) {
        throw usageFromParseArgs(command, error);
      }
      const { values, positionals } = parsed;
      if (values.help === true) return help(io);
      if (positionals.length !== 1) throw usageError('lint: give exactly one messages FILE (see --help)');
      return lintCommand({ messages: positionals[0], workspace: values.workspace, now: values.now, json: values.json === true }, io);
    }
    case 'simulate': {
      let parsed;
      try {
        parsed = parseArgs({ args: [...args], options: SIMULATE_OPTIONS, strict: true, allowPositionals: true });
      } catch (error) {
        throw usageFromParseArgs(command, error);
      }
      const { values, positionals } = parsed;
      if (values.help === true) return help(io);
      if (positionals.length !== 2) throw usageError('simulate: give the messages FILE and the script FILE (see --help)');
      return simulateCommand({ messages: positionals[0], script: positionals[1], workspace: values.workspace, json: values.json === true }, io);
    }
  }
}

function help(io: CliIo): ExitCode {
  io.stdout(HELP);
  return EXIT.ok;
}

/**
 * Runs the tool with `argv` (the arguments after the executable and script) and returns the
 * exit status. Never throws for bad input: each problem is one line on `io.stderr`.
 * @example
 * ```ts
 * const code = run(['validate', 'examples/messages.json'], io); // 0 when the file is valid
 * ```
 */
export function run(argv: readonly string[], io: CliIo): ExitCode {
  try {
    const [first, ...rest] = argv;
    if (first === undefined) {
      io.stderr('proactive-messaging: give a command: evaluate, explain, validate, lint or simulate (see --help)\n');
      return EXIT.usage;
    }
    if (first === '--help' || first === '-h' || first === 'help') return help(io);
    if (first === '--version' || first === '-v') {
      io.stdout(`${io.version}\n`);
      return EXIT.ok;
    }
    if (!isCommand(first)) {
      const what = first.startsWith('-') ? `unknown option "${first}"` : `unknown command "${first}"`;
      throw usageError(`proactive-messaging: ${what}; commands are ${COMMANDS.join(', ')} (see --help)`);
    }
    return runCommand(first, rest, io);
  } catch (error) {
    const failure =
      error instanceof CliFailure
        ? error
        : // A bug in the tool, not in the input: still one line, never a stack trace.
          new CliFailure(EXIT.problems, [`proactive-messaging: internal error: ${error instanceof Error ? error.message : String(error)}`]);
    // Under --json the failure is JSON too (on stdout, where a caller parses the answer).
    if (argv.includes('--json')) io.stdout(`${JSON.stringify({ ok: false, exit: failure.exit, errors: failure.lines }, null, 2)}\n`);
    else io.stderr(failure.lines.map((line) => `${line}\n`).join(''));
    return failure.exit;
  }
}
