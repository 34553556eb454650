/**
 * Finds the TypeScript samples in Markdown and turns each into a runnable, self-checking module.
 *
 * The convention (written for readers in docs/README.md, "Code samples"):
 *
 * - Every fenced block tagged `ts` or `typescript` is type-checked and run, as written: it imports
 *   everything it uses — the library from `proactive-messaging` (and its sub-paths), the example
 *   data from `proactive-messaging/examples`. Nothing is provided behind the reader's back.
 * - ` ```ts continued ` runs after the `ts` block above it on the same page, in the same module
 *   (a page that builds one program in steps). No other word is allowed in the info string.
 * - A comment `//=> value` at the end of a statement (or alone on the line below it) shows what
 *   it gives; the check asserts it.
 *   On an expression statement it is the expression's value (for `console.log(x)`, the value of
 *   `x`), on `const x = …` the value of `x`. `value` is a TypeScript expression compared with
 *   `toEqual`; it may continue on the following comment-only lines; `…` inside an object means
 *   "and other keys", `…` as the last item of a list "and more items". Every shown value must be
 *   reached when the sample runs.
 * @module
 */
import ts from 'typescript';

/** One fenced TypeScript block. */
export interface Sample {
  readonly doc: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly code: string;
  /** ` ```ts continued `: runs after the block above it. */
  readonly continued: boolean;
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)\s*(.*)$/;

/**
 * Every fenced block of `lang` (`ts` also matches `typescript`) in a Markdown document.
 * @example
 * ```ts
 * extractBlocks('# t\n```ts\nconst x = 1;\n```\n', 'docs/t.md', 'ts'); // [{ line: 2, code: 'const x = 1;', info: '' }]
 * ```
 */
export function extractBlocks(markdown: string, doc: string, lang: string): { doc: string; line: number; code: string; info: string }[] {
  const lines = markdown.split('\n');
  const blocks: { doc: string; line: number; code: string; info: string }[] = [];
  const wanted = (tag: string): boolean => tag === lang || (lang === 'ts' && tag === 'typescript');
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i] ?? '');
    if (open === null) continue;
    const fence = open[2] ?? '```';
    const tag = (open[3] ?? '').toLowerCase();
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j] ?? '';
      if (line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '') break;
      body.push(line);
    }
    if (wanted(tag)) blocks.push({ doc, line: i + 1, code: body.join('\n'), info: (open[4] ?? '').trim() });
    i = j;
  }
  return blocks;
}

/** Every `ts`/`typescript` block of a document; an unknown word in the info string is an error. */
export function extractSamples(markdown: string, doc: string): Sample[] {
  return extractBlocks(markdown, doc, 'ts').map(({ line, code, info }) => {
    if (info !== '' && info !== 'continued') throw new Error(`${doc}:${line}: unknown info string "${info}" (only "continued" is allowed)`);
    return { doc, line, code, continued: info === 'continued' };
  });
}

/** A runnable module: one sample, or a sample with the `continued` ones after it. */
export interface Unit {
  readonly name: string;
  readonly parts: readonly Sample[];
}

/** Groups the samples of one document into units (a `continued` block joins the unit above). */
export function unitsOf(samples: readonly Sample[]): Unit[] {
  const units: { name: string; parts: Sample[] }[] = [];
  for (const sample of samples) {
    const last = units.at(-1);
    if (sample.continued) {
      if (last === undefined || last.parts[0]?.doc !== sample.doc) throw new Error(`${sample.doc}:${sample.line}: "continued" with no ts block above it`);
      last.parts.push(sample);
    } else units.push({ name: `${sample.doc}:${sample.line}`, parts: [sample] });
  }
  return units;
}

/** Where each line of a unit's code comes from (`doc:line`). */
export function joinParts(unit: Unit): { code: string; origin: string[] } {
  const lines: string[] = [];
  const origin: string[] = [];
  for (const part of unit.parts) {
    part.code.split('\n').forEach((line, i) => {
      lines.push(line);
      origin.push(`${part.doc}:${part.line + 1 + i}`);
    });
  }
  return { code: lines.join('\n'), origin };
}

