/**
 * Client bundle budgets (SPEC §3): bundles real entry files against the built `dist/index.js`
 * (and, for `subpathImports`, the built sub-path entries such as `dist/browser/index.js`)
 * the way a widget's bundler would (esbuild, browser platform, minified, tree-shaken), gzips
 * them and compares with `size-budget.json`. Also reports Node built-in imports and
 * code-generation calls (`eval`, `Function`) found in the browser bundles.
 *
 * `npm run size` prints the table and exits 1 when a budget fails;
 * `test/package/size.test.ts` runs the same measurement inside `npm test`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';

/** One budget of `size-budget.json`. `imports: ["*"]` measures the whole entry. */
export interface Budget {
  /** Set on the widget budget (`"widget"`): the script-tag build exposes its names (tsup.config.ts). */
  readonly id?: string;
  readonly name: string;
  /** Maximum min+gzip size in bytes, or `null` to measure and print only. */
  readonly limitBytes: number | null;
  /**
   * While a target is knowingly missed: the size this budget must not grow past (a regression
   * ceiling, enforced by the test instead of `limitBytes`), with the reason in `docs/dependencies.md`.
   */
  readonly missedTargetCeilingBytes?: number;
  readonly imports: readonly string[];
  /**
   * Names from sub-path entries bundled with `imports`, by sub-path (`"browser"` reads
   * `dist/browser/index.js`): the widget set includes the browser kit this way.
   */
  readonly subpathImports?: Readonly<Record<string, readonly string[]>>;
}

export interface BudgetConfig {
  /** While `true`, names the entry does not export yet are skipped with a warning. */
  readonly skipMissingExports: boolean;
  /** The built ESM entry, relative to the package root. */
  readonly entry: string;
  readonly budgets: readonly Budget[];
}

/** What one bundle contains and weighs. */
export interface BundleMeasure {
  readonly minBytes: number;
  readonly gzipBytes: number;
  /** Node built-in modules the bundle tried to import (`node:fs`, `path`, …). */
  readonly nodeBuiltins: readonly string[];
  /** Code-generation sites found in the minified text (`eval(`, `new Function`, `Function(`). */
  readonly codeGeneration: readonly string[];
}

export interface BudgetResult extends BundleMeasure {
  readonly budget: Budget;
  /** Names the budget lists that the entry does not export. */
  readonly missing: readonly string[];
  /** Names actually bundled (`["*"]` for the whole entry). */
  readonly measured: readonly string[];
  /** `false` when no listed name exists yet: nothing was bundled. */
  readonly bundled: boolean;
  /** Within the limit (always `true` for informational budgets and skipped bundles). */
  readonly withinLimit: boolean;
}

export interface SizeReport {
  readonly config: BudgetConfig;
  readonly results: readonly BudgetResult[];
  /** Human-readable warnings (missing exports), already deduplicated. */
  readonly warnings: readonly string[];
}

export const packageRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));

const nodeBuiltinNames = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** Marks Node built-ins external and records them, so a test can report every one by name. */
function nodeBuiltinRecorder(found: Set<string>): Plugin {
  return {
    name: 'record-node-builtins',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        const bare = args.path.split('/')[0] ?? args.path;
        if (!args.path.startsWith('node:') && !nodeBuiltinNames.has(args.path) && !nodeBuiltinNames.has(bare)) {
          return undefined;
        }
        found.add(args.path);
        return { path: args.path, external: true };
      });
    },
  };
}

