/**
 * The one-pass tree evaluator of conditions: each node answers, in a single call, both its verdict
 * and how long it is certain to keep it — a signed duration in ms from `facts.nowMs`: `+d` true for
 * at least `d` ms, `-d` false for at least `d` ms, `±Infinity` for good (by time alone). No second
 * walk for "when does it change".
 *
 * Composition is exact as a bound (never late; it may be early when leaves flip back):
 * `all` true stays true until its first child may turn false (the least `d`); `all` false stays
 * false while its most lasting false child does (the greatest `d` among false children); `any` is
 * the dual; `not` flips the sign. Children run cheapest and time-independent first, and a child
 * that decides the group for good (`-Infinity` in `all`, `+Infinity` in `any`) ends the group.
 *
 * A compiled tree is numbers, run by one interpreter ({@link runTree}): a time leaf is the seconds
 * at which its verdict flips, a comparison of a built-in number fact with a number (the visit
 * count, …) is its comparison and operand, and any other leaf is the slot of its operator's test. Trees are placed in one store shared by
 * the lists of the process ({@link placeTrees}): a list's trees lie together, equal trees are one
 * copy, and what a group, a `not` or a time leaf answers is written once, here.
 * @module
 */
import type { ConditionLeaf, ConditionNode } from '../core/types.js';
import type { FactSignature } from '../core/vocabulary.js';
import { factSignature } from '../check/conditions.js';
import { FACT_INDEX, type Facts } from './facts.js';
import { breakpoints, leafGetter, leafValue } from './leaf.js';
import { compareNumber, OPERATOR_TABLE, type FactValue } from './operators.js';

/** A node's verdict and certainty: `+d` true for at least `d` ms from now, `-d` false for at least `d` ms. */
export type Until = (facts: Facts) => number;

/** The test of a leaf that is neither a time leaf nor a comparison of numbers, in a store's slot. */
export type Test = (facts: Facts) => boolean;

/**
 * A compiled node: its numbers ({@link runTree}), the tests of its slots in the order they appear,
 * its cost (to order siblings) and whether it depends on time.
 */
export interface Compiled {
  readonly code: readonly number[];
  readonly tests: readonly Test[];
  readonly cost: number;
  readonly timed: boolean;
}

/** Node kinds. Each node is `[kind, size, …]`, a group's children after its header. */
const LEAF = 0;
const TIME = 1;
const NOT = 2;
const GROUP = 3;
const TEST = 4;

/**
 * A checked leaf, compiled: a comparison of a built-in number fact with a number `[0, 5, fact
 * index, comparison, value]`; a time leaf `[1, size, 0 page | 1 visit, verdict on the missing
 * fact, verdict before the first flip, flips…]`; any other leaf `[4, 3, slot]`.
 */
function compileLeafNode(leaf: ConditionLeaf): Compiled {
  const signature = factSignature(leaf.fact) as FactSignature;
  const value = leafValue(leaf, signature);
  const entry = OPERATOR_TABLE[leaf.operator];
  const cost = entry.cost(value);
  if (signature.since !== undefined) return { code: timeLeaf(entry.compile(value, SECONDS), breakpoints(value), signature.since), tests: [], cost: cost + 1, timed: true };
  const index = Object.hasOwn(FACT_INDEX, leaf.fact) ? FACT_INDEX[leaf.fact as keyof typeof FACT_INDEX] : -1;
  if (entry.numeric !== undefined && index >= 0 && typeof value === 'number') return { code: [LEAF, 5, index, entry.numeric, value], tests: [], cost, timed: false };
  return { code: [TEST, 3, 0], tests: [entry.compile(value, leafGetter(leaf.fact))], cost, timed: false };
}

/** The getter of a time leaf's truth, which is given the seconds themselves. */
const SECONDS = (seconds: FactValue): FactValue => seconds;

/**
 * A time leaf as its verdicts on the whole seconds, worked out once by its operator's own test: a
 * time fact counts whole seconds, and its truth can only change at the leaf's `breakpoints` — so
 * it is the truth below the first of them and the seconds at which it flips. A call then reads
 * numbers only, whatever the operator.
 */
function timeLeaf(truth: (seconds: FactValue) => boolean, points: readonly number[], since: 'page' | 'visit'): number[] {
  let now = truth((points[0] ?? 0) - 1);
  const code = [TIME, 0, since === 'page' ? 0 : 1, Number(truth(undefined)), Number(now)];
  for (const point of points) {
    if (truth(point) !== now) {
      now = !now;
      code.push(point);
    }
  }
  code[1] = code.length;
  return code;
}

