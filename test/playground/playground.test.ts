/**
 * The playground page in headless Chromium (Debian's, through playwright-core): it type-checks,
 * builds with `npm run playground`'s own functions, loads under its strict CSP with no console
 * error, no CSP violation and no request off its origin, renders the example set, updates at
 * once when the instant or the visitor changes, and draws a DST-exact week chart per message —
 * checked from the DOM and the SVG's data attributes, not from pixels. It saves the screenshot
 * of docs/playground.md (playground/screenshot.png).
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlayground, PLAYGROUND_CSP, servePlayground, type PlaygroundServer } from '../../scripts/playground.js';
import { chromiumPath, launchChromium, packageRoot } from '../browser/harness.js';

const available = existsSync(chromiumPath);
const ci = process.env.CI !== undefined && !/^(|0|false)$/i.test(process.env.CI);
if (!available && ci) throw new Error(`Chromium not found at ${chromiumPath}: the playground test is required in CI`);
if (!available) console.warn(`SKIPPING the playground browser test: Chromium not found at ${chromiumPath}`);

const HOUR = 3_600_000;

describe('the playground page source', () => {
  it('type-checks (playground/tsconfig.json)', () => {
    const configPath = join(packageRoot, 'playground/tsconfig.json');
    const config = ts.readConfigFile(configPath, ts.sys.readFile);
    const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, join(packageRoot, 'playground'));
    const program = ts.createProgram(parsed.fileNames, { ...parsed.options, noEmit: true });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => `${d.file ? relative(packageRoot, d.file.fileName) : ''} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect(diagnostics).toEqual([]);
  }, 60_000);
});

interface Seen {
  consoleErrors: string[];
  violations: string[];
  offOrigin: string[];
}

describe.runIf(available)('the playground in headless Chromium', () => {
  let browser: Browser;
  let server: PlaygroundServer;
  let page: Page;
  const seen: Seen = { consoleErrors: [], violations: [], offOrigin: [] };
  let loadMs = 0;

  /** Sets the instant field as a user typing would (an `input` event). */
  async function setInstant(iso: string): Promise<void> {
    await page.fill('#instant', iso);
  }

  async function decision(): Promise<string> {
    return (await page.getAttribute('.decision', 'data-message-id')) ?? '';
  }

  /** The rows (hours) and band spans of one message's chart, read from the SVG. */
  async function chart(id: string): Promise<{ hours: number[]; window: [string, string][]; eligible: [string, string][]; shown: [string, string][] }> {
    return page.evaluate((messageId) => {
      const svg = document.querySelector(`#message-cards svg.week[data-message-id="${messageId}"]`);
      if (svg === null) throw new Error(`no chart for ${messageId}`);
      const spans = (kind: string): [string, string][] => Array.from(svg.querySelectorAll(`rect.${kind}[data-from]`)).map((r) => [r.getAttribute('data-from') ?? '', r.getAttribute('data-to') ?? '']);
      return { hours: Array.from(svg.querySelectorAll('g.day-row')).map((g) => Number(g.getAttribute('data-hours'))), window: spans('window'), eligible: spans('eligible'), shown: spans('shown') };
    }, id);
  }

  const total = (spans: readonly [string, string][]): number => spans.reduce((sum, [from, to]) => sum + Date.parse(to) - Date.parse(from), 0) / HOUR;

  beforeAll(async () => {
    const dir = await buildPlayground(join(packageRoot, '.tmp/playground-test'));
    server = await servePlayground(dir, 0);
    browser = await launchChromium();
    // Another host zone than the page's data: nothing may depend on it.
    const context = await browser.newContext({ timezoneId: 'Asia/Kathmandu', locale: 'en-US', viewport: { width: 1360, height: 1400 } });
    await context.addInitScript(() => {
      const w = window as unknown as { __violations: string[] };
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`), true);
    });
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') seen.consoleErrors.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => seen.consoleErrors.push(`pageerror: ${e.message}`));
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url)) seen.offOrigin.push(r.url());
    });
    const started = Date.now();
    const response = await page.goto(server.url, { waitUntil: 'load' });
    await page.waitForSelector('html[data-ready="true"]');
    loadMs = Date.now() - started;
    expect(response?.headers()['content-security-policy']).toBe(PLAYGROUND_CSP);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads with no console error, no CSP violation and no request off its origin; measured', async () => {
    const renderMs = Number(await page.getAttribute('html', 'data-render-ms'));
    console.log(`[playground] load to first render: ${loadMs} ms (render ${renderMs.toFixed(0)} ms)`);
    expect(seen.consoleErrors).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(seen.offOrigin).toEqual([]);
  });

  it('renders the example set: the decision, every message with its verdict, tree and chart, the lint findings', async () => {
    expect(await decision()).toBe('msg_pricing_help');
    const cards = await page.$$eval('#message-cards article.message', (els) => els.map((e) => [e.getAttribute('data-message-id'), e.getAttribute('data-outcome'), e.getAttribute('data-reason')]));
    expect(cards).toHaveLength(10);
    expect(cards).toContainEqual(['msg_pricing_help', 'shown', '']);
    expect(cards).toContainEqual(['msg_ai_onboarding', 'outranked', 'outranked']);
    expect(cards).toContainEqual(['msg_de_after_hours', 'blocked', 'outsideSendWindow']);
    expect(await page.$$eval('#message-cards svg.week', (els) => els.length)).toBe(10);
    // Nothing is rendered outside the results (e.g. into an input).
    expect(await page.$$eval('#inputs article, #inputs svg', (els) => els.length)).toBe(0);
    // The shown message comes first.
    expect(await page.getAttribute('#message-cards article.message', 'data-message-id')).toBe('msg_pricing_help');
    // The annotated tree of the pricing help: its first leaf passed with the visitor's URL.
    const leaf = await page.textContent('#message-cards article[data-message-id="msg_pricing_help"] .tree li.leaf.passed');
    expect(leaf).toContain('pageUrl containsAnyOf ["/pricing","/preise"]');
    expect(leaf).toContain('https://shop.example/pricing');
    expect(await page.$$eval('.findings li.finding', (els) => els.map((e) => [e.getAttribute('data-code'), e.getAttribute('data-path')]))).toEqual([['duplicateName', '[4,"name"]']]);
  });

  it('draws the week: the pricing help is open Mon–Fri 09:00–18:00 and Sat 10:00–14:00 Berlin (49 h), and shown to Anna all that time', async () => {
    const c = await chart('msg_pricing_help');
    expect(c.hours).toEqual([24, 24, 24, 24, 24, 24, 24]);
    expect(total(c.window)).toBe(49);
    expect(c.window[0]).toEqual(['2026-11-23T08:00:00.000Z', '2026-11-23T17:00:00.000Z']);
    expect(total(c.eligible)).toBe(49);
    expect(total(c.shown)).toBe(49);
    // The AI onboarding qualifies all week (anytime), and is shown when the pricing help is not.
    const ai = await chart('msg_ai_onboarding');
    expect([total(ai.window), total(ai.eligible), total(ai.shown)]).toEqual([168, 168, 119]);
  });

  it('changing the instant changes the decision at once', async () => {
    await setInstant('2026-11-23T10:00:00Z');
    expect(await decision()).toBe('');
    expect(await page.textContent('.decision .shown')).toBe('Shows nothing');
    await page.click('button[data-shift="60000"]');
    expect(await decision()).toBe('msg_pricing_help');
    // 19:00 in Berlin: the pricing help's window is closed; the AI onboarding is shown.
    await setInstant('2026-11-23T18:00:30Z');
    expect(await decision()).toBe('msg_ai_onboarding');
  });

  it('the spring-forward week in Berlin: Sunday lasts 23 hours and the after-hours window is 1 hour shorter', async () => {
    await setInstant('2026-03-27T12:00:00Z');
    const c = await chart('msg_de_after_hours');
    expect(c.hours).toEqual([24, 24, 24, 24, 24, 24, 23]);
    // Outside Mon–Fri 09:00–18:00 and Sat 10:00–14:00: 167 − 49 = 118 hours that week (119 in others).
    expect(total(c.window)).toBe(118);
    const sunday = c.window.filter(([from]) => from.startsWith('2026-03-28T23') || from.startsWith('2026-03-29'));
    expect(sunday.map(([from, to]) => (Date.parse(to) - Date.parse(from)) / HOUR)).toEqual([23]);
    // The Sunday row's clock labels jump over 02:00: six real hours after midnight it is 07:00.
    const ticks = await page.$$eval('#message-cards svg.week[data-message-id="msg_de_after_hours"] g.day-row[data-hours="23"] text.tick', (els) => els.map((e) => e.textContent));
    expect(ticks).toEqual(['07:00', '13:00', '19:00']);
    const normal = await chart('msg_pricing_help');
    expect(normal.hours.at(-1)).toBe(23);
  });

  it('changing the visitor changes the decision at once', async () => {
    await page.selectOption('#visitor-example', '1');
    expect(await page.inputValue('#instant')).toBe('2026-11-23T18:30:15Z');
    expect(await decision()).toBe('msg_de_after_hours');
    // Edit the visitor's JSON: an English speaker does not get the German after-hours message.
    const text = await page.inputValue('#visitor-json');
    await page.fill('#visitor-json', text.replace('"de-DE"', '"en-GB"'));
    expect(await decision()).toBe('');
    await page.selectOption('#visitor-example', '0');
    expect(await decision()).toBe('msg_pricing_help');
  });

  it('an input that does not parse is reported next to the inputs, without an exception', async () => {
    await page.fill('#visitor-json', '{ "id": ');
    expect(await page.textContent('#input-errors')).toContain('visitor: not valid JSON');
    expect(await page.textContent('.decision .error')).toContain('Cannot decide');
    await page.selectOption('#visitor-example', '0');
    expect(seen.consoleErrors).toEqual([]);
  });

  it('negative control: an inline script is blocked by the page\u2019s CSP and reported', async () => {
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true;';
      document.head.append(s);
    });
    expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan === true)).toBe(false);
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations.some((v) => v.startsWith('script-src')))).toBe(true);
  });

  it('saves the screenshot of docs/playground.md (playground/screenshot.png)', async () => {
    await page.selectOption('#visitor-example', '0');
    await page.waitForSelector('html[data-ready="true"]');
    // The timing line changes on every run; without it the picture is the same bytes every time.
    await page.evaluate(() => {
      const status = document.getElementById('status');
      if (status !== null) status.textContent = '';
    });
    // Beside the page source, not in docs/: docs/ ships in the package, the picture need not.
    const file = join(packageRoot, 'playground/screenshot.png');
    await page.screenshot({ path: file, fullPage: false });
    expect(existsSync(file)).toBe(true);
  });
});
