/**
 * fast-check arbitraries for condition trees and the visitors their facts come from — one
 * family, drawn from the kit's one set of pools (`pools.ts`) and built from the library's own
 * tables: every fact of `FACTS` with every operator its kind allows (`operatorsFor`), values
 * shaped by the operator's signature (`OPERATOR_SIGNATURES`), trees within `LIMITS` and the
 * nesting rule. Nothing here restates a bound or a vocabulary list.
 * @module
 */
import fc from 'fast-check';
import { LIMITS } from '../core/limits.js';
import type { ConditionLeaf, ConditionNode, ConditionScalar, FactName, MetadataValue, Visitor } from '../core/types.js';
import { BUILT_IN_FACTS, FACTS, METADATA_FACT, METADATA_PREFIX, OPERATOR_SIGNATURES, operatorsFor, type FactSignature } from '../core/vocabulary.js';
import { FRAGMENTS, HOSTS, KIT_NOW_MS, LANGUAGES, LOCALES, METADATA_KEYS, METADATA_VALUES, PATHS, TITLES, WILDCARDS } from './pools.js';

const urlArb = fc.tuple(fc.constantFrom(...HOSTS), fc.constantFrom(...PATHS)).map(([host, path]) => host + path);
const textPool = fc.oneof(urlArb, fc.constantFrom(...TITLES), fc.constantFrom(...FRAGMENTS));
const needleArb = fc.constantFrom(...FRAGMENTS);
const wildcardArb = fc.oneof(
  fc.constantFrom(...WILDCARDS),
  fc.array(fc.constantFrom(...FRAGMENTS, ''), { minLength: 2, maxLength: 4 }).map((parts) => parts.join('*')),
);

/** Numbers near the thresholds: seconds for time facts, small counts otherwise. */
function numbersFor(signature: FactSignature): fc.Arbitrary<number> {
  const max = signature.since === undefined ? 7 : 60;
  return fc.oneof(fc.integer({ min: -1, max }), fc.constantFrom(0.5, 29.5, 30, 31, 2.5));
}

/** A value of the fact's own kind (the operand of `equal`, the items of `in`). */
function sameFor(signature: FactSignature): fc.Arbitrary<ConditionScalar> {
  switch (signature.kind) {
    case 'text':
      return textPool;
    case 'number':
      return numbersFor(signature);
    case 'enum':
      return fc.constantFrom(...(signature.values ?? []));
    case 'language':
      return fc.constantFrom(...LANGUAGES);
    case 'scalar':
      return fc.constantFrom<ConditionScalar>(...METADATA_VALUES);
  }
}

const list = <T>(item: fc.Arbitrary<T>): fc.Arbitrary<T[]> => fc.array(item, { minLength: 1, maxLength: 4 });

function leafFor(fact: FactName, signature: FactSignature): fc.Arbitrary<ConditionLeaf> {
  return fc.constantFrom(...operatorsFor(signature.kind)).chain((operator) => {
    const operand = OPERATOR_SIGNATURES[operator].operand;
    const value: fc.Arbitrary<ConditionLeaf['value']> =
      operand === 'same'
        ? sameFor(signature)
        : operand === 'sameList'
          ? list(sameFor(signature))
          : operand === 'number'
            ? numbersFor(signature)
            : operand === 'needleList'
              ? list(needleArb)
              : operator === 'matchesWildcard'
                ? wildcardArb.filter((p) => p.length > 0)
                : fc.oneof(needleArb, urlArb.filter((u) => u.length > 0));
    return value.map((v): ConditionLeaf => ({ fact, operator, value: v }));
  });
}

/** Options of {@link conditionLeafArb} and {@link conditionTreeArb}. */
export interface ConditionTreeArbOptions {
  /** Include `metadata.*` leaves (web-widget channels only). Default `true`. */
  readonly metadata?: boolean;
  /** Deepest tree; the root is level 1 and `not` counts as a level. Default and maximum `LIMITS.conditionDepth`. */
  readonly maxDepth?: number;
  /** Most leaves. Default 12, at most `LIMITS.conditionLeaves`. */
  readonly maxLeaves?: number;
  /**
   * Apply the nesting rule (no group inside a group unless the tree has
   * `LIMITS.nestingMinLeaves` leaves). Default `true`: every tree parses. `false` also gives
   * trees that only the compiler (not the parser) would accept — for laws about semantics.
   */
  readonly nestingRule?: boolean;
}

