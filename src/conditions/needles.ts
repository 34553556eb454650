/**
 * Multi-needle substring search whose cost does not multiply needles by text length: an
 * Aho–Corasick automaton, built once per leaf at compile time, finds whether any needle occurs
 * in one pass over the text (time linear in the text plus the needles). Short lists use plain
 * `includes`, which is faster for a few needles.
 * @module
 */

/** Lists up to this long are searched with `includes`, needle by needle. */
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
  // The trie: goto edges per state, the failure link, and whether a needle ends here.
  const edges: Map<number, number>[] = [new Map()];
  const terminal: boolean[] = [false];
  for (const needle of needles) {
    let state = 0;
    for (let i = 0; i < needle.length; i += 1) {
      const code = needle.charCodeAt(i);
      let next = (edges[state] as Map<number, number>).get(code);
      if (next === undefined) {
        next = edges.length;
        edges.push(new Map());
        terminal.push(false);
        (edges[state] as Map<number, number>).set(code, next);
      }
      state = next;
    }
    terminal[state] = true;
  }
  const fail = new Array<number>(edges.length).fill(0);
  const queue: number[] = [...(edges[0] as Map<number, number>).values()];
  for (let head = 0; head < queue.length; head += 1) {
    const state = queue[head] as number;
    for (const [code, next] of edges[state] as Map<number, number>) {
      let f = fail[state] as number;
      while (f !== 0 && !(edges[f] as Map<number, number>).has(code)) f = fail[f] as number;
      const target = (edges[f] as Map<number, number>).get(code);
      fail[next] = target !== undefined && target !== next ? target : 0;
      if (terminal[fail[next] as number]) terminal[next] = true;
      queue.push(next);
    }
  }
  return (text) => {
    let state = 0;
    for (let i = 0; i < text.length; i += 1) {
      const code = text.charCodeAt(i);
      let next = (edges[state] as Map<number, number>).get(code);
      while (next === undefined && state !== 0) {
        state = fail[state] as number;
        next = (edges[state] as Map<number, number>).get(code);
      }
      state = next ?? 0;
      if (terminal[state]) return true;
    }
    return false;
  };
}
