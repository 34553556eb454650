/**
 * Package checks on the packed tarball (one `npm pack` per run, shared by every check here):
 * publint, Are-the-types-wrong, and a scratch project that installs the tarball, imports every
 * entry in ESM and CJS, runs the bin, and type-checks against it with `moduleResolution`
 * `bundler`, `node16` and `node10`. Needs `npm run build` first (`npm test` builds before vitest).
 */
import { readFile, readlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  command,
  entries,
  installIntoScratch,
  packageRoot,
  packPackage,
  removeDir,
  repoModules,
  scratchTsconfig,
  typeCheckSource,
  type PackedPackage,
} from './tarball.js';
import { scriptSubpaths, typedSubpaths, type Manifest } from './manifest.js';

interface AttwReport {
  readonly code: number;
  readonly problems: readonly { readonly kind?: string; readonly resolutionKind?: string }[];
  readonly entrypoints: Readonly<Record<string, { readonly resolutions: Readonly<Record<string, { readonly resolution?: { readonly fileName: string } }>> }>>;
}

const attwRuns = new Map<string, Promise<AttwReport>>();

/** Are-the-types-wrong on the packed tarball under one profile (each profile runs once per file). */
function attw(profile: 'strict' | 'node16' | 'esm-only'): Promise<AttwReport> {
  const cached = attwRuns.get(profile);
  if (cached) return cached;
  const run = (async () => {
    const cli = join(repoModules, '@arethetypeswrong/cli/dist/index.js');
    const manifest = JSON.parse(await readFile(join(packageRoot, 'package.json'), 'utf8')) as Manifest;
    // The script-tag build is a classic script with no exports: nothing to type, so not analysed.
    const scripts = scriptSubpaths(manifest).flatMap((subpath) => ['--exclude-entrypoints', subpath]);
    const args = [cli, packed.tarball, '--profile', profile, '--format', 'json', ...scripts];
    const result = await command(process.execPath, args, packed.dir);
    const report = JSON.parse(result.stdout) as { analysis?: { problems?: AttwReport['problems']; entrypoints?: AttwReport['entrypoints'] } };
    return {
      code: result.code,
      problems: report.analysis?.problems ?? [{ kind: 'no analysis in attw output' }],
      entrypoints: report.analysis?.entrypoints ?? {},
    };
  })();
  attwRuns.set(profile, run);
  return run;
}

/** tsc output as one string per diagnostic (indented lines continue the previous one). */
function tscDiagnostics(output: string): string[] {
  const diagnostics: string[] = [];
  for (const line of output.split('\n')) {
    if (line.trim() === '') continue;
    if (/^\s/.test(line) && diagnostics.length > 0) diagnostics[diagnostics.length - 1] += `\n${line}`;
    else diagnostics.push(line);
  }
  return diagnostics;
}

let packed: PackedPackage;
let scratch: string;

beforeAll(async () => {
  packed = await packPackage();
  scratch = await installIntoScratch(packed);
}, 240_000);

afterAll(async () => {
  await removeDir(packed?.dir);
});

