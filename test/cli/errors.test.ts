import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { cli, MESSAGES, visitorFile } from './helpers.js';

const VISITOR = visitorFile('new-on-pricing');

/** Every failure: exactly the expected number of stderr lines, no stack trace, nothing on stdout. */
function expectClean(result: ReturnType<typeof cli>, code: number, pattern: RegExp, lines = 1): void {
  expect(result.code).toBe(code);
  expect(result.stderrLines).toHaveLength(lines);
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at |Error:|node:internal/);
  expect(result.stdout).toBe('');
}

describe('usage errors exit 2 with one line', () => {
  it.each([
    ['no command', [], /give a command/],
    ['an unknown command', ['evalute'], /unknown command "evalute"/],
    ['an unknown top-level option', ['--frobnicate'], /unknown option "--frobnicate"/],
    ['an unknown flag', ['evaluate', '--messages', MESSAGES, '--visitor', VISITOR, '--color'], /Unknown option '--color'/],
    ['a flag without its value', ['evaluate', '--messages'], /--messages/],
    ['a missing --messages', ['evaluate', '--visitor', VISITOR], /missing --messages FILE/],
    ['a missing --visitor', ['explain', '--messages', MESSAGES], /missing --visitor FILE/],
    ['a positional argument to evaluate', ['evaluate', 'extra', '--messages', MESSAGES, '--visitor', VISITOR], /Unexpected argument 'extra'/],
    ['a --now that is not a date', ['evaluate', '--messages', MESSAGES, '--visitor', VISITOR, '--now', 'yesterday'], /--now: "yesterday"/],
    ['a --now without a zone', ['evaluate', '--messages', MESSAGES, '--visitor', VISITOR, '--now', '2026-11-23T10:00:00'], /with seconds and a zone/],
    ['an impossible --now', ['evaluate', '--messages', MESSAGES, '--visitor', VISITOR, '--now', '2026-13-45T10:00:00Z'], /--now/],
    ['validate without files', ['validate'], /at least one FILE/],
    ['an unknown --kind', ['validate', '--kind', 'rule', MESSAGES], /--kind must be one of/],
  ] as const)('%s', (_name, argv, pattern) => {
    expectClean(cli(argv), 2, pattern);
  });
});

describe('input errors exit 1 with one line per problem', () => {
  it('a missing messages file names the file', () => {
    expectClean(cli(['evaluate', '--messages', 'nope/messages.json', '--visitor', VISITOR]), 1, /^nope\/messages\.json: cannot read file: no such file$/m);
  });

  it('a missing visitor file names the file', () => {
    expectClean(cli(['explain', '--messages', MESSAGES, '--visitor', 'nope.json']), 1, /^nope\.json: cannot read file: no such file$/m);
  });

  it('a directory instead of a file', () => {
    expectClean(cli(['evaluate', '--messages', 'examples', '--visitor', VISITOR]), 1, /^examples: cannot read file: is a directory/m);
  });

  it('bad JSON in the visitor', () => {
    expectClean(cli(['evaluate', '--messages', MESSAGES, '--visitor', 'v.json'], { 'v.json': '{"id": ' }), 1, /^v\.json: not valid JSON: /m);
  });

  it('bad JSON in the messages', () => {
    expectClean(cli(['evaluate', '--messages', 'm.json', '--visitor', VISITOR], { 'm.json': '[1,]' }), 1, /^m\.json: not valid JSON: /m);
  });

  it('a messages file that is not a list', () => {
    expectClean(cli(['evaluate', '--messages', 'm.json', '--visitor', VISITOR], { 'm.json': '{"id":"x"}' }), 1, /^m\.json: expected a JSON array of messages$/m);
  });

  it('an invalid visitor: one line per issue, with path and code', () => {
    const visitor = JSON.stringify({ id: 'v_1', channelId: 'web_main', inActiveConversation: 'no', deliveries: [] });
    const result = cli(['evaluate', '--messages', MESSAGES, '--visitor', 'v.json'], { 'v.json': visitor });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderrLines.length).toBeGreaterThanOrEqual(3);
    for (const line of result.stderrLines) expect(line).toMatch(/^v\.json: \S+ {2}\w+ {2}/);
    expect(result.stderr).toMatch(/^v\.json: visit {2}required/m);
    expect(result.stderr).toMatch(/^v\.json: inActiveConversation {2}\w+/m);
  });

  it('a read failure that is not a Node error still becomes one line', () => {
    let stderr = '';
    const code = run(['validate', 'weird.json'], {
      stdout: () => undefined,
      stderr: (text) => void (stderr += text),
      readFile: () => {
        throw 'boom\nsecond line';
      },
      readStdin: () => '',
      now: () => 0,
      version: 'x',
    });
    expect(code).toBe(1);
    expect(stderr).toBe('weird.json: cannot read file: cannot be read\n');
  });
});

describe('validate reports unreadable files and keeps going', () => {
  it('one stderr line per unusable file; the other files are still checked', () => {
    const result = cli(['validate', 'missing.json', 'bad.json', 'odd.json', MESSAGES], { 'bad.json': 'nope', 'odd.json': '{"hello": 1}' });
    expect(result.code).toBe(1);
    expect(result.stderrLines).toHaveLength(3);
    expect(result.stderrLines[0]).toMatch(/^missing\.json: cannot read file: no such file$/);
    expect(result.stderrLines[1]).toMatch(/^bad\.json: not valid JSON/);
    expect(result.stderrLines[2]).toMatch(/^odd\.json: cannot tell what this file is .* pass --kind$/);
    expect(result.stdout).toMatch(/^examples\/messages\.json: ok \(a list of 10 messages\)$/m);
  });
});
