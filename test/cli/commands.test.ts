import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { evaluate, parseMessage, parseMessages, parseVisitor, parseWorkspace } from '../../src/index.js';
import { detectKind } from '../../src/cli/validate-command.js';
import { cli, FIXED_NOW, MESSAGES, readJsonFile, visitorFile, VISITORS, WORKSPACE } from './helpers.js';

const ALL_EXAMPLES = [MESSAGES, WORKSPACE, ...VISITORS.map(visitorFile)];

function parsedExamples(visitorName: string) {
  const messages = parseMessages(readJsonFile(MESSAGES));
  const visitor = parseVisitor(readJsonFile(visitorFile(visitorName)));
  if (!messages.ok || !visitor.ok) throw new Error('the examples must parse');
  return { messages: messages.value, visitor: visitor.value };
}

describe('--help and --version', () => {
  it.each([['--help'], ['-h'], ['help']])('%s prints the usage and every command', (flag) => {
    const result = cli([flag]);
    expect(result.code).toBe(0);
    for (const command of ['evaluate --messages FILE --visitor FILE', 'explain --messages FILE', 'validate']) {
      expect(result.stdout).toContain(command);
    }
    expect(result.stderr).toBe('');
  });

  it('a command with --help prints the usage', () => {
    expect(cli(['evaluate', '--help']).stdout).toMatch(/^Usage: proactive-messaging/);
  });

  it.each([['--version'], ['-v']])('%s prints the version given by main', (flag) => {
    expect(cli([flag])).toMatchObject({ code: 0, stdout: '9.9.9-test\n', stderr: '' });
  });
});

describe('validate', () => {
  it('every example file is valid (exit 0, "ok" per file, nothing on stderr)', () => {
    const result = cli(['validate', ...ALL_EXAMPLES]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(ALL_EXAMPLES.length);
    expect(result.stdout).toContain('examples/messages.json: ok (a list of 10 messages)');
    expect(result.stdout).toContain('examples/workspace.json: ok (a workspace)');
    expect(result.stdout).toContain('examples/visitors/mobile-app.json: ok (a visitor)');
  });

  it('--json lists one report per file with its detected kind', () => {
    const result = cli(['validate', '--json', ...ALL_EXAMPLES]);
    expect(result.code).toBe(0);
    const reports = JSON.parse(result.stdout) as { file: string; kind: string; ok: boolean; issues: unknown[] }[];
    expect(reports.map((r) => [r.file, r.kind, r.ok, r.issues.length])).toEqual([
      [MESSAGES, 'messages', true, 0],
      [WORKSPACE, 'workspace', true, 0],
      ...VISITORS.map((name) => [visitorFile(name), 'visitor', true, 0]),
    ]);
  });

  it.each([
    ['a list', [], 'messages'],
    ['an object with a response', { id: 'm', response: {} }, 'message'],
    ['an object with a trigger', { trigger: { event: 'pageLoad' } }, 'message'],
    ['an object with a visit', { visit: {} }, 'visitor'],
    ['an object with deliveries', { deliveries: [] }, 'visitor'],
    ['an object with channels', { channels: [] }, 'workspace'],
    ['an object with agentWorkspaceEnabled', { agentWorkspaceEnabled: true }, 'workspace'],
    ['an unrelated object', { hello: 1 }, null],
    ['a string', 'hello', null],
    ['null', null, null],
    ['an inherited key only', Object.create({ response: 1 }) as object, null],
  ] as const)('detects %s as %s', (_name, json, kind) => {
    expect(detectKind(json)).toBe(kind);
  });

  it('reports every issue of an invalid message list with the path and code the parser gives', () => {
    const good = (readJsonFile(MESSAGES) as unknown[])[3];
    const list = [good, { id: 'msg_x', frequency: 'sometimes' }, 42];
    const result = cli(['validate', 'list.json'], { 'list.json': JSON.stringify(list) });
    expect(result.code).toBe(1);
    const expected = parseMessages(list).issues;
    expect(expected.length).toBeGreaterThan(3);
    const lines = result.stdout.trim().split('\n');
    // One line per issue, then the summary line.
    expect(lines).toHaveLength(expected.length + 1);
    expect(result.stdout).toMatch(/^list\.json: \[1\]\.frequency {2}\w+ {2}/m);
    expect(result.stdout).toMatch(/^list\.json: \[2\] {2}invalidType {2}/m);
    for (const found of expected) expect(result.stdout).toContain(`  ${found.code}  ${found.message}`);
    expect(lines.at(-1)).toBe(`${expected.length} issues; 1 of 1 file failed`);
  });

  it('--kind forces the kind: a message list checked as a single message fails', () => {
    const result = cli(['validate', '--kind', 'message', MESSAGES]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^examples\/messages\.json: \(root\) {2}invalidType/m);
  });

  it('a single message file is checked with parseMessage', () => {
    const message = { ...((readJsonFile(MESSAGES) as Record<string, unknown>[])[4] as object), priority: 'high' };
    const result = cli(['validate', 'one.json'], { 'one.json': JSON.stringify(message) });
    const parsed = parseMessage(message);
    expect(parsed.ok).toBe(false);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^one\.json: priority {2}\w+/m);
  });

  it('a workspace with an unknown channel type is reported', () => {
    const workspace = readJsonFile(WORKSPACE) as { channels: Record<string, unknown>[] };
    const broken = { ...workspace, channels: [{ ...workspace.channels[0], type: 'fax' }] };
    expect(parseWorkspace(broken).ok).toBe(false);
    const result = cli(['validate', 'ws.json'], { 'ws.json': JSON.stringify(broken) });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^ws\.json: channels\[0\]\.type {2}\w+/m);
  });
});

