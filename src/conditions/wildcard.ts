/**
 * `matchesWildcard` without regular expressions: `*` matches any run of characters (also
 * none), every other character is literal, and the whole text must match. Linear time on
 * any input: the literal segments are found left to right with Knuth–Morris–Pratt, so each
 * text character is examined a bounded number of times whatever the pattern.
 * @module
 */

/** A literal segment with its KMP failure table. */
interface Segment {
  readonly text: string;
  readonly failure: Int32Array;
}

function prepare(text: string): Segment {
  const failure = new Int32Array(text.length);
  let k = 0;
  for (let i = 1; i < text.length; i += 1) {
    while (k > 0 && text.charCodeAt(i) !== text.charCodeAt(k)) k = failure[k - 1] ?? 0;
    if (text.charCodeAt(i) === text.charCodeAt(k)) k += 1;
    failure[i] = k;
  }
  return { text, failure };
}

/** First index `>= from` where `segment` occurs entirely inside `text[from, to)`, or -1. */
function search(text: string, segment: Segment, from: number, to: number): number {
  const needle = segment.text;
  const m = needle.length;
  let j = 0;
  for (let i = from; i < to; i += 1) {
    const c = text.charCodeAt(i);
    while (j > 0 && c !== needle.charCodeAt(j)) j = segment.failure[j - 1] ?? 0;
    if (c === needle.charCodeAt(j)) j += 1;
    if (j === m) return i - m + 1;
  }
  return -1;
}

/**
 * Prepares a wildcard pattern once; the returned function tests texts against it.
 * @example
 * ```ts
 * const reviews = compileWildcard('*\/products/*\/reviews');
 * reviews('https://shop.example/products/42/reviews'); // true
 * reviews('https://shop.example/products/42');         // false
 * ```
 */
export function compileWildcard(pattern: string): (text: string) => boolean {
  const parts = pattern.split('*');
  if (parts.length === 1) return (text) => text === pattern;
  const head = parts[0] ?? '';
  const tail = parts[parts.length - 1] ?? '';
  const middle = parts
    .slice(1, -1)
    .filter((part) => part.length > 0)
    .map(prepare);
  const fixed = head.length + tail.length;
  return (text) => {
    if (text.length < fixed || !text.startsWith(head) || !text.endsWith(tail)) return false;
    let position = head.length;
    const end = text.length - tail.length;
    for (const segment of middle) {
      const found = search(text, segment, position, end);
      if (found < 0) return false;
      position = found + segment.text.length;
    }
    return true;
  };
}

/**
 * Whether `text` matches `pattern` (`*` = any run of characters). Case-sensitive; facts that
 * compare case-insensitively are lower-cased before they get here.
 * @example
 * ```ts
 * matchesWildcard('/products/7/reviews', '/products/*\/reviews'); // true
 * ```
 */
export function matchesWildcard(text: string, pattern: string): boolean {
  return compileWildcard(pattern)(text);
}