const codeGenerationPatterns: readonly (readonly [string, RegExp])[] = [
  ['eval(', /(?<![\w$.])eval\s*\(/],
  ['new Function', /\bnew\s+Function\b/],
  // zod 4 probes `const F = Function; new F("")`: any bare reference to the global `Function`.
  ['Function reference', /(?<![\w$."'`])Function(?![\w$"'`:])/],
];

/** Code-generation sites in bundle text, each with a little surrounding context. */
export function findCodeGeneration(code: string): string[] {
  const found: string[] = [];
  for (const [label, pattern] of codeGenerationPatterns) {
    const match = pattern.exec(code);
    if (match) found.push(`${label}: …${code.slice(Math.max(0, match.index - 40), match.index + 40)}…`);
  }
  return found;
}

/**
 * Bundles `source` (an ES module; imports resolve from `resolveDir`) for the browser, minified,
 * and measures it.
 */
export async function measureBundle(source: string, resolveDir: string): Promise<BundleMeasure> {
  const builtins = new Set<string>();
  const out = await build({
    stdin: { contents: source, resolveDir, sourcefile: 'size-entry.js', loader: 'js' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    treeShaking: true,
    legalComments: 'none',
    logLevel: 'silent',
    plugins: [nodeBuiltinRecorder(builtins)],
  });
  const file = out.outputFiles[0];
  if (!file) throw new Error('esbuild produced no output');
  const code = file.text;
  return {
    minBytes: file.contents.byteLength,
    gzipBytes: gzipSync(file.contents, { level: 9 }).byteLength,
    nodeBuiltins: [...builtins].sort(),
    codeGeneration: findCodeGeneration(code),
  };
}

export function loadConfig(root: string = packageRoot): BudgetConfig {
  const raw = JSON.parse(readFileSync(resolve(root, 'size-budget.json'), 'utf8')) as BudgetConfig;
  return { skipMissingExports: raw.skipMissingExports, entry: raw.entry, budgets: raw.budgets };
}

/** Measures every budget of `size-budget.json` against the built entry. Requires `npm run build`. */
export async function measureBudgets(root: string = packageRoot): Promise<SizeReport> {
  const config = loadConfig(root);
  const entry = resolve(root, config.entry);
  if (!existsSync(entry)) throw new Error(`${config.entry} is missing: run \`npm run build\` first`);
  const exported = new Set(Object.keys((await import(pathToFileURL(entry).href)) as object));
  const warnings = new Set<string>();
  const results: BudgetResult[] = [];
  for (const budget of config.budgets) {
    const whole = budget.imports.includes('*');
    const missing = whole ? [] : budget.imports.filter((name) => !exported.has(name));
    const measured = whole ? ['*'] : budget.imports.filter((name) => exported.has(name));
    for (const name of missing) warnings.add(`'${name}' is not exported by ${config.entry} yet`);
    const lines = measured.length === 0 ? [] : [whole ? `export * from ${JSON.stringify(entry)};` : `export { ${measured.join(', ')} } from ${JSON.stringify(entry)};`];
    for (const [subpath, names] of Object.entries(budget.subpathImports ?? {})) {
      const file = resolve(root, `dist/${subpath}/index.js`);
      const has = existsSync(file) ? new Set(Object.keys((await import(pathToFileURL(file).href)) as object)) : new Set<string>();
      for (const name of names) {
        if (has.has(name)) measured.push(`${subpath}:${name}`);
        else {
          missing.push(`${subpath}:${name}`);
          warnings.add(`'${name}' is not exported by dist/${subpath}/index.js yet`);
        }
      }
      const found = names.filter((name) => has.has(name));
      if (found.length > 0) lines.push(`export { ${found.join(', ')} } from ${JSON.stringify(file)};`);
    }
    const bundled = lines.length > 0;
    const measure: BundleMeasure = bundled ? await measureBundle(lines.join('\n'), root) : { minBytes: 0, gzipBytes: 0, nodeBuiltins: [], codeGeneration: [] };
    const withinLimit = budget.limitBytes === null || measure.gzipBytes <= budget.limitBytes;
    results.push({ ...measure, budget, missing, measured, bundled, withinLimit });
  }
  return { config, results, warnings: [...warnings] };
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(2)} KB`;

/** The report as printable lines. */
export function formatReport(report: SizeReport): string[] {
  const lines = report.results.map((r) => {
    const limit = r.budget.limitBytes === null ? 'no limit' : `limit ${kb(r.budget.limitBytes)}`;
    const ceiling = r.budget.missedTargetCeilingBytes;
    const state = !r.bundled
      ? 'SKIPPED (nothing exported yet)'
      : r.withinLimit
        ? 'ok'
        : ceiling !== undefined && r.gzipBytes <= ceiling
          ? `TARGET MISSED (known: under its ${kb(ceiling)} regression ceiling, see docs/dependencies.md)`
          : 'OVER BUDGET';
    const sizes = r.bundled ? `${kb(r.gzipBytes)} min+gzip (${kb(r.minBytes)} min)` : '-';
    return `${r.budget.name}: ${sizes}, ${limit} — ${state}`;
  });
  return [...lines, ...report.warnings.map((w) => `warning: ${w}`)];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const report = await measureBudgets();
  for (const line of formatReport(report)) console.log(line);
  const failed = report.results.some(
    (r) => !r.withinLimit || r.nodeBuiltins.length > 0 || r.codeGeneration.length > 0,
  );
  const missingFails = !report.config.skipMissingExports && report.warnings.length > 0;
  process.exitCode = failed || missingFails ? 1 : 0;
}
