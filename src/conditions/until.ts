/**
 * The one-pass tree evaluator of `evaluate`: each node answers, in a single call, both its verdict
 * and how long it is certain to keep it — a signed duration in ms from `facts.nowMs`: `+d` true for
 * at least `d` ms, `-d` false for at least `d` ms, `±Infinity` for good (by time alone). No second
 * walk for "when does it change".
 *
 * Composition is exact as a bound (never late; it may be early when leaves flip back):
 * `all` true stays true until its first child may turn false (the least `d`); `all` false stays
 * false while its most lasting false child does (the greatest `d` among false children); `any` is
 * the dual; `not` flips the sign. Children run cheapest and time-independent first, and a child
 * that decides the group for good (`-Infinity` in `all`, `+Infinity` in `any`) ends the group.
 * @module
 */
import type { ConditionLeaf, ConditionNode } from '../core/types.js';
import type { FactSignature } from '../core/vocabulary.js';
import { factSignature } from '../check/conditions.js';
import { FACT_INDEX, type Facts } from './facts.js';
import { breakpoints, leafGetter, leafValue } from './leaf.js';
import { compareNumber, OPERATOR_TABLE } from './operators.js';

/** A node's verdict and certainty: `+d` true for at least `d` ms from now, `-d` false for at least `d` ms. */
export type Until = (facts: Facts) => number;

/**
 * A compiled node with its cost (to order siblings), whether it depends on time and, for a tree
 * of number comparisons, the same node as numbers ({@link numericTree}; `null` otherwise).
 */
export interface Compiled {
  readonly run: Until;
  readonly cost: number;
  readonly timed: boolean;
  readonly code: readonly number[] | null;
}

/** Node kinds of a tree kept as numbers ({@link numericTree}). */
const LEAF = 0;
const TIME = 1;
const NOT = 2;
const GROUP = 3;

const ALWAYS: Until = () => Infinity;

/** The getter of a time leaf's truth function, which is given the seconds themselves (one for all leaves). */
const SECONDS = (seconds: number): number => seconds;

/** A checked leaf as a signed-duration evaluator. */
export function untilOfLeaf(leaf: ConditionLeaf): Compiled {
  const signature = factSignature(leaf.fact) as FactSignature;
  const value = leafValue(leaf, signature);
  const entry = OPERATOR_TABLE[leaf.operator];
  const test = entry.compile(value, leafGetter(leaf.fact));
  const cost = entry.cost(value);
  // A comparison of a built-in number fact with a number can be kept as numbers too.
  const index = Object.hasOwn(FACT_INDEX, leaf.fact) ? FACT_INDEX[leaf.fact as keyof typeof FACT_INDEX] : undefined;
  const numeric = entry.numeric !== undefined && index !== undefined && typeof value === 'number' ? entry.numeric : undefined;
  if (signature.since === undefined) return { run: (f) => (test(f) ? Infinity : -Infinity), cost, timed: false, code: numeric === undefined ? null : [LEAF, 5, index as number, numeric, value as number] };
  // A time fact: the verdict holds until the next whole second at which the operator's truth flips.
  const points = breakpoints(value);
  const truth = entry.compile(value, SECONDS);
  const onPage = signature.since === 'page';
  return {
    run: (f) => {
      const seconds = onPage ? f.timeOnPage : f.timeOnSite;
      const from = onPage ? f.pageEnteredAtMs : f.visitStartedAtMs;
      // Unknown time (no valid instant): the verdict of a missing fact, for good.
      if (seconds === undefined) return test(f) ? Infinity : -Infinity;
      const now = truth(seconds);
      let d = Infinity;
      for (const k of points) {
        if (k > seconds && truth(k) !== now) {
          d = from + k * 1000 - f.nowMs;
          break;
        }
      }
      return now ? d : -d;
    },
    cost: cost + 1,
    timed: true,
    code: numeric === undefined ? null : [TIME, 6 + points.length, index as number, onPage ? 0 : 1, numeric, value as number, ...points],
  };
}

