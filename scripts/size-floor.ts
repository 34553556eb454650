/**
 * `npm run size:floor` (after `npm run build`): what the parts that `import { evaluate }` cannot
 * leave out weigh on their own, measured the way the size budgets are (`measureBundle`: esbuild,
 * browser, minified, gzip level 9) from the built per-module ESM files in `dist/`.
 *
 * The parse ⇔ evaluate law puts the one message and visitor checker inside `evaluate` (a message
 * compiles exactly when `parseMessage` accepts it, with the same first issue), and business hours
 * in any IANA zone need the schedule engine. Their sum is a floor under `evaluate` that no
 * trimming of the evaluator itself can go below — docs/dependencies.md compares it with the
 * budgets. Informational: prints, never fails.
 * @module
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { measureBundle, packageRoot } from './size.js';

/** Each part: what it is, and the `export … from` lines that bundle it (paths under `dist/`). */
const PARTS: readonly (readonly [string, readonly string[]])[] = [
  ['the one checker (message, visitor, options; first-failure runner)', ['check/message.js:messageCheck', 'check/visitor.js:visitorCheck', 'check/options.js:evaluateOptionsCheck', 'check/check.js:runCheck']],
  ['the schedule engine (business hours in any IANA zone)', ['schedule/prepare.js:prepareSchedule']],
  ['both together (a floor under import { evaluate })', ['check/message.js:messageCheck', 'check/visitor.js:visitorCheck', 'check/options.js:evaluateOptionsCheck', 'check/check.js:runCheck', 'schedule/prepare.js:prepareSchedule']],
  ['import { evaluate }', ['index.js:evaluate']],
];

function source(exports: readonly string[]): string {
  return exports
    .map((e) => {
      const [file, name] = e.split(':') as [string, string];
      return `export { ${name} } from ${JSON.stringify(resolve(packageRoot, 'dist', file))};`;
    })
    .join('\n');
}

if (!existsSync(resolve(packageRoot, 'dist/check/message.js'))) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(1);
}
for (const [label, exports] of PARTS) {
  const m = await measureBundle(source(exports), packageRoot);
  console.log(`${(m.gzipBytes / 1024).toFixed(2).padStart(6)} KB min+gzip  ${String(m.minBytes).padStart(6)} B min  ${label}`);
}