/**
 * Rewrites `from 'proactive-messaging…'` (and dynamic imports) with `resolve`, which maps a
 * specifier to the path to import instead (or `undefined` for an unknown sub-path: an error).
 */
export function rewriteImports(code: string, resolve: (specifier: string) => string | undefined): string {
  return code.replace(/(from\s+|import\s*\(\s*)(['"])(proactive-messaging(?:\/[\w.-]+)?)\2/g, (_whole, head: string, quote: string, spec: string) => {
    const target = resolve(spec);
    if (target === undefined) throw new Error(`unknown entry point "${spec}"`);
    return `${head}${quote}${target}${quote}`;
  });
}

// ---------------------------------------------------------------- shown outputs

/** One `//=> value` of a unit. */
export interface ShownOutput {
  /** `doc:line` of the comment. */
  readonly where: string;
  /** The expected value as the doc writes it (continuation lines joined). */
  readonly text: string;
}

const SHOWN = /\/\/=>(.*)$/;
/** A comment that starts like a shown output but is not `//=>`, so it would not be checked. */
const UNCHECKED_ARROW = /\/\/\s*(?:→|=>|->)/;

/** `text` with every `…` token (outside strings and comments) replaced by the spread `...__ANY__`. */
function markEllipses(text: string): string {
  const scanner = ts.createScanner(ts.ScriptTarget.ES2022, false, ts.LanguageVariant.Standard, text);
  let marked = '';
  let last = 0;
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token === ts.SyntaxKind.Unknown && scanner.getTokenText() === '…') {
      marked += `${text.slice(last, scanner.getTokenStart())}...__ANY__`;
      last = scanner.getTokenEnd();
    }
  }
  return marked + text.slice(last);
}

function parsesAsExpression(text: string): boolean {
  const out = ts.transpileModule(`void (${markEllipses(text)}\n);`, { reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ES2022 } });
  return (out.diagnostics ?? []).length === 0;
}

/**
 * The `//=>` comments of `code` with their full expected text, by line (0-based).
 * @example
 * ```ts
 * shownOutputs("f(); //=> [1,\n// 2]", ['d.md:3', 'd.md:4']); // Map { 0 => { where: 'd.md:3', text: '[1, 2]' } }
 * ```
 */
export function shownOutputs(code: string, origin: readonly string[]): Map<number, ShownOutput> {
  const lines = code.split('\n');
  const found = new Map<number, ShownOutput>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const where = origin[i] ?? `line ${i + 1}`;
    const match = SHOWN.exec(line);
    if (match === null) {
      if (UNCHECKED_ARROW.test(line)) throw new Error(`${where}: a shown output must be written "//=> value" to be checked: ${line.trim()}`);
      continue;
    }
    let text = (match[1] ?? '').trim();
    let j = i;
    while (!parsesAsExpression(text)) {
      const next = lines[j + 1];
      const comment = next === undefined ? null : /^\s*\/\/(?!=>)(.*)$/.exec(next);
      if (comment === null) throw new Error(`${where}: "//=> ${text}" is not a complete expression`);
      text = `${text} ${(comment[1] ?? '').trim()}`;
      j += 1;
    }
    found.set(i, { where, text });
  }
  return found;
}

/**
 * The expected text as a matcher expression: `…` (outside strings) in an object becomes
 * `expect.objectContaining`, as the last item of a list `__startsWith`.
 */
