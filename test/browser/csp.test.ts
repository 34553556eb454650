/**
 * CSP test: the page is served with `Content-Security-Policy: script-src 'self'` (no
 * `unsafe-eval`, no inline scripts). The library must work and never trigger a
 * `securitypolicyviolation` — e.g. zod 4's `new Function` probe when it is not configured jitless.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailability, bundlePageScript, launchChromium, loadNodeLibrary, runPage, startServer, type TestServer } from './harness.js';
import { checkNodeOutcomes, expectSameOutcomes } from './compare.js';
import { runVectors, type VectorOutcome } from './run-vectors.js';
import { vectors } from './vectors.js';

const availability = browserAvailability();

describe.runIf(availability.run)("library under Content-Security-Policy: script-src 'self'", () => {
  let browser: Browser;
  let server: TestServer;
  let nodeOutcomes: VectorOutcome[];

  beforeAll(async () => {
    nodeOutcomes = runVectors(await loadNodeLibrary(), vectors);
    server = await startServer({ csp: true, appScript: await bundlePageScript() });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('runs every vector with no CSP violation and no console error, matching Node', async () => {
    checkNodeOutcomes(nodeOutcomes);
    const run = await runPage(browser, `${server.origin}/`, 'America/New_York');
    expect(run.cspViolations).toEqual([]);
    expect(run.consoleErrors).toEqual([]);
    expectSameOutcomes(run.outcomes, nodeOutcomes);
  });

  it('negative control: a new Function probe on the same page is blocked and reported', async () => {
    const run = await runPage(browser, `${server.origin}/probe.html`, 'America/New_York');
    expect(run.probeBlocked).toBe(true);
    expect(run.cspViolations.map((v) => `${v.directive} ${v.blockedURI}`)).toContain('script-src eval');
    // The library still ran after the blocked probe.
    expectSameOutcomes(run.outcomes, nodeOutcomes);
  });
});
