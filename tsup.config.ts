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
  'adapters/json-rules-engine/index': 'src/adapters/json-rules-engine/index.ts',
};

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
    external: ['fast-check', 'json-rules-engine'],
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
]);
