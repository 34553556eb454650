/**
 * Instants (epoch ms), including instants clustered around DST transitions. Transitions are
 * found with `Intl` only (never the host's own zone), so the kit gives the same values on any host.
 * @module
 */
import fc from 'fast-check';
import { offsetAt } from '../schedule/offset.js';
import { KIT_NOW_MS, KIT_TIME_ZONES } from './pools.js';

/**
 * The UTC offset of `zone` at epoch ms `at`, in minutes (Berlin in summer: 120). Host-independent.
 * @example
 * ```ts
 * zoneOffsetMinutes('Asia/Kathmandu', Date.UTC(2026, 0, 1)); // 345
 * ```
 */
export function zoneOffsetMinutes(zone: string, at: number): number {
  // The schedule module's host-independent offset (the schedule suite checks it against its own
  // brute-force Intl reference); here it only places generated instants near transitions.
  return Math.round(offsetAt(zone, at) / 60_000);
}

const transitionCache = new Map<string, readonly number[]>();

/**
 * Every instant in the years `fromYear`..`toYear` (UTC) at which `zone`'s offset changes: the
 * first epoch ms with the new offset. Empty for zones without DST (`Asia/Kathmandu`, `UTC`).
 * @example
 * ```ts
 * dstTransitions('Europe/Berlin', 2026, 2026).map((t) => new Date(t).toISOString());
 * // ['2026-03-29T01:00:00.000Z', '2026-10-25T01:00:00.000Z']
 * ```
 */
export function dstTransitions(zone: string, fromYear: number, toYear: number): readonly number[] {
  const key = `${zone}|${fromYear}|${toYear}`;
  const cached = transitionCache.get(key);
  if (cached !== undefined) return cached;
  const found: number[] = [];
  const end = Date.UTC(toYear + 1, 0, 1);
  const step = 6 * 3_600_000;
  let previous = Date.UTC(fromYear, 0, 1);
  let previousOffset = zoneOffsetMinutes(zone, previous);
  for (let t = previous + step; t <= end; t += step) {
    const offset = zoneOffsetMinutes(zone, t);
    if (offset !== previousOffset) {
      // Bisect to the first millisecond with the new offset.
      let lo = previous;
      let hi = t;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (zoneOffsetMinutes(zone, mid) === previousOffset) lo = mid;
        else hi = mid;
      }
      found.push(hi);
    }
    previous = t;
    previousOffset = offset;
  }
  transitionCache.set(key, found);
  return found;
}

/** Options of {@link instantArb}. */
export interface InstantArbOptions {
  /** Earliest epoch ms. Default: 2025-01-01T00:00:00Z. */
  readonly min?: number;
  /** Latest epoch ms. Default: 2027-12-31T23:59:59Z. */
  readonly max?: number;
}

/**
 * Epoch milliseconds in a range (default 2025–2027).
 * @example
 * ```ts
 * fc.assert(fc.property(instantArb(), (now) => evaluate(visitor, messages, now) !== undefined));
 * ```
 */
export function instantArb(options: InstantArbOptions = {}): fc.Arbitrary<number> {
  return fc.integer({ min: options.min ?? Date.UTC(2025, 0, 1), max: options.max ?? Date.UTC(2027, 11, 31, 23, 59, 59) });
}

/** Options of {@link instantNearDstArb}. */
export interface InstantNearDstOptions {
  /** Zones whose transitions are used. Default: the kit's zones (those without DST add nothing). */
  readonly zones?: readonly string[];
  /** First and last UTC year searched. Default 2025 and 2027. */
  readonly fromYear?: number;
  readonly toYear?: number;
  /** Largest distance from the transition, in ms. Default 3 hours. */
  readonly withinMs?: number;
}

/**
 * Epoch ms within `withinMs` of a DST transition of one of `zones` — including the exact
 * transition instant and the milliseconds next to it. Use it to probe the skipped and repeated hours.
 * @example
 * ```ts
 * fc.assert(fc.property(scheduleArb({ zones: ['Europe/Berlin'] }), instantNearDstArb({ zones: ['Europe/Berlin'] }),
 *   (schedule, at) => isOpen(schedule, at) === isOpen(schedule, new Date(at))));
 * ```
 */
export function instantNearDstArb(options: InstantNearDstOptions = {}): fc.Arbitrary<number> {
  const zones = options.zones ?? KIT_TIME_ZONES;
  const transitions = zones.flatMap((zone) => dstTransitions(zone, options.fromYear ?? 2025, options.toYear ?? 2027));
  if (transitions.length === 0) throw new RangeError('instantNearDstArb: none of the zones has a DST transition in the years');
  const within = options.withinMs ?? 3 * 3_600_000;
  const offset = fc.oneof(
    { arbitrary: fc.integer({ min: -within, max: within }), weight: 4 },
    { arbitrary: fc.constantFrom(0, -1, 1, -60_000, 60_000, -1_800_000, 1_800_000).map((d) => Math.max(-within, Math.min(within, d))), weight: 1 },
  );
  return fc.tuple(fc.constantFrom(...transitions), offset).map(([t, d]) => t + d);
}

/**
 * The kit's default "now" (2026-11-23T10:00:00Z) or instants spread around it and around DST transitions.
 * @example
 * ```ts
 * fc.sample(nowArb(), 1); // [1795428000000]
 * ```
 */
export function nowArb(): fc.Arbitrary<number> {
  return fc.oneof(
    { arbitrary: fc.constant(KIT_NOW_MS), weight: 1 },
    { arbitrary: instantArb(), weight: 2 },
    { arbitrary: instantNearDstArb(), weight: 2 },
  );
}
