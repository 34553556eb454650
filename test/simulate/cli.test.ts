/**
 * `proactive-messaging simulate`: the README's command runs the example day; --json; bad scripts
 * are one line per issue with the script's file name and the path.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/helpers.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The simulate command of the README, as arguments after the executable. */
function readmeCommand(): string[] {
  const line = readme.split('\n').find((l) => l.includes('proactive-messaging simulate '));
  if (line === undefined) throw new Error('README has no simulate command');
  const command = /`npx proactive-messaging (simulate [^`]+)`/.exec(line)?.[1] ?? '';
  return command.split(/\s+/);
}

describe('proactive-messaging simulate', () => {
  it('runs the example day from the README', () => {
    const run = cli(readmeCommand());
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('— 2026-11-23 (UTC)');
    expect(lines).toContain('10:00:00  v_anna    arrive https://shop.example/pricing → sees nothing');
    expect(lines).toContain('                    timer set for 10:00:30 (reevaluateAt)');
    expect(lines).toContain('10:00:30  v_anna    timer → SEES msg_pricing_help "Help on the pricing page"');
    expect(lines).toContain('                    not shown, outranked: msg_ai_onboarding');
    expect(lines).toContain('18:25:40  v_jonas   dismiss → dismissed [markDelivery] → sees nothing');
    expect(lines).toContain('msg_pricing_help              1     1        1');
  });

  it('--json: the timeline, the tally as rows', () => {
    const run = cli([...readmeCommand(), '--json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { timeline: unknown[]; tally: { messageId: string; sent: number }[]; truncated: boolean };
    expect(out.truncated).toBe(false);
    expect(out.timeline.length).toBeGreaterThan(20);
    expect(out.tally.find((row) => row.messageId === 'msg_delivery_delay')).toEqual({ messageId: 'msg_delivery_delay', sent: 1, read: 0, replied: 0, heldOut: 0 });
  });

  it('a bad script: one line per issue with the file and the path, exit 1', () => {
    const script = JSON.stringify({ end: '2026-11-23T11:00:00Z', visitors: [{ id: 'v', channelId: 'web_main' }], events: [{ at: '2026-11-23T10:00:00Z', visitor: 'w', type: 'arrive', url: 'x', title: '' }] });
    const run = cli(['simulate', 'examples/messages.json', 's.json', '--workspace', 'examples/workspace.json'], { 's.json': script });
    expect(run.code).toBe(1);
    expect(run.stderrLines).toEqual(['s.json: events[0].visitor  invalidValue  "visitor" must be one of "v"']);
  });

  it('without a workspace (neither --workspace nor in the script): exit 1', () => {
    const run = cli(['simulate', 'examples/messages.json', 'examples/simulate/day.json']);
    expect(run.code).toBe(1);
    expect(run.stderrLines).toEqual(['examples/simulate/day.json: workspace  required  "workspace" is required']);
  });

  it('usage errors exit 2', () => {
    expect(cli(['simulate', 'examples/messages.json']).code).toBe(2);
    expect(cli(['simulate', '-', '-']).code).toBe(2);
  });
});
