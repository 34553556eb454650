import type { Instant, IsoTimestamp } from '../model/types.js';
import { toEpochMs } from '../model/time.js';
import { fail, issue, type Result } from '../model/result.js';

/**
 * `now` as an ISO-8601 string, or a failed {@link Result} with `invalidInstant` when it is an
 * invalid `Date`, `NaN`, infinite or out of the `Date` range. Internal to the message module.
 * @example
 * ```ts
 * isoAt(Date.UTC(2026, 10, 23)); // { ok: true, value: '2026-11-23T00:00:00.000Z' }
 * ```
 */
export function isoAt(now: Instant, path: readonly (string | number)[] = ['now']): Result<IsoTimestamp> {
  const ms = toEpochMs(now);
  const date = new Date(ms);
  if (!Number.isFinite(ms) || Number.isNaN(date.getTime())) {
    return fail([issue(path, 'invalidInstant', '`now` is not a valid instant')]);
  }
  return { ok: true, value: date.toISOString() };
}

/**
 * Like {@link isoAt} for functions without a `Result`: an invalid `now` is a programmer error.
 * @example
 * ```ts
 * isoAtOrThrow(new Date('nope')); // throws RangeError
 * ```
 */
export function isoAtOrThrow(now: Instant): IsoTimestamp {
  const iso = isoAt(now);
  if (!iso.ok) throw new RangeError('`now` is not a valid instant (an invalid Date or NaN)');
  return iso.value;
}