/**
 * Valid leaves: every fact with every operator its kind allows, values from the kit's pools.
 * @example
 * ```ts
 * fc.assert(fc.property(conditionLeafArb(), (leaf) => compileConditions(leaf).ok));
 * ```
 */
export function conditionLeafArb(options: Pick<ConditionTreeArbOptions, 'metadata'> = {}): fc.Arbitrary<ConditionLeaf> {
  const builtIns = BUILT_IN_FACTS.map((fact) => leafFor(fact, FACTS[fact]));
  const metadata = fc.constantFrom(...METADATA_KEYS).chain((key) => leafFor(`${METADATA_PREFIX}${key}`, METADATA_FACT));
  return options.metadata === false ? fc.oneof(...builtIns) : fc.oneof(...builtIns, metadata);
}

/** Leaves, groups and `not`s of a tree, its depth, and whether a group sits inside a group. */
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
  const stack: { node: ConditionNode; level: number; inGroup: boolean }[] = [{ node: tree, level: 1, inGroup: false }];
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    const { node, level, inGroup } = frame;
    nodes += 1;
    depth = Math.max(depth, level);
    if ('all' in node || 'any' in node) {
      if (inGroup) nestedGroup = true;
      for (const child of 'all' in node ? node.all : node.any) stack.push({ node: child, level: level + 1, inGroup: true });
    } else if ('not' in node) {
      stack.push({ node: node.not, level: level + 1, inGroup });
    } else {
      leaves += 1;
    }
  }
  return { leaves, nodes, depth, nestedGroup };
}

/**
 * Whether a tree respects the parser's bounds (`LIMITS`) and the nesting rule.
 * @example
 * ```ts
 * isWithinTreeLimits({ all: [{ any: [leafA] }] }); // false: nesting with one leaf
 * ```
 */
export function isWithinTreeLimits(tree: ConditionNode): boolean {
  const shape = treeShape(tree);
  return (
    shape.depth <= LIMITS.conditionDepth &&
    shape.leaves <= LIMITS.conditionLeaves &&
    shape.nodes <= LIMITS.conditionNodes &&
    !(shape.nestedGroup && shape.leaves < LIMITS.nestingMinLeaves)
  );
}

const group = (children: ConditionNode[], isAll: boolean): ConditionNode => (isAll ? { all: children } : { any: children });

/**
 * Condition trees: `all` / `any` groups (never empty), `not`, and leaves of every fact with every
 * operator it allows; depth up to `maxDepth` (a share of trees is a full-depth spine), at most
 * `maxLeaves` leaves and `LIMITS.conditionNodes` nodes, and — unless `nestingRule: false` — the
 * nesting rule, so every tree parses.
 * @example
 * ```ts
 * fc.assert(fc.property(conditionTreeArb(), visitorArb(), (tree, visitor) => {
 *   const verdict = evaluate(visitor, [{ ...baseMessage, conditions: tree }], now);
 *   return Array.isArray(verdict.eligible);
 * }));
 * ```
 */