function group(kind: 'all' | 'any', children: readonly Compiled[]): Compiled {
  // Time-independent children first (they can decide for good), then the cheapest.
  const sorted = [...children].sort((a, b) => Number(a.timed) - Number(b.timed) || a.cost - b.cost);
  const ordered = sorted.map((c) => c.run);
  const n = ordered.length;
  const cost = children.reduce((sum, c) => sum + c.cost, 0);
  const timed = children.some((c) => c.timed);
  if (n === 1) return { ...(sorted[0] as Compiled), cost, timed };
  // As numbers when every child is: `[3, size, 1 | -1, children…]`, in the same order.
  let code: number[] | null = [GROUP, 0, kind === 'all' ? 1 : -1];
  for (const c of sorted) {
    if (c.code === null) {
      code = null;
      break;
    }
    for (const x of c.code) code.push(x);
  }
  if (code !== null) code[1] = code.length;
  // `all` is the dual of `any` (not all = any not): one loop with the sign `s` (+1 all, -1 any).
  const s = kind === 'all' ? 1 : -1;
  const run: Until = (f) => {
    let held = Infinity; // while every child agrees with the group's "for all" side: the least d
    let broken = 0; // once one does not: the greatest d among those
    for (let i = 0; i < n; i += 1) {
      const r = s * (ordered[i] as Until)(f);
      if (r < 0) {
        if (r === -Infinity) return s * r;
        if (-r > broken) broken = -r;
      } else if (broken === 0 && r < held) held = r;
    }
    return s * (broken > 0 ? -broken : held);
  };
  return { run, cost, timed, code };
}

/** Compiled nodes by content, shared by the trees of one list (`JSON.stringify` of the checked node). */
export type UntilMemo = Map<string, Compiled>;

/** The most compiled nodes, and key characters, {@link shared} keeps (then it starts again empty). */
const MAX_SHARED = 4096;
const MAX_SHARED_CHARS = 1 << 20;

/**
 * Compiled nodes by content across lists. A compiled node is a pure function of its content and
 * the facts, so lists whose trees have equal parts (accounts with the same time conditions, a
 * list recompiled from new objects) run the same closures: one copy in memory and in the CPU's
 * caches, however many lists use it. Only compiling reads it; a call never does, and a miss only
 * compiles a node of the list's own. Bounded by entries and by key length (≈ 2 MB of keys at
 * most, and what they compiled): full, it starts again empty.
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
  if ('fact' in node) return untilOfLeaf(node);
  if ('not' in node) {
    const child = compileNode(node.not, memo);
    const inner = child.run;
    return { run: (f) => -inner(f), cost: child.cost, timed: child.timed, code: child.code === null ? null : [NOT, 2 + child.code.length, ...child.code] };
  }
  return group('all' in node ? 'all' : 'any', ('all' in node ? node.all : node.any).map((child) => compileNode(child, memo)));
}

/**
 * The signed-duration evaluator of a checked tree (`null`: true for good). With a `memo`, equal
 * subtrees of the trees compiled with it share one compiled form (a list's repeated conditions
 * cost their closures once), and so do equal subtrees of other lists compiled with a memo while
 * the bounded cross-list cache still holds them.
 * @example
 * ```ts
 * const run = compileUntil({ fact: 'timeOnPage', operator: 'greaterThan', value: 30 });
 * run(readFacts(visitor, now)); // -21000 at 10 s on the page: false for 21 s more
 * ```
 */
export function compileUntil(tree: ConditionNode | null, memo?: UntilMemo): Until {
  return tree === null ? ALWAYS : compileNode(tree, memo).run;
}

/**
 * A checked tree whose every leaf compares a built-in number fact with a number (`lessThan`,
 * `greaterThanInclusive`, … on the time on page, the visit count, …) — the commonest residual
 * tree — as numbers that {@link runNumeric} runs, or `null` for any other tree (it keeps its
 * closures, {@link compileUntil}). Each node is `[kind, size, …]`: a leaf `[0, 5, fact index,
 * comparison, value]`; a time leaf `[1, size, fact index, 0 page | 1 visit, comparison, value,
 * breakpoints…]`; `not` `[2, size, child]`; `all` / `any` `[3, size, 1 | -1, children…]`. A list's
 * trees then lie in one array a call reads in order, instead of chains of closures and contexts
 * of their own.
 * @example
 * ```ts
 * const code = numericTree({ any: [{ fact: 'timeOnPage', operator: 'greaterThan', value: 30 }, { fact: 'visitCount', operator: 'greaterThanInclusive', value: 2 }] });
 * runNumeric(code ?? [], 0, facts); // what compileUntil(tree)(facts) answers
 * ```
 */
export function numericTree(tree: ConditionNode, memo?: UntilMemo): readonly number[] | null {
  return compileTree(tree, memo).code;
}

/**
 * Both compiled forms of a checked tree in one compile (with `memo`, shared as
 * {@link compileUntil}'s are): its closures and, for a tree of number comparisons, its numbers.
 * @example
 * ```ts
 * const { run, code } = compileTree(tree, memo);
 * code === null ? run(facts) : runNumeric(code, 0, facts); // the same answer either way
 * ```
 */
