/**
 * Every `console` block of the guides and the README is a transcript: each `$ proactive-messaging …`
 * line (`npx` optional) is run through the tool's `run(argv, io)` — real files of this repository,
 * the clock fixed at the example instant, `< FILE` as standard input, `*` expanded as a shell
 * would — and everything it writes (stdout and stderr, in order) must be the lines below it, up
 * to the next `$`. The exit status must be 0, or the `N` of a trailing `# exit N`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { now } from '../../src/examples/index.js';
import { extractBlocks } from './extract.js';

const root = resolve(import.meta.dirname, '../..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const docs = [...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`), 'README.md'];

interface Transcript {
  readonly where: string;
  readonly command: string;
  readonly expected: string;
}

/** The `$` commands of every console block, each with the output shown under it. */
function transcripts(): Transcript[] {
  return docs.flatMap((doc) =>
    extractBlocks(readFileSync(join(root, doc), 'utf8'), doc, 'console').flatMap((block) => {
      const found: { where: string; command: string; output: string[] }[] = [];
      block.code.split('\n').forEach((line, i) => {
        if (line.startsWith('$ ')) found.push({ where: `${doc}:${block.line + 1 + i}`, command: line.slice(2), output: [] });
        else if (found.length === 0) throw new Error(`${doc}:${block.line + 1 + i}: output before any $ command`);
        else found.at(-1)?.output.push(line);
      });
      return found.map(({ where, command, output }) => ({ where, command, expected: output.join('\n') }));
    }),
  );
}

/** Shell words: whitespace-separated, with '…' and "…" quoting. */
function words(text: string): string[] {
  return [...text.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

/** `dir/*.json` expanded like a shell, in sorted order (only `*` in the last segment). */
function glob(word: string): string[] {
  if (!word.includes('*')) return [word];
  const slash = word.lastIndexOf('/');
  const dir = word.slice(0, slash);
  const pattern = new RegExp(`^${word.slice(slash + 1).replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`);
  return readdirSync(join(root, dir)).filter((name) => pattern.test(name)).sort().map((name) => `${dir}/${name}`);
}

/** Runs one documented command; returns its exit status and everything it wrote, in order. */
function runCommand(command: string): { exit: number; expectedExit: number; output: string } {
  const [line = '', exitComment] = command.split(/\s+#\s*/);
  const expectedExit = exitComment === undefined ? 0 : Number(/^exit (\d+)$/.exec(exitComment)?.[1] ?? Number.NaN);
  let parts = words(line);
  if (parts[0] === 'npx') parts = parts.slice(1);
  if (parts[0] !== 'proactive-messaging') throw new Error(`not a proactive-messaging command: ${command}`);
  let stdin: string | undefined;
  const argv: string[] = [];
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i] as string;
    if (part === '<') stdin = readFileSync(join(root, parts[++i] ?? ''), 'utf8');
    else argv.push(...glob(part));
  }
  let output = '';
  const exit = run(argv, {
    stdout: (text) => void (output += text),
    stderr: (text) => void (output += text),
    readFile: (path) => readFileSync(join(root, path), 'utf8'),
    readStdin: () => {
      if (stdin === undefined) throw Object.assign(new Error('EAGAIN: resource temporarily unavailable, read'), { code: 'EAGAIN' });
      return stdin;
    },
    now: () => now,
    version,
  });
  return { exit, expectedExit, output: output.replace(/\n$/, '') };
}

const all = transcripts();

describe('CLI transcripts in the docs', () => {
  it('finds the transcripts of docs/cli.md', () => {
    expect(all.filter((t) => t.where.startsWith('docs/cli.md')).length).toBeGreaterThanOrEqual(10);
  });

  it.each(all.map((t) => [t.where, t] as const))('%s prints what the doc shows', (_where, transcript) => {
    const { exit, expectedExit, output } = runCommand(transcript.command);
    expect(output).toBe(transcript.expected);
    expect(exit).toBe(expectedExit);
  });

  it('a transcript that drifts fails (the check compares text, not a snapshot)', () => {
    const { output } = runCommand('proactive-messaging evaluate --messages examples/messages.json --visitor examples/visitors/new-on-pricing.json --now 2026-11-23T10:00:30Z');
    expect(output).not.toContain('Re-evaluate: only when');
    expect(output.split('\n').at(-1)).toBe('Re-evaluate at: 2026-11-23T17:00:00.000Z (in 6 h 59 min)');
  });
});
