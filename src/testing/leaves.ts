/**
 * Condition leaves: every fact with every operator it allows, values typed for the operator and
 * drawn from the pools visitors are drawn from, so leaves are sometimes true and sometimes false.
 * @module
 */
import fc from 'fast-check';
import type { BuiltInFact, ConditionLeaf, ConditionScalar, FactName, Operator } from '../model/types.js';
import { FRAGMENTS, HOSTS, LANGUAGES, METADATA_KEYS, METADATA_VALUES, PATHS, SCREENS, THRESHOLD_SECONDS, TITLES, WILDCARDS } from './pools.js';

type Kind = 'text' | 'number' | 'enum' | 'language' | 'scalar';

const EQUALITY: readonly Operator[] = ['equal', 'notEqual', 'in', 'notIn'];
const NUMERIC: readonly Operator[] = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'];
const TEXT: readonly Operator[] = [...EQUALITY, 'containsAnyOf', 'doesNotContainAnyOf', 'startsWith', 'endsWith', 'matchesWildcard'];

/** Fact → kind and allowed operators (SPEC §4; mirrors the conditions catalog). */
const FACTS: Readonly<Record<BuiltInFact, { kind: Kind; operators: readonly Operator[]; values?: readonly string[] }>> = {
  pageUrl: { kind: 'text', operators: TEXT },
  pageTitle: { kind: 'text', operators: TEXT },
  referrer: { kind: 'text', operators: TEXT },
  visitorType: { kind: 'enum', operators: EQUALITY, values: ['new', 'returning'] },
  language: { kind: 'language', operators: EQUALITY },
  deviceType: { kind: 'enum', operators: EQUALITY, values: ['desktop', 'mobile', 'tablet'] },
  timeOnPage: { kind: 'number', operators: [...EQUALITY, ...NUMERIC] },
  timeOnSite: { kind: 'number', operators: [...EQUALITY, ...NUMERIC] },
  pageViews: { kind: 'number', operators: [...EQUALITY, ...NUMERIC] },
  visitCount: { kind: 'number', operators: [...EQUALITY, ...NUMERIC] },
};
const METADATA = { kind: 'scalar' as Kind, operators: [...EQUALITY, ...NUMERIC] };

const urlArb = fc.oneof(
  fc.tuple(fc.constantFrom(...HOSTS), fc.constantFrom(...PATHS)).map(([h, p]) => h + p),
  fc.constantFrom(...SCREENS),
);
const textArb = fc.oneof(urlArb, fc.constantFrom(...TITLES), fc.constantFrom(...FRAGMENTS));
const needleArb = fc.constantFrom(...FRAGMENTS);

function numberArb(fact: FactName): fc.Arbitrary<number> {
  return fact === 'timeOnPage' || fact === 'timeOnSite'
    ? fc.oneof(fc.constantFrom(...THRESHOLD_SECONDS), fc.integer({ min: 0, max: 300 }), fc.constantFrom(29.5, 0.5))
    : fc.oneof(fc.integer({ min: -1, max: 8 }), fc.constantFrom(2.5, 50, 120, 99.5));
}

function scalarArb(fact: FactName, kind: Kind, values: readonly string[] = []): fc.Arbitrary<ConditionScalar> {
  switch (kind) {
    case 'text':
      return textArb;
    case 'number':
      return numberArb(fact);
    case 'enum':
      return fc.constantFrom(...values);
    case 'language':
      return fc.constantFrom(...LANGUAGES);
    case 'scalar':
      return fc.constantFrom(...METADATA_VALUES);
  }
}

function valueArb(fact: FactName, kind: Kind, operator: Operator, values?: readonly string[]): fc.Arbitrary<ConditionLeaf['value']> {
  const list = <T>(item: fc.Arbitrary<T>): fc.Arbitrary<T[]> => fc.array(item, { minLength: 1, maxLength: 4 });
  switch (operator) {
    case 'equal':
    case 'notEqual':
      return scalarArb(fact, kind, values);
    case 'in':
    case 'notIn':
      return list(scalarArb(fact, kind, values));
    case 'lessThan':
    case 'lessThanInclusive':
    case 'greaterThan':
    case 'greaterThanInclusive':
      return numberArb(fact);
    case 'containsAnyOf':
    case 'doesNotContainAnyOf':
      return list(needleArb);
    case 'startsWith':
    case 'endsWith':
      return fc.oneof(needleArb, urlArb);
    case 'matchesWildcard':
      return fc.constantFrom(...WILDCARDS);
  }
}

function leafFor(fact: FactName, spec: { kind: Kind; operators: readonly Operator[]; values?: readonly string[] }): fc.Arbitrary<ConditionLeaf> {
  return fc
    .constantFrom(...spec.operators)
    .chain((operator) => valueArb(fact, spec.kind, operator, spec.values).map((value): ConditionLeaf => ({ fact, operator, value })));
}

/**
 * Valid leaves of every fact and operator; `metadata: false` leaves out `metadata.*` facts
 * (mobile-SDK channels have no metadata).
 * @example
 * ```ts
 * fc.sample(leafArb(), 1); // [{ fact: 'pageUrl', operator: 'containsAnyOf', value: ['/pricing'] }]
 * ```
 */
export function leafArb(options: { readonly metadata?: boolean } = {}): fc.Arbitrary<ConditionLeaf> {
  const builtIns = (Object.keys(FACTS) as BuiltInFact[]).map((fact) => leafFor(fact, FACTS[fact]));
  if (options.metadata === false) return fc.oneof(...builtIns);
  const metadata = fc.constantFrom(...METADATA_KEYS).chain((key) => leafFor(`metadata.${key}`, METADATA));
  return fc.oneof(...builtIns, metadata);
}