function group(kind: 'all' | 'any', children: readonly Compiled[]): Compiled {
  // Time-independent children first (they can decide for good), then the cheapest.
  const sorted = [...children].sort((a, b) => Number(a.timed) - Number(b.timed) || a.cost - b.cost);
  const cost = children.reduce((sum, c) => sum + c.cost, 0);
  const timed = children.some((c) => c.timed);
  if (sorted.length === 1) return { ...(sorted[0] as Compiled), cost, timed };
  // `[3, size, 1 | -1, children…]`, in the order they run.
  const code: number[] = [GROUP, 0, kind === 'all' ? 1 : -1];
  const tests: Test[] = [];
  for (const c of sorted) {
    for (const x of c.code) code.push(x);
    for (const t of c.tests) tests.push(t);
  }
  code[1] = code.length;
  return { code, tests, cost, timed };
}

/** Compiled nodes by content, shared by the trees of one list (`JSON.stringify` of the checked node). */
export type UntilMemo = Map<string, Compiled>;

/** The most compiled nodes, and key characters, {@link shared} keeps (then it starts again empty). */
const MAX_SHARED = 4096;
const MAX_SHARED_CHARS = 1 << 20;

/**
 * Compiled nodes by content across lists. A compiled node is a pure function of its content, so
 * lists whose trees have equal parts (accounts with the same time conditions, a list recompiled
 * from new objects) get the same compiled node, placed once ({@link placeTrees}): one copy in
 * memory and in the CPU's caches, however many lists use it. Only compiling reads it; a call never
 * does, and a miss only compiles a node of the list's own. Bounded by entries and by key length
 * (≈ 2 MB of keys at most, and what they compiled): full, it starts again empty.
 */
const shared: UntilMemo = new Map();
let sharedChars = 0;

function compileNode(node: ConditionNode, memo: UntilMemo | undefined): Compiled {
  if (memo === undefined) return compileFresh(node, memo);
  const key = JSON.stringify(node);
  let hit = memo.get(key) ?? shared.get(key);
  if (hit === undefined) {
    // Compiled from the key itself, not `node`: what other lists get for this key is then exactly
    // the key's tree, even if `node` is an object whose getters answer differently each time.
    hit = compileFresh(JSON.parse(key) as ConditionNode, memo);
    sharedChars += key.length;
    if (shared.size >= MAX_SHARED || sharedChars > MAX_SHARED_CHARS) {
      shared.clear();
      sharedChars = key.length;
    }
    shared.set(key, hit);
  }
  memo.set(key, hit);
  return hit;
}

function compileFresh(node: ConditionNode, memo: UntilMemo | undefined): Compiled {
  if ('fact' in node) return compileLeafNode(node);
  if ('not' in node) {
    const child = compileNode(node.not, memo);
    return { ...child, code: [NOT, 2 + child.code.length, ...child.code] };
  }
  return group('all' in node ? 'all' : 'any', ('all' in node ? node.all : node.any).map((child) => compileNode(child, memo)));
}

/**
 * Compiles a checked tree; {@link placeTrees} places it for {@link runTree}. With a `memo`, equal
 * subtrees of the trees compiled with it are one compiled node (a list's repeated conditions cost
 * their numbers once), and so are equal subtrees of other lists compiled with a memo while the
 * bounded cross-list cache still holds them.
 * @example
 * ```ts
 * compileTree({ fact: 'timeOnPage', operator: 'greaterThan', value: 30 }).code;
 * // [1, 6, 0, 0, 0, 31]: a time leaf on the page, false on a missing time and before 31 s, true from 31 s
 * ```
 */
export function compileTree(tree: ConditionNode, memo?: UntilMemo): Compiled {
  return compileNode(tree, memo);
}

/** The most numbers one store holds (2 MB; then a new one starts, empty). */
const MAX_STORE = 1 << 18;
let store: number[] = [];
let tests: Test[] = [];
/** Where each compiled tree starts in {@link store}, by the tree's own array (equal trees are one through the compile caches). */
let storeAt = new WeakMap<readonly number[], number>();

/** Placed trees: where each starts in `store`, whose slots number into `tests`. */
export interface PlacedTrees {
  readonly store: readonly number[];
  readonly tests: readonly Test[];
  readonly at: readonly number[];
}

/**
 * Places compiled trees in the store shared by the lists of the process — each compiled tree once,
 * its slots numbered into the store's tests — and says where each starts: lists with equal
 * conditions then read the same numbers, and a list's own trees lie together. All of one call's
 * trees go to one store; a store past its bound (2¹⁸ numbers) is left to the lists that use it,
 * and the next call begins a new one. Only placing writes a store, and only at its end: what a
 * list reads never changes.
 * @example
 * ```ts
 * const { store, tests, at } = placeTrees([compileTree(tree)]);
 * runTree(store, tests, at[0]!, facts); // +d: true for d ms more; -d: false for d ms more
 * ```
 */
