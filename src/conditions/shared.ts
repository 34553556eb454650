/**
 * Leaf sharing: identical leaves (same fact, operator and normalised value) get one id, so a leaf
 * used by many messages is evaluated once per evaluation and its result read from
 * `Facts.leafResults` by the others. The id table is a bounded, append-only memo: it changes no
 * result, only how often a leaf runs.
 * @module
 */

/**
 * Most distinct leaves that get an id; later ones simply run unshared (correct, just not
 * shared). Bounds the table and the per-evaluation `leafResults` array (≈ 0.2 µs for 500 ids).
 */
const MAX_SHARED_LEAVES = 2048;
const ids = new Map<string, number>();

/**
 * The shared id of a leaf with this key, or -1 once the table is full.
 * @example
 * ```ts
 * sharedLeafId('language\u0000in\u0000["en","de"]'); // the same number every time
 * ```
 */
export function sharedLeafId(key: string): number {
  let id = ids.get(key);
  if (id === undefined) {
    if (ids.size >= MAX_SHARED_LEAVES) return -1;
    id = ids.size;
    ids.set(key, id);
  }
  return id;
}

/**
 * How many shared ids exist (the size `readFacts` gives `leafResults`).
 * @example
 * ```ts
 * new Array<boolean | undefined>(sharedLeafCount());
 * ```
 */
export function sharedLeafCount(): number {
  return ids.size;
}
