/** A recording `CliIo` for the CLI tests: real files by default, in-memory ones by name. */
import { readFileSync } from 'node:fs';
import { run } from '../../src/cli/run.js';
import type { CliIo } from '../../src/cli/io.js';

export interface Captured {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly stderrLines: readonly string[];
}

/** A fixed "current time" so tests never read the clock: Monday 2026-11-23 10:00:30 UTC. */
export const FIXED_NOW = Date.parse('2026-11-23T10:00:30Z');

/**
 * Runs the tool with in-memory files (others are read from disk) and, when given, `stdin` as
 * standard input (without it, reading standard input fails as a closed stream would).
 */
export function cli(argv: readonly string[], files: Readonly<Record<string, string>> = {}, stdin?: string): Captured {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readFile: (path) => (Object.prototype.hasOwnProperty.call(files, path) ? (files[path] as string) : readFileSync(path, 'utf8')),
    readStdin: () => {
      if (stdin === undefined) throw Object.assign(new Error('EAGAIN: resource temporarily unavailable, read'), { code: 'EAGAIN' });
      return stdin;
    },
    now: () => FIXED_NOW,
    version: '9.9.9-test',
  };
  const code = run(argv, io);
  return { code, stdout, stderr, stderrLines: stderr.split('\n').filter((line) => line !== '') };
}

export const MESSAGES = 'examples/messages.json';
export const WORKSPACE = 'examples/workspace.json';
export const visitorFile = (name: string): string => `examples/visitors/${name}.json`;
export const VISITORS = ['new-on-pricing', 'returning-german', 'mobile-app', 'cart-shopper', 'in-conversation'] as const;

export function readJsonFile(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}