export function matcherSource(text: string, where: string): string {
  const marked = markEllipses(text);
  const source = ts.createSourceFile('expected.ts', `(${marked});`, ts.ScriptTarget.ES2022, true);
  const statement = source.statements[0];
  if (statement === undefined || !ts.isExpressionStatement(statement)) throw new Error(`${where}: cannot read "${text}"`);
  const isAny = (node: ts.Node): boolean => (ts.isSpreadAssignment(node) || ts.isSpreadElement(node)) && node.expression.getText() === '__ANY__';
  const write = (node: ts.Expression): string => {
    if (ts.isParenthesizedExpression(node)) return write(node.expression);
    if (ts.isObjectLiteralExpression(node)) {
      const partial = node.properties.some(isAny);
      const props = node.properties.filter((p) => !isAny(p)).map((p) => {
        if (ts.isPropertyAssignment(p)) return `${p.name.getText()}: ${write(p.initializer)}`;
        if (ts.isSpreadAssignment(p)) return `...${write(p.expression)}`;
        return p.getText();
      });
      const body = `{ ${props.join(', ')} }`;
      return partial ? `expect.objectContaining(${body})` : body;
    }
    if (ts.isArrayLiteralExpression(node)) {
      const items = node.elements;
      const anyAt = items.findIndex(isAny);
      if (anyAt !== -1 && anyAt !== items.length - 1) throw new Error(`${where}: "…" in a list must be its last item`);
      const written = items.filter((item) => !isAny(item)).map((item) => (ts.isSpreadElement(item) ? `...${write(item.expression)}` : write(item)));
      return anyAt === -1 ? `[${written.join(', ')}]` : `__startsWith([${written.join(', ')}])`;
    }
    return node.getText().replace(/\s*\n\s*/g, ' ');
  };
  return write(statement.expression);
}

/** The statements a `//=>` may close, innermost last. */
function checkable(source: ts.SourceFile): (ts.ExpressionStatement | ts.VariableStatement)[] {
  const found: (ts.ExpressionStatement | ts.VariableStatement)[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isExpressionStatement(node) || ts.isVariableStatement(node)) found.push(node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * The unit's code with every `//=>` turned into a check: the checked expression `E` becomes
 * `__shown(E, <matcher>, 'doc:line')`, on the same line (line numbers are kept). Returns the
 * code and the `where` of every check, which the run must all reach.
 */
export function instrument(code: string, origin: readonly string[]): { code: string; checks: string[] } {
  const shown = shownOutputs(code, origin);
  if (shown.size === 0) return { code, checks: [] };
  const source = ts.createSourceFile('sample.ts', code, ts.ScriptTarget.ES2022, true);
  const statements = checkable(source);
  const edits: { start: number; end: number; text: string }[] = [];
  const checks: string[] = [];
  for (const [line, output] of shown) {
    // On the statement's last line, or alone on the line right below it.
    const ownLine = /^\s*\/\/=>/.test(code.split('\n')[line] ?? '');
    const endsOn = (n: number) => statements.filter((s) => source.getLineAndCharacterOfPosition(s.getEnd()).line === n);
    const statement = (ownLine ? endsOn(line - 1) : endsOn(line)).at(-1);
    if (statement === undefined) throw new Error(`${output.where}: "//=>" must end the line of an expression or a const, or stand alone on the line below it`);
    let target: ts.Expression;
    if (ts.isVariableStatement(statement)) {
      const [declaration, ...others] = statement.declarationList.declarations;
      if (declaration?.initializer === undefined || others.length > 0) throw new Error(`${output.where}: "//=>" after a declaration needs exactly one initialised variable`);
      target = declaration.initializer;
    } else {
      target = statement.expression;
      const call = ts.isCallExpression(target) ? target : undefined;
      if (call !== undefined && call.expression.getText() === 'console.log') {
        const [arg, ...rest] = call.arguments;
        if (arg === undefined || rest.length > 0) throw new Error(`${output.where}: "//=>" after console.log needs exactly one argument`);
        target = arg;
      }
    }
    const matcher = matcherSource(output.text, output.where);
    edits.push({ start: target.getStart(source), end: target.getEnd(), text: `__shown((${target.getText(source)}), ${matcher}, ${JSON.stringify(output.where)})` });
    checks.push(output.where);
  }
  let out = code;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return { code: out, checks };
}
