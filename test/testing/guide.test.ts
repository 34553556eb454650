import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const guide = readFileSync(join(root, 'docs/property-testing.md'), 'utf8');
const blocks = [...guide.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string);
const outDir = join(root, '.tmp/guide');

describe('docs/property-testing.md examples run', () => {
  it('has examples', () => expect(blocks.length).toBeGreaterThanOrEqual(4));

  it.each(blocks.map((code, i) => [i + 1, code] as const))('example %i', async (i, code) => {
    const source = code
      .replaceAll("'proactive-messaging/testing'", `'${pathToFileURL(join(root, 'src/testing/index.ts')).href}'`)
      .replaceAll("'proactive-messaging'", `'${pathToFileURL(join(root, 'src/index.ts')).href}'`);
    mkdirSync(outDir, { recursive: true });
    const file = join(outDir, `example-${i}.ts`);
    writeFileSync(file, source);
    // fc.assert throws when the property fails, so importing the module runs the example.
    await expect(import(pathToFileURL(file).href)).resolves.toBeDefined();
  });
});
