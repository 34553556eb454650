/**
 * docs/issue-codes.md lists exactly the codes of `ISSUE_CODES`, in order, each with the parameter
 * names of its type in `IssueParams` (read from src/core/issues.ts with the TypeScript compiler,
 * so a parameter added to the type without the doc fails here), and a section of its own.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ISSUE_CODES } from '../../src/index.js';

const root = resolve(import.meta.dirname, '../..');
const doc = readFileSync(join(root, 'docs/issue-codes.md'), 'utf8');

/** The rows of the table between the `issue-codes` markers: code → parameter names. */
function documentedCodes(): [code: string, params: string[]][] {
  const table = /<!-- issue-codes:start -->\n([\s\S]*?)<!-- issue-codes:end -->/.exec(doc)?.[1];
  if (table === undefined) throw new Error('no issue-codes table');
  const [header, separator, ...rows] = table.trim().split('\n').map((line) => line.trim().slice(1, -1).split('|').map((cell) => cell.trim()));
  expect(header).toEqual(['code', '`params`', 'meaning']);
  expect(separator?.every((cell) => /^-+$/.test(cell))).toBe(true);
  return rows.map((cells) => {
    const code = (cells[0] ?? '').replaceAll('`', '');
    const params = cells[1] === '—' ? [] : (cells[1] ?? '').split(',').map((name) => name.trim().replaceAll('`', ''));
    return [code, params];
  });
}

/** The property names of `IssueParams[code]` for every code, from the type checker. */
function paramNamesFromTypes(): Map<string, string[]> {
  const file = join(root, 'src/core/issues.ts');
  const program = ts.createProgram([file], { strict: true, noEmit: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const declaration = source?.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'IssueParams');
  if (declaration === undefined) throw new Error('IssueParams not found in src/core/issues.ts');
  const names = new Map<string, string[]>();
  for (const member of checker.getPropertiesOfType(checker.getTypeAtLocation(declaration))) {
    const type = checker.getTypeOfSymbolAtLocation(member, declaration);
    names.set(member.getName(), checker.getPropertiesOfType(type).map((p) => p.getName()));
  }
  return names;
}

describe('docs/issue-codes.md', () => {
  const documented = documentedCodes();
  const fromTypes = paramNamesFromTypes();

  it('lists exactly the codes of ISSUE_CODES, in the same order', () => {
    expect(documented.map(([code]) => code)).toEqual([...ISSUE_CODES]);
  });

  it('reads IssueParams for every code (the type and the list agree)', () => {
    expect([...fromTypes.keys()].sort()).toEqual([...ISSUE_CODES].sort());
    expect(fromTypes.get('invalidType')).toEqual(['expected', 'got']);
  });

  it.each(documented)('%s: the documented parameters are the type\'s', (code, params) => {
    expect([...params].sort()).toEqual([...(fromTypes.get(code) ?? ['(not in IssueParams)'])].sort());
  });

  it('gives every code a section with an example', () => {
    const headings = [...doc.matchAll(/^#{3,4} (.+)$/gm)].map((m) => m[1] ?? '');
    for (const code of ISSUE_CODES) {
      expect(headings.some((heading) => heading.includes(`\`${code}\``)), `a heading naming ${code}`).toBe(true);
    }
  });
});
