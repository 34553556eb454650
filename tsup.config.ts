import { defineConfig } from 'tsup';

// `dist/` is emptied by `npm run build` (the `clean` script) once, before both configs run:
// tsup builds the configs of this array concurrently, so `clean: true` on one of them could
// delete the other's output.
export default defineConfig([
  {
    // Library entries: ESM + CJS, each with its own declaration file (`.d.ts` / `.d.cts`).
    entry: {
      index: 'src/index.ts',
      'testing/index': 'src/testing/index.ts',
      'adapters/json-rules-engine/index': 'src/adapters/json-rules-engine/index.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: false,
    target: 'es2022',
    treeshake: true,
    splitting: true,
    // Dependencies and peers are external by default; the optional peers are listed explicitly.
    external: ['fast-check', 'json-rules-engine'],
  },
  {
    // The command-line tool: Node only, ESM, executable.
    entry: { 'cli/main': 'src/cli/main.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    clean: false,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