export function placeTrees(trees: readonly Compiled[]): PlacedTrees {
  // Full: a new store (a list's own trees may take it past the bound once).
  if (store.length > MAX_STORE) {
    store = [];
    tests = [];
    storeAt = new WeakMap();
  }
  const at = trees.map((tree) => {
    let start = storeAt.get(tree.code);
    if (start === undefined) {
      storeAt.set(tree.code, (start = store.length));
      for (const x of tree.code) store.push(x);
      // Number the slots in node order, the order of the tree's tests.
      let k = 0;
      for (let q = start; q < store.length; ) {
        const kind = store[q] as number;
        if (kind === GROUP) q += 3;
        else if (kind === NOT) q += 2;
        else {
          if (kind === TEST) store[q + 2] = tests.push(tree.tests[k++] as Test) - 1;
          q += store[q + 1] as number;
        }
      }
    }
    return start;
  });
  return { store, tests, at };
}

/**
 * The signed-duration evaluator of a checked tree (`null`: true for good), placed on its own.
 * @example
 * ```ts
 * const run = compileUntil({ fact: 'timeOnPage', operator: 'greaterThan', value: 30 });
 * run(readFacts(visitor, now)); // -21000 at 10 s on the page: false for 21 s more
 * ```
 */
export function compileUntil(tree: ConditionNode | null, memo?: UntilMemo): Until {
  if (tree === null) return () => Infinity;
  const { store: p, tests: t, at } = placeTrees([compileNode(tree, memo)]);
  const start = at[0] as number;
  return (f) => runTree(p, t, start, f);
}

/**
 * Runs the tree placed at `p[at]` ({@link placeTrees}) on `f`: `+d` true for `d` ms more, `-d`
 * false for `d` ms more.
 * @example
 * ```ts
 * runTree(store, tests, at, readFacts(visitor, now)); // -21000: false for 21 s more
 * ```
 */
export function runTree(p: readonly number[], t: readonly Test[], at: number, f: Facts): number {
  const kind = p[at] as number;
  // Leaves in line (small functions the compiler inlines); only nested groups recurse.
  if (kind === GROUP) return groupAt(p, t, at, f);
  if (kind === LEAF) return leafAt(p, at, f);
  if (kind === TIME) return timeAt(p, at, f);
  if (kind === TEST) return testAt(p, t, at, f);
  return -runTree(p, t, at + 2, f);
}

function leafAt(p: readonly number[], at: number, f: Facts): number {
  return compareNumber(p[at + 3] as number, f.values[p[at + 2] as number], p[at + 4] as number) ? Infinity : -Infinity;
}

function testAt(p: readonly number[], t: readonly Test[], at: number, f: Facts): number {
  return (t[p[at + 2] as number] as Test)(f) ? Infinity : -Infinity;
}

/** A time leaf ({@link timeLeaf}): its verdict now, until its next flip. */
function timeAt(p: readonly number[], at: number, f: Facts): number {
  const onPage = p[at + 2] === 0;
  const seconds = onPage ? f.timeOnPage : f.timeOnSite;
  // Unknown time (no valid instant): the verdict of a missing fact, for good — and so is anything
  // but a number in facts built by hand (no coercion, as the operators).
  if (typeof seconds !== 'number') return p[at + 3] === 1 ? Infinity : -Infinity;
  let now = p[at + 4] === 1;
  let k = at + 5;
  const end = at + (p[at + 1] as number);
  for (; k < end && (p[k] as number) <= seconds; k += 1) now = !now;
  const d = k < end ? (onPage ? f.pageEnteredAtMs : f.visitStartedAtMs) + (p[k] as number) * 1000 - f.nowMs : Infinity;
  return now ? d : -d;
}

/** `all` and `any` in one loop with the sign `s` (+1 all, -1 any): `all` is the dual of `any` (not all = any not). */
function groupAt(p: readonly number[], t: readonly Test[], at: number, f: Facts): number {
  const s = p[at + 2] as number;
  let held = Infinity; // while every child agrees with the group's "for all" side: the least d
  let broken = 0; // once one does not: the greatest d among those
  for (let c = at + 3, end = at + (p[at + 1] as number); c < end; c += p[c + 1] as number) {
    const kind = p[c] as number;
    const r = s * (kind === LEAF ? leafAt(p, c, f) : kind === TIME ? timeAt(p, c, f) : runTree(p, t, c, f));
    if (r < 0) {
      if (r === -Infinity) return s * r;
      if (-r > broken) broken = -r;
    } else if (broken === 0 && r < held) held = r;
  }
  return s * (broken > 0 ? -broken : held);
}
