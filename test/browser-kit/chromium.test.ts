/**
 * The browser kit in headless Chromium: the built package (`dist/browser/index.js` with
 * `dist/index.js`), served from 127.0.0.1 under `Content-Security-Policy: script-src 'self'`,
 * with real page loads, `localStorage`, `crypto.randomUUID` and `history`. Only the clock is
 * injected (the test advances it). Each step's page events are replayed on the model of
 * model.ts in Node: every decision the page pushed must equal `evaluate` on the model's visitor
 * with the complete history, and the history the page keeps must be the one worked out by hand.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate, parseVisitor, type Decision, type Visitor } from '../../src/index.js';
import { browserAvailability, classicScript, launchChromium, packageRoot } from '../browser/harness.js';
import { MESSAGES, MINUTE, T0 } from './fixtures.js';
import { VisitorModel } from './model.js';
import type { PageEvent, PageTest } from './page-app.js';
import { summary } from './session.js';

const availability = browserAvailability();

async function bundle(): Promise<string> {
  const here = resolve(packageRoot, 'test/browser-kit');
  return classicScript(
    [
      `import * as lib from ${JSON.stringify(resolve(packageRoot, 'dist/index.js'))};`,
      `import * as kitLib from ${JSON.stringify(resolve(packageRoot, 'dist/browser/index.js'))};`,
      `import { startPage } from ${JSON.stringify(resolve(here, 'page-app.ts'))};`,
      'startPage(lib, kitLib);',
    ],
    here,
    'browser-kit-entry.js',
  );
}

/** `/shop/*`: the shop's pages (all the same HTML); `/frame-host`: a page with the shop in a sandboxed frame. */
async function serve(script: string): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const headers = { 'Cache-Control': 'no-store', 'Content-Type': 'text/html; charset=utf-8' };
    if (path === '/app.js') res.writeHead(200, { ...headers, 'Content-Type': 'text/javascript; charset=utf-8' }).end(script);
    else if (path.startsWith('/shop/')) {
      res.writeHead(200, { ...headers, 'Content-Security-Policy': "script-src 'self'" }).end('<!doctype html><html><head><meta charset="utf-8"><title>Acme shop</title><script src="/app.js"></script></head><body></body></html>');
    } else if (path === '/frame-host') {
      res.writeHead(200, headers).end('<!doctype html><html><head><title>host</title></head><body><iframe sandbox="allow-scripts" src="/shop/framed"></iframe></body></html>');
    } else res.writeHead(path === '/favicon.ico' ? 204 : 404, headers).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise<void>((done) => server.close(() => done())) };
}

type Globals = { __kitTest?: PageTest };

const drain = (target: Page | Frame): Promise<PageEvent[]> => target.evaluate(() => (globalThis as Globals).__kitTest?.drain() ?? []);

