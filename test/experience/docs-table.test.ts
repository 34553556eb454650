import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INTERACTION_TRANSITIONS } from '../../src/index.js';

const doc = readFileSync(new URL('../../docs/widget-interaction.md', import.meta.url), 'utf8');

function unquote(cell: string): string {
  return cell.trim().replaceAll('`', '');
}

describe('docs/widget-interaction.md stays in step with INTERACTION_TRANSITIONS', () => {
  it('prints exactly the exported transition table', () => {
    const section = /<!-- transitions:start -->\n([\s\S]*?)<!-- transitions:end -->/.exec(doc)?.[1] ?? '';
    const rows = section
      .trim()
      .split('\n')
      .slice(2) // header and separator
      .map((line) => line.replace(/^\|/, '').replace(/\|$/, '').split('|').map(unquote))
      .map(([from, event, when, to, effects]) => ({
        from,
        event,
        when,
        to,
        effects: effects === '—' ? [] : (effects ?? '').split(',').map((effect) => effect.trim()),
      }));
    expect(rows).toEqual(INTERACTION_TRANSITIONS.map((row) => ({ ...row, effects: [...row.effects] })));
  });

  it('draws every transition in the Mermaid diagram', () => {
    const edges = new Set(
      [...doc.matchAll(/^ {2}(\w+) --> (\w+): (\w+)(?: \[(\w+)\])?$/gm)].map((match) => `${match[1]} ${match[3]} ${match[4] ?? 'any'} ${match[2]}`),
    );
    for (const row of INTERACTION_TRANSITIONS) {
      expect(edges).toContain(`${row.from} ${row.event} ${row.when} ${row.to}`);
    }
    // Plus the one self-loop that is not a table row: invalid details keep the form open.
    expect(edges).toContain('open submitDetails invalidDetails open');
    expect(edges.size).toBe(INTERACTION_TRANSITIONS.length + 1);
  });
});

describe('INTERACTION_TRANSITIONS', () => {
  it('cannot be changed by an importer', () => {
    expect(Object.isFrozen(INTERACTION_TRANSITIONS)).toBe(true);
    expect(INTERACTION_TRANSITIONS.every((row) => Object.isFrozen(row) && Object.isFrozen(row.effects))).toBe(true);
  });
});
