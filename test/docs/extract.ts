/**
 * Finds the TypeScript samples in Markdown and turns each into a runnable module.
 *
 * Convention (docs/README.md): every fenced block tagged `ts` or `typescript` is type-checked
 * and run, unless its info string has `no-run` (```ts no-run) or the line before the fence is
 * `<!-- no-run -->`. Samples import from `proactive-messaging` (and its sub-paths) as users do;
 * names they use without declaring — library exports, and the fixtures `visitor`, `messages`,
 * `now`, `workspace`, `message`, … from `prelude.ts` — are provided automatically.
 * @module
 */

export interface Sample {
  readonly doc: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly code: string;
  readonly run: boolean;
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)\s*(.*)$/;

/**
 * Every `ts`/`typescript` fenced block of a Markdown document.
 * @example
 * ```ts no-run
 * extractSamples('# t\n```ts\nconst x = 1;\n```\n', 'docs/t.md'); // [{ line: 2, code: 'const x = 1;', run: true }]
 * ```
 */
export function extractSamples(markdown: string, doc: string): Sample[] {
  const lines = markdown.split('\n');
  const samples: Sample[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i] ?? '');
    if (open === null) continue;
    const fence = open[2] ?? '```';
    const lang = (open[3] ?? '').toLowerCase();
    const info = open[4] ?? '';
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j] ?? '';
      if (line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '') break;
      body.push(line);
    }
    if (lang === 'ts' || lang === 'typescript') {
      const before = (lines.slice(0, i).reverse().find((line) => line.trim() !== '') ?? '').trim();
      const noRun = /\bno-run\b/.test(info) || before === '<!-- no-run -->';
      samples.push({ doc, line: i + 1, code: body.join('\n'), run: !noRun });
    }
    i = j;
  }
  return samples;
}

const SUBPATHS: Readonly<Record<string, string>> = {
  'proactive-messaging': 'src/index.js',
  'proactive-messaging/testing': 'src/testing/index.js',
  'proactive-messaging/json-rules-engine': 'src/adapters/json-rules-engine/index.js',
  'proactive-messaging/browser': 'src/browser/index.js',
};

/** Rewrites `from 'proactive-messaging…'` to the sources, relative to a file `depth` folders down. */
export function rewriteImports(code: string, depth: number): string {
  const up = '../'.repeat(depth);
  return code.replace(/(from\s+|import\s*\(\s*)(['"])(proactive-messaging(?:\/[\w-]+)?)\2/g, (whole, head: string, quote: string, spec: string) => {
    const target = SUBPATHS[spec];
    return target === undefined ? whole : `${head}${quote}${up}${target}${quote}`;
  });
}

const DECLARATION = /\b(?:const|let|var|function\*?|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/g;
const DESTRUCTURING = /\b(?:const|let|var)\s*[{[]([^}\]=]*)[}\]]\s*=/g;
const IMPORT_CLAUSE = /\bimport\s+(?:type\s+)?([\s\S]*?)\s+from\s/g;

/**
 * Names a sample binds itself (declarations, destructuring, imports), so the prelude does not
 * provide them too.
 * @example
 * ```ts no-run
 * declaredNames("import { evaluate } from 'x';\nconst { a, b: c } = o;"); // Set { 'evaluate', 'a', 'c' }
 * ```
 */
export function declaredNames(code: string): Set<string> {
  const names = new Set<string>();
  for (const m of code.matchAll(DECLARATION)) names.add(m[1] as string);
  const addList = (list: string): void => {
    for (const part of list.split(',')) {
      const name = part.replace(/^\s*(?:type\s+)?/, '').split(/\s+as\s+|:/).pop()?.replace(/[{}*\s.]/g, '');
      if (name) names.add(name);
    }
  };
  for (const m of code.matchAll(DESTRUCTURING)) addList(m[1] as string);
  for (const m of code.matchAll(IMPORT_CLAUSE)) addList((m[1] as string).replace(/\*\s+as\s+/, ''));
  return names;
}

/** Identifiers used anywhere in the sample (comments included: extra imports are harmless). */
export function usedNames(code: string): Set<string> {
  return new Set(code.match(/[A-Za-z_$][\w$]*/g) ?? []);
}
