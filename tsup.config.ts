import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';

// `dist/` is emptied by `npm run build` (the `clean` script) once, before the configs run:
// tsup builds the configs of this array concurrently, so `clean: true` on one of them could
// delete another's output.
//
// The ESM build is NOT bundled: one output file per source module, so a browser bundler can drop
// whole modules thanks to `"sideEffects": false` (a single bundled `dist/index.js` made every
// top-level zod schema reachable from `import { evaluate }`). The CJS build serves Node, where
// bundle size does not matter, and stays bundled per entry.
//
// No source maps (no `sourcemap` option anywhere): they were 1.29 MB of a 2.19 MB unpacked
// package, and the output is readable without them (unminified, one ESM file per source module).
// See "Source maps" in docs/dependencies.md.
const library = {
  index: 'src/index.ts',
  'testing/index': 'src/testing/index.ts',
  'schema/index': 'src/schema/index.ts',
  'examples/index': 'src/examples/index.ts',
  'adapters/json-rules-engine/index': 'src/adapters/json-rules-engine/index.ts',
  'browser/index': 'src/browser/index.ts',
};

const root = dirname(fileURLToPath(import.meta.url));

/**
 * Entry of the script-tag build: the widget set is the `"id": "widget"` budget of
 * size-budget.json (its `imports` from the main entry and its `subpathImports`, the browser
 * kit), so the list of names is written once. tsup needs an entry file, so a few re-export lines
 * are generated into `.tmp/` (git-ignored) when this config loads.
 */
function widgetSetEntry(): string {
  const sizeBudget = JSON.parse(readFileSync(join(root, 'size-budget.json'), 'utf8')) as {
    budgets: { id?: string; imports: string[]; subpathImports?: Record<string, string[]> }[];
  };
  const [widget, ...others] = sizeBudget.budgets.filter((b) => b.id === 'widget');
  if (!widget || others.length > 0) throw new Error('size-budget.json needs exactly one budget with "id": "widget"');
  const lines = [`export { ${widget.imports.join(', ')} } from '../src/index.js';`];
  for (const [subpath, names] of Object.entries(widget.subpathImports ?? {})) {
    lines.push(`export { ${names.join(', ')} } from '../src/${subpath}/index.js';`);
  }
  const file = join(root, '.tmp/widget-set.global.ts');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

export default defineConfig([
  {
    // ESM: every library module transpiled on its own (imports keep their `.js` specifiers).
    // The zod schemas (`src/model/schema/`, `zod-*.ts`) are not shipped: they serve the JSON Schema
    // export and the differential test; zod is a dev dependency.
    entry: ['src/**/*.ts', '!src/cli/**', '!src/model/schema/**', '!src/model/zod-*.ts'],
    format: ['esm'],
    bundle: false,
    clean: false,
    target: 'es2022',
  },
  {
    // ESM declaration files for the three entries (`.d.ts`).
    entry: library,
    format: ['esm'],
    dts: { only: true },
    clean: false,
  },
  {
    // CJS: bundled per entry, with its own declaration files (`.d.cts`).
    entry: library,
    format: ['cjs'],
    dts: true,
    clean: false,
    target: 'es2022',
    // Dependencies and peers are external by default; the optional peers are listed explicitly.
    external: ['fast-check', 'json-rules-engine', 'zod'],
  },
  {
    // The command-line tool: Node only, ESM, executable.
    entry: { 'cli/main': 'src/cli/main.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    clean: false,
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    // Script tag, for pages without a bundler: the widget set (the browser kit included) as the
    // global `ProactiveMessaging` in one minified classic script (`dist/browser/proactive-messaging.global.js`). ES2020 like
    // the size budgets; the banner keeps the MIT notice in copies served from a CDN.
    entry: { 'browser/proactive-messaging': widgetSetEntry() },
    format: ['iife'],
    globalName: 'ProactiveMessaging',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    clean: false,
    banner: { js: `/*! proactive-messaging ${version} | (c) 2026 the proactive-messaging authors | MIT License */` },
  },
]);
