import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { KIT_NOW_MS, instantNearDstArb, scheduleArb, zoneOffsetMinutes } from '../../src/testing/index.js';
import { nearBoundaryScenarioArb } from './helpers.js';
import { computeAnswers, type HostZoneCases } from './host-zone.shared.js';

const run = promisify(execFile);
const HOST_ZONES = ['UTC', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham'];
const dir = mkdtempSync(join(tmpdir(), 'pm-host-zone-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('law: host-zone independence', () => {
  it('evaluate, explain, isOpen and nextChange give the same answers in child processes under five TZ values', async () => {
    const cases: HostZoneCases = {
      scenarios: fc.sample(nearBoundaryScenarioArb({ visitor: { inActiveConversation: false } }), { numRuns: 150, seed: 42 }),
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
  });
});
