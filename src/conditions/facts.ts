/**
 * Fact derivation: the facts of one visitor at one instant, computed once per evaluation and
 * shared by every message. Values are normalised here (lower-cased text, primary language
 * subtag, whole seconds) so operators compare plain values; `undefined` means "missing".
 * @module
 */
import { parseTimestamp } from '../core/instants.js';
import type { DeviceType, FactName, MetadataValue, Visitor, VisitorType } from '../core/types.js';
import { isFiniteNumber, isRecord, isScalar, RESERVED_KEYS } from '../core/values.js';
import { BUILT_IN_FACTS, DEVICE_TYPES, FACTS, METADATA_PREFIX, type BuiltInFact } from '../core/vocabulary.js';
import type { FactValue } from './operators.js';

export type { FactValue } from './operators.js';

/** The facts of one visitor at one instant, derived once per evaluation and shared by all messages. */
export interface Facts {
  readonly visitor: Visitor;
  readonly nowMs: number;
  /** `page.url` lower-cased. */
  readonly pageUrl: string | undefined;
  /** `page.title` lower-cased. */
  readonly pageTitle: string | undefined;
  /** `page.referrer` lower-cased; `null`, absent or `""` is missing. */
  readonly referrer: string | undefined;
  /** Primary language subtag of `language`, lower-cased (`en-US` → `en`). */
  readonly language: string | undefined;
  /** `visit.number` 1 → `new`, above 1 → `returning`. */
  readonly visitorType: VisitorType | undefined;
  readonly deviceType: DeviceType | undefined;
  /** Whole seconds since `page.enteredAt`, never negative (clock skew reads as 0). */
  readonly timeOnPage: number | undefined;
  /** Whole seconds since `visit.startedAt`, never negative. */
  readonly timeOnSite: number | undefined;
  readonly pageViews: number | undefined;
  readonly visitCount: number | undefined;
  /** `page.enteredAt` in epoch ms, digits below the millisecond rounded up (`NaN` when unreadable). */
  readonly pageEnteredAtMs: number;
  /** `visit.startedAt` in epoch ms, rounded up (`NaN` when unreadable). */
  readonly visitStartedAtMs: number;
  /** The visitor's metadata object (read through {@link readMetadata}, own properties only). */
  readonly metadata: Readonly<Record<string, MetadataValue>> | undefined;
  /** The built-in fact values again, in `BUILT_IN_FACTS` order, for the compiled evaluator's fast path. */
  readonly values: readonly FactValue[];
}

/** Position of each built-in fact in `Facts.values`. */
export const FACT_INDEX = Object.fromEntries(BUILT_IN_FACTS.map((name, i) => [name, i])) as Readonly<Record<BuiltInFact, number>>;

function lower(value: unknown): string | undefined {
  return typeof value === 'string' ? value.toLowerCase() : undefined;
}

function finite(value: unknown): number | undefined {
  return isFiniteNumber(value) ? value : undefined;
}

/** Epoch ms of a timestamp thresholds count from: rounded up, so a threshold is never reached early. */
function since(value: unknown): number {
  return (typeof value === 'string' ? parseTimestamp(value, 'up') : undefined) ?? Number.NaN;
}

/** Whole seconds elapsed from `from` to `nowMs`, clamped at 0; missing when either is unknown. */
export function elapsedSeconds(from: number, nowMs: number): number | undefined {
  const ms = nowMs - from;
  if (!Number.isFinite(ms)) return undefined;
  return ms <= 0 ? 0 : Math.floor(ms / 1000);
}

/**
 * The primary language subtag of a locale, lower-cased: `en-US` → `en`, `pt_BR` → `pt`.
 * @example
 * ```ts
 * primaryLanguage('en-US'); // 'en'
 * primaryLanguage('');      // undefined
 * ```
 */
export function primaryLanguage(locale: unknown): string | undefined {
  if (typeof locale !== 'string') return undefined;
  // Up to the first `-` (45) or `_` (95); empty is missing. A scan: every evaluation reads the
  // language, and `split(/[-_]/, 1)` cost ≈ 4× this (a regular expression and an array).
  let end = 0;
  for (let c = locale.charCodeAt(0); end < locale.length && c !== 45 && c !== 95; c = locale.charCodeAt(++end));
  return locale.slice(0, end).toLowerCase() || undefined;
}

function deviceTypeOf(value: unknown): DeviceType | undefined {
  return DEVICE_TYPES.includes(value as DeviceType) ? (value as DeviceType) : undefined;
}