describe('validate and evaluate agree (one checker; 0.1 merged a second compiler pass into validate)', () => {
  const list = readJsonFile(MESSAGES) as Record<string, unknown>[];
  const pricing = list[4] as { sendWindow: { schedule: Record<string, unknown> } } & Record<string, unknown>;
  const withWeekly = (id: string, weekly: unknown[]) => ({ ...pricing, id, sendWindow: { ...pricing.sendWindow, schedule: { ...pricing.sendWindow.schedule, weekly } } });
  // open "24:00" and 71 weekly intervals: 0.1's parser accepted the first and rejected the second,
  // its evaluate did the opposite.
  const file = JSON.stringify([
    list[3],
    withWeekly('msg_open_2400', [{ day: 'mon', open: '24:00', close: '02:00' }]),
    withWeekly('msg_71_intervals', Array.from({ length: 71 }, () => ({ day: 'tue', open: '09:00', close: '10:00' }))),
  ]);

  it('validate reports each broken message once, with the code and path of the one checker', () => {
    const result = cli(['validate', 'm.json'], { 'm.json': file });
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^m\.json: \[1\]\.sendWindow\.schedule\.weekly\[0\]\.open {2}invalidFormat {2}/);
    expect(lines[1]).toMatch(/^m\.json: \[2\]\.sendWindow\.schedule\.weekly {2}tooBig {2}/);
    expect(lines[2]).toBe('2 issues; 1 of 1 file failed');
  });

  it('evaluate skips exactly those messages, with the same lines as warnings, and uses the rest in full', () => {
    const validated = cli(['validate', 'm.json'], { 'm.json': file }).stdout.trim().split('\n').slice(0, -1);
    const result = cli(['evaluate', '--json', '--messages', 'm.json', '--visitor', visitorFile('new-on-pricing'), '--now', '2026-11-23T10:00:30Z'], { 'm.json': file });
    expect(result.code).toBe(0);
    expect(result.stderrLines).toEqual(validated.map((line) => `warning: ${line}`));
    expect((JSON.parse(result.stdout) as { invalid: unknown[] }).invalid).toEqual([]);
  });
});