export function conditionTreeArb(options: ConditionTreeArbOptions = {}): fc.Arbitrary<ConditionNode> {
  const maxDepth = Math.max(1, Math.min(options.maxDepth ?? LIMITS.conditionDepth, LIMITS.conditionDepth));
  const maxLeaves = Math.max(1, Math.min(options.maxLeaves ?? 12, LIMITS.conditionLeaves));
  const nestingRule = options.nestingRule !== false;
  const leaf = conditionLeafArb({ metadata: options.metadata ?? true });
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
          fc
            .tuple(spine(n - 1), fc.array(leaf, { minLength: 1, maxLength: 2 }), fc.nat(), fc.boolean())
            .map(([deep, others, at, isAll]) => {
              const children: ConditionNode[] = [...others];
              children.splice(at % (others.length + 1), 0, deep);
              return group(children, isAll);
            }),
        ),
  );
  return fc
    .oneof({ arbitrary: fc.integer({ min: 1, max: maxDepth }).chain((depth) => node(depth)), weight: 4 }, { arbitrary: spine(maxDepth), weight: 1 })
    .filter((tree) => {
      const shape = treeShape(tree);
      if (shape.leaves > maxLeaves || shape.nodes > LIMITS.conditionNodes || shape.depth > maxDepth) return false;
      return !nestingRule || !shape.nestedGroup || shape.leaves >= LIMITS.nestingMinLeaves;
    });
}

/** Options of {@link factsVisitorArb}. */
export interface FactsVisitorArbOptions {
  /** The evaluation instant the visitor's timestamps are placed around. Default `KIT_NOW_MS`. */
  readonly now?: number;
  /** Also give metadata own keys `__proto__` / `constructor` (as `JSON.parse` would). Default `false`. */
  readonly hostileMetadataKeys?: boolean;
}

/**
 * Visitors whose fact-relevant parts (URL, title, referrer, locale, device, visit number, page
 * views, time on page/site — including a little clock skew — and metadata) come from the same
 * pools as {@link conditionTreeArb}'s values; optional facts are sometimes missing. No history:
 * for laws about conditions (use `visitorArb` for whole visitors).
 * @example
 * ```ts
 * fc.sample(factsVisitorArb({ now: KIT_NOW_MS }), 1);
 * ```
 */
export function factsVisitorArb(options: FactsVisitorArbOptions = {}): fc.Arbitrary<Visitor> {
  const nowMs = options.now ?? KIT_NOW_MS;
  const keys = options.hostileMetadataKeys ? [...METADATA_KEYS, '__proto__', 'constructor'] : METADATA_KEYS;
  const optional = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null | undefined> => fc.oneof({ arbitrary: arb, weight: 4 }, fc.constantFrom(null, undefined));
  const offset = fc.oneof({ arbitrary: fc.integer({ min: 0, max: 70_000 }), weight: 5 }, fc.integer({ min: -3_000, max: 0 }), fc.constantFrom(30_000, 31_000, 30_999));
  return fc
    .record({
      url: urlArb,
      title: fc.constantFrom(...TITLES),
      referrer: fc.oneof(optional(urlArb), fc.constant('')),
      language: optional(fc.constantFrom(...LOCALES)),
      deviceType: optional(fc.constantFrom('desktop' as const, 'mobile' as const, 'tablet' as const)),
      visitNumber: fc.integer({ min: 1, max: 5 }),
      pageViews: fc.integer({ min: 1, max: 6 }),
      pageOffset: offset,
      siteExtra: fc.integer({ min: 0, max: 40_000 }),
      metadata: fc.option(fc.array(fc.tuple(fc.constantFrom(...keys), fc.constantFrom(...METADATA_VALUES)), { maxLength: 4 }), { nil: undefined }),
    })
    .map((v): Visitor => {
      const enteredAt = nowMs - v.pageOffset;
      return {
        id: 'v_test',
        channelId: 'web_main',
        visit: { id: 'visit_1', number: v.visitNumber, startedAt: new Date(enteredAt - v.siteExtra).toISOString(), pageViews: v.pageViews },
        page: { viewId: 'pv_1', url: v.url, title: v.title, enteredAt: new Date(enteredAt).toISOString(), ...(v.referrer === undefined ? {} : { referrer: v.referrer }) },
        ...(v.language === undefined ? {} : { language: v.language }),
        ...(v.deviceType === undefined ? {} : { deviceType: v.deviceType }),
        ...(v.metadata === undefined ? {} : { metadata: Object.fromEntries(v.metadata) as Record<string, MetadataValue> }),
        inActiveConversation: false,
        deliveries: [],
      };
    });
}
