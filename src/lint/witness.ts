/**
 * Witnesses: a concrete visitor built from a satisfying state of the solver. A witness is only a
 * suggestion until the caller has checked it with `evaluate`; one that does not check out is
 * dropped (the finding stands: it was proven without it).
 * @module
 */
import { isoOf, MIN_INSTANT } from '../core/instants.js';
import type { MetadataValue, Visitor } from '../core/types.js';
import { METADATA_PREFIX, type BuiltInFact, type DeviceType } from '../core/vocabulary.js';
import { OPERATOR_TABLE, type FactValue } from '../conditions/operators.js';
import { witnessStrings } from './atoms.js';
import type { Atom, Space, Variable } from './model.js';
import type { VariableState } from './solve.js';

/** Whether a string meets an atom, by the operator table's own tests. */
function atomHolds(atom: Atom, text: string): boolean {
  const same = (value: FactValue): FactValue => value;
  switch (atom.kind) {
    case 'contains':
      return OPERATOR_TABLE.containsAnyOf.compile([atom.text], same)(text);
    case 'prefix':
      return OPERATOR_TABLE.startsWith.compile(atom.text, same)(text);
    case 'suffix':
      return OPERATOR_TABLE.endsWith.compile(atom.text, same)(text);
    case 'wildcard':
      return OPERATOR_TABLE.matchesWildcard.compile([atom.head, ...atom.middles, atom.tail].join('*'), same)(text);
  }
}

/** A string of the open region meeting the state's atoms and equal to no cell. */
function openString(v: Variable, state: VariableState): string | undefined {
  const taken = new Set(v.cells.map((cell) => cell.value));
  const meets = (text: string): boolean => state.text.applied.every(({ atom, positive }) => atomHolds(atom, text) === positive);
  const empty = v.domain?.kind === 'text' && v.domain.empty;
  for (const candidate of [...witnessStrings(state.text), v.outside, 'x', '/x']) {
    if ((empty || candidate !== '') && !taken.has(candidate) && meets(candidate)) return candidate;
  }
  return undefined;
}

/**
 * One value per fact of the space from a satisfying state (`undefined`: missing). Opaque leaves
 * have no value to pick and are left to chance.
 * @example
 * ```ts
 * const answer = solve(space, formula, true, budget);
 * if (answer.result === 'sat') factValues(space, answer.state).get('pageUrl');
 * ```
 */
export function factValues(space: Space, state: readonly VariableState[]): Map<string, FactValue> | null {
  const values = new Map<string, FactValue>();
  for (let i = 0; i < space.variables.length; i += 1) {
    const v = space.variables[i] as Variable;
    const s = state[i] as VariableState;
    if (v.domain === null) continue;
    if (s.mask !== 0n) {
      let bit = 0;
      while (((s.mask >> BigInt(bit)) & 1n) === 0n) bit += 1;
      values.set(v.name, v.cells[bit]?.value);
    } else {
      const text = openString(v, s);
      if (text === undefined) return null;
      values.set(v.name, text);
    }
  }
  return values;
}

/** How each built-in fact is written into a visitor (a record over the facts: a new fact does not compile until it has a line). */
const WRITERS: { readonly [F in BuiltInFact]: (draft: Draft, value: FactValue) => void } = {
  pageUrl: (d, value) => (d.url = String(value)),
  pageTitle: (d, value) => (d.title = String(value)),
  referrer: (d, value) => (d.referrer = typeof value === 'string' ? value : undefined),
  // visitorType is read from visitCount (they share a variable).
  visitorType: () => undefined,
  language: (d, value) => (d.language = typeof value === 'string' ? value : undefined),
  deviceType: (d, value) => (d.deviceType = typeof value === 'string' ? (value as DeviceType) : undefined),
  timeOnPage: (d, value) => (d.timeOnPage = Number(value)),
  timeOnSite: (d, value) => (d.timeOnSite = Number(value)),
  pageViews: (d, value) => (d.pageViews = Number(value)),
  visitCount: (d, value) => (d.visitCount = Number(value)),
};

interface Draft {
  url: string;
  title: string;
  referrer: string | undefined;
  language: string | undefined;
  deviceType: DeviceType | undefined;
  timeOnPage: number;
  timeOnSite: number;
  pageViews: number;
  visitCount: number;
  metadata: Record<string, MetadataValue>;
}

/**
 * A visitor with these fact values on `channelId` at instant `at` (epoch ms), with no history;
 * `null` when the values do not fit a visitor (timestamps before the year 1000). With `natural`,
 * the visit starts no later than the page view, which may change time on site (check the result).
 * @example
 * ```ts
 * witnessVisitor(new Map([['pageUrl', 'https://shop.example/pricing']]), 'web_main', Date.parse('2026-11-23T10:00:00Z'));
 * ```
 */
export function witnessVisitor(values: ReadonlyMap<string, FactValue>, channelId: string, at: number, natural = false): Visitor | null {
  const draft: Draft = {
    url: 'https://example.test/',
    title: '',
    referrer: undefined,
    language: undefined,
    deviceType: undefined,
    timeOnPage: 0,
    timeOnSite: 0,
    pageViews: 1,
    visitCount: 1,
    metadata: {},
  };
  for (const [fact, value] of values) {
    if (fact.startsWith(METADATA_PREFIX)) {
      if (value !== undefined) draft.metadata[fact.slice(METADATA_PREFIX.length)] = value;
    } else if (Object.hasOwn(WRITERS, fact)) WRITERS[fact as BuiltInFact](draft, value);
  }
  const entered = at - draft.timeOnPage * 1000;
  // `natural`: the visit starts no later than the page view (time on site then counts from there).
  const started = natural ? Math.min(entered, at - draft.timeOnSite * 1000) : at - draft.timeOnSite * 1000;
  if (!(started >= MIN_INSTANT) || !(entered >= MIN_INSTANT) || draft.url === '') return null;
  const visitor: Visitor = {
    id: 'v_lint_witness',
    channelId,
    visit: { id: 'visit_lint_witness', number: draft.visitCount, startedAt: isoOf(started), pageViews: draft.pageViews },
    page: {
      viewId: 'pv_lint_witness',
      url: draft.url,
      title: draft.title,
      ...(draft.referrer === undefined ? {} : { referrer: draft.referrer }),
      enteredAt: isoOf(entered),
    },
    ...(draft.language === undefined ? {} : { language: draft.language }),
    ...(draft.deviceType === undefined ? {} : { deviceType: draft.deviceType }),
    ...(Object.keys(draft.metadata).length === 0 ? {} : { metadata: draft.metadata }),
    inActiveConversation: false,
    deliveries: [],
  };
  return visitor;
}