function visitorTypeOf(visitNumber: number | undefined): VisitorType | undefined {
  if (visitNumber === undefined || visitNumber < 1) return undefined;
  return visitNumber === 1 ? 'new' : 'returning';
}

/**
 * Derives the facts of `visitor` at `nowMs` (epoch ms). Cheap: a few lower-casings and two
 * timestamp parses, shared by every message of one evaluation. Total: a visitor of unexpected
 * shape reads as missing facts, and one that cannot be read (a throwing getter, a Proxy) as all
 * facts missing (`evaluate` checks the visitor before it gets here).
 * @example
 * ```ts
 * const facts = readFacts(visitor, Date.parse('2026-11-23T10:00:45Z'));
 * facts.timeOnPage; // 45 when page.enteredAt is 10:00:00Z
 * ```
 */
export function readFacts(visitor: Visitor, nowMs: number): Facts {
  // Total: `now` that is not a number reads every time fact as missing (never coerced).
  if (typeof nowMs !== 'number') nowMs = Number.NaN;
  try {
    return derive(visitor, visitor, nowMs);
  } catch {
    // A part that cannot be read (a throwing getter, a Proxy trap): every fact is missing. One
    // guard here keeps the reads below unguarded (the hot path of every evaluation).
    return derive(visitor, undefined, nowMs);
  }
}

/** The facts read from `raw` (the visitor, or `undefined` for all-missing facts). */
function derive(visitor: Visitor, raw: unknown, nowMs: number): Facts {
  const v = isRecord(raw) ? (raw as Partial<Visitor>) : {};
  const page = isRecord(v.page) ? v.page : undefined;
  const visit = isRecord(v.visit) ? v.visit : undefined;
  const pageEnteredAtMs = since(page?.enteredAt);
  const visitStartedAtMs = since(visit?.startedAt);
  const visitCount = finite(visit?.number);
  // `null`, absent or `""`: missing.
  const referrer = lower(page?.referrer) || undefined;
  const metadata = v.metadata;
  const pageUrl = lower(page?.url);
  const pageTitle = lower(page?.title);
  const visitorType = visitorTypeOf(visitCount);
  const language = primaryLanguage(v.language);
  const deviceType = deviceTypeOf(v.deviceType);
  const timeOnPage = elapsedSeconds(pageEnteredAtMs, nowMs);
  const timeOnSite = elapsedSeconds(visitStartedAtMs, nowMs);
  const pageViews = finite(visit?.pageViews);
  return {
    visitor,
    nowMs,
    pageUrl,
    pageTitle,
    referrer,
    language,
    visitorType,
    deviceType,
    timeOnPage,
    timeOnSite,
    pageViews,
    visitCount,
    pageEnteredAtMs,
    visitStartedAtMs,
    metadata: isRecord(metadata) ? metadata : undefined,
    // Same order as BUILT_IN_FACTS (the catalog's key order); a test pins it.
    values: [pageUrl, pageTitle, referrer, visitorType, language, deviceType, timeOnPage, timeOnSite, pageViews, visitCount],
  };
}

/**
 * Reads a metadata key already known not to be reserved: own property, scalar values only.
 * Total: a value that cannot be read (a throwing getter, a proxy trap) is missing, like a value
 * of the wrong type, so no compiled condition ever throws.
 */
export function readOwnMetadata(metadata: Facts['metadata'], key: string): FactValue {
  try {
    if (metadata === undefined || !Object.hasOwn(metadata, key)) return undefined;
    const value: unknown = metadata[key];
    return isScalar(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads one metadata value: own properties only, reserved keys never resolve, non-scalar or
 * unreadable values read as missing.
 * @example
 * ```ts
 * readMetadata({ plan: 'trial' }, 'plan');        // 'trial'
 * readMetadata({ plan: 'trial' }, 'constructor'); // undefined
 * ```
 */
export function readMetadata(metadata: Facts['metadata'], key: string): FactValue {
  return !isRecord(metadata) || RESERVED_KEYS.has(key) ? undefined : readOwnMetadata(metadata, key);
}

/**
 * The value of one fact by name (`undefined`: missing or unknown fact).
 * @example
 * ```ts
 * factValue(readFacts(visitor, now), 'pageUrl'); // 'https://shop.example/pricing'
 * ```
 */
export function factValue(facts: Facts, name: FactName | string): FactValue {
  if (name.startsWith(METADATA_PREFIX)) return readMetadata(facts.metadata, name.slice(METADATA_PREFIX.length));
  return Object.hasOwn(FACTS, name) ? facts[name as BuiltInFact] : undefined;
}
