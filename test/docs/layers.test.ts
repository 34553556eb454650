/**
 * The layering docs/contributing.md describes is the import graph: every folder of `src/` is in
 * its table, and no module imports from a folder of a later layer (`src/core/` imports nothing
 * outside itself). The table is the one description of the layers; this test holds the code to it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markedTable } from './markdown.js';

const root = resolve(import.meta.dirname, '../..');
const src = join(root, 'src');

/** Folder → floor, from the doc's table. */
function layers(): Map<string, number> {
  const { header, rows } = markedTable(readFileSync(join(root, 'docs/contributing.md'), 'utf8'), 'layers');
  expect(header).toEqual(['floor', 'folders', 'what lives there']);
  const out = new Map<string, number>();
  for (const row of rows) for (const folder of (row[1] ?? '').matchAll(/`([^`]+)`/g)) out.set(folder[1] ?? '', Number(row[0]));
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The top folder of `src/` a file belongs to (`''` for `src/index.ts`). */
const folderOf = (file: string): string => (relative(src, file).includes('/') ? (relative(src, file).split('/')[0] ?? '') : '');

/** Every relative import of a module (static, re-exports and dynamic). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => resolve(dirname(file), m[1] ?? ''));
}

describe('the layers of docs/contributing.md', () => {
  const table = layers();
  const files = sourceFiles(src);

  it('name every folder of src/', () => {
    const folders = [...new Set(files.map(folderOf).filter((f) => f !== ''))].sort();
    expect([...table.keys()].sort()).toEqual(folders);
  });

  it('are the import graph: nothing imports from a later layer, core imports nothing else', () => {
    const upward: string[] = [];
    for (const file of files) {
      const from = folderOf(file);
      if (from === '') continue; // src/index.ts, the public surface, may re-export any layer
      for (const target of importsOf(file)) {
        const to = folderOf(target);
        const wrong = from === 'core' ? to !== 'core' : (table.get(to) ?? Infinity) > (table.get(from) ?? -Infinity);
        if (wrong) upward.push(`${relative(root, file)} → ${relative(root, target)}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('would catch an upward import (the check can fail)', () => {
    expect((table.get('evaluate') ?? 0) > (table.get('check') ?? 0)).toBe(true);
    expect(importsOf(join(src, 'evaluate/evaluate.ts')).some((target) => folderOf(target) === 'check')).toBe(true);
  });
});
