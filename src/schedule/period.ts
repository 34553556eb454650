/**
 * Calendar periods in a time zone, for the `oncePer` cap: the local day, or the local week from
 * Monday 00:00, that contains an instant — as the instants `[start, end)` it spans. A period
 * starts at the first instant whose local date is its first day (a zone that skips midnight at a
 * DST change starts that day at 01:00), so days are 23, 24 or 25 hours long where DST applies.
 * @module
 */
import { MAX_INSTANT, MIN_INSTANT } from '../core/instants.js';
import type { Period } from '../core/vocabulary.js';
import { DAY, HOUR, SECOND, offsetAt } from './offset.js';

/** Local day number (days since 1970-01-01 on the zone's wall clock) at instant `t`. */
function localDay(zone: string, t: number): number {
  return Math.floor((t + offsetAt(zone, t)) / DAY);
}

/** The index of the period containing `t`: its local day, or its Monday-based week (1970-01-01 was a Thursday). */
function indexAt(zone: string, period: Period, t: number): number {
  const day = localDay(zone, t);
  return period === 'day' ? day : Math.floor((day + 3) / 7);
}

function clamp(t: number): number {
  return Math.min(MAX_INSTANT, Math.max(MIN_INSTANT, t));
}

/**
 * The first instant after `low` whose period index exceeds `k` (`indexAt(low) ≤ k < indexAt(high)`),
 * to the second: the guess from today's offset first (exact unless an offset change is near),
 * else a binary search.
 */
function firstAfter(zone: string, period: Period, k: number, low: number, high: number, guess: number): number {
  if (guess > low && guess <= high && indexAt(zone, period, guess) > k && indexAt(zone, period, guess - SECOND) <= k) return guess;
  let lo = Math.floor(low / SECOND);
  let hi = Math.ceil(high / SECOND);
  while (hi - lo > 1) {
    const middle = Math.floor((lo + hi) / 2);
    if (indexAt(zone, period, middle * SECOND) > k) hi = middle;
    else lo = middle;
  }
  return hi * SECOND;
}

/** Recent answers per zone and period kind: the bench and real widgets ask about a few days at a time. */
const cache = new Map<string, (readonly [number, number])[]>();
const KEPT = 16;

/**
 * The period of kind `period` in `zone` that contains `at`, as `[start, end)` in epoch ms.
 * `zone` must be a valid IANA zone (the options check makes sure).
 * @example
 * ```ts
 * periodAt('Europe/Berlin', 'day', Date.parse('2026-11-23T22:30:00Z'));
 * // [Date.parse('2026-11-23T23:00:00Z'), Date.parse('2026-11-24T23:00:00Z')]: already the 24th in Berlin
 * ```
 */
export function periodAt(zone: string, period: Period, at: number): readonly [number, number] {
  const key = `${period} ${zone}`;
  let recent = cache.get(key);
  if (recent === undefined) {
    if (cache.size >= 64) cache.clear();
    cache.set(key, (recent = []));
  }
  for (const range of recent) if (at >= range[0] && at < range[1]) return range;
  const k = indexAt(zone, period, at);
  const span = (period === 'day' ? DAY : 7 * DAY) + 27 * HOUR;
  const offset = offsetAt(zone, at);
  // Local midnight of the period's first day (and of the next period's), read with today's offset.
  const firstDay = period === 'day' ? k : k * 7 - 3;
  const days = period === 'day' ? 1 : 7;
  const start = firstAfter(zone, period, k - 1, clamp(at - span), at, firstDay * DAY - offset);
  const end = firstAfter(zone, period, k, at, clamp(at + span), (firstDay + days) * DAY - offset);
  const range = [start, end] as const;
  if (recent.length >= KEPT) recent.shift();
  recent.push(range);
  return range;
}
