/**
 * The fact and operator catalog (SPEC §1.7, §4): what each fact is, which operators it
 * allows, where it is available, and the limits of a tree. `docs/conditions.md` mirrors it.
 * @module
 */
import type { BuiltInFact, FactName, Operator } from '../model/types.js';
import { DEVICE_TYPES, OPERATORS } from '../model/vocabulary.js';

/** Bounds of a condition tree. The schema parser and the compiler's safety net share them. */
export const CONDITION_LIMITS = {
  /** Nodes on the longest root-to-leaf path (a root leaf has depth 1). */
  maxDepth: 10,
  /** Leaves in one tree. */
  maxLeaves: 50,
  /** Items in the value list of `in`, `notIn`, `containsAnyOf`, `doesNotContainAnyOf`. */
  maxListItems: 100,
} as const;

/** How a fact's values are typed and compared. */
export type FactKind =
  /** Free text; compared lower-cased on both sides. */
  | 'text'
  /** A finite number. */
  | 'number'
  /** One of a closed set of lower-case words. */
  | 'enum'
  /** An ISO 639 primary language subtag, lower-cased (`en-US` → `en`). */
  | 'language'
  /** Host-supplied metadata: string, number, boolean or null; compared exactly. */
  | 'scalar';

/** Channel types that can carry proactive messages. */
export type MessagingChannelType = 'webWidget' | 'mobileSdk';

/** One entry of the fact catalog. */
export interface FactSpec {
  readonly kind: FactKind;
  readonly operators: readonly Operator[];
  readonly channels: readonly MessagingChannelType[];
  /** Allowed values of an `enum` fact. */
  readonly enumValues?: readonly string[];
  /** Changes with time alone (whole seconds since an instant of the visitor). */
  readonly timeBased: boolean;
}

const EQUALITY: readonly Operator[] = ['equal', 'notEqual', 'in', 'notIn'];
const NUMERIC: readonly Operator[] = [...EQUALITY, 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'];

/** The operators a fact allows follow from its kind. */
const OPERATORS_BY_KIND: Readonly<Record<FactKind, readonly Operator[]>> = {
  text: [...EQUALITY, 'containsAnyOf', 'doesNotContainAnyOf', 'startsWith', 'endsWith', 'matchesWildcard'],
  number: NUMERIC,
  enum: EQUALITY,
  language: EQUALITY,
  scalar: NUMERIC,
};

function spec(kind: FactKind, extra: Partial<FactSpec> = {}): FactSpec {
  return { kind, operators: OPERATORS_BY_KIND[kind], channels: ['webWidget', 'mobileSdk'], timeBased: false, ...extra };
}

/** Every built-in fact of SPEC §4. `metadata.<key>` is described by {@link METADATA_FACT}. */
export const FACT_CATALOG: Readonly<Record<BuiltInFact, FactSpec>> = {
  pageUrl: spec('text'),
  pageTitle: spec('text'),
  referrer: spec('text'),
  visitorType: spec('enum', { enumValues: ['new', 'returning'] }),
  language: spec('language'),
  deviceType: spec('enum', { enumValues: DEVICE_TYPES }),
  timeOnPage: spec('number', { timeBased: true }),
  timeOnSite: spec('number', { timeBased: true }),
  pageViews: spec('number'),
  visitCount: spec('number'),
};

/** Built-in facts in a fixed order: `Facts.values[FACT_INDEX[name]]` is the value of `name`. */
export const BUILT_IN_FACTS = Object.keys(FACT_CATALOG) as readonly BuiltInFact[];
/** Position of each built-in fact in `Facts.values`. */
export const FACT_INDEX = Object.fromEntries(BUILT_IN_FACTS.map((name, i) => [name, i])) as Readonly<Record<BuiltInFact, number>>;

/** `metadata.<key>`: host-supplied business metadata, web widget only. */
export const METADATA_FACT: FactSpec = spec('scalar', { channels: ['webWidget'] });

/** Every operator of SPEC §4 (the one list, from the vocabulary; unused by `evaluate`, so bundlers drop it there). */
export { OPERATORS };

/** Metadata keys that never resolve (prototype-pollution guards). */
export const RESERVED_METADATA_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

const METADATA_PREFIX = 'metadata.';

/** Which fact a name refers to. */
export type ResolvedFact =
  | { readonly type: 'builtIn'; readonly name: BuiltInFact; readonly spec: FactSpec }
  | { readonly type: 'metadata'; readonly key: string; readonly spec: FactSpec };

/**
 * Looks a fact name up in the catalog (own properties only); `undefined` when unknown.
 * @example
 * ```ts
 * resolveFact('metadata.plan'); // { type: 'metadata', key: 'plan', spec: METADATA_FACT }
 * resolveFact('toString');      // undefined
 * ```
 */
export function resolveFact(name: unknown): ResolvedFact | undefined {
  if (typeof name !== 'string') return undefined;
  if (name.startsWith(METADATA_PREFIX)) {
    const key = name.slice(METADATA_PREFIX.length);
    return key.length > 0 ? { type: 'metadata', key, spec: METADATA_FACT } : undefined;
  }
  if (!Object.hasOwn(FACT_CATALOG, name)) return undefined;
  const builtIn = name as BuiltInFact;
  return { type: 'builtIn', name: builtIn, spec: FACT_CATALOG[builtIn] };
}

/**
 * Whether `key` is a metadata key that never resolves.
 * @example
 * ```ts
 * isReservedMetadataKey('__proto__'); // true
 * ```
 */
export function isReservedMetadataKey(key: string): boolean {
  return RESERVED_METADATA_KEYS.includes(key);
}

/**
 * Whether `name` is one of the operators of SPEC §4 (own lookup, never the prototype).
 * @example
 * ```ts
 * isOperator('matchesWildcard'); // true
 * isOperator('regex');           // false
 * ```
 */
export function isOperator(name: unknown): name is Operator {
  return typeof name === 'string' && OPERATORS.includes(name as Operator);
}

/** Whether values of `fact` are lower-cased on both sides before comparing. */
export function isCaseInsensitiveFact(fact: FactName | string): boolean {
  const resolved = resolveFact(fact);
  return resolved !== undefined && (resolved.spec.kind === 'text' || resolved.spec.kind === 'language');
}
