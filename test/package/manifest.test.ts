/**
 * `package.json` checks that need no build: the `typesVersions` map stays in step with `exports`.
 *
 * Why `typesVersions`: TypeScript's `moduleResolution: node10` (still the default of many
 * `module: commonjs` projects) ignores `exports`, so `import … from 'proactive-messaging/testing'`
 * was TS2307 there. `typesVersions["*"]` maps each sub-path, without its `./`, to the CJS
 * declaration file of its `exports` entry. Adding a sub-path to `exports` means adding one line
 * there too, and the first test below fails until it is added.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { typedSubpaths, type Manifest } from './manifest.js';
import { packageRoot } from './tarball.js';

const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as Manifest;
const mapped = manifest.typesVersions?.['*'] ?? {};

describe('typesVersions (sub-path types for moduleResolution node10)', () => {
  it('every typed exports sub-path has a typesVersions entry naming the declaration file of its require condition', () => {
    const expected = Object.fromEntries(typedSubpaths(manifest).map(([subpath, file]) => [subpath.slice(2), [file]]));
    expect(Object.keys(expected)).toEqual(expect.arrayContaining(['testing', 'json-rules-engine']));
    expect(mapped).toEqual(expected);
  });

  it('applies to every TypeScript version (one "*" range) and leaves the main entry to "types"', () => {
    expect(Object.keys(manifest.typesVersions ?? {})).toEqual(['*']);
    expect(Object.keys(mapped)).not.toContain('*');
    const main = manifest.exports['.'];
    expect(typeof main === 'object' && main.require?.types).toBe(manifest.types);
  });

  it('the helper sees a sub-path that typesVersions would be missing (the check can fail)', () => {
    const extended: Manifest = {
      ...manifest,
      exports: { ...manifest.exports, './not-yet-mapped': { require: { types: './dist/not-yet-mapped/index.d.cts' } } },
    };
    expect(typedSubpaths(extended).map(([subpath]) => subpath)).toContain('./not-yet-mapped');
    expect(Object.keys(mapped)).not.toContain('not-yet-mapped');
  });
});
