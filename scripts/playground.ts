/**
 * `npm run playground`: builds the playground page from the library's sources (esbuild: one
 * classic script, no eval, no inline code) into `.tmp/playground/` (git-ignored), serves it on
 * 127.0.0.1 with `Content-Security-Policy: default-src 'self'; script-src 'self'`, and prints the
 * URL. The page makes no network request beyond its own three files.
 *
 * Options: `--port N` (default: a free port), `--build-only` (build, print the folder, exit).
 */
import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Where `npm run playground` writes the page (git-ignored with the rest of `.tmp/`). */
export const PLAYGROUND_DIR = join(root, '.tmp/playground');
/** The page's Content-Security-Policy, sent as a header and repeated in the page's `<meta>`. */
export const PLAYGROUND_CSP = "default-src 'self'; script-src 'self'";

const FILES: Readonly<Record<string, string>> = {
  '/': 'index.html',
  '/index.html': 'index.html',
  '/app.js': 'app.js',
  '/style.css': 'style.css',
};
const TYPES: Readonly<Record<string, string>> = {
  'index.html': 'text/html; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'style.css': 'text/css; charset=utf-8',
};

/**
 * Builds the page into `outDir`: `index.html`, `style.css` and the bundled `app.js`.
 * @example
 * ```ts
 * await buildPlayground(); // '…/.tmp/playground'
 * ```
 */
export async function buildPlayground(outDir: string = PLAYGROUND_DIR): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [join(root, 'playground/main.ts')],
    outfile: join(outDir, 'app.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const script = readFileSync(join(outDir, 'app.js'), 'utf8');
  if (/\beval\(|new Function\(/.test(script)) throw new Error('the playground bundle generates code, which its CSP forbids');
  copyFileSync(join(root, 'playground/index.html'), join(outDir, 'index.html'));
  copyFileSync(join(root, 'playground/style.css'), join(outDir, 'style.css'));
  writeFileSync(join(outDir, 'BUILT_BY.txt'), 'npm run playground (scripts/playground.ts); do not edit, rebuild\n');
  return outDir;
}

/** A running playground server. */
export interface PlaygroundServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves a built playground folder on 127.0.0.1 (its three files only, each with the CSP).
 * @example
 * ```ts
 * const server = await servePlayground(await buildPlayground(), 0);
 * console.log(server.url);
 * ```
 */
export async function servePlayground(dir: string = PLAYGROUND_DIR, port = 0): Promise<PlaygroundServer> {
  const server: Server = createServer((req, res) => {
    const headers = { 'Content-Security-Policy': PLAYGROUND_CSP, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' };
    const name = FILES[new URL(req.url ?? '/', 'http://127.0.0.1').pathname];
    if (req.method !== 'GET' || name === undefined) {
      res.writeHead(req.url === '/favicon.ico' ? 204 : 404, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': TYPES[name] as string }).end(readFileSync(join(dir, name)));
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

async function main(argv: readonly string[]): Promise<void> {
  const dir = await buildPlayground();
  if (argv.includes('--build-only')) {
    process.stdout.write(`Playground built in ${dir}\n`);
    return;
  }
  const at = argv.indexOf('--port');
  const port = at >= 0 ? Number(argv[at + 1]) : 0;
  const server = await servePlayground(dir, Number.isInteger(port) && port >= 0 ? port : 0);
  process.stdout.write(`Playground: ${server.url}  (built in ${dir}; Ctrl-C to stop)\n`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`playground: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
