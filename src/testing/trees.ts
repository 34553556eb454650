/**
 * Condition trees that pass the parser: depth, leaf and node counts within its limits, never
 * an empty group, and the nesting rule of SPEC §1.5 — a tree with two or fewer leaves has no
 * `all`/`any` group inside another group. Leaves come from the conditions module's
 * `conditionLeafArbitrary` (every fact × operator, values from pools visitors share); this file
 * adds the structure rules its `conditionTreeArbitrary` leaves out (nesting rule, parser limits).
 * @module
 */
import fc from 'fast-check';
import type { ConditionLeaf, ConditionNode } from '../model/types.js';
import { conditionLeafArbitrary } from './conditions.js';

/** The parser's bounds on a tree (see `LIMITS` in the model). */
export const TREE_LIMITS = { maxDepth: 10, maxLeaves: 50, maxNodes: 200 } as const;

/** Options of {@link conditionTreeArb}. */
export interface ConditionTreeArbOptions {
  /** Include `metadata.*` leaves (web-widget channels only). Default `true`. */
  readonly metadata?: boolean;
  /** Deepest tree; the root is level 1 and `not` counts as a level. Default and maximum 10. */
  readonly maxDepth?: number;
  /** Most leaves. Default 12, at most 50. */
  readonly maxLeaves?: number;
}

/** Leaves, groups and `not`s of a tree, and whether a group sits inside a group. */
export interface TreeShape {
  readonly leaves: number;
  readonly nodes: number;
  readonly depth: number;
  readonly nestedGroup: boolean;
}

/**
 * Measures a tree (iteratively, so any depth is fine).
 * @example
 * ```ts
 * treeShape({ all: [{ any: [leafA] }] }); // { leaves: 1, nodes: 3, depth: 3, nestedGroup: true }
 * ```
 */
export function treeShape(tree: ConditionNode): TreeShape {
  let leaves = 0;
  let nodes = 0;
  let depth = 0;
  let nestedGroup = false;
  const stack: { node: ConditionNode; level: number; groupsAbove: number }[] = [{ node: tree, level: 1, groupsAbove: 0 }];
  while (stack.length > 0) {
    const { node, level, groupsAbove } = stack.pop() as { node: ConditionNode; level: number; groupsAbove: number };
    nodes += 1;
    depth = Math.max(depth, level);
    if ('all' in node || 'any' in node) {
      if (groupsAbove > 0) nestedGroup = true;
      const children = 'all' in node ? node.all : node.any;
      for (const child of children) stack.push({ node: child, level: level + 1, groupsAbove: groupsAbove + 1 });
    } else if ('not' in node) {
      stack.push({ node: node.not, level: level + 1, groupsAbove });
    } else {
      leaves += 1;
    }
  }
  return { leaves, nodes, depth, nestedGroup };
}

/**
 * Whether a tree respects the parser's bounds and the nesting rule.
 * @example
 * ```ts
 * isWithinTreeLimits({ all: [{ any: [leafA] }] }); // false: nesting with one leaf
 * ```
 */
export function isWithinTreeLimits(tree: ConditionNode, limits: { maxDepth: number; maxLeaves: number } = TREE_LIMITS): boolean {
  const shape = treeShape(tree);
  return (
    shape.depth <= limits.maxDepth &&
    shape.leaves <= limits.maxLeaves &&
    shape.nodes <= TREE_LIMITS.maxNodes &&
    !(shape.nestedGroup && shape.leaves <= 2)
  );
}

const group = (children: ConditionNode[], isAll: boolean): ConditionNode => (isAll ? { all: children } : { any: children });

/** A leaf under 0–2 `not`s. */
function literalArb(leaf: fc.Arbitrary<ConditionLeaf>, maxNots: number): fc.Arbitrary<ConditionNode> {
  return fc.tuple(leaf, fc.integer({ min: 0, max: Math.max(0, maxNots) })).map(([l, nots]) => {
    let node: ConditionNode = l;
    for (let i = 0; i < nots; i++) node = { not: node };
    return node;
  });
}

