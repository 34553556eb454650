/**
 * Real-browser harness: bundles the built library plus the vector runner for the browser,
 * serves it from a tiny `node:http` server on 127.0.0.1, and drives Debian's Chromium through
 * playwright-core. Every script the page runs is an external file (no inline scripts), so the
 * same page works under `Content-Security-Policy: script-src 'self'`.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import type { EnvironmentProbe, VectorOutcome } from './run-vectors.js';

export const packageRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const distEntry = resolve(packageRoot, 'dist/index.js');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags the browser tests launch Chromium with (playwright adds a fresh profile dir itself). */
export const chromiumArgs: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type BrowserAvailability = { readonly run: true } | { readonly run: false; readonly reason: string };

/**
 * Whether the browser suites can run. Without Chromium they skip with a message locally and
 * fail loudly when `CI` is set (`.ci/run` sets it and installs Debian's `chromium`).
 */
export function browserAvailability(): BrowserAvailability {
  if (!existsSync(distEntry)) {
    throw new Error(`${distEntry} is missing: run \`npm run build\` before the browser tests`);
  }
  if (existsSync(chromiumPath)) return { run: true };
  const reason = `Chromium not found at ${chromiumPath} (install Debian's \`chromium\` or set CHROMIUM_PATH)`;
  const ci = process.env.CI !== undefined && !/^(|0|false)$/i.test(process.env.CI);
  if (ci) throw new Error(`${reason}: the real-browser tests are required in CI`);
  console.warn(`SKIPPING real-browser tests: ${reason}.`);
  return { run: false, reason };
}

/**
 * `lines` (an ES module, imports resolved from `resolveDir`) bundled by esbuild into one classic
 * script for a test page: IIFE, ES2020 like the size budgets, minified unless `minify: false`.
 */
export async function classicScript(lines: readonly string[], resolveDir: string, sourcefile: string, minify = true): Promise<string> {
  const out = await build({
    stdin: { contents: lines.join('\n'), resolveDir, sourcefile, loader: 'js' },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify,
    logLevel: 'silent',
  });
  const file = out.outputFiles[0];
  if (!file) throw new Error(`esbuild produced no bundle for ${sourcefile}`);
  return file.text;
}

/** The page's bundle: the built library exposed as `globalThis.proactiveMessaging`, vectors run on load. */
export async function bundlePageScript(): Promise<string> {
  const here = resolve(packageRoot, 'test/browser');
  return classicScript(
    [
      `import * as lib from ${JSON.stringify(distEntry)};`,
      `import { vectors } from ${JSON.stringify(resolve(here, 'vectors.ts'))};`,
      `import { runVectors, probeEnvironment } from ${JSON.stringify(resolve(here, 'run-vectors.ts'))};`,
      'globalThis.proactiveMessaging = lib;',
      'globalThis.__pmResult = { env: probeEnvironment(), outcomes: runVectors(lib, vectors) };',
    ],
    here,
    'browser-entry.js',
  );
}

/** Registered before the library loads: records every CSP violation the page reports. */
const listenScript = `window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__cspViolations.push({ directive: e.violatedDirective, blockedURI: e.blockedURI, sample: e.sample, source: e.sourceFile + ':' + e.lineNumber });
}, true);
`;

/** A deliberate code-generation probe, for the negative control of the CSP test. */
const probeScript = `try { new Function('return 1')(); } catch (e) { window.__probeBlocked = true; }
`;

const page = (scripts: readonly string[]): string =>
  `<!doctype html><html><head><meta charset="utf-8"><title>proactive-messaging browser test</title>${scripts
    .map((s) => `<script src="${s}"></script>`)
    .join('')}</head><body></body></html>`;

export interface TestServer {
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * Serves `/` (listener + library), `/probe.html` (listener + code-generation probe + library)
 * and their scripts on 127.0.0.1 at a random port; with `csp`, every response carries
 * `Content-Security-Policy: script-src 'self'`.
 */
export async function startServer(options: { readonly csp: boolean; readonly appScript: string }): Promise<TestServer> {
  const routes: Record<string, readonly [string, string]> = {
    '/': ['text/html; charset=utf-8', page(['/listen.js', '/app.js'])],
    '/probe.html': ['text/html; charset=utf-8', page(['/listen.js', '/probe.js', '/app.js'])],
    '/listen.js': ['text/javascript; charset=utf-8', listenScript],
    '/probe.js': ['text/javascript; charset=utf-8', probeScript],
    '/app.js': ['text/javascript; charset=utf-8', options.appScript],
  };
  const server: Server = createServer((req, res) => {
    const route = routes[new URL(req.url ?? '/', 'http://127.0.0.1').pathname];
    const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
    if (options.csp) headers['Content-Security-Policy'] = "script-src 'self'";
    if (!route) {
      res.writeHead(req.url === '/favicon.ico' ? 204 : 404, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': route[0] }).end(route[1]);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: [...chromiumArgs], timeout: 60_000 });
}

export interface CspViolation {
  readonly directive: string;
  readonly blockedURI: string;
  readonly sample: string;
  readonly source: string;
}

export interface PageRun {
  readonly env: EnvironmentProbe;
  readonly outcomes: readonly VectorOutcome[];
  readonly cspViolations: readonly CspViolation[];
  readonly consoleErrors: readonly string[];
  readonly probeBlocked: boolean;
}

interface PageGlobals {
  __pmResult?: { env: EnvironmentProbe; outcomes: VectorOutcome[] };
  __cspViolations?: CspViolation[];
  __probeBlocked?: boolean;
}

/** Opens `url` in a fresh context with the given emulated zone and collects what the page saw. */
export async function runPage(browser: Browser, url: string, timezoneId: string): Promise<PageRun> {
  const context = await browser.newContext({ timezoneId, locale: 'en-US' });
  try {
    const tab = await context.newPage();
    const consoleErrors: string[] = [];
    tab.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') consoleErrors.push(`${message.type()}: ${message.text()}`);
    });
    tab.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
    await tab.goto(url, { waitUntil: 'load' });
    // Runs through the DevTools protocol, which the page's CSP does not govern.
    const globals = await tab.evaluate(() => {
      const g = globalThis as PageGlobals;
      return { result: g.__pmResult ?? null, violations: g.__cspViolations ?? [], probeBlocked: g.__probeBlocked === true };
    });
    if (!globals.result) throw new Error(`the page did not produce results; console: ${consoleErrors.join(' | ')}`);
    return {
      env: globals.result.env,
      outcomes: globals.result.outcomes,
      cspViolations: globals.violations,
      consoleErrors,
      probeBlocked: globals.probeBlocked,
    };
  } finally {
    await context.close();
  }
}

/** The library as Node loads it: the same built file the page bundles. */
export async function loadNodeLibrary(): Promise<Readonly<Record<string, unknown>>> {
  return (await import(pathToFileURL(distEntry).href)) as Readonly<Record<string, unknown>>;
}
