/**
 * Package checks on the packed tarball (one `npm pack` per run, shared by every check here):
 * publint, Are-the-types-wrong, and a scratch project that installs the tarball, imports every
 * entry in ESM and CJS, runs the bin, and type-checks against it with `moduleResolution`
 * `bundler` and `node16`. Needs `npm run build` first (`npm test` builds before vitest).
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
    for (const base of ['dist/index', 'dist/testing/index', 'dist/adapters/json-rules-engine/index']) {
      expect(packed.files).toEqual(expect.arrayContaining([`${base}.js`, `${base}.cjs`, `${base}.d.ts`, `${base}.d.cts`]));
    }
    expect(packed.files).toContain('dist/cli/main.js');
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

  it('passes Are the types wrong? for node16 (CJS and ESM) and bundler resolution', async () => {
    // Profile node16: `engines.node` is >=20, so node10 resolution (no `exports` support) is out of scope.
    const cli = join(repoModules, '@arethetypeswrong/cli/dist/index.js');
    const result = await command(process.execPath, [cli, packed.tarball, '--profile', 'node16', '--format', 'json'], packed.dir);
    const report = JSON.parse(result.stdout) as { analysis?: { problems?: { resolutionKind?: string }[] } };
    const problems = report.analysis?.problems ?? [{ resolutionKind: 'no analysis in attw output' }];
    expect(problems.filter((p) => p.resolutionKind !== 'node10')).toEqual([]);
    expect(result.code).toBe(0);
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
    expect(esm['proactive-messaging']).toContain('toEpochMs');
  });

  it('resolves package.json through the exports map', async () => {
    const out = await listExports(
      'version.cjs',
      `console.log(JSON.stringify({ version: [require('proactive-messaging/package.json').version] }));\n`,
    );
    const own = JSON.parse(await readFile(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
    expect(out.version).toEqual([own.version]);
  });

  it('links the proactive-messaging bin to an executable Node script that loads', async () => {
    const link = join(scratch, 'node_modules/.bin/proactive-messaging');
    expect(await readlink(link)).toMatch(/proactive-messaging\/dist\/cli\/main\.js$/);
    const script = await readFile(link, 'utf8');
    expect(script.startsWith('#!/usr/bin/env node\n')).toBe(true);
    const result = await command(link, ['--help'], scratch);
    expect(result.stderr).not.toMatch(/ERR_MODULE_NOT_FOUND|Cannot find (module|package)|SyntaxError/);
  });

  // Concurrent: the two compiler runs are the slowest part of this file.
  it.concurrent.for([
    ['bundler', ['check.ts']],
    ['node16', ['check.mts', 'check.cts']],
  ] as const)('type-checks against the package with moduleResolution %s', async ([kind, files], { expect }) => {
    for (const file of files) await writeFile(join(scratch, file), typeCheckSource);
    const config = `tsconfig.${kind}.json`;
    await writeFile(join(scratch, config), scratchTsconfig(kind, files));
    const tsc = join(repoModules, 'typescript/bin/tsc');
    const result = await command(process.execPath, [tsc, '-p', config], scratch);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
