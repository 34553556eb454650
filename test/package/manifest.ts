/**
 * Reading `package.json` the way the package checks need it: which `exports` sub-paths carry
 * types, and what `typesVersions` maps for resolvers that know no `exports` (TypeScript's
 * `moduleResolution: node10`).
 */

/** A condition object of the `exports` map (`{ import: { types, default }, require: … }`). */
export interface ConditionalExport {
  readonly import?: { readonly types?: string; readonly default?: string };
  readonly require?: { readonly types?: string; readonly default?: string };
}

/** The fields of `package.json` the checks read. */
export interface Manifest {
  readonly name: string;
  readonly types?: string;
  readonly exports: Readonly<Record<string, string | ConditionalExport>>;
  readonly typesVersions?: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
  readonly unpkg?: string;
  readonly jsdelivr?: string;
  readonly files?: readonly string[];
}

/**
 * Every sub-path of `exports` except `.` that carries types, with the declaration file of its
 * `require` condition (the one node10, a CommonJS-era resolver, must see), in `exports` order.
 * @example
 * ```ts
 * typedSubpaths({ name: 'p', exports: { '.': {}, './a': { require: { types: './dist/a.d.cts' } } } });
 * // [['./a', './dist/a.d.cts']]
 * ```
 */
export function typedSubpaths(manifest: Manifest): (readonly [subpath: string, declarations: string])[] {
  return Object.entries(manifest.exports).flatMap(([subpath, target]) => {
    if (subpath === '.' || typeof target === 'string') return [];
    const declarations = target.require?.types ?? target.import?.types;
    return declarations === undefined ? [] : [[subpath, declarations] as const];
  });
}

/**
 * Sub-paths of `exports` that point at a classic script (`*.global.js`, the script-tag build):
 * a file to serve or resolve, not a module to import, so it has no types.
 * @example
 * ```ts
 * scriptSubpaths({ name: 'p', exports: { './global.js': './dist/browser/p.global.js' } }); // ['./global.js']
 * ```
 */
export function scriptSubpaths(manifest: Manifest): string[] {
  return Object.entries(manifest.exports).flatMap(([subpath, target]) =>
    typeof target === 'string' && target.endsWith('.global.js') ? [subpath] : [],
  );
}