/** Trees with one or two leaves: at most one group, so no nesting. */
function smallTreeArb(leaf: fc.Arbitrary<ConditionLeaf>, maxDepth: number): fc.Arbitrary<ConditionNode> {
  if (maxDepth < 2) return leaf;
  const inner = literalArb(leaf, Math.min(2, maxDepth - 2));
  return fc.oneof(
    literalArb(leaf, Math.min(2, maxDepth - 1)),
    fc
      .tuple(fc.array(inner, { minLength: 1, maxLength: 2 }), fc.boolean(), fc.boolean())
      .map(([children, isAll, negate]) => {
        const g = group(children, isAll);
        return negate && treeShape(g).depth < maxDepth ? { not: g } : g;
      }),
  );
}

/** Trees of any size: groups of 1–3 children, `not`s, leaves; filtered to three or more leaves. */
function largeTreeArb(leaf: fc.Arbitrary<ConditionLeaf>, maxDepth: number, maxLeaves: number): fc.Arbitrary<ConditionNode> {
  const node: fc.Memo<ConditionNode> = fc.memo((n) =>
    n <= 1
      ? leaf
      : fc.oneof(
          { arbitrary: leaf, weight: 3 },
          { arbitrary: node(n - 1).map((child): ConditionNode => ({ not: child })), weight: 1 },
          { arbitrary: fc.tuple(fc.array(node(n - 1), { minLength: 1, maxLength: 3 }), fc.boolean()).map(([c, isAll]) => group(c, isAll)), weight: 3 },
        ),
  );
  // A spine reaches the full depth, with siblings so the leaf count passes the nesting rule.
  const spine: fc.Memo<ConditionNode> = fc.memo((n) =>
    n <= 1
      ? leaf
      : fc.oneof(
          spine(n - 1).map((child): ConditionNode => ({ not: child })),
          fc.tuple(spine(n - 1), fc.array(leaf, { minLength: 1, maxLength: 2 }), fc.boolean()).map(([deep, others, isAll]) => group([...others, deep], isAll)),
        ),
  );
  return fc
    .oneof(
      { arbitrary: fc.integer({ min: 2, max: maxDepth }).chain((depth) => node(depth)), weight: 4 },
      { arbitrary: spine(maxDepth), weight: 1 },
    )
    .filter((tree) => {
      const shape = treeShape(tree);
      return shape.leaves >= 3 && shape.leaves <= maxLeaves && shape.nodes <= TREE_LIMITS.maxNodes && shape.depth <= maxDepth;
    });
}

/**
 * Valid condition trees (they pass the parser as a message's `conditions`): `all`/`any`
 * groups (never empty), `not`, and leaves of every fact with every operator it allows; depth up
 * to `maxDepth` (a share of trees reach it), at most `maxLeaves` leaves, and the nesting rule:
 * one or two leaves never come with a group inside a group.
 * @example
 * ```ts
 * fc.assert(fc.property(conditionTreeArb(), visitorArb(), (tree, visitor) => {
 *   const verdict = evaluate(visitor, [{ ...baseMessage, conditions: tree }], now);
 *   return Array.isArray(verdict.eligible);
 * }));
 * ```
 */
export function conditionTreeArb(options: ConditionTreeArbOptions = {}): fc.Arbitrary<ConditionNode> {
  const maxDepth = Math.max(1, Math.min(options.maxDepth ?? TREE_LIMITS.maxDepth, TREE_LIMITS.maxDepth));
  const maxLeaves = Math.max(1, Math.min(options.maxLeaves ?? 12, TREE_LIMITS.maxLeaves));
  const leaf = conditionLeafArbitrary({ metadata: options.metadata ?? true });
  const small = smallTreeArb(leaf, maxDepth);
  if (maxLeaves < 3 || maxDepth < 2) return small;
  return fc.oneof({ arbitrary: small, weight: 1 }, { arbitrary: largeTreeArb(leaf, maxDepth, maxLeaves), weight: 2 });
}
