/**
 * The script-tag build in a real browser: the page loads `dist/browser/proactive-messaging.global.js`
 * as a classic script, under `Content-Security-Policy: script-src 'self'`, and runs every browser
 * vector whose function is in the widget set through `window.ProactiveMessaging`; results must
 * equal Node's (ESM build) vector by vector.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../scripts/size.js';
import { browserAvailability, launchChromium, loadNodeLibrary, packageRoot, runPage, startServer, type TestServer } from './harness.js';
import { expectSameOutcomes } from './compare.js';
import { runVectors, type VectorOutcome } from './run-vectors.js';
import { vectors } from './vectors.js';

const availability = browserAvailability();
const widgetSet = new Set(loadConfig().budgets.find((b) => b.id === 'widget')?.imports ?? []);
const widgetVectors = vectors.filter((v) => widgetSet.has(v.fn));

/** The script-tag build followed by the vector runner, as one classic script (no inline scripts). */
async function pageScript(): Promise<string> {
  const here = resolve(packageRoot, 'test/browser');
  const runner = await build({
    stdin: {
      contents: [
        `import { vectors } from ${JSON.stringify(resolve(here, 'vectors.ts'))};`,
        `import { runVectors, probeEnvironment } from ${JSON.stringify(resolve(here, 'run-vectors.ts'))};`,
        `const names = new Set(${JSON.stringify([...widgetSet])});`,
        'globalThis.__pmResult = { env: probeEnvironment(), outcomes: runVectors(globalThis.ProactiveMessaging, vectors.filter((v) => names.has(v.fn))) };',
      ].join('\n'),
      resolveDir: here,
      sourcefile: 'global-build-entry.js',
      loader: 'js',
    },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    logLevel: 'silent',
  });
  const global = readFileSync(resolve(packageRoot, 'dist/browser/proactive-messaging.global.js'), 'utf8');
  return `${global}\n${runner.outputFiles[0]?.text ?? ''}`;
}

describe.runIf(availability.run)('script-tag build in headless Chromium', () => {
  let browser: Browser;
  let server: TestServer;
  let nodeOutcomes: VectorOutcome[];

  beforeAll(async () => {
    nodeOutcomes = runVectors(await loadNodeLibrary(), widgetVectors);
    server = await startServer({ csp: true, appScript: await pageScript() });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('runs the widget-set vectors through window.ProactiveMessaging with the results of Node, under CSP', async () => {
    expect(widgetVectors.length).toBeGreaterThanOrEqual(10);
    expect(nodeOutcomes.filter((o) => o.status !== 'ok').map((o) => o.name)).toEqual([]);
    const run = await runPage(browser, `${server.origin}/`, 'Asia/Kathmandu');
    expect(run.cspViolations).toEqual([]);
    expect(run.consoleErrors).toEqual([]);
    expectSameOutcomes(run.outcomes, nodeOutcomes);
  });
});
