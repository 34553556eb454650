/**
 * fast-check arbitraries for condition trees and the visitor parts facts are derived from.
 * Values are drawn from small shared pools so trees and visitors meet: URLs that contain the
 * needles, numbers at the thresholds, locales with and without regions, missing facts.
 * @module
 */
import fc from 'fast-check';
import type { ConditionLeaf, ConditionNode, ConditionScalar, FactName, MetadataValue, Operator, Visitor } from '../model/types.js';
import { CONDITION_LIMITS, FACT_CATALOG, METADATA_FACT, type FactSpec } from '../conditions/catalog.js';

/** 2026-11-23T10:00:00Z, the instant the scenarios are built around. */
export const CONDITIONS_NOW_MS = Date.UTC(2026, 10, 23, 10, 0, 0);

const HOSTS = ['https://shop.example', 'https://Shop.Example', 'http://blog.example', 'app://'];
const PATHS = ['/', '', '/pricing', '/Pricing/', '/pricing?plan=pro', '/products/42/reviews', '/products/7', '/help#faq', '/a*b'];
const TITLES = ['Pricing', 'pricing plans', 'Help Center', 'Products — Reviews', ''];
const FRAGMENTS = ['/pricing', 'PRICING', 'shop', '/products/', 'reviews', 'https://', '.example', '?', '42', 'help', 'a', 'plans', '/'];
const WILDCARDS = ['*/pricing*', '*/products/*/reviews', 'https://shop.example/*', '*', '*a*', 'https://SHOP.example/pricing', '*?*', '**', 'pricing*', '*help#faq'];
const LOCALES = ['en', 'en-US', 'EN-gb', 'de', 'de-CH', 'fr', 'pt_BR', 'es-419'];
const LANGUAGES = ['en', 'EN', 'de', 'fr', 'pt', 'es', 'zh'];
const METADATA_KEYS = ['plan', 'cartValue', 'vip', 'note'];
const METADATA_VALUES: readonly MetadataValue[] = ['trial', 'pro', 'Pro', '50', '', 50, 120, 0, -1, 99.5, true, false, null];

const urlArb = fc.tuple(fc.constantFrom(...HOSTS), fc.constantFrom(...PATHS)).map(([host, path]) => host + path);
const textPool = fc.oneof(urlArb, fc.constantFrom(...TITLES), fc.constantFrom(...FRAGMENTS));
const needleArb = fc.constantFrom(...FRAGMENTS);
const wildcardArb = fc.oneof(
  fc.constantFrom(...WILDCARDS),
  fc.array(fc.constantFrom(...FRAGMENTS, ''), { minLength: 2, maxLength: 4 }).map((parts) => parts.join('*')),
);

function numbersFor(fact: FactName): fc.Arbitrary<number> {
  const max = fact === 'timeOnPage' || fact === 'timeOnSite' ? 60 : 7;
  return fc.oneof(fc.integer({ min: -1, max }), fc.constantFrom(0.5, 29.5, 30, 31, 2.5));
}

function scalarFor(fact: FactName, spec: FactSpec): fc.Arbitrary<ConditionScalar> {
  switch (spec.kind) {
    case 'text':
      return textPool;
    case 'number':
      return numbersFor(fact);
    case 'enum':
      return fc.constantFrom(...(spec.enumValues ?? []));
    case 'language':
      return fc.constantFrom(...LANGUAGES);
    case 'scalar':
      return fc.constantFrom<ConditionScalar>(...METADATA_VALUES);
  }
}

function valueFor(fact: FactName, spec: FactSpec, operator: Operator): fc.Arbitrary<ConditionLeaf['value']> {
  const list = <T>(item: fc.Arbitrary<T>): fc.Arbitrary<T[]> => fc.array(item, { minLength: 1, maxLength: 4 });
  switch (operator) {
    case 'equal':
    case 'notEqual':
      return scalarFor(fact, spec);
    case 'in':
    case 'notIn':
      return list(scalarFor(fact, spec));
    case 'lessThan':
    case 'lessThanInclusive':
    case 'greaterThan':
    case 'greaterThanInclusive':
      return numbersFor(fact);
    case 'containsAnyOf':
    case 'doesNotContainAnyOf':
      return list(needleArb);
    case 'startsWith':
    case 'endsWith':
      return fc.oneof(needleArb, urlArb.filter((u) => u.length > 0));
    case 'matchesWildcard':
      return wildcardArb.filter((p) => p.length > 0);
  }
}

