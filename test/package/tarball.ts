/**
 * Helpers of the package checks: pack the built package once, install the tarball into a
 * scratch project under the OS temp dir (offline first), run tools there.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const packageRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const repoModules = join(packageRoot, 'node_modules');

/** Sub-path entries of the `exports` map, as a consumer imports them. */
export const entries = ['proactive-messaging', 'proactive-messaging/testing', 'proactive-messaging/schema', 'proactive-messaging/json-rules-engine', 'proactive-messaging/browser'] as const;

/** Optional peers of the sub-path entries, linked from this repo's install into the scratch project. */
export const optionalPeers = ['fast-check', 'json-rules-engine', 'zod'] as const;

export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command without a shell; never throws on a non-zero exit. */
export async function command(file: string, args: readonly string[], cwd: string): Promise<CommandResult> {
  try {
    const { stdout, stderr } = await run(file, [...args], {
      cwd,
      maxBuffer: 32 * 1024 * 1024,
      timeout: 180_000,
      env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number | string; stdout?: string; stderr?: string; message: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? e.message };
  }
}

export interface PackedPackage {
  readonly dir: string;
  readonly tarball: string;
  /** Paths inside the tarball, relative to the package root. */
  readonly files: readonly string[];
}

/** `npm pack` of the already built package into a fresh temp dir. */
export async function packPackage(): Promise<PackedPackage> {
  if (!existsSync(join(packageRoot, 'dist/index.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  const dir = await mkdtemp(join(tmpdir(), 'pm-pack-'));
  const packed = await command('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], packageRoot);
  if (packed.code !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
  const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  if (!info) throw new Error('npm pack printed no result');
  return { dir, tarball: join(dir, info.filename), files: info.files.map((f) => f.path) };
}

/**
 * A scratch project with the tarball installed (`npm install --offline`, falling back to
 * `--prefer-offline` when the cache lacks something) and the optional peers linked in.
 */
export async function installIntoScratch(packed: PackedPackage): Promise<string> {
  const dir = join(packed.dir, 'scratch');
  await mkdir(dir);
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
  const flags = ['--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock'];
  let installed = await command('npm', ['install', '--offline', ...flags, packed.tarball], dir);
  if (installed.code !== 0) {
    console.warn(`offline install failed, retrying with --prefer-offline: ${installed.stderr.split('\n').slice(-3).join(' ')}`);
    installed = await command('npm', ['install', '--prefer-offline', ...flags, packed.tarball], dir);
  }
  if (installed.code !== 0) throw new Error(`npm install of the tarball failed: ${installed.stderr}`);
  for (const peer of optionalPeers) {
    const target = join(dir, 'node_modules', peer);
    if (!existsSync(target)) await symlink(join(repoModules, peer), target, 'dir');
  }
  return dir;
}

export async function removeDir(dir: string | undefined): Promise<void> {
  if (dir) await rm(dir, { recursive: true, force: true });
}

/** The TypeScript file type-checked against the installed package (same body for every module kind). */
export const typeCheckSource = `import * as main from 'proactive-messaging';
import * as testing from 'proactive-messaging/testing';
import * as jsonRulesEngine from 'proactive-messaging/json-rules-engine';
import * as schema from 'proactive-messaging/schema';
import * as browser from 'proactive-messaging/browser';
import type { Issue, Message, Result, Visitor } from 'proactive-messaging';

export const at: number | undefined = main.toInstant(0);
// @ts-expect-error toInstant returns a number or undefined: fails to compile if the types were \`any\`.
export const notAString: string = main.toInstant(0);
export const modules: readonly object[] = [main, testing, jsonRulesEngine, schema, browser];
export type Checked = readonly [Message, Visitor, Result<number>, Issue];
`;

/** tsconfig for the scratch project: strict, no Node types, library `.d.ts` files checked too. */
export function scratchTsconfig(kind: 'bundler' | 'node16' | 'node10', files: readonly string[]): string {
  const module = { bundler: 'esnext', node16: 'node16', node10: 'commonjs' } as const;
  return JSON.stringify({
    compilerOptions: {
      target: 'es2022',
      lib: ['es2022', 'dom'],
      module: module[kind],
      moduleResolution: kind,
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      types: [],
    },
    files,
  });
}
