/**
 * The reference tables of the guides are checked against the constants the code reads, so a
 * bound, a fact or an operator cannot change without its table: the limits of docs/parsing.md
 * against `LIMITS`, the fact, kind and operator tables of docs/conditions.md against `FACTS`,
 * `METADATA_FACT`, `OPERATOR_SIGNATURES` and `operatorsFor`, the gates of docs/evaluate.md
 * against `GATES` and `GATE_REASONS`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markedTable } from './markdown.js';
import { BUILT_IN_FACTS, FACTS, FREQUENCIES, GATES, GATE_REASONS, LIMITS, METADATA_FACT, OPERATORS, OPERATOR_SIGNATURES, operatorsFor, type FactKind } from '../../src/index.js';

const root = resolve(import.meta.dirname, '../..');
const read = (doc: string): string => readFileSync(join(root, doc), 'utf8');

const code = (cell: string | undefined): string => (cell ?? '').replaceAll('`', '');
const codeList = (cell: string | undefined): string[] => [...(cell ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');

describe('docs/parsing.md limits table', () => {
  const { header, rows } = markedTable(read('docs/parsing.md'), 'limits');

  it('lists every key of LIMITS once, in its order', () => {
    expect(header).toEqual(['`LIMITS.`', 'value', 'what it bounds']);
    expect(rows.map((row) => code(row[0]))).toEqual(Object.keys(LIMITS));
  });

  it.each(rows.map((row) => [code(row[0]), row[1] ?? ''] as const))('%s = %s', (key, value) => {
    expect(Number(value.replaceAll(',', ''))).toBe(LIMITS[key as keyof typeof LIMITS]);
  });
});

describe('docs/conditions.md tables', () => {
  const doc = read('docs/conditions.md');

  it('the facts table lists every fact of FACTS, then metadata, with its kind and values', () => {
    const { header, rows } = markedTable(doc, 'facts');
    expect(header).toEqual(['fact', 'kind', 'derived from']);
    expect(rows.map((row) => code(row[0]))).toEqual([...BUILT_IN_FACTS, 'metadata.<key>']);
    for (const row of rows) {
      const name = code(row[0]);
      const signature = name === 'metadata.<key>' ? METADATA_FACT : FACTS[name as keyof typeof FACTS];
      const [kind, values] = (row[1] ?? '').split(':');
      expect(kind?.trim(), name).toBe(signature.kind);
      const enumValues: readonly string[] = 'values' in signature ? signature.values : [];
      expect(codeList(values), `${name} values`).toEqual([...enumValues]);
    }
    expect(rows.at(-1)?.[2]).toMatch(/web-widget channels only/);
    expect(METADATA_FACT.channels).toEqual(['webWidget']);
  });

  it('the kinds table gives each kind exactly operatorsFor(kind), in table order', () => {
    const { header, rows } = markedTable(doc, 'kinds');
    expect(header).toEqual(['kind', 'values', 'operators']);
    const kinds = [...new Set([...Object.values(FACTS).map((f) => f.kind), METADATA_FACT.kind])];
    expect(rows.map((row) => row[0]).sort()).toEqual([...kinds].sort());
    for (const row of rows) expect(codeList(row[2]), row[0]).toEqual([...operatorsFor(row[0] as FactKind)]);
  });

  it('the operators table lists OPERATOR_SIGNATURES in order, with the kinds each takes and its value', () => {
    const { header, rows } = markedTable(doc, 'operators');
    expect(header).toEqual(['operator', 'facts', 'value', 'holds when']);
    expect(rows.map((row) => code(row[0]))).toEqual([...OPERATORS]);
    const allKinds = [...new Set([...Object.values(FACTS).map((f) => f.kind), METADATA_FACT.kind])].sort();
    const VALUE_WORDING: Record<string, RegExp> = {
      same: /^a value of the fact's kind$/,
      sameList: /^a list of 1–100 values of the fact's kind$/,
      number: /^a finite number$/,
      needle: /^a non-empty string$/,
      needleList: /^a list of 1–100 non-empty strings$/,
    };
    for (const row of rows) {
      const signature = OPERATOR_SIGNATURES[code(row[0]) as keyof typeof OPERATOR_SIGNATURES];
      const kinds = row[1] === 'every kind' ? allKinds : (row[1] ?? '').split(',').map((k) => k.trim()).sort();
      expect(kinds, `${row[0]} facts`).toEqual([...signature.facts].sort());
      expect(row[2], `${row[0]} value`).toMatch(VALUE_WORDING[signature.operand] ?? /^$/);
    }
    expect(LIMITS.conditionValues).toBe(100); // the "1–100" of the list wordings
  });
});

describe('docs/evaluate.md gates table', () => {
  it('lists GATES in evaluation order, each with its reason code of GATE_REASONS', () => {
    const { header, rows } = markedTable(read('docs/evaluate.md'), 'gates');
    expect(header).toEqual(['gate', 'fails when', 'reason code']);
    expect(rows.map((row) => [code(row[0]), code(row[2])])).toEqual(GATES.map((gate) => [gate, GATE_REASONS[gate]]));
  });
});

describe('docs/frequency.md frequencies table', () => {
  it('lists FREQUENCIES in order', () => {
    const { rows } = markedTable(read('docs/frequency.md'), 'frequencies');
    expect(rows.map((row) => code(row[0]))).toEqual([...FREQUENCIES]);
  });
});

describe('numbers quoted next to a LIMITS key', () => {
  const pages = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
  const quoted = pages.flatMap((page) =>
    [...read(page).matchAll(/`LIMITS\.(\w+)`,? \(([\d,]+)\)/g)].map((m) => [page, m[1] ?? '', m[2] ?? ''] as const),
  );

  it('are found in the prose', () => {
    expect(quoted.length).toBeGreaterThanOrEqual(10);
  });

  it.each(quoted)('%s: LIMITS.%s (%s)', (_page, key, value) => {
    expect(Object.hasOwn(LIMITS, key), `LIMITS has ${key}`).toBe(true);
    expect(Number(value.replaceAll(',', ''))).toBe(LIMITS[key as keyof typeof LIMITS]);
  });
});
