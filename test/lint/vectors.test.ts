/**
 * Lint vectors (test/lint/vectors.json): for each named case, exactly the findings lint reports
 * — every code with its path — worked out by hand, true and false cases per finding.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lint, type LintFinding, type Workspace } from '../../src/index.js';

interface Case {
  readonly name: string;
  readonly messages: readonly Record<string, unknown>[];
  readonly expect: readonly (readonly [string, readonly (string | number)[]])[];
  readonly now?: string;
  readonly workspace?: boolean;
  readonly params?: Readonly<Record<string, Record<string, unknown>>>;
  readonly severities?: Readonly<Record<string, string>>;
}

const file = JSON.parse(readFileSync(new URL('./vectors.json', import.meta.url), 'utf8')) as { base: Record<string, unknown>; cases: Case[] };
const workspace = JSON.parse(readFileSync(new URL('../../examples/workspace.json', import.meta.url), 'utf8')) as Workspace;

function run(c: Case): readonly LintFinding[] {
  const messages = c.messages.map((m) => ({ ...file.base, ...m })) as never;
  return lint(messages, c.workspace === true ? workspace : undefined, c.now === undefined ? {} : { now: c.now });
}

/** The finding of the case's message `index` with `code` (the params/severities keys). */
function at(found: readonly LintFinding[], index: string, code?: string): LintFinding | undefined {
  return found.find((f) => String(f.path[0]) === index && (code === undefined || f.code === code));
}

describe('lint vectors', () => {
  it('has true and false cases for every finding of its own', () => {
    const codes = new Set(file.cases.flatMap((c) => c.expect.map(([code]) => code)));
    for (const code of ['conditionsNeverHold', 'conditionsAlwaysHold', 'branchNeverHolds', 'branchAlwaysHolds', 'triggerAfterConditions', 'sendWindowNeverOpens', 'sendWindowEnds', 'sendWindowInPast', 'shadowed', 'duplicateName']) {
      expect(codes, code).toContain(code);
    }
    expect(file.cases.filter((c) => c.expect.length === 0).length).toBeGreaterThan(15);
  });

  it.each(file.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const found = run(c);
    const got = found.map((f) => JSON.stringify([f.code, f.path])).sort();
    expect(got).toEqual(c.expect.map((e) => JSON.stringify(e)).sort());
    for (const [index, params] of Object.entries(c.params ?? {})) {
      const f = found.find((x) => String(x.path[0]) === index && c.expect.some(([code, path]) => code === x.code && String(path[0]) === index && !['duplicateName', 'aiAgentDeleted'].includes(code)));
      expect(f?.params).toEqual(params);
    }
    for (const [index, severity] of Object.entries(c.severities ?? {})) expect(at(found, index)?.severity).toBe(severity);
    for (const f of found) expect(f.message.length).toBeGreaterThan(0);
  });
});
