/**
 * An independent, deliberately naive reference for condition semantics, written from
 * docs/conditions.md without reusing the library's code: facts straight from the visitor,
 * recursive evaluation without short-circuit tricks, a brute-force wildcard matcher.
 */
import type { ConditionNode, Visitor } from '../../src/core/types.js';

/** Dynamic programming over (pattern, text): exponential-free, quadratic, obviously right. */
export function bruteForceWildcard(text: string, pattern: string): boolean {
  const n = text.length;
  const m = pattern.length;
  let row: boolean[] = Array.from({ length: n + 1 }, (_, j) => j === 0);
  for (let i = 1; i <= m; i += 1) {
    const p = pattern[i - 1];
    const next: boolean[] = [p === '*' && row[0] === true];
    for (let j = 1; j <= n; j += 1) {
      next[j] = p === '*' ? next[j - 1] === true || row[j] === true : row[j - 1] === true && text[j - 1] === p;
    }
    row = next;
  }
  return row[n] === true;
}

type Value = string | number | boolean | null | undefined;

/**
 * Epoch ms of a timestamp the instants thresholds count from, by docs/evaluate.md's rule: seconds
 * and `Z` or an offset required, a real calendar date, digits below the millisecond rounded up
 * (so a threshold is never reached early). Written with a regular expression and `Date.UTC`.
 */
export function referenceTimestamp(iso: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|([+-])(\d{2}):(\d{2}))$/.exec(iso);
  if (m === null) return undefined;
  const [year, month, day, hours, minutes, secs] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const fraction = m[7] ?? '';
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1000 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || hours > 23 || minutes > 59 || secs > 59) return undefined;
  const ms = Number(fraction.slice(0, 3).padEnd(3, '0')) + (/[1-9]/.test(fraction.slice(3)) ? 1 : 0);
  const offsetMinutes = m[8] === 'Z' ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11]));
  if (m[8] !== 'Z' && (Number(m[10]) > 23 || Number(m[11]) > 59)) return undefined;
  return Date.UTC(year, month - 1, day, hours, minutes, secs, ms) - offsetMinutes * 60_000;
}

export function referenceFact(visitor: Visitor, nowMs: number, fact: string): Value {
  const seconds = (iso: string): number | undefined => {
    const at = referenceTimestamp(iso);
    if (at === undefined) return undefined;
    return Math.max(0, Math.floor((nowMs - at) / 1000));
  };
  if (fact.startsWith('metadata.')) {
    const key = fact.slice('metadata.'.length);
    const md = visitor.metadata;
    if (!md || ['__proto__', 'constructor', 'prototype'].includes(key)) return undefined;
    return Object.prototype.hasOwnProperty.call(md, key) ? md[key] : undefined;
  }
  switch (fact) {
    case 'pageUrl':
      return visitor.page.url.toLowerCase();
    case 'pageTitle':
      return visitor.page.title.toLowerCase();
    case 'referrer':
      return visitor.page.referrer ? visitor.page.referrer.toLowerCase() : undefined;
    case 'language':
      return visitor.language ? visitor.language.split(/[-_]/)[0]!.toLowerCase() || undefined : undefined;
    case 'deviceType':
      return visitor.deviceType ?? undefined;
    case 'visitorType':
      return visitor.visit.number === 1 ? 'new' : visitor.visit.number > 1 ? 'returning' : undefined;
    case 'visitCount':
      return visitor.visit.number;
    case 'pageViews':
      return visitor.visit.pageViews;
    case 'timeOnPage':
      return seconds(visitor.page.enteredAt);
    case 'timeOnSite':
      return seconds(visitor.visit.startedAt);
    default:
      throw new Error(`reference: unknown fact ${fact}`);
  }
}

const CASE_INSENSITIVE = new Set(['pageUrl', 'pageTitle', 'referrer', 'language']);

