/**
 * Rewrites `examples/*.json` from `proactive-messaging/examples` (`src/examples/`), the source of
 * the example data: `npx tsx examples/write-json.ts`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { exampleFiles } from './files.js';

const root = new URL('../', import.meta.url);
for (const [path, text] of exampleFiles()) writeFileSync(fileURLToPath(new URL(path, root)), text);
console.log(`wrote ${exampleFiles().size} files`);
