/**
 * The layering, enforced: every `src/` file may import only from its own folder or from folders on
 * lower floors; the ground floor (`core/`) imports nothing else; `evaluate`'s import closure never
 * reaches the parse wing (issue text, `parse*`), so its bundle carries no messages; folders form
 * no cycles. Read from the sources' own import statements.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(fileURLToPath(new URL('../../src', import.meta.url)));

/** Floors, ground first. A folder may import from its own floor's other folders only without cycles. */
const FLOORS: Readonly<Record<string, number>> = {
  core: 0,
  check: 1,
  parse: 2,
  conditions: 3,
  schedule: 3,
  frequency: 3,
  evaluate: 4,
  message: 5,
  experience: 5,
  lint: 6,
  simulate: 6,
  schema: 7,
  adapters: 7,
  testing: 7,
  browser: 7,
  examples: 7,
  cli: 8,
  '.': 9, // src/index.ts
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** The relative imports of a file, resolved to source files (`.js` specifiers name `.ts` files). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/\b(?:import|export)\s[^;]*?\sfrom\s+'(\.[^']+)'/g)) {
    found.push(resolve(dirname(file), (match[1] as string).replace(/\.js$/, '.ts')));
  }
  return found;
}

function folderOf(file: string): string {
  const rel = relative(SRC, file);
  return rel.includes('/') ? (rel.split('/')[0] as string) : '.';
}

const all = files(SRC);
const graph = new Map(all.map((file) => [file, importsOf(file)]));

describe('layering of src/', () => {
  it('every folder has a floor', () => {
    for (const file of all) expect(Object.keys(FLOORS), relative(SRC, file)).toContain(folderOf(file));
  });

  it('every import resolves to a source file', () => {
    for (const [file, imports] of graph) for (const target of imports) expect(all, `${relative(SRC, file)} → ${relative(SRC, target)}`).toContain(target);
  });

  it('the ground floor imports nothing outside core/', () => {
    for (const [file, imports] of graph) {
      if (folderOf(file) !== 'core') continue;
      for (const target of imports) expect(folderOf(target), `${relative(SRC, file)} → ${relative(SRC, target)}`).toBe('core');
    }
  });

  it('no file imports from a higher floor', () => {
    for (const [file, imports] of graph) {
      const floor = FLOORS[folderOf(file)] as number;
      for (const target of imports) {
        expect(FLOORS[folderOf(target)] as number, `${relative(SRC, file)} → ${relative(SRC, target)}`).toBeLessThanOrEqual(floor);
      }
    }
  });

  it('folders form no cycle', () => {
    const edges = new Map<string, Set<string>>();
    for (const [file, imports] of graph) {
      for (const target of imports) {
        const [from, to] = [folderOf(file), folderOf(target)];
        if (from !== to) (edges.get(from) ?? edges.set(from, new Set()).get(from))?.add(to);
      }
    }
    const reaches = (from: string, goal: string, seen = new Set<string>()): boolean => {
      for (const next of edges.get(from) ?? []) {
        if (next === goal) return true;
        if (!seen.has(next) && (seen.add(next), reaches(next, goal, seen))) return true;
      }
      return false;
    };
    for (const folder of edges.keys()) expect(reaches(folder, folder), `${folder} imports itself through a cycle`).toBe(false);
  });

  it("evaluate's import closure never reaches the parse wing (its bundle carries no issue text)", () => {
    const closure = new Set<string>();
    const stack = [join(SRC, 'evaluate/evaluate.ts')];
    for (let file = stack.pop(); file !== undefined; file = stack.pop()) {
      if (closure.has(file)) continue;
      closure.add(file);
      stack.push(...(graph.get(file) ?? []));
    }
    const reached = [...closure].filter((file) => folderOf(file) === 'parse').map((file) => relative(SRC, file));
    expect(reached).toStrictEqual([]);
    expect(closure.size).toBeGreaterThan(10); // the walk really followed imports
  });

  it('the check can fail: a made-up upward import is caught', () => {
    const upward = [join(SRC, 'core/limits.ts'), join(SRC, 'evaluate/evaluate.ts')];
    expect(FLOORS[folderOf(upward[1] as string)] as number).toBeGreaterThan(FLOORS[folderOf(upward[0] as string)] as number);
  });
});
