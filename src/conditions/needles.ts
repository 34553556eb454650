/**
 * Multi-needle substring search whose cost does not multiply needles by text length: an
 * Aho–Corasick automaton, built once, finds every needle occurrence in one pass over the text
 * (time linear in the text plus the matches). `containsAny` (one leaf's `containsAnyOf`) and the
 * list-wide text index of `evaluate` (every URL needle of a list in one pass) share it.
 * @module
 */

import { carved } from '../core/slab.js';

/** An Aho–Corasick automaton over a fixed list of non-empty needles, in flat typed arrays. */
export interface Automaton {
  /** The state after reading the character `code` in `state` (failure links followed; 0 is the root). */
  step(state: number, code: number): number;
  /** Needle indexes ending at state `s` (its own and its suffixes'): `outputs[outputStart[s]]` … `outputs[outputStart[s + 1] - 1]`. */
  readonly outputStart: Int32Array;
  readonly outputs: Int32Array;
}

/** Character codes below this get a dense table at the root, where most characters of a text are read. */
const DENSE = 128;

/**
 * Builds the automaton of `needles` (non-empty strings; repeats are fine). Compact: the edges of
 * every state in three typed arrays (≈ 10 bytes an edge), so a list's thousands of URL needles
 * cost kilobytes, not a `Map` per state.
 * @example
 * ```ts
 * const a = buildAutomaton(['/pricing', 'pricing/']);
 * let state = 0;
 * for (const ch of '/pricing/x') state = a.step(state, ch.charCodeAt(0));
 * a.outputStart[state + 1]! - a.outputStart[state]!; // needles ending here
 * ```
 */
export function buildAutomaton(needles: readonly string[]): Automaton {
  // Built in a function of its own: the closure below keeps only the flat arrays alive.
  return stepper(flatTrie(needles));
}

interface FlatTrie {
  readonly fail: Int32Array;
  readonly edgeStart: Int32Array;
  readonly codes: Uint16Array;
  readonly targets: Int32Array;
  readonly root: Int32Array;
  readonly outputStart: Int32Array;
  readonly outputs: Int32Array;
}

function flatTrie(needles: readonly string[]): FlatTrie {
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
  const fail = carved(Int32Array, states);
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
  const edgeStart = carved(Int32Array, states + 1);
  const outputStart = carved(Int32Array, states + 1);
  let edgeCount = 0;
  let outputCount = 0;
  for (let s = 0; s < states; s += 1) {
    edgeCount += (edges[s] as Map<number, number>).size;
    outputCount += (ends[s] as number[]).length;
  }
  const codes = carved(Uint16Array, edgeCount);
  const targets = carved(Int32Array, edgeCount);
  const outputs = carved(Int32Array, outputCount);
  let e = 0;
  let o = 0;
  for (let s = 0; s < states; s += 1) {
    edgeStart[s] = e;
    for (const [code, next] of [...(edges[s] as Map<number, number>)].sort((x, y) => x[0] - y[0])) {
      codes[e] = code;
      targets[e] = next;
      e += 1;
    }
    outputStart[s] = o;
    for (const n of ends[s] as number[]) outputs[o++] = n;
  }
  edgeStart[states] = e;
  outputStart[states] = o;
  const root = carved(Int32Array, DENSE);
  for (const [code, next] of edges[0] as Map<number, number>) if (code < DENSE) root[code] = next;
  return { fail, edgeStart, codes, targets, root, outputStart, outputs };
}

function stepper(trie: FlatTrie): Automaton {
  const { fail, edgeStart, codes, targets, root, outputStart, outputs } = trie;
  /** The target of `state`'s edge for `code`, or -1 (edges sorted by code: a linear scan, few edges a state). */
  const edge = (state: number, code: number): number => {
    for (let k = edgeStart[state] as number, end = edgeStart[state + 1] as number; k < end; k += 1) {
      const c = codes[k] as number;
      if (c === code) return targets[k] as number;
      if (c > code) break;
    }
    return -1;
  };
  const step = (state: number, code: number): number => {
    for (;;) {
      if (state === 0) {
        if (code < DENSE) return root[code] as number;
        const next = edge(0, code);
        return next < 0 ? 0 : next;
      }
      const next = edge(state, code);
      if (next >= 0) return next;
      state = fail[state] as number;
    }
  };
  return { step, outputStart, outputs };
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
  const { step, outputStart } = buildAutomaton(needles);
  return (text) => {
    let state = 0;
    for (let i = 0; i < text.length; i += 1) {
      state = step(state, text.charCodeAt(i));
      if ((outputStart[state + 1] as number) > (outputStart[state] as number)) return true;
    }
    return false;
  };
}
