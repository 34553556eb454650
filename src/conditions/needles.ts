/**
 * Multi-needle substring search whose cost does not multiply needles by text length: an
 * Aho–Corasick automaton, built once, finds every needle occurrence in one pass over the text
 * (time linear in the text plus the matches). `containsAny` (one leaf's `containsAnyOf`) and the
 * list-wide text index of `evaluate` (every URL needle of a list in one pass) share it.
 * @module
 */

/** An Aho–Corasick automaton over a fixed list of non-empty needles. */
export interface Automaton {
  /** The state after reading the character `code` in `state` (failure links followed; 0 is the root). */
  step(state: number, code: number): number;
  /** Per state: the indexes of the needles that end there (its own and its suffixes'), or `undefined`. */
  readonly outputs: readonly (readonly number[] | undefined)[];
}

/** Character codes below this get a dense table at the root, where most characters of a text are read. */
const DENSE = 128;

/**
 * Builds the automaton of `needles` (non-empty strings; repeats are fine).
 * @example
 * ```ts
 * const a = buildAutomaton(['/pricing', 'pricing/']);
 * let state = 0;
 * for (const ch of '/pricing/x') state = a.step(state, ch.charCodeAt(0));
 * ```
 */
export function buildAutomaton(needles: readonly string[]): Automaton {
  // The trie: goto edges per state, and the needles ending at each state.
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
  const fail = new Int32Array(edges.length);
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
  const outputs = ends.map((list) => (list.length === 0 ? undefined : list));
  const root = new Int32Array(DENSE);
  for (const [code, next] of edges[0] as Map<number, number>) if (code < DENSE) root[code] = next;
  const step = (state: number, code: number): number => {
    for (;;) {
      if (state === 0) return code < DENSE ? (root[code] as number) : ((edges[0] as Map<number, number>).get(code) ?? 0);
      const next = (edges[state] as Map<number, number>).get(code);
      if (next !== undefined) return next;
      state = fail[state] as number;
    }
  };
  return { step, outputs };
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
  const { step, outputs } = buildAutomaton(needles);
  return (text) => {
    let state = 0;
    for (let i = 0; i < text.length; i += 1) {
      state = step(state, text.charCodeAt(i));
      if (outputs[state] !== undefined) return true;
    }
    return false;
  };
}
