/**
 * What values each fact can take for a visitor that parses — the one place lint states it. The
 * analysis is sound over these domains: a condition lint calls impossible is false for every
 * value here, so for every visitor `evaluate` accepts (it checks the visitor with the one visitor
 * checker before reading facts). Each entry is an over-approximation of what `readFacts` yields
 * on a parsed visitor, and `test/lint/domains.test.ts` pins that on random visitors and on the
 * edges (`referrer: ""` reads as missing, `visit.number` starts at 1, …).
 * @module
 */
import { MAX_COUNTER } from '../core/limits.js';
import type { BuiltInFact, FactKind } from '../core/vocabulary.js';

/** The values one fact can take. */
export type FactDomain =
  /** Lower-cased text. `empty`: may be `""`; `missing`: may be absent. */
  | { readonly kind: 'text'; readonly missing: boolean; readonly empty: boolean }
  /** Whole numbers from `min` to `max`, always present. */
  | { readonly kind: 'integer'; readonly min: number; readonly max: number }
  /** One of the fact's `FACTS` values, or missing. */
  | { readonly kind: 'enum'; readonly missing: boolean }
  /** A primary language subtag, lower-cased, or missing. */
  | { readonly kind: 'language'; readonly missing: boolean }
  /** Host metadata: any string, finite number, boolean or `null`, or missing. */
  | { readonly kind: 'scalar'; readonly missing: true };

/**
 * The domain of every built-in fact. A record over `BuiltInFact`, so a new fact does not compile
 * until its domain is written here.
 */
export const FACT_DOMAINS: { readonly [F in BuiltInFact]: FactDomain } = {
  // `page.url` is required and non-empty.
  pageUrl: { kind: 'text', missing: false, empty: false },
  // `page.title` is required and may be empty.
  pageTitle: { kind: 'text', missing: false, empty: true },
  // `null`, absent or `""` reads as missing.
  referrer: { kind: 'text', missing: true, empty: false },
  // Derived from `visit.number` (see VISITOR_TYPE_VIEW), so always present.
  visitorType: { kind: 'enum', missing: false },
  language: { kind: 'language', missing: true },
  deviceType: { kind: 'enum', missing: true },
  // Whole seconds since a parsed timestamp, clamped at 0.
  timeOnPage: { kind: 'integer', min: 0, max: MAX_COUNTER },
  timeOnSite: { kind: 'integer', min: 0, max: MAX_COUNTER },
  // Positive counters of the visitor checker.
  pageViews: { kind: 'integer', min: 1, max: MAX_COUNTER },
  visitCount: { kind: 'integer', min: 1, max: MAX_COUNTER },
};

/** The domain of `metadata.<key>`. */
export const METADATA_DOMAIN: FactDomain = { kind: 'scalar', missing: true };

/**
 * `visitorType` is a view of `visitCount` (`readFacts` derives it from `visit.number`), so lint
 * reasons about the two together: a `visitorType` leaf becomes a set of `visitCount` values,
 * worked out by `readFacts` itself on each region of `visitCount`. `breakpoints` are where the
 * view can change (below 1, 1, from 2): the regions are split there, and a test checks the view
 * is constant between them.
 */
export const VISITOR_TYPE_VIEW = { fact: 'visitorType', of: 'visitCount', breakpoints: [1, 2] } as const;

/** Which fact kind each domain kind describes (a test pins `FACTS` against the table). */
export const DOMAIN_FACT_KIND: Readonly<Record<FactDomain['kind'], FactKind>> = {
  text: 'text',
  integer: 'number',
  enum: 'enum',
  language: 'language',
  scalar: 'scalar',
};