export function compileTree(tree: ConditionNode, memo?: UntilMemo): Compiled {
  return compileNode(tree, memo);
}

/** The most numbers one {@link placeNumeric} store holds (2 MB; then a new one starts, empty). */
const MAX_NUMERIC = 1 << 18;
let store: number[] = [];
/** Where each tree's numbers start in {@link store}, by the compiled tree's own array (equal trees share one through the compile caches). */
let storeAt = new WeakMap<readonly number[], number>();

/**
 * Places trees {@link numericTree} wrote in one store shared by the lists of the process — each
 * compiled tree once, and equal trees are one compiled tree through the compile caches (`shared`
 * above), as their closures are: lists with equal conditions then
 * read the same numbers, one copy in memory and in the CPU's caches, and a list's own trees lie
 * together. All of one call's trees go to one store, where each starts is returned; a store past
 * {@link MAX_NUMERIC} numbers is left to the lists that use it, and the next call begins a new
 * one. Only compiling writes a store, and only at its end: what a list reads never changes.
 * @example
 * ```ts
 * const { store, at } = placeNumeric([numericTree(tree)!]);
 * runNumeric(store, at[0]!, facts); // what compileUntil(tree)(facts) answers
 * ```
 */
export function placeNumeric(codes: readonly (readonly number[])[]): { readonly store: readonly number[]; readonly at: readonly number[] } {
  // Full: a new store (a list's own trees may take it past the bound once).
  if (store.length > MAX_NUMERIC) {
    store = [];
    storeAt = new WeakMap();
  }
  const at = codes.map((code) => {
    let start = storeAt.get(code);
    if (start === undefined) {
      storeAt.set(code, (start = store.length));
      for (const x of code) store.push(x);
    }
    return start;
  });
  return { store, at };
}

/**
 * Runs the tree {@link numericTree} wrote at `p[at]` on `f`: the signed certainty the tree's
 * closures ({@link compileUntil}) answer — the same steps on numbers.
 * @example
 * ```ts
 * runNumeric(program, 0, readFacts(visitor, now)); // +d: true for d ms more; -d: false for d ms more
 * ```
 */
export function runNumeric(p: readonly number[], at: number, f: Facts): number {
  const kind = p[at] as number;
  // Leaves in line (small functions the compiler inlines); only nested groups recurse.
  if (kind === GROUP) return groupAt(p, at, f);
  if (kind === LEAF) return leafAt(p, at, f);
  if (kind === TIME) return timeAt(p, at, f);
  return -runNumeric(p, at + 2, f);
}

function leafAt(p: readonly number[], at: number, f: Facts): number {
  return compareNumber(p[at + 3] as number, f.values[p[at + 2] as number], p[at + 4] as number) ? Infinity : -Infinity;
}

/** As {@link untilOfLeaf}'s time leaf. */
function timeAt(p: readonly number[], at: number, f: Facts): number {
  const code = p[at + 4] as number;
  const value = p[at + 5] as number;
  const onPage = p[at + 3] === 0;
  const seconds = onPage ? f.timeOnPage : f.timeOnSite;
  // Unknown time (no valid instant): the verdict of a missing fact, for good.
  if (seconds === undefined) return compareNumber(code, f.values[p[at + 2] as number], value) ? Infinity : -Infinity;
  const now = compareNumber(code, seconds, value);
  let d = Infinity;
  for (let k = at + 6, end = at + (p[at + 1] as number); k < end; k += 1) {
    const point = p[k] as number;
    if (point > seconds && compareNumber(code, point, value) !== now) {
      d = (onPage ? f.pageEnteredAtMs : f.visitStartedAtMs) + point * 1000 - f.nowMs;
      break;
    }
  }
  return now ? d : -d;
}

/** As `group`: one loop with the sign `s` (+1 all, -1 any). */
function groupAt(p: readonly number[], at: number, f: Facts): number {
  const s = p[at + 2] as number;
  let held = Infinity;
  let broken = 0;
  for (let c = at + 3, end = at + (p[at + 1] as number); c < end; c += p[c + 1] as number) {
    const kind = p[c] as number;
    const r = s * (kind === LEAF ? leafAt(p, c, f) : kind === TIME ? timeAt(p, c, f) : runNumeric(p, c, f));
    if (r < 0) {
      if (r === -Infinity) return s * r;
      if (-r > broken) broken = -r;
    } else if (broken === 0 && r < held) held = r;
  }
  return s * (broken > 0 ? -broken : held);
}
