/**
 * Every TypeScript sample in README.md and docs/*.md is type-checked and run as written, and
 * every output it shows (`//=> value`) is asserted, so neither a sample nor its output can rot.
 * See test/docs/extract.ts for the convention.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { extractSamples, instrument, joinParts, rewriteImports, unitsOf, type Unit } from './extract.js';
import { reached } from './runtime.js';

const root = resolve(import.meta.dirname, '../..');
const outDir = join(root, '.tmp/docs-samples');
const allDocs = [...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`), 'README.md'];
/** `DOCS_SAMPLES=docs/a.md,docs/b.md npx vitest run test/docs/samples.test.ts` runs only those pages (while writing them). */
const only = process.env.DOCS_SAMPLES?.split(',').filter((doc) => doc !== '');
const docs = only === undefined ? allDocs : allDocs.filter((doc) => only.includes(doc));
const units: Unit[] = docs.flatMap((doc) => unitsOf(extractSamples(readFileSync(join(root, doc), 'utf8'), doc)));

/** Each entry point of `exports` → its source file (`./dist/x/index.js` is built from `src/x/index.ts`). */
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, string | { import?: { default?: string } }>;
};
const ENTRY_SOURCES = new Map(
  Object.entries(manifest.exports).flatMap(([subpath, target]) => {
    const built = typeof target === 'string' ? undefined : target.import?.default;
    if (built === undefined || !built.startsWith('./dist/')) return [];
    const specifier = subpath === '.' ? 'proactive-messaging' : `proactive-messaging/${subpath.slice(2)}`;
    return [[specifier, join(root, built.replace(/^\.\/dist\//, 'src/'))] as const];
  }),
);

/** The file written for a unit. */
function fileFor(unit: Unit): string {
  return join(outDir, `${unit.name.replace(/[/.:]/g, '_')}.ts`);
}

interface Written {
  readonly unit: Unit;
  readonly file: string;
  readonly checks: readonly string[];
  /** `doc:line` of each line of the file (the first line is the injected header). */
  readonly origin: readonly string[];
}

/** Writes the instrumented module of a unit: one header line, then the sample, line for line. */
function write(unit: Unit): Written {
  const file = fileFor(unit);
  const { code, origin } = joinParts(unit);
  const { code: checked, checks } = instrument(code, origin);
  const relativeTo = (target: string): string => {
    const path = relative(outDir, target).replaceAll('\\', '/').replace(/\.ts$/, '.js');
    return path.startsWith('.') ? path : `./${path}`;
  };
  const header = checks.length === 0 ? '' : `import { expect } from 'vitest'; import { __shown, __startsWith } from '${relativeTo(join(root, 'test/docs/runtime.ts'))}';`;
  const body = rewriteImports(checked, (specifier) => {
    const source = ENTRY_SOURCES.get(specifier);
    return source === undefined ? undefined : relativeTo(source);
  });
  writeFileSync(file, `${header}\n${body}\n\nexport {};\n`);
  return { unit, file, checks, origin: [`${unit.name} (header)`, ...origin] };
}

let written: Written[] = [];

beforeAll(() => {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  written = units.map(write);
}, 60_000);

afterAll(() => {
  vi.restoreAllMocks();
});

describe('docs samples', () => {
  it('finds samples in the guides, all of them run', () => {
    if (only === undefined) expect(units.length).toBeGreaterThanOrEqual(40);
    else expect(units.length).toBeGreaterThan(0);
  });

  it('every sample type-checks as written (it imports all it uses)', () => {
    const config = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
    const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
    const files = written.map((w) => w.file);
    const program = ts.createProgram(files, { ...parsed.options, noEmit: true, noUnusedLocals: false });
    const text = written.flatMap((w) => {
      const source = program.getSourceFile(w.file);
      const diagnostics = source === undefined ? [] : [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
      return diagnostics.map((d) => {
        const line = d.start === undefined ? undefined : source?.getLineAndCharacterOfPosition(d.start).line;
        return `${line === undefined ? w.unit.name : (w.origin[line] ?? w.unit.name)} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
      });
    });
    expect(text).toEqual([]);
  });

  it.each(units.map((unit) => [unit.name, unit] as const))('%s runs, and shows what it gives', async (name, unit) => {
    const w = written.find((entry) => entry.unit === unit);
    if (w === undefined) throw new Error(`not written: ${name}`);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await import(pathToFileURL(w.file).href);
    } finally {
      log.mockRestore();
    }
    const missed = w.checks.filter((where) => !reached.has(where));
    expect(missed, 'shown outputs the sample never reached').toEqual([]);
  });
});

describe('the samples convention', () => {
  beforeAll(() => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
  });

  it('shown outputs are checked: a wrong //=> fails the run', async () => {
    const unit: Unit = { name: 'self-test:1', parts: [{ doc: 'self-test', line: 1, code: "const x = [1, 2].map((n) => n * 2); //=> [2, 5]", continued: false }] };
    const w = write(unit);
    await expect(import(pathToFileURL(w.file).href)).rejects.toThrow(/the output shown at self-test:2/);
  });

  it('"…" stands for other keys and later items, never for a wrong value', async () => {
    const code = [
      "const o = { a: 1, b: [1, 2, 3] }; //=> { b: [1, …], … }",
      "console.log(o.b); //=> [1, 2,",
      "// 3]",
    ].join('\n');
    const ok: Unit = { name: 'self-test:10', parts: [{ doc: 'self-test', line: 10, code, continued: false }] };
    await expect(import(pathToFileURL(write(ok).file).href)).resolves.toBeDefined();
    expect(reached.has('self-test:11')).toBe(true);
    expect(reached.has('self-test:12')).toBe(true);
    const bad: Unit = { name: 'self-test:20', parts: [{ doc: 'self-test', line: 20, code: "const o = { a: 1, b: 2 }; //=> { a: 2, … }", continued: false }] };
    await expect(import(pathToFileURL(write(bad).file).href)).rejects.toThrow(/self-test:21/);
  });

  it('an arrow comment that would not be checked is refused', () => {
    const unit: Unit = { name: 'self-test:30', parts: [{ doc: 'self-test', line: 30, code: "const x = 1; // → 1", continued: false }] };
    expect(() => write(unit)).toThrow(/must be written "\/\/=> value"/);
  });
});
