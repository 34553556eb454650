import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { KIT_NOW_MS, instantNearDstArb, scheduleArb, zoneOffsetMinutes } from '../../src/testing/index.js';
import type { Scenario } from '../../src/testing/index.js';
import { nearBoundaryScenarioArb } from './helpers.js';
import { computeAnswers, type HostZoneCases } from './host-zone.shared.js';

const run = promisify(execFile);
const HOST_ZONES = ['UTC', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham'];
const dir = mkdtempSync(join(tmpdir(), 'pm-host-zone-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A scenario whose visitor's timestamps lose their offset, gain sub-millisecond digits, or get junk in one place. */
function unparsedVariant(s: Scenario, how: number): Scenario {
  const strip = (iso: string): string => iso.replace(/(\.\d+)?Z$/, '');
  const page = { ...s.visitor.page };
  const visit = { ...s.visitor.visit };
  if (how % 3 === 0) page.enteredAt = strip(page.enteredAt);
  if (how % 3 === 1) visit.startedAt = strip(visit.startedAt);
  if (how % 3 === 2) page.enteredAt = page.enteredAt.replace(/Z$/, '').replace(/(\.\d{3})?$/, (ms) => `${ms || '.000'}5Z`);
  return { ...s, visitor: { ...s.visitor, page, visit } };
}

describe('law: host-zone independence', () => {
  it('evaluate, explain, readFacts, isOpen and nextChange give the same answers in child processes under five TZ values, parsed and unparsed visitors alike', async () => {
    const scenarios = fc.sample(nearBoundaryScenarioArb({ visitor: { inActiveConversation: false } }), { numRuns: 150, seed: 42 });
    const cases: HostZoneCases = {
      scenarios,
      unparsed: scenarios.slice(0, 60).map((s, i) => unparsedVariant(s, i)),
      schedules: fc
        .sample(fc.tuple(scheduleArb(), fc.oneof(instantNearDstArb(), instantNearDstArb({ withinMs: 86_400_000 }))), { numRuns: 300, seed: 43 })
        .map(([schedule, at]) => ({ schedule, at })),
    };
    const file = join(dir, 'cases.json');
    writeFileSync(file, JSON.stringify(cases));
    const expected = JSON.parse(JSON.stringify(computeAnswers(cases))) as unknown;
    const child = join(import.meta.dirname, 'host-zone.child.ts');
    const outputs = await Promise.all(
      HOST_ZONES.map(async (zone) => {
        const { stdout } = await run(process.execPath, ['--import', 'tsx', child, file], {
          env: { ...process.env, TZ: zone },
          maxBuffer: 64 * 1024 * 1024,
        });
        return JSON.parse(stdout) as { hostOffset: number; answers: unknown };
      }),
    );
    outputs.forEach((output, i) => {
      // The child really ran in that zone…
      expect(output.hostOffset).toBe(zoneOffsetMinutes(HOST_ZONES[i] as string, KIT_NOW_MS));
      // …and answered exactly as this process did.
      expect(output.answers).toEqual(expected);
    });
    // Not vacuous: offset-less visitors are refused (nothing shown, the same issue everywhere), and
    // sub-millisecond ones decide.
    const unparsed = (expected as { unparsed: [unknown, unknown, unknown, { code: string } | null][] }).unparsed;
    expect(unparsed.filter(([, , , input]) => input?.code === 'invalidFormat').length).toBeGreaterThan(20);
    expect(unparsed.filter(([, , , input]) => input === null).length).toBeGreaterThan(10);
  });
});
