/** `proactive-messaging lint`: exit codes, the readable lines and --json, checked by hand. */
import { describe, expect, it } from 'vitest';
import { cli, MESSAGES, WORKSPACE } from '../cli/helpers.js';

const broken = JSON.stringify([
  { id: 'm_a', name: 'A', brandId: 'brand_acme', channelId: 'web_main', status: 'live', response: { type: 'agent', text: 'Hi', capture: [] }, trigger: { event: 'pageLoad' }, conditions: { fact: 'visitCount', operator: 'lessThan', value: 1 }, sendWindow: { type: 'anytime' }, frequency: 'once', createdAt: '2026-11-01T09:00:00Z', updatedAt: '2026-11-01T09:00:00Z' },
  { id: 'm_b', name: 'a ', brandId: 'brand_acme', channelId: 'web_gone', status: 'live', response: { type: 'agent', text: 'Hi', capture: [] }, trigger: { event: 'pageLoad' }, conditions: null, sendWindow: { type: 'anytime' }, frequency: 'once', createdAt: '2026-11-01T09:00:00Z', updatedAt: '2026-11-01T09:00:00Z' },
]);

describe('proactive-messaging lint', () => {
  it('the example set: one warning (two messages named "Help on the pricing page"), exit 0', () => {
    const run = cli(['lint', MESSAGES, '--workspace', WORKSPACE]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      'warning  [4].name  duplicateName  same name as "starter_pricing_help"',
      'examples/messages.json: 10 messages; 0 errors, 1 warning, 0 info',
      '',
    ]);
  });

  it('errors exit 1, each finding on a line with its path and code, and why under it', () => {
    const run = cli(['lint', 'list.json', '--workspace', WORKSPACE], { 'list.json': broken });
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines).toContain('error    [0].conditions  conditionsNeverHold  no visitor meets the conditions: the message never shows');
    expect(lines).toContain('         because of [0].conditions');
    expect(lines).toContain('error    [1].channelId  channelDeleted  channel "web_gone" is not in the workspace');
    expect(lines).toContain('warning  [1].name  duplicateName  same name as "m_a"');
    expect(lines.at(-2)).toBe('list.json: 2 messages; 2 errors, 1 warning, 0 info');
  });

  it('--json prints the findings and the counts', () => {
    const run = cli(['lint', 'list.json', '--json', '--now', '2026-11-23T10:00:00Z'], { 'list.json': broken });
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout) as { now: string; counts: Record<string, number>; findings: { code: string; severity: string }[] };
    expect(out.now).toBe('2026-11-23T10:00:00.000Z');
    expect(out.counts).toEqual({ error: 1, warning: 1, info: 0 });
    expect(out.findings.map((f) => [f.code, f.severity])).toEqual([
      ['conditionsNeverHold', 'error'],
      ['duplicateName', 'warning'],
    ]);
  });

  it('usage errors exit 2', () => {
    expect(cli(['lint']).code).toBe(2);
    expect(cli(['lint', 'a.json', 'b.json']).code).toBe(2);
    expect(cli(['lint', MESSAGES, '--now', 'tomorrow']).code).toBe(2);
    expect(cli(['lint', MESSAGES, '--verbose']).code).toBe(2);
  });

  it('a file that is not JSON, or not there, is one line and exit 1', () => {
    const bad = cli(['lint', 'x.json'], { 'x.json': '[' });
    expect(bad.code).toBe(1);
    expect(bad.stderrLines).toHaveLength(1);
    expect(bad.stderrLines[0]).toMatch(/^x\.json: not valid JSON/);
    expect(cli(['lint', 'no/such/file.json']).stderrLines).toEqual(['no/such/file.json: cannot read file: no such file']);
  });
});
