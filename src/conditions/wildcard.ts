/**
 * `matchesWildcard` without regular expressions: `*` matches any run of characters (also
 * none), every other character is literal, and the whole text must match. No backtracking:
 * each literal segment is searched for once (`indexOf`), left to right, from where the
 * previous one ended — the cost of `containsAnyOf`'s `includes`, per segment
 * (docs/conditions.md says why this replaced a hand-written Knuth–Morris–Pratt search).
 * @module
 */

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
  const middle = parts.slice(1, -1);
  const fixed = head.length + tail.length;
  return (text) => {
    if (text.length < fixed || !text.startsWith(head) || !text.endsWith(tail)) return false;
    let position = head.length;
    const end = text.length - tail.length;
    for (const segment of middle) {
      const found = text.indexOf(segment, position);
      if (found < 0) return false;
      position = found + segment.length;
    }
    return position <= end;
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
