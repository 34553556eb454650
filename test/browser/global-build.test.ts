/**
 * The script-tag build in a real browser: the page loads `dist/browser/proactive-messaging.global.js`
 * as a classic script, under `Content-Security-Policy: script-src 'self'`, and runs every browser
 * vector whose function is in the widget set through `window.ProactiveMessaging`; results must
 * equal Node's (ESM build) vector by vector. A second page runs the global's browser kit on the
 * page's own clock, `localStorage`, `crypto` and history API, as a page without a bundler would.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../scripts/size.js';
import { browserAvailability, classicScript, launchChromium, loadNodeLibrary, packageRoot, runPage, startServer, type TestServer } from './harness.js';
import { expectSameOutcomes } from './compare.js';
import { runVectors, type VectorOutcome } from './run-vectors.js';
import { vectors } from './vectors.js';

const availability = browserAvailability();
const widgetSet = new Set(loadConfig().budgets.find((b) => b.id === 'widget')?.imports ?? []);
const widgetVectors = vectors.filter((v) => widgetSet.has(v.fn));

/** The script-tag build, then `lines` bundled into a classic script (no inline scripts): what a page without a bundler loads. */
async function afterGlobal(lines: readonly string[], sourcefile: string): Promise<string> {
  const app = await classicScript(lines, resolve(packageRoot, 'test/browser'), sourcefile, false);
  const global = readFileSync(resolve(packageRoot, 'dist/browser/proactive-messaging.global.js'), 'utf8');
  return `${global}\n${app}`;
}

/** The script-tag build followed by the vector runner. */
function pageScript(): Promise<string> {
  const here = resolve(packageRoot, 'test/browser');
  return afterGlobal(
    [
      `import { vectors } from ${JSON.stringify(resolve(here, 'vectors.ts'))};`,
      `import { runVectors, probeEnvironment } from ${JSON.stringify(resolve(here, 'run-vectors.ts'))};`,
      `const names = new Set(${JSON.stringify([...widgetSet])});`,
      'globalThis.__pmResult = { env: probeEnvironment(), outcomes: runVectors(globalThis.ProactiveMessaging, vectors.filter((v) => names.has(v.fn))) };',
    ],
    'global-build-entry.js',
  );
}

/** What the kit page logs per decision (`window.__kitLog`). */
interface KitLogEntry {
  readonly shown: string | null;
  readonly onScreen: boolean;
  readonly visit: number;
  readonly pageViews: number;
  readonly url: string;
  readonly deliveries: number;
}

/**
 * The script-tag build followed by a page script that uses only `window.ProactiveMessaging`: a
 * browser kit with every default (the page's clock, timers, ids, `localStorage` and history
 * API), the browser-kit fixtures' messages, and each new message's delivery recorded.
 */
function kitPageScript(): Promise<string> {
  return afterGlobal(
    [
      `import { MESSAGES } from ${JSON.stringify(resolve(packageRoot, 'test/browser-kit/fixtures.ts'))};`,
      'const log = (globalThis.__kitLog = []);',
      'const created = globalThis.ProactiveMessaging.createVisitorKit({',
      "  channelId: 'web_main',",
      '  messages: MESSAGES,',
      '  onDecision(decision, visitor) {',
      '    log.push({ shown: decision.message ? decision.message.id : null, onScreen: decision.onScreen, visit: visitor.visit.number, pageViews: visitor.visit.pageViews, url: visitor.page.url, deliveries: visitor.deliveries.length });',
      "    if (decision.message && !decision.onScreen) kit.apply([{ type: 'recordDelivery', messageId: decision.message.id }]);",
      '  },',
      '});',
      "if (!created.ok) throw new Error('createVisitorKit failed: ' + JSON.stringify(created.issues));",
      'const kit = created.value;',
      'kit.start();',
    ],
    'global-kit-entry.js',
  );
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

  it("runs the global's browser kit on the page's own storage, clock and history: two loads and an SPA navigation, under CSP", async () => {
    const kitServer = await startServer({ csp: true, appScript: await kitPageScript() });
    const context = await browser.newContext({ locale: 'en-US' });
    try {
      const tab = await context.newPage();
      const errors: string[] = [];
      tab.on('pageerror', (error) => errors.push(error.message));
      tab.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      const readLog = (): Promise<KitLogEntry[]> => tab.evaluate(() => (globalThis as { __kitLog?: KitLogEntry[] }).__kitLog ?? []);
      await tab.goto(`${kitServer.origin}/`, { waitUntil: 'load' });
      const first = await readLog();
      await tab.reload({ waitUntil: 'load' });
      const second = await readLog();
      await tab.evaluate(() => history.pushState({}, '', '/orders'));
      const third = await readLog();
      expect(errors).toEqual([]);
      // By hand, from the fixtures: a new visitor gets the welcome message (recorded, then on
      // screen); the reload continues visit 1 as page view 2 (from localStorage), where nothing
      // qualifies (welcome is `once`); the SPA navigation to /orders is page view 3 and shows the
      // orders message.
      expect(first).toEqual([
        { shown: 'msg_welcome', onScreen: false, visit: 1, pageViews: 1, url: `${kitServer.origin}/`, deliveries: 0 },
        { shown: 'msg_welcome', onScreen: true, visit: 1, pageViews: 1, url: `${kitServer.origin}/`, deliveries: 1 },
      ]);
      expect(second).toEqual([{ shown: null, onScreen: false, visit: 1, pageViews: 2, url: `${kitServer.origin}/`, deliveries: 1 }]);
      expect(third.slice(1)).toEqual([
        { shown: 'msg_orders', onScreen: false, visit: 1, pageViews: 3, url: `${kitServer.origin}/orders`, deliveries: 1 },
        { shown: 'msg_orders', onScreen: true, visit: 1, pageViews: 3, url: `${kitServer.origin}/orders`, deliveries: 2 },
      ]);
    } finally {
      await context.close();
      await kitServer.close();
    }
  }, 60_000);
});
