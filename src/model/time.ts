import type { Instant } from './types.js';

/**
 * Converts an {@link Instant} (`Date` or epoch ms) to epoch milliseconds; `NaN` for an invalid date.
 * @example
 * ```ts
 * toEpochMs(new Date('2026-11-23T10:00:00Z')); // 1795428000000
 * toEpochMs(1795428000000); // 1795428000000
 * ```
 */
export function toEpochMs(now: Instant): number {
  return typeof now === 'number' ? now : now.getTime();
}
