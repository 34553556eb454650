/**
 * The CLI lines of issue 12, each a named regression test: `--now` read by the library's
 * timestamp rule, `-` for standard input, a UTF-8 byte-order mark, errors as JSON under `--json`,
 * and exit 1 when every message of the list is invalid.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, MESSAGES, visitorFile } from './helpers.js';

const VISITOR = visitorFile('new-on-pricing');
const NOW = '2026-11-23T10:00:30Z';
const messagesText = readFileSync(MESSAGES, 'utf8');
const visitorText = readFileSync(VISITOR, 'utf8');

describe('--now follows the library timestamp rule', () => {
  it.each(['evaluate', 'explain'])('%s --now 2026-02-30T10:00:00Z (no such date) is a usage error, exit 2 (0.1 evaluated at 2026-03-02)', (command) => {
    const result = cli([command, '--messages', MESSAGES, '--visitor', VISITOR, '--now', '2026-02-30T10:00:00Z']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderrLines).toHaveLength(1);
    expect(result.stderr).toMatch(/^--now: "2026-02-30T10:00:00Z" is not/);
  });

  it.each(['evaluate', 'explain'])('%s --now 2026-11-23T10:00Z (no seconds) is a usage error, exit 2 (0.1 accepted it)', (command) => {
    const result = cli([command, '--messages', MESSAGES, '--visitor', VISITOR, '--now', '2026-11-23T10:00Z']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^--now: "2026-11-23T10:00Z" is not/);
  });

  it('accepts what the library accepts: a fraction, an offset, 29 February of a leap year', () => {
    for (const now of ['2026-11-23T10:00:30.250Z', '2026-11-23T11:00:30+01:00', '2028-02-29T10:00:00Z']) {
      expect(cli(['evaluate', '--messages', MESSAGES, '--visitor', VISITOR, '--now', now]).code, now).toBe(0);
    }
  });
});

describe('"-" reads standard input', () => {
  const fromFiles = cli(['evaluate', '--json', '--messages', MESSAGES, '--visitor', VISITOR, '--now', NOW]);

  it('evaluate --messages - reads the message list from standard input (0.1 looked for a file named "-")', () => {
    const result = cli(['evaluate', '--json', '--messages', '-', '--visitor', VISITOR, '--now', NOW], {}, messagesText);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(fromFiles.stdout);
  });

  it('explain --visitor - reads the visitor from standard input', () => {
    const expected = cli(['explain', '--json', '--messages', MESSAGES, '--visitor', VISITOR, '--now', NOW]);
    const result = cli(['explain', '--json', '--messages', MESSAGES, '--visitor', '-', '--now', NOW], {}, visitorText);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(expected.stdout);
  });

  it('validate - checks standard input', () => {
    const result = cli(['validate', '-'], {}, messagesText);
    expect(result).toMatchObject({ code: 0, stdout: '-: ok (a list of 10 messages)\n', stderr: '' });
  });

  it('main.ts wires standard input: the real process reads "-" from stdin', () => {
    const tsx = 'node_modules/tsx/dist/cli.mjs';
    const args = [tsx, 'src/cli/main.ts', 'evaluate', '--json', '--messages', '-', '--visitor', VISITOR, '--now', NOW];
    const result = spawnSync(process.execPath, args, { encoding: 'utf8', input: messagesText });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(fromFiles.stdout);
  });

  it('standard input that cannot be read is one input error naming it', () => {
    const result = cli(['evaluate', '--messages', '-', '--visitor', VISITOR, '--now', NOW]);
    expect(result.code).toBe(1);
    expect(result.stderrLines).toHaveLength(1);
    expect(result.stderr).toMatch(/^-: cannot read standard input: /);
  });
});

describe('a UTF-8 byte-order mark is accepted', () => {
  const BOM = '\uFEFF';

  it('in the messages and the visitor of evaluate (0.1 said "not valid JSON")', () => {
    const expected = cli(['evaluate', '--json', '--messages', MESSAGES, '--visitor', VISITOR, '--now', NOW]);
    const result = cli(['evaluate', '--json', '--messages', 'm.json', '--visitor', 'v.json', '--now', NOW], {
      'm.json': BOM + messagesText,
      'v.json': BOM + visitorText,
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(expected.stdout);
  });

  it('in a file given to validate, and on standard input', () => {
    expect(cli(['validate', 'm.json'], { 'm.json': BOM + messagesText })).toMatchObject({ code: 0, stdout: 'm.json: ok (a list of 10 messages)\n' });
    expect(cli(['validate', '-'], {}, BOM + visitorText)).toMatchObject({ code: 0, stdout: '-: ok (a visitor)\n' });
  });

  it('only at the start: a second one is still bad JSON', () => {
    expect(cli(['validate', 'm.json'], { 'm.json': BOM + BOM + messagesText }).code).toBe(1);
  });
});

describe('under --json, errors are JSON on stdout', () => {
  /** The JSON failure printed on stdout; nothing on stderr. */
  function failure(result: ReturnType<typeof cli>): { ok: boolean; exit: number; errors: string[] } {
    expect(result.stderr).toBe('');
    return JSON.parse(result.stdout) as { ok: boolean; exit: number; errors: string[] };
  }

  it('a usage error: { ok: false, exit: 2, errors } (0.1 printed plain text on stderr)', () => {
    const result = cli(['evaluate', '--json', '--messages', MESSAGES]);
    expect(result.code).toBe(2);
    expect(failure(result)).toEqual({ ok: false, exit: 2, errors: ['evaluate: missing --visitor FILE'] });
  });

  it('a bad --now and an unknown --kind', () => {
    const now = cli(['explain', '--json', '--messages', MESSAGES, '--visitor', VISITOR, '--now', '2026-02-30T10:00:00Z']);
    expect(now.code).toBe(2);
    expect(failure(now)).toMatchObject({ ok: false, exit: 2, errors: [expect.stringMatching(/^--now: "2026-02-30T10:00:00Z"/)] });
    const kind = cli(['validate', '--json', '--kind', 'rule', MESSAGES]);
    expect(kind.code).toBe(2);
    expect(failure(kind)).toMatchObject({ ok: false, exit: 2, errors: [expect.stringMatching(/--kind must be one of/)] });
  });

  it('an input error: { ok: false, exit: 1, errors }, one entry per problem', () => {
    const missing = cli(['evaluate', '--json', '--messages', 'nope.json', '--visitor', VISITOR]);
    expect(missing.code).toBe(1);
    expect(failure(missing)).toEqual({ ok: false, exit: 1, errors: ['nope.json: cannot read file: no such file'] });
    const visitor = JSON.stringify({ id: 'v_1', channelId: 'web_main', inActiveConversation: 'no', deliveries: [] });
    const invalid = cli(['evaluate', '--json', '--messages', MESSAGES, '--visitor', 'v.json'], { 'v.json': visitor });
    expect(invalid.code).toBe(1);
    const { errors } = failure(invalid);
    expect(errors.length).toBeGreaterThanOrEqual(3);
    for (const line of errors) expect(line).toMatch(/^v\.json: \S+ {2}\w+ {2}/);
  });
});