function leafFor(fact: FactName, spec: FactSpec): fc.Arbitrary<ConditionLeaf> {
  return fc
    .constantFrom(...spec.operators)
    .chain((operator) => valueFor(fact, spec, operator).map((value): ConditionLeaf => ({ fact, operator, value })));
}

/** Options of {@link conditionLeafArbitrary} and {@link conditionTreeArbitrary}. */
export interface ConditionTreeOptions {
  /** Include `metadata.*` leaves (web-widget only). Default `true`. */
  readonly metadata?: boolean;
  /** Deepest tree (root leaf = 1). Default and maximum: `CONDITION_LIMITS.maxDepth`. */
  readonly maxDepth?: number;
  /** Apply SPEC §1.5: no group inside a group when the tree has two or fewer leaves. Default `true`. */
  readonly nestingRule?: boolean;
}

/**
 * Valid leaves: every fact with every operator it allows, values from shared pools.
 * @example
 * ```ts
 * fc.assert(fc.property(conditionLeafArbitrary(), (leaf) => compileConditions(leaf).ok));
 * ```
 */
export function conditionLeafArbitrary(options: ConditionTreeOptions = {}): fc.Arbitrary<ConditionLeaf> {
  const builtIns = (Object.keys(FACT_CATALOG) as (keyof typeof FACT_CATALOG)[]).map((fact) => leafFor(fact, FACT_CATALOG[fact]));
  const metadata = fc.constantFrom(...METADATA_KEYS).chain((key) => leafFor(`metadata.${key}`, METADATA_FACT));
  return options.metadata === false ? fc.oneof(...builtIns) : fc.oneof(...builtIns, metadata);
}

function children(node: ConditionNode): readonly ConditionNode[] {
  if ('all' in node) return node.all;
  if ('any' in node) return node.any;
  if ('not' in node) return [node.not];
  return [];
}

function countLeaves(node: ConditionNode): number {
  return 'fact' in node ? 1 : children(node).reduce((sum, child) => sum + countLeaves(child), 0);
}

function countNodes(node: ConditionNode): number {
  return children(node).reduce((sum, child) => sum + countNodes(child), 1);
}

/** An `all`/`any` group below another `all`/`any` group (`not` does not count), as the parser defines nesting. */
function hasNestedGroup(node: ConditionNode, groupAbove = false): boolean {
  const isGroup = 'all' in node || 'any' in node;
  if (isGroup && groupAbove) return true;
  return children(node).some((child) => hasNestedGroup(child, groupAbove || isGroup));
}

/** Most nodes (groups, `not`s, leaves) the parser accepts in one tree. */
const MAX_NODES = 200;

/**
 * Valid condition trees: `all` / `any` / `not` groups (never empty) and leaves, depth up to
 * the limit (a share of trees is a full-depth spine), at most `CONDITION_LIMITS.maxLeaves`
 * leaves and 200 nodes, and the nesting rule of SPEC §1.5 (a group inside a group only when the
 * tree has three or more leaves) unless `nestingRule: false`.
 * @example
 * ```ts
 * fc.assert(fc.property(conditionTreeArbitrary(), (tree) => compileConditions(tree).ok));
 * ```
 */