describe('packed tarball', () => {
  it('contains the ESM and CJS builds with a declaration file per format, and no sources or tests', () => {
    for (const base of ['dist/index', 'dist/testing/index', 'dist/schema/index', 'dist/adapters/json-rules-engine/index', 'dist/browser/index']) {
      expect(packed.files).toEqual(expect.arrayContaining([`${base}.js`, `${base}.cjs`, `${base}.d.ts`, `${base}.d.cts`]));
    }
    expect(packed.files).toContain('dist/cli/main.js');
    expect(packed.files).toContain('dist/browser/proactive-messaging.global.js');
    expect(packed.files).toContain('package.json');
    expect(packed.files.filter((f) => /^(src|test|scripts|bench|node_modules)\//.test(f))).toEqual([]);
  });

  it('ships no source maps and no dangling sourceMappingURL comments (docs/dependencies.md, "Source maps")', async () => {
    expect(packed.files.filter((f) => f.endsWith('.map'))).toEqual([]);
    const installed = join(scratch, 'node_modules/proactive-messaging');
    const code = packed.files.filter((f) => /\.(c?js|d\.c?ts)$/.test(f));
    expect(code.length).toBeGreaterThan(0);
    const texts = await Promise.all(code.map(async (f) => [f, await readFile(join(installed, f), 'utf8')] as const));
    expect(texts.filter(([, text]) => text.includes('sourceMappingURL')).map(([f]) => f)).toEqual([]);
  });

  it('ships the MIT LICENSE that package.json names', async () => {
    expect(packed.files).toContain('LICENSE');
    const own = JSON.parse(await readFile(join(packageRoot, 'package.json'), 'utf8')) as { license: string };
    expect(own.license).toBe('MIT');
    // Read from the installed tarball, not the repo.
    const text = await readFile(join(scratch, 'node_modules/proactive-messaging/LICENSE'), 'utf8');
    expect(text.split('\n').slice(0, 3)).toEqual(['MIT License', '', 'Copyright (c) 2026 the proactive-messaging authors']);
  });

  it('passes publint (strict: warnings count as errors)', async () => {
    const tarball = await readFile(packed.tarball);
    const arrayBuffer = tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength);
    const { messages, pkg } = await publint({ pack: { tarball: arrayBuffer }, level: 'suggestion', strict: true });
    const lines = messages.map((m) => `${m.type}: ${formatMessage(m, pkg, { color: false }) ?? m.code}`);
    if (lines.length > 0) console.log(`publint:\n  ${lines.join('\n  ')}`);
    expect(messages.filter((m) => m.type !== 'suggestion').map((m) => m.code)).toEqual([]);
  });

  // attw's profiles: `strict` (its default) checks node10, node16 from CJS, node16 from ESM and
  // bundler; `node16` ignores node10 and `esm-only` also node16-from-CJS. Clean under `strict`
  // implies clean under the others; all three run so that "clean under every profile" is literal.
  // attw's JSON lists the problems of ignored resolutions too; the profile decides what counts.
  it.concurrent.for([
    ['strict', []],
    ['node16', ['node10']],
    ['esm-only', ['node10', 'node16-cjs']],
  ] as const)('passes Are the types wrong? under profile %s', async ([profile, ignored], { expect }) => {
    const report = await attw(profile);
    const counted = report.problems.filter((p) => !(ignored as readonly string[]).includes(p.resolutionKind ?? ''));
    expect(counted).toEqual([]);
    expect(report.code).toBe(0);
  });

  it('resolves every typed sub-path under node10 (typesVersions) to the declaration file of its require condition', async () => {
    const report = await attw('strict');
    const manifest = JSON.parse(await readFile(join(packageRoot, 'package.json'), 'utf8')) as Manifest;
    const typed = typedSubpaths(manifest);
    expect(typed.map(([subpath]) => subpath)).toEqual(expect.arrayContaining(['./testing', './json-rules-engine']));
    for (const [subpath, declarations] of typed) {
      const node10 = report.entrypoints[subpath]?.resolutions.node10?.resolution?.fileName;
      expect(node10, `${subpath} under node10`).toBe(`/node_modules/${manifest.name}/${declarations.replace(/^\.\//, '')}`);
    }
  });
});

describe('installed into a scratch project', () => {
  const listExports = async (file: string, source: string): Promise<Record<string, string[]>> => {
    await writeFile(join(scratch, file), source);
    const result = await command(process.execPath, [file], scratch);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as Record<string, string[]>;
  };

  it('imports every entry from ESM and from CJS with the same named exports', async () => {
    const list = JSON.stringify(entries);
    const esm = await listExports(
      'imports.mjs',
      `const out = {};\nfor (const e of ${list}) out[e] = Object.keys(await import(e)).sort();\nconsole.log(JSON.stringify(out));\n`,
    );
    const cjs = await listExports(
      'requires.cjs',
      `const out = {};\nfor (const e of ${list}) out[e] = Object.keys(require(e)).sort();\nconsole.log(JSON.stringify(out));\n`,
    );
    expect(Object.keys(esm)).toEqual([...entries]);
    expect(cjs).toEqual(esm);
    // The tarball carries this build: the same names as the repo's dist/index.js.
    const built = (await import(pathToFileURL(resolve(packageRoot, 'dist/index.js')).href)) as object;
    expect(esm['proactive-messaging']).toEqual(Object.keys(built).sort());
    expect(esm['proactive-messaging']).toContain('toInstant');
  });

  it('resolves package.json through the exports map', async () => {
    const out = await listExports(
      'version.cjs',
      `console.log(JSON.stringify({ version: [require('proactive-messaging/package.json').version] }));\n`,
    );
    const own = JSON.parse(await readFile(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
    expect(out.version).toEqual([own.version]);
  });

  it('resolves the script-tag build through the exports map (to copy or serve it)', async () => {
    const out = await listExports(
      'global.cjs',
      `console.log(JSON.stringify({ file: [require.resolve('proactive-messaging/global.js')] }));\n`,
    );
    expect(out.file).toEqual([join(scratch, 'node_modules/proactive-messaging/dist/browser/proactive-messaging.global.js')]);
  });

  it('links the proactive-messaging bin to an executable Node script that loads', async () => {
    const link = join(scratch, 'node_modules/.bin/proactive-messaging');
    expect(await readlink(link)).toMatch(/proactive-messaging\/dist\/cli\/main\.js$/);
    const script = await readFile(link, 'utf8');
    expect(script.startsWith('#!/usr/bin/env node\n')).toBe(true);
    const result = await command(link, ['--help'], scratch);
    expect(result.stderr).not.toMatch(/ERR_MODULE_NOT_FOUND|Cannot find (module|package)|SyntaxError/);
  });

  // Concurrent: the compiler runs are the slowest part of this file.
  it.concurrent.for([
    ['bundler', ['check.ts']],
    ['node16', ['check.mts', 'check.cts']],
    // node10 knows no `exports`: the sub-paths resolve through `typesVersions` (TS2307 without it).
    ['node10', ['check-node10.ts']],
  ] as const)('type-checks against the package with moduleResolution %s', async ([kind, files], { expect }) => {
    for (const file of files) await writeFile(join(scratch, file), typeCheckSource);
    const config = `tsconfig.${kind}.json`;
    await writeFile(join(scratch, config), scratchTsconfig(kind, files));
    const tsc = join(repoModules, 'typescript/bin/tsc');
    const result = await command(process.execPath, [tsc, '-p', config], scratch);
    const diagnostics = tscDiagnostics(result.stdout + result.stderr);
    // Under node10 two optional peers' own declarations fail, their limitations, not this package's:
    // fast-check 4 imports `pure-rand/types/…` through pure-rand's `exports`, which node10 cannot
    // see (TS2307), and zod 4's CJS locale declarations default-import CJS modules, which needs
    // `esModuleInterop` (TS1259).
    const foreignPeer = (d: string): boolean =>
      (/node_modules\/fast-check\//.test(d) && d.includes('error TS2307') && d.includes('pure-rand')) ||
      (/node_modules\/zod\//.test(d) && d.includes('error TS1259'));
    const foreign = kind === 'node10' ? diagnostics.filter(foreignPeer) : [];
    expect(diagnostics.filter((d) => !foreign.includes(d))).toEqual([]);
    if (foreign.length === 0) expect(result.code).toBe(0);
  });
});
