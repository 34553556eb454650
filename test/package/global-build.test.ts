/**
 * The script-tag build (`dist/browser/proactive-messaging.global.js`, tsup `iife`): loaded as a
 * classic script in a bare `vm` context (no `window`, no `document`, no `require`), it defines one
 * global, `ProactiveMessaging`, holding exactly the widget set of size-budget.json, and works.
 * Needs `npm run build` first (`npm test` builds before vitest).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createContext, runInContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { findCodeGeneration, loadConfig } from '../../scripts/size.js';
import type { Message, Visitor } from '../../src/index.js';
import { scriptSubpaths, type Manifest } from './manifest.js';
import { packageRoot } from './tarball.js';

const file = 'dist/browser/proactive-messaging.global.js';
const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as Manifest;
const widget = loadConfig().budgets.find((b) => b.id === 'widget');

type WidgetSet = Record<string, unknown> & {
  evaluate(visitor: unknown, messages: unknown, now: unknown): { message: { id: string } | null; eligible: string[]; reevaluateAt: number | null };
};

let code: string;
let sandbox: Record<string, unknown>;
let global: WidgetSet;

beforeAll(() => {
  code = readFileSync(join(packageRoot, file), 'utf8');
  sandbox = createContext({});
  runInContext(code, sandbox, { filename: file });
  global = sandbox.ProactiveMessaging as WidgetSet;
});

const T0 = Date.parse('2026-11-23T10:00:00Z');

/** Shown on a pricing page after 30 s on it. */
const message: Message = {
  id: 'msg_pricing_help',
  name: 'Help on the pricing page',
  brandId: 'brand_1',
  channelId: 'web_main',
  status: 'live',
  publishedAt: '2026-11-01T09:00:00Z',
  response: { type: 'agent', text: 'Questions about our plans? We are here.', capture: [] },
  trigger: { event: 'timeOnPage', seconds: 30 },
  conditions: { all: [{ fact: 'pageUrl', operator: 'containsAnyOf', value: ['/pricing'] }] },
  tags: [],
  sendWindow: { type: 'anytime' },
  frequency: 'everyTime',
  priority: 0,
  metrics: { sent: 0, read: 0, replied: 0 },
  createdAt: '2026-11-01T09:00:00Z',
  updatedAt: '2026-11-20T12:00:00Z',
};

const visitorOn = (url: string): Visitor => ({
  id: 'v_1',
  channelId: 'web_main',
  visit: { id: 'visit_1', number: 1, startedAt: '2026-11-23T10:00:00Z', pageViews: 1 },
  page: { viewId: 'pv_1', url, title: 'Page', referrer: null, enteredAt: '2026-11-23T10:00:00Z' },
  language: 'en-US',
  deviceType: 'desktop',
  metadata: {},
  inActiveConversation: false,
  deliveries: [],
});

describe('script-tag build (IIFE)', () => {
  it('size-budget.json marks one widget budget, and package.json points unpkg, jsdelivr and exports at the file', () => {
    expect(widget?.imports.length).toBeGreaterThan(0);
    expect(manifest.unpkg).toBe(`./${file}`);
    expect(manifest.jsdelivr).toBe(`./${file}`);
    expect(scriptSubpaths(manifest)).toEqual(['./global.js']);
    expect(manifest.exports['./global.js']).toBe(`./${file}`);
  });

  it('defines the single global ProactiveMessaging and nothing else, without window or document', () => {
    expect(Object.keys(sandbox)).toEqual(['ProactiveMessaging']);
    expect(typeof global).toBe('object');
  });

  it('exposes exactly the widget set of size-budget.json, every name a function', () => {
    expect(Object.keys(global).sort()).toEqual([...(widget?.imports ?? [])].sort());
    for (const name of widget?.imports ?? []) expect(typeof global[name], name).toBe('function');
  });

  it('evaluate runs: nothing before 30 s on the pricing page, with reevaluateAt at 30 s, then the message', () => {
    const before = global.evaluate(visitorOn('https://shop.example/pricing'), [message], T0 + 10_000);
    expect(JSON.parse(JSON.stringify(before))).toMatchObject({ message: null, eligible: [], heldOut: [], reevaluateAt: T0 + 30_000 });
    const after = global.evaluate(visitorOn('https://shop.example/pricing'), [message], T0 + 30_000);
    expect(after.message?.id).toBe('msg_pricing_help');
    expect([...after.eligible]).toEqual(['msg_pricing_help']);
    const elsewhere = global.evaluate(visitorOn('https://shop.example/about'), [message], T0 + 30_000);
    expect(elsewhere.message).toBeNull();
  });

  it('decides as the ESM build does on the same input', async () => {
    const esm = (await import(pathToFileURL(join(packageRoot, 'dist/index.js')).href)) as WidgetSet;
    for (const [url, at] of [['https://shop.example/pricing', T0 + 10_000], ['https://shop.example/pricing', T0 + 31_000], ['https://shop.example/', T0]] as const) {
      const fromScript = JSON.stringify(global.evaluate(visitorOn(url), [message], at));
      expect(fromScript).toBe(JSON.stringify(esm.evaluate(visitorOn(url), [message], at)));
    }
  });

  it('is minified, has no module syntax, no code generation, and stays within the widget budget (or its ceiling)', () => {
    expect(code.split('\n').length).toBeLessThanOrEqual(3); // banner, body, final newline
    expect(code).not.toMatch(/\brequire\(|\bimport\(|^\s*(import|export)\s/m);
    expect(findCodeGeneration(code)).toEqual([]);
    const gzipBytes = gzipSync(code, { level: 9 }).byteLength;
    console.log(`script-tag build: ${(gzipBytes / 1024).toFixed(2)} KB min+gzip (${(code.length / 1024).toFixed(2)} KB min)`);
    // The widget budget, or its documented regression ceiling while the target is missed (size-budget.json).
    expect(gzipBytes).toBeLessThanOrEqual(widget?.missedTargetCeilingBytes ?? widget?.limitBytes ?? 0);
  });
});
