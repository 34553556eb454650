/**
 * Real-browser test: the built library, bundled for the browser, gives the same results in
 * headless Chromium as in Node, whatever the browser's time zone.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailability, bundlePageScript, launchChromium, loadNodeLibrary, runPage, startServer, type TestServer } from './harness.js';
import { checkNodeOutcomes, expectSameOutcomes } from './compare.js';
import { runVectors, type VectorOutcome } from './run-vectors.js';
import { vectors } from './vectors.js';

const availability = browserAvailability();

/** Zones with DST on the other side of the world, a +05:45 offset, and no offset at all. */
const zones: readonly (readonly [string, readonly [number, number]])[] = [
  ['UTC', [0, 0]],
  ['America/New_York', [300, 240]],
  ['Asia/Kathmandu', [-345, -345]],
];

/** Chromium's ICU reports some zones by their legacy canonical name. */
const zoneAliases: Readonly<Record<string, readonly string[]>> = { 'Asia/Kathmandu': ['Asia/Katmandu'] };

describe.runIf(availability.run)('library in headless Chromium (Debian chromium via playwright-core)', () => {
  let browser: Browser;
  let server: TestServer;
  let nodeOutcomes: VectorOutcome[];

  beforeAll(async () => {
    nodeOutcomes = runVectors(await loadNodeLibrary(), vectors);
    server = await startServer({ csp: false, appScript: await bundlePageScript() });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('runs every vector in Node without throwing', () => {
    expect(nodeOutcomes).toHaveLength(vectors.length);
    checkNodeOutcomes(nodeOutcomes);
  });

  it.each(zones)('in %s the page sees the emulated zone and matches Node on every vector', async (zone, offsets) => {
    const run = await runPage(browser, `${server.origin}/`, zone);
    expect([zone, ...(zoneAliases[zone] ?? [])]).toContain(run.env.timeZone);
    expect(run.env.offsets).toEqual(offsets);
    expect(run.consoleErrors).toEqual([]);
    expectSameOutcomes(run.outcomes, nodeOutcomes);
  });
});

describe('browser comparison self-test (it can fail)', () => {
  it('reports a vector whose browser result differs from Node', () => {
    const node: VectorOutcome[] = [{ name: 'offset', status: 'ok', value: 0 }];
    expect(() => expectSameOutcomes([{ name: 'offset', status: 'ok', value: -345 }], node)).toThrow();
    expect(() => expectSameOutcomes(node, node)).not.toThrow();
  });
});
