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
import type { Facts } from './facts.js';
import { breakpoints, leafGetter, leafValue } from './leaf.js';
import { OPERATOR_TABLE } from './operators.js';

/** A node's verdict and certainty: `+d` true for at least `d` ms from now, `-d` false for at least `d` ms. */
export type Until = (facts: Facts) => number;

/** A compiled node with its cost (to order siblings) and whether it depends on time. */
export interface Compiled {
  readonly run: Until;
  readonly cost: number;
  readonly timed: boolean;
}

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
  if (signature.since === undefined) return { run: (f) => (test(f) ? Infinity : -Infinity), cost, timed: false };
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
  };
}

function group(kind: 'all' | 'any', children: readonly Compiled[]): Compiled {
  // Time-independent children first (they can decide for good), then the cheapest.
  const ordered = [...children].sort((a, b) => Number(a.timed) - Number(b.timed) || a.cost - b.cost).map((c) => c.run);
  const n = ordered.length;
  const cost = children.reduce((sum, c) => sum + c.cost, 0);
  const timed = children.some((c) => c.timed);
  if (n === 1) return { run: ordered[0] as Until, cost, timed };
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
  return { run, cost, timed };
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
    return { run: (f) => -inner(f), cost: child.cost, timed: child.timed };
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