describe('a message list where every message is invalid exits 1', () => {
  const allInvalid = JSON.stringify([{ id: 'msg_broken', status: 'live' }, 42]);

  it.each([
    ['evaluate', false],
    ['evaluate', true],
    ['explain', false],
    ['explain', true],
  ] as const)('%s (--json: %s) exits 1 (0.1 exited 0), still printing its answer and the warnings', (command, json) => {
    const result = cli([command, ...(json ? ['--json'] : []), '--messages', 'm.json', '--visitor', VISITOR, '--now', NOW], { 'm.json': allInvalid });
    expect(result.code).toBe(1);
    expect(result.stdout).not.toBe('');
    expect(result.stderrLines.length).toBeGreaterThan(0);
    for (const line of result.stderrLines) expect(line).toMatch(/^warning: m\.json: \[[01]\]/);
  });

  it('not an empty list, nor a list with one valid message', () => {
    const valid = (JSON.parse(messagesText) as unknown[])[3];
    for (const list of [[], [valid, 42]]) {
      for (const command of ['evaluate', 'explain']) {
        const result = cli([command, '--messages', 'm.json', '--visitor', VISITOR, '--now', NOW], { 'm.json': JSON.stringify(list) });
        expect(result.code, `${command} ${JSON.stringify(list).slice(0, 40)}`).toBe(0);
      }
    }
  });
});
