/**
 * The widget set (the `"id": "widget"` budget of size-budget.json, which is also the script-tag
 * global) holds every function the widget guides' samples import from the library — so a page
 * without a bundler can run each flow the guides show. It once lacked `initialInteraction`, and
 * the global's `interact` could never start.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../scripts/size.js';
import { extractBlocks } from './extract.js';

const root = resolve(import.meta.dirname, '../..');
/** The guides a widget author follows. */
const GUIDES = ['docs/widget-integration.md', 'docs/browser-kit.md'];
/** The entries a widget imports from (the examples and testing sub-paths are fixtures, not the widget). */
const ENTRIES = new Set(['proactive-messaging', 'proactive-messaging/browser']);

/** Value (not type-only) names each `ts` block of `doc` imports from the widget entries. */
function importedValues(doc: string): string[] {
  const names: string[] = [];
  for (const block of extractBlocks(readFileSync(join(root, doc), 'utf8'), doc, 'ts')) {
    const file = ts.createSourceFile('sample.ts', block.code, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
    for (const statement of file.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      if (!ENTRIES.has(statement.moduleSpecifier.text)) continue;
      const clause = statement.importClause;
      if (clause === undefined || clause.isTypeOnly) continue;
      const bindings = clause.namedBindings;
      if (bindings === undefined || !ts.isNamedImports(bindings)) continue;
      for (const element of bindings.elements) if (!element.isTypeOnly) names.push((element.propertyName ?? element.name).text);
    }
  }
  return names;
}

describe('the widget set', () => {
  const widget = loadConfig().budgets.find((b) => b.id === 'widget');
  const set = new Set([...(widget?.imports ?? []), ...Object.values(widget?.subpathImports ?? {}).flat()]);

  it.each(GUIDES)('holds every function the samples of %s import', (doc) => {
    const imported = importedValues(doc);
    // The guides do show widget code (the test cannot pass on an empty list).
    expect(imported.length).toBeGreaterThan(3);
    expect([...new Set(imported)].filter((name) => !set.has(name))).toEqual([]);
  });
});
