/**
 * Shared checks of the browser suites: the page's outcomes equal Node's, vector by vector.
 */
import { expect } from 'vitest';
import sizeBudget from '../../size-budget.json' with { type: 'json' };
import type { VectorOutcome } from './run-vectors.js';

/**
 * The same switch as the size budget: while on, vectors whose function the entry does not export
 * yet are skipped with a warning; when off, a missing function fails.
 */
export const skipMissingExports: boolean = sizeBudget.skipMissingExports;

/** Fails on a missing function (once the switch is off) and on any thrown error (never-throws rule). */
export function checkNodeOutcomes(outcomes: readonly VectorOutcome[]): void {
  const missing = outcomes.flatMap((o) => (o.status === 'missing' ? [o] : []));
  if (missing.length > 0 && skipMissingExports) {
    const perFn = new Map<string, number>();
    for (const o of missing) perFn.set(o.fn, (perFn.get(o.fn) ?? 0) + 1);
    const summary = [...perFn].map(([fn, n]) => `${fn} ×${n}`).join(', ');
    console.warn(
      `browser vectors: ${missing.length} of ${outcomes.length} skipped, function not exported yet (${summary}); ` +
        'set "skipMissingExports": false in size-budget.json once every module has landed',
    );
  } else {
    expect(missing.map((o) => o.name)).toEqual([]);
  }
  const threw = outcomes.filter((o) => o.status === 'threw');
  expect(threw, 'vectors are valid input: the library must not throw').toEqual([]);
}

/** Every browser outcome equals the Node outcome of the same vector. */
export function expectSameOutcomes(browser: readonly VectorOutcome[], node: readonly VectorOutcome[]): void {
  expect(browser.map((o) => o.name)).toEqual(node.map((o) => o.name));
  const differing = browser
    .map((outcome, i) => ({ outcome, expected: node[i] }))
    .filter(({ outcome, expected }) => JSON.stringify(outcome) !== JSON.stringify(expected));
  // Report the first few differences in full; toEqual prints a readable diff.
  expect(differing.slice(0, 3).map((d) => d.outcome)).toEqual(differing.slice(0, 3).map((d) => d.expected));
  expect(differing.map((d) => d.outcome.name)).toEqual([]);
}
