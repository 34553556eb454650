import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  ACTIONS_BY_STATUS,
  AUTOMATIC_TRANSITIONS,
  ERROR_REASONS,
  ISSUE_CODES,
  MESSAGE_STATUSES,
  STATUS_SORT_ORDER,
  TRANSITIONS,
} from '../../src/index.js';

const doc = readFileSync(new URL('../../docs/lifecycle.md', import.meta.url), 'utf8');

/** The first markdown table after `heading` (a whole line), as header + rows of trimmed cells. */
function tableAfter(heading: string, nth = 0): { header: string[]; rows: string[][] } {
  const lines = doc.split('\n');
  const start = lines.findIndex((line) => line.trim() === heading);
  if (start < 0) throw new Error(`heading not found: ${heading}`);
  const tables: string[][][] = [];
  let current: string[][] | null = null;
  for (const line of lines.slice(start + 1)) {
    if (line.trim().startsWith('#') && !line.trim().startsWith('|')) break;
    if (line.trim().startsWith('|')) {
      const cells = line.trim().slice(1, -1).split('|').map((cell) => cell.trim());
      if (current === null) tables.push((current = []));
      current.push(cells);
    } else current = null;
  }
  const table = tables[nth];
  if (table === undefined) throw new Error(`no table ${nth} after ${heading}`);
  const [header, separator, ...rows] = table;
  expect(separator?.every((cell) => /^-+$/.test(cell))).toBe(true);
  return { header: header ?? [], rows };
}

describe('docs/lifecycle.md matches the machine', () => {
  it('the actions menu table equals ACTIONS_BY_STATUS', () => {
    const { header, rows } = tableAfter('## Actions menu');
    expect(header).toEqual(['action', ...MESSAGE_STATUSES]);
    expect(rows.map((row) => row[0])).toEqual([...ACTIONS]);
    for (const row of rows) {
      const action = row[0] as (typeof ACTIONS)[number];
      MESSAGE_STATUSES.forEach((status, i) => {
        expect(row[i + 1], `${action} × ${status}`).toBe(ACTIONS_BY_STATUS[status].includes(action) ? '✓' : '—');
      });
    }
  });

  it('the transitions table equals TRANSITIONS', () => {
    const { header, rows } = tableAfter('## Transitions');
    expect(header).toEqual(['action', ...MESSAGE_STATUSES]);
    expect(rows.map((row) => row[0])).toEqual([...ACTIONS]);
    for (const row of rows) {
      const action = row[0] as (typeof ACTIONS)[number];
      MESSAGE_STATUSES.forEach((status, i) => {
        const next = TRANSITIONS[status][action];
        expect(row[i + 1], `${action} × ${status}`).toBe(next === undefined ? '—' : next === null ? 'removed' : next);
      });
    }
  });

  it('the automatic transitions table equals AUTOMATIC_TRANSITIONS', () => {
    const { header, rows } = tableAfter('## Automatic transitions');
    expect(header).toEqual(['from', 'to', 'on']);
    expect(rows).toEqual(AUTOMATIC_TRANSITIONS.map((t) => [t.from, t.to, t.on]));
  });

  it('the status sort order table equals STATUS_SORT_ORDER', () => {
    const { rows } = tableAfter('## The list');
    expect(rows).toEqual(STATUS_SORT_ORDER.map((status, i) => [String(i + 1), status]));
  });

  it('documents the life-cycle issue codes once each, all of them codes of ISSUE_CODES', () => {
    const requirementCodes = tableAfter('## Publish requirements').rows.map((row) => row[0]?.replace(/`/g, ''));
    const otherCodes = tableAfter('## Other issue codes').rows.map((row) => row[0]?.replace(/`/g, ''));
    const documented = [...requirementCodes, ...otherCodes];
    expect(new Set(documented).size, 'a code documented twice').toBe(documented.length);
    // No code of 0.1 that 0.2 renamed (channelNotFound, contentInvalid, invalidName, …).
    for (const code of documented) expect(ISSUE_CODES as readonly (string | undefined)[], `${code} is not an issue code`).toContain(code);
    // Every requirement checkPublishRequirements checks itself (the parser's own issues aside).
    const requirements = ['agentWorkspaceDisabled', 'messagingDisabled', 'noEligibleChannelInAccount', 'channelNotSet', ...ERROR_REASONS, 'metadataNotOnChannel'];
    expect(requirementCodes).toEqual(expect.arrayContaining(requirements));
    expect(otherCodes).toEqual(expect.arrayContaining(['actionNotAllowed', 'invalidInstant', 'automatedResolutionLimitReached', 'messageNotFound']));
  });
});