export function referenceLeaf(fact: string, operator: string, rawValue: unknown, a: Value): boolean {
  const lower = (v: unknown): unknown => (CASE_INSENSITIVE.has(fact) && typeof v === 'string' ? v.toLowerCase() : v);
  const value = Array.isArray(rawValue) ? rawValue.map(lower) : lower(rawValue);
  const list = Array.isArray(value) ? (value as unknown[]) : [];
  const isNum = typeof a === 'number';
  const contains = typeof a === 'string' && list.some((n) => a.includes(n as string));
  switch (operator) {
    case 'equal': return a === value;
    case 'notEqual': return a !== value;
    case 'in': return list.includes(a);
    case 'notIn': return !list.includes(a);
    case 'lessThan': return isNum && a < (value as number);
    case 'lessThanInclusive': return isNum && a <= (value as number);
    case 'greaterThan': return isNum && a > (value as number);
    case 'greaterThanInclusive': return isNum && a >= (value as number);
    case 'containsAnyOf': return contains;
    case 'doesNotContainAnyOf': return !contains;
    case 'startsWith': return typeof a === 'string' && a.startsWith(value as string);
    case 'endsWith': return typeof a === 'string' && a.endsWith(value as string);
    case 'matchesWildcard': return typeof a === 'string' && bruteForceWildcard(a, value as string);
    default: throw new Error(`reference: unknown operator ${operator}`);
  }
}

/** Evaluates every child (no short-circuit) and combines with Array.every / some. */
export function referenceEvaluate(node: ConditionNode, visitor: Visitor, nowMs: number): boolean {
  if ('all' in node) return node.all.map((c) => referenceEvaluate(c, visitor, nowMs)).every(Boolean);
  if ('any' in node) return node.any.map((c) => referenceEvaluate(c, visitor, nowMs)).some(Boolean);
  if ('not' in node) return !referenceEvaluate(node.not, visitor, nowMs);
  return referenceLeaf(node.fact, node.operator, node.value, referenceFact(visitor, nowMs, node.fact));
}

export const NOW = Date.UTC(2026, 10, 23, 10, 0, 0);

/** The SPEC §4 visitor, on the page for 45 s. */
export function baseVisitor(overrides: Partial<Visitor> = {}): Visitor {
  return {
    id: 'v_123',
    channelId: 'web_main',
    visit: { id: 'visit_9', number: 2, startedAt: '2026-11-23T09:58:00Z', pageViews: 3 },
    page: {
      viewId: 'pv_3',
      url: 'https://shop.example/Pricing',
      title: 'Pricing',
      referrer: 'https://search.example/',
      enteredAt: '2026-11-23T09:59:15Z',
    },
    language: 'en-US',
    deviceType: 'desktop',
    metadata: { plan: 'trial', cartValue: 120 },
    inActiveConversation: false,
    deliveries: [],
    ...overrides,
  };
}

/** Visitor fields a vector may override. */
export interface VisitorPatch {
  readonly url?: string;
  readonly title?: string;
  readonly referrer?: string | null;
  readonly language?: string | null;
  readonly deviceType?: 'desktop' | 'mobile' | 'tablet' | null;
  readonly visitNumber?: number;
  readonly pageViews?: number;
  readonly enteredAt?: string;
  readonly metadata?: Record<string, string | number | boolean | null>;
}

export function visitorFrom(patch: VisitorPatch = {}): Visitor {
  const base = baseVisitor();
  return {
    ...base,
    visit: { ...base.visit, number: patch.visitNumber ?? base.visit.number, pageViews: patch.pageViews ?? base.visit.pageViews },
    page: {
      ...base.page,
      url: patch.url ?? base.page.url,
      title: patch.title ?? base.page.title,
      referrer: patch.referrer === undefined ? base.page.referrer : patch.referrer,
      enteredAt: patch.enteredAt ?? base.page.enteredAt,
    },
    language: patch.language === undefined ? base.language : patch.language,
    deviceType: patch.deviceType === undefined ? base.deviceType : patch.deviceType,
    metadata: patch.metadata ?? base.metadata,
  };
}

export interface LeafVector {
  readonly name: string;
  readonly visitor?: VisitorPatch;
  readonly leaf: import('../../src/core/types.js').ConditionLeaf;
  readonly expected: boolean;
}