describe('evaluate', () => {
  it.each(VISITORS)('--json for %s equals the library decision', (name) => {
    const { messages, visitor } = parsedExamples(name);
    const result = cli(['evaluate', '--json', '--messages', MESSAGES, '--visitor', visitorFile(name), '--now', '2026-11-23T10:00:30Z']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const out = JSON.parse(result.stdout) as Record<string, unknown>;
    const decision = evaluate(visitor, messages, Date.parse('2026-11-23T10:00:30Z'));
    expect(out.now).toBe('2026-11-23T10:00:30.000Z');
    expect(out.message).toEqual(decision.message);
    expect(out.eligible).toEqual(decision.eligible);
    expect(out.reevaluateAt).toBe(decision.reevaluateAt);
    expect(out.reevaluateAtIso).toBe(decision.reevaluateAt === null ? null : new Date(decision.reevaluateAt).toISOString());
    expect(out.invalid).toEqual(decision.invalid);
    expect(out.onScreen).toBe(decision.onScreen);
    expect(out.invalidInput).toBeNull();
  });

  it('--now defaults to io.now()', () => {
    const result = cli(['evaluate', '--json', '--messages', MESSAGES, '--visitor', visitorFile('new-on-pricing')]);
    expect((JSON.parse(result.stdout) as { now: string }).now).toBe(new Date(FIXED_NOW).toISOString());
  });

  it('--now accepts an offset and means the same instant', () => {
    const a = cli(['evaluate', '--json', '--messages', MESSAGES, '--visitor', visitorFile('returning-german'), '--now', '2026-11-23T19:30:15+01:00']);
    const b = cli(['evaluate', '--json', '--messages', MESSAGES, '--visitor', visitorFile('returning-german'), '--now', '2026-11-23T18:30:15Z']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });

  it('an invalid message is reported on stderr and skipped; the others are still evaluated', () => {
    const list = readJsonFile(MESSAGES) as unknown[];
    const withBad = [{ id: 'msg_broken', status: 'live' }, ...list];
    const result = cli(['evaluate', '--json', '--messages', 'm.json', '--visitor', visitorFile('mobile-app'), '--now', '2026-11-23T12:15:00Z'], {
      'm.json': JSON.stringify(withBad),
    });
    expect(result.code).toBe(0);
    expect(result.stderrLines.length).toBeGreaterThan(0);
    for (const line of result.stderrLines) expect(line).toMatch(/^warning: m\.json: \[0\]/);
    const { messages, visitor } = parsedExamples('mobile-app');
    const decision = evaluate(visitor, messages, Date.parse('2026-11-23T12:15:00Z'));
    expect((JSON.parse(result.stdout) as { eligible: unknown }).eligible).toEqual(decision.eligible);
  });

  it('the readable output names the message shown, the eligible ones and when to re-evaluate', () => {
    const result = cli(['evaluate', '--messages', MESSAGES, '--visitor', visitorFile('new-on-pricing'), '--now', '2026-11-23T10:00:00Z']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^At 2026-11-23T10:00:00\.000Z, visitor v_anna \(new, en-US, desktop\) on https:\/\/shop\.example\/pricing via web_main$/m);
    const { messages, visitor } = parsedExamples('new-on-pricing');
    const decision = evaluate(visitor, messages, Date.parse('2026-11-23T10:00:00Z'));
    expect(result.stdout).toContain(decision.message === null ? 'Show: nothing' : `Show: ${decision.message.id}`);
    if (decision.reevaluateAt !== null) expect(result.stdout).toContain(`Re-evaluate at: ${new Date(decision.reevaluateAt).toISOString()}`);
  });
});

describe('main.ts wires run to the process', () => {
  it('prints the package version and exits with run\'s status', () => {
    const tsx = 'node_modules/tsx/dist/cli.mjs';
    const ok = spawnSync(process.execPath, [tsx, 'src/cli/main.ts', '--version'], { encoding: 'utf8' });
    const pkg = readJsonFile('package.json') as { version: string };
    expect(ok.stdout).toBe(`${pkg.version}\n`);
    expect(ok.status).toBe(0);
    const bad = spawnSync(process.execPath, [tsx, 'src/cli/main.ts', 'validate', 'no-such-file.json'], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe('no-such-file.json: cannot read file: no such file\n');
  });
});
