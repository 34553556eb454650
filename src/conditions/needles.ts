/**
 * Multi-needle substring search whose cost does not multiply needles by text length: an
 * Aho–Corasick automaton, built once, finds every needle occurrence in one pass over the text
 * (time linear in the text plus the matches). `containsAny` (one leaf's `containsAnyOf`) and the
 * list-wide text index of `evaluate` (every URL needle of a list in one pass) share it.
 * @module
 */

import { carved } from '../core/slab.js';

/**
 * An Aho–Corasick automaton over a fixed list of non-empty needles, in one flat `Int32Array` — a
 * single object, so a scan reads one array header and neighbouring lines, not a dozen arrays:
 * - `table[FAIL]`, `table[EDGES]`, `table[OUTPUTS]`: where the failure links, the edge starts and
 *   the output starts begin;
 * - from `ROOT`, {@link DENSE} entries: the root's target per character code below it;
 * - per state `s`: its failure state `table[table[FAIL] + s]`; its edges, `(code, target)` pairs
 *   sorted by code, from `table[table[EDGES] + s]` up to `table[table[EDGES] + s + 1]`; the
 *   needles ending at it (its own and its suffixes'), from `table[table[OUTPUTS] + s]` up to
 *   `table[table[OUTPUTS] + s + 1]` (absolute indexes into the table);
 * - from `free`, `reserve` zeroes for the caller's own numbers.
 */
export interface Automaton {
  readonly table: Int32Array;
  /** The first of the caller's reserved entries. */
  readonly free: number;
}

/** Indexes of the table's own offsets, and where the root table starts. */
const FAIL = 0;
const EDGES = 1;
export const OUTPUTS = 2;
const ROOT = 3;

/** Character codes below this get a dense table at the root, where most characters of a text are read. */
const DENSE = 128;

/**
 * Builds the automaton of `needles` (non-empty strings; repeats are fine), with `reserve` entries
 * after it for the caller. Compact: ≈ 8 bytes an edge, so a list's thousands of URL needles cost
 * kilobytes, not a `Map` per state.
 * @example
 * ```ts
 * const a = buildAutomaton(['/pricing', 'pricing/']);
 * let state = 0;
 * for (const ch of '/pricing/x') state = step(a.table, state, ch.charCodeAt(0));
 * const o = a.table[OUTPUTS]!;
 * a.table[o + state + 1]! - a.table[o + state]!; // needles ending here
 * ```
 */
export function buildAutomaton(needles: readonly string[], reserve = 0): Automaton {
  // The trie, with a Map per state while building only.
  const edges: Map<number, number>[] = [new Map()];
  const ends: number[][] = [[]];
  needles.forEach((needle, index) => {
    let state = 0;
    for (let i = 0; i < needle.length; i += 1) {
      const code = needle.charCodeAt(i);
      let next = (edges[state] as Map<number, number>).get(code);
      if (next === undefined) {
        next = edges.length;
        edges.push(new Map());
        ends.push([]);
        (edges[state] as Map<number, number>).set(code, next);
      }
      state = next;
    }
    (ends[state] as number[]).push(index);
  });
  // Failure links, breadth first; each state's outputs gain those of its failure state.
  const states = edges.length;
  const fail: number[] = new Array<number>(states).fill(0);
  const queue: number[] = [...(edges[0] as Map<number, number>).values()];
  for (let head = 0; head < queue.length; head += 1) {
    const state = queue[head] as number;
    for (const [code, next] of edges[state] as Map<number, number>) {
      let f = fail[state] as number;
      while (f !== 0 && !(edges[f] as Map<number, number>).has(code)) f = fail[f] as number;
      const target = (edges[f] as Map<number, number>).get(code);
      fail[next] = target !== undefined && target !== next ? target : 0;
      queue.push(next);
    }
  }
  for (const state of queue) (ends[state] as number[]).push(...(ends[fail[state] as number] as number[]));
  // Flatten: per state, its edges sorted by code, and its outputs.
  let edgeCount = 0;
  let outputCount = 0;
  for (let s = 0; s < states; s += 1) {
    edgeCount += (edges[s] as Map<number, number>).size;
    outputCount += (ends[s] as number[]).length;
  }
  const failAt = ROOT + DENSE;
  const edgesAt = failAt + states;
  const outputsAt = edgesAt + states + 1;
  let e = outputsAt + states + 1;
  let o = e + 2 * edgeCount;
  const free = o + outputCount;
  const table = carved(Int32Array, free + reserve);
  table[FAIL] = failAt;
  table[EDGES] = edgesAt;
  table[OUTPUTS] = outputsAt;
  for (let s = 0; s < states; s += 1) {
    table[failAt + s] = fail[s] as number;
    table[edgesAt + s] = e;
    for (const [code, next] of [...(edges[s] as Map<number, number>)].sort((x, y) => x[0] - y[0])) {
      table[e++] = code;
      table[e++] = next;
    }
    table[outputsAt + s] = o;
    for (const n of ends[s] as number[]) table[o++] = n;
  }
  table[edgesAt + states] = e;
  table[outputsAt + states] = o;
  for (const [code, next] of edges[0] as Map<number, number>) if (code < DENSE) table[ROOT + code] = next;
  return { table, free };
}

/** The target of `state`'s edge for `code`, or -1 (edges sorted by code: a linear scan, few edges a state). */
function edge(t: Int32Array, state: number, code: number): number {
  const at = (t[EDGES] as number) + state;
  for (let k = t[at] as number, end = t[at + 1] as number; k < end; k += 2) {
    const c = t[k] as number;
    if (c === code) return t[k + 1] as number;
    if (c > code) break;
  }
  return -1;
}

/**
 * The state after reading the character `code` in `state` of the automaton `t` (failure links
 * followed; 0 is the root).
 * @example
 * ```ts
 * const { table } = buildAutomaton(['ab']);
 * step(table, step(table, 0, 97), 98); // the state where 'ab' ends
 * ```
 */
export function step(t: Int32Array, state: number, code: number): number {
  for (;;) {
    if (state === 0) {
      if (code < DENSE) return t[ROOT + code] as number;
      const next = edge(t, 0, code);
      return next < 0 ? 0 : next;
    }
    const next = edge(t, state, code);
    if (next >= 0) return next;
    state = t[(t[FAIL] as number) + state] as number;
  }
}

/** Lists up to this long are searched with `includes`, needle by needle (faster for a few needles). */
const SMALL = 4;

/**
 * A test of whether a text contains any of `needles` (non-empty strings).
 * @example
 * ```ts
 * const test = containsAny(['/pricing', '/plans', '/compare', '/buy', '/checkout']);
 * test('https://shop.example/checkout?step=2'); // true
 * ```
 */
export function containsAny(needles: readonly string[]): (text: string) => boolean {
  if (needles.length <= SMALL) {
    return (text) => {
      for (let i = 0; i < needles.length; i += 1) if (text.includes(needles[i] as string)) return true;
      return false;
    };
  }
  const { table } = buildAutomaton(needles);
  const outputs = table[OUTPUTS] as number;
  return (text) => {
    let state = 0;
    for (let i = 0; i < text.length; i += 1) {
      state = step(table, state, text.charCodeAt(i));
      if ((table[outputs + state + 1] as number) > (table[outputs + state] as number)) return true;
    }
    return false;
  };
}