describe.runIf(availability.run)('browser kit in headless Chromium (real page loads, localStorage, history)', () => {
  let browser: Browser;
  let server: { origin: string; close(): Promise<void> };

  beforeAll(async () => {
    server = await serve(await bundle());
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function newPage(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser.newContext({ locale: 'en-US', timezoneId: 'UTC' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    return { context, page, errors };
  }

  it('3 page loads, an SPA navigation, dismissals, the tab hidden, and a new visit: every decision is evaluate’s on the complete history', async () => {
    const { context, page, errors } = await newPage();
    const shop = (path: string): string => `${server.origin}/shop${path}`;
    const model = new VisitorModel(30 * MINUTE, 'web_main', { title: () => 'Acme shop', language: 'en-US', deviceType: 'desktop' });
    const pushed: { now: number; message: string | null; onScreen: boolean }[] = [];
    const idMap = new Map<string, string>();
    let lastModel: Decision | null = null;

    /** Replays the page's events on the model: decisions must match, effects feed the history. */
    const replay = async (): Promise<void> => {
      for (const event of await drain(page)) {
        if (event.kind === 'storageProblem') throw new Error(`unexpected storage problem ${event.reason}`);
        if (event.kind === 'effects') {
          const shown = lastModel;
          model.apply(event.effects, event.now, (id) => shown?.message?.id === id && !shown.onScreen);
          continue;
        }
        idMap.set(event.visitor.page.viewId, model.page.viewId);
        idMap.set(event.visitor.visit.id, model.visit.id);
        lastModel = evaluate(model.visitor(event.visitor.id), MESSAGES, event.now);
        expect(summary(event.decision), `decision at ${new Date(event.now).toISOString()}`).toEqual(summary(lastModel));
        pushed.push({ now: event.now - T0, message: event.decision.message?.id ?? null, onScreen: event.decision.onScreen });
      }
      // The page's visitor parses and agrees with the model; one timer, for reevaluateAt.
      const state = await page.evaluate(() => {
        const test = (globalThis as Globals).__kitTest as PageTest;
        return { visitor: test.kit.visitor() as Visitor, decision: test.kit.decision(), pending: test.clock.pending(), now: test.clock.now() };
      });
      expect(parseVisitor(state.visitor).ok).toBe(true);
      expect([state.visitor.visit.number, state.visitor.visit.pageViews, state.visitor.page.url, state.visitor.language, state.visitor.deviceType]).toEqual([
        model.visit.number,
        model.visit.pageViews,
        model.url,
        'en-US',
        'desktop',
      ]);
      expect(idMap.get(state.visitor.page.viewId)).toBe(model.page.viewId);
      expect(state.pending).toEqual(state.decision?.reevaluateAt == null ? [] : [state.decision.reevaluateAt]);
    };
    const now = (): Promise<number> => page.evaluate(() => ((globalThis as Globals).__kitTest as PageTest).clock.now());
    const advance = async (ms: number): Promise<void> => {
      await page.evaluate((delay) => ((globalThis as Globals).__kitTest as PageTest).clock.advance(delay), ms);
      await replay();
    };
    const ui = async (type: 'dismiss' | 'open' | 'close'): Promise<void> => {
      await page.evaluate((event) => ((globalThis as Globals).__kitTest as PageTest).widget.dispatch({ type: event }), type);
      await replay();
    };
    const load = async (path: string, at: number): Promise<void> => {
      model.pageView(at, shop(path), null);
      await page.goto(shop(path), { waitUntil: 'load' });
      await replay();
    };

    try {
      // Load 1: a new visitor on the pricing page.
      await load('/pricing', T0);
      await ui('dismiss'); // the welcome message
      await advance(30_000); // 30 s on the page: pricing help
      // An SPA navigation: a new page view with the previous URL as referrer.
      model.pageView(await now(), shop('/orders'), shop('/pricing'));
      await page.evaluate(() => history.pushState({}, '', '/shop/orders'));
      await replay();
      expect(await page.evaluate(() => ((globalThis as Globals).__kitTest as PageTest).kit.visitor()?.page.referrer)).toBe(shop('/pricing'));
      await advance(5 * MINUTE);
      // Load 2: the same visit.
      await load('/orders', await now());
      await ui('dismiss');
      // The tab hidden for 2 minutes (visibilityState is simulated: headless pages are always visible).
      await page.evaluate(() => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
        document.dispatchEvent(new Event('visibilitychange'));
      });
      expect(await page.evaluate(() => ((globalThis as Globals).__kitTest as PageTest).clock.pending())).toEqual([]);
      await page.evaluate(() => ((globalThis as Globals).__kitTest as PageTest).clock.advance(2 * 60_000));
      expect(await drain(page)).toEqual([]); // nothing pushed while hidden
      model.becameVisible(await now());
      await page.evaluate(() => {
        delete (document as { visibilityState?: string }).visibilityState; // the real getter again: 'visible'
        document.dispatchEvent(new Event('visibilitychange'));
      });
      await replay();
      // 31 minutes away, then load 3: a new visit.
      await advance(31 * MINUTE);
      await load('/pricing', await now());
      await advance(30_000);

      // The pushes, worked out by hand from fixtures.ts (ms after T0, message, on screen).
      const visit2 = 7 * MINUTE + 30_000 + 31 * MINUTE;
      expect(pushed).toEqual([
        { now: 0, message: 'msg_welcome', onScreen: false },
        { now: 0, message: 'msg_welcome', onScreen: true },
        { now: 0, message: null, onScreen: false }, // dismissed; pricing help waits for 30 s
        { now: 30_000, message: 'msg_pricing', onScreen: false },
        { now: 30_000, message: 'msg_pricing', onScreen: true },
        { now: 30_000, message: 'msg_orders', onScreen: false }, // the SPA navigation
        { now: 30_000, message: 'msg_orders', onScreen: true },
        { now: 2 * MINUTE, message: 'msg_orders', onScreen: true }, // 2 min on the site: long visit eligible behind it
        { now: 5 * MINUTE + 30_000, message: 'msg_orders', onScreen: false }, // load 2: everyTime
        { now: 5 * MINUTE + 30_000, message: 'msg_orders', onScreen: true },
        { now: 5 * MINUTE + 30_000, message: 'msg_long_visit', onScreen: false }, // orders dismissed
        { now: 5 * MINUTE + 30_000, message: 'msg_long_visit', onScreen: true },
        { now: 7 * MINUTE + 30_000, message: 'msg_long_visit', onScreen: true }, // visible again
        { now: visit2, message: 'msg_returning', onScreen: false }, // load 3, visit 2
        { now: visit2, message: 'msg_returning', onScreen: true },
        { now: visit2 + 30_000, message: 'msg_returning', onScreen: true }, // pricing help eligible, returning stays
      ]);
      // What the page stores: compacted at load 3 (once messages keep their latest; of the rest of
      // visit 1 only the dismissed orders delivery stays: the latest of another message than the
      // latest delivery, where a cooldown of msg_long_visit would start).
      const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('proactive-messaging:visitor') ?? 'null') as { version: number; visitor: Visitor });
      expect(stored.version).toBe(1);
      expect(stored.visitor.deliveries.map((d) => [d.messageId, idMap.get(d.visitId), d.dismissed === true])).toEqual([
        ['msg_welcome', 'model_visit_1', true],
        ['msg_orders', 'model_visit_1', true],
        ['msg_long_visit', 'model_visit_1', false],
        ['msg_returning', 'model_visit_2', false],
      ]);
      expect(model.deliveries.map((d) => d.messageId)).toEqual(['msg_welcome', 'msg_pricing', 'msg_orders', 'msg_orders', 'msg_long_visit', 'msg_returning']);
      expect(stored.visitor.id).toMatch(/^v_[0-9a-f-]{36}$/); // crypto.randomUUID
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('corrupt localStorage: the page starts fresh, says so, and works', async () => {
    const { context, page, errors } = await newPage();
    try {
      await page.goto(`${server.origin}/shop/`, { waitUntil: 'load' });
      await page.evaluate(() => localStorage.setItem('proactive-messaging:visitor', '{"version":1,"visitor":{"id":'));
      await page.reload({ waitUntil: 'load' });
      const events = await drain(page);
      expect(events[0]).toEqual({ kind: 'storageProblem', reason: 'corrupt', freshStart: true });
      expect(events.filter((e) => e.kind === 'decision').map((e) => (e.kind === 'decision' ? [e.visitor.visit.number, e.decision.message?.id] : []))).toEqual([
        [1, 'msg_welcome'],
        [1, 'msg_welcome'],
      ]);
      expect(await page.evaluate(() => JSON.parse(localStorage.getItem('proactive-messaging:visitor') ?? 'null')?.version)).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('blocked storage (a sandboxed frame, where touching localStorage throws SecurityError): reported, the kit works in memory', async () => {
    const { context, page, errors } = await newPage();
    try {
      await page.goto(`${server.origin}/frame-host`, { waitUntil: 'load' });
      const frame = page.frames().find((f) => f.url().endsWith('/shop/framed'));
      expect(frame).toBeDefined();
      const target = frame as Frame;
      await target.waitForFunction(() => (globalThis as Globals).__kitTest !== undefined);
      expect(await target.evaluate(() => { try { return typeof localStorage; } catch (error) { return (error as Error).name; } })).toBe('SecurityError');
      const events = await drain(target);
      expect(events.filter((e) => e.kind === 'storageProblem')).toEqual([{ kind: 'storageProblem', reason: 'blocked', freshStart: true }]);
      expect(events.filter((e) => e.kind === 'decision').map((e) => (e.kind === 'decision' ? e.decision.message?.id : null))).toEqual(['msg_welcome', 'msg_welcome']);
      await target.evaluate(() => history.pushState({}, '', '/shop/orders'));
      expect((await drain(target)).filter((e) => e.kind === 'decision').map((e) => (e.kind === 'decision' ? [e.visitor.visit.pageViews, e.decision.message?.id] : []))).toEqual([
        [2, 'msg_orders'],
        [2, 'msg_orders'],
      ]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