export function conditionTreeArbitrary(options: ConditionTreeOptions = {}): fc.Arbitrary<ConditionNode> {
  const leaf = conditionLeafArbitrary(options);
  const maxDepth = Math.min(options.maxDepth ?? CONDITION_LIMITS.maxDepth, CONDITION_LIMITS.maxDepth);
  const group = (children: fc.Arbitrary<ConditionNode[]>): fc.Arbitrary<ConditionNode> =>
    fc.tuple(fc.boolean(), children).map(([isAll, nodes]) => (isAll ? { all: nodes } : { any: nodes }));
  const node: fc.Memo<ConditionNode> = fc.memo((n) =>
    n <= 1
      ? leaf
      : fc.oneof(
          { arbitrary: leaf, weight: 3 },
          { arbitrary: node(n - 1).map((child): ConditionNode => ({ not: child })), weight: 1 },
          { arbitrary: group(fc.array(node(n - 1), { minLength: 1, maxLength: 3 })), weight: 2 },
        ),
  );
  const spine: fc.Memo<ConditionNode> = fc.memo((n) =>
    n <= 1
      ? leaf
      : fc.oneof(
          spine(n - 1).map((child): ConditionNode => ({ not: child })),
          fc.tuple(spine(n - 1), fc.array(leaf, { maxLength: 2 }), fc.nat()).map(([deep, others, at]) => {
            const children: ConditionNode[] = [...others];
            children.splice(at % (others.length + 1), 0, deep);
            return children;
          }).chain((children) => group(fc.constant(children))),
        ),
  );
  return fc
    .oneof(
      { arbitrary: fc.integer({ min: 1, max: maxDepth }).chain((depth) => node(depth)), weight: 4 },
      { arbitrary: spine(maxDepth), weight: 1 },
    )
    .filter((tree) => {
      const leaves = countLeaves(tree);
      if (leaves > CONDITION_LIMITS.maxLeaves || countNodes(tree) > MAX_NODES) return false;
      return options.nestingRule === false || leaves > 2 || !hasNestedGroup(tree);
    });
}

/** Options of {@link conditionVisitorArbitrary}. */
export interface ConditionVisitorOptions {
  /** The evaluation instant the visitor's timestamps are placed around. */
  readonly nowMs?: number;
  /** Also give metadata own keys `__proto__` / `constructor` (as `JSON.parse` would). Default `false`. */
  readonly hostileMetadataKeys?: boolean;
}

/**
 * Visitors whose fact-relevant parts (URL, title, referrer, locale, device, visit number,
 * page views, time on page/site — including a little clock skew — and metadata) come from the
 * same pools as {@link conditionTreeArbitrary}'s values; optional facts are sometimes missing.
 * @example
 * ```ts
 * fc.sample(conditionVisitorArbitrary({ nowMs: CONDITIONS_NOW_MS }), 1);
 * ```
 */
export function conditionVisitorArbitrary(options: ConditionVisitorOptions = {}): fc.Arbitrary<Visitor> {
  const nowMs = options.nowMs ?? CONDITIONS_NOW_MS;
  const keys = options.hostileMetadataKeys ? [...METADATA_KEYS, '__proto__', 'constructor'] : METADATA_KEYS;
  const optional = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null | undefined> =>
    fc.oneof({ arbitrary: arb, weight: 4 }, fc.constantFrom(null, undefined));
  const offset = fc.oneof({ arbitrary: fc.integer({ min: 0, max: 70_000 }), weight: 5 }, fc.integer({ min: -3_000, max: 0 }), fc.constantFrom(30_000, 31_000, 30_999));
  return fc
    .record({
      url: urlArb,
      title: fc.constantFrom(...TITLES),
      referrer: fc.oneof(optional(urlArb), fc.constant('')),
      language: optional(fc.constantFrom(...LOCALES, '')),
      deviceType: optional(fc.constantFrom('desktop' as const, 'mobile' as const, 'tablet' as const)),
      visitNumber: fc.integer({ min: 1, max: 5 }),
      pageViews: fc.integer({ min: 1, max: 6 }),
      pageOffset: offset,
      siteExtra: fc.integer({ min: 0, max: 40_000 }),
      metadata: fc.option(fc.array(fc.tuple(fc.constantFrom(...keys), fc.constantFrom(...METADATA_VALUES)), { maxLength: 4 }), { nil: undefined }),
    })
    .map((v): Visitor => {
      const enteredAt = nowMs - v.pageOffset;
      const visitor: Visitor = {
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
      return visitor;
    });
}
