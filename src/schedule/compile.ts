/**
 * `compileSchedule`, `isOpen`, `nextChange`: the business-hours engine of `prepare.ts`, with the
 * detailed issues of `validate.ts` when a schedule is invalid.
 * @module
 */
import type { Instant, Schedule } from '../model/types.js';
import { fail, issue, ok, type Result } from '../model/result.js';
import { prepareSchedule, type CompiledSchedule } from './prepare.js';
import { validateSchedule } from './validate.js';

export type { CompiledSchedule } from './prepare.js';

/** The detailed issues of a schedule `prepareSchedule` rejected. */
function issuesOf(schedule: unknown): Result<CompiledSchedule> {
  const checked = validateSchedule(schedule);
  // Both checks accept exactly the same schedules (a test pins it); the fallback only keeps
  // the result a failure if they ever drifted apart.
  return fail(checked.ok ? [issue([], 'invalidSchedule', 'schedule could not be compiled')] : checked.issues);
}

const compiled = new WeakMap<object, Result<CompiledSchedule>>();

/**
 * Prepares a schedule for repeated queries; fails with issues (unknown time zone, malformed
 * time or date, …) instead of throwing. Memoised by the schedule object's identity, so treat
 * schedules as immutable (their types are `readonly`).
 * @example
 * ```ts
 * const result = compileSchedule({
 *   timezone: 'Europe/Berlin',
 *   weekly: [{ day: 'mon', open: '09:00', close: '17:00' }],
 *   holidays: [{ name: 'Christmas', start: '2026-12-24', end: '2026-12-26' }],
 * });
 * if (result.ok) result.value.isOpen(Date.parse('2026-11-23T09:30:00Z')); // true (10:30 in Berlin)
 * ```
 */
export function compileSchedule(schedule: Schedule): Result<CompiledSchedule> {
  const key: unknown = schedule;
  const memo = typeof key === 'object' && key !== null ? compiled.get(key) : undefined;
  if (memo !== undefined) return memo;
  const ready = prepareSchedule(key);
  const result = ready === null ? issuesOf(key) : ok(ready);
  if (typeof key === 'object' && key !== null) compiled.set(key, result);
  return result;
}

function epochMs(now: Instant): number {
  return typeof now === 'number' ? now : now instanceof Date ? now.getTime() : NaN;
}

/**
 * Whether the schedule is open at `now`. Fails closed: an invalid schedule, an invalid date or
 * an instant outside the years 1000–9999 is `false`.
 * @example
 * ```ts
 * const schedule = { timezone: 'America/New_York', weekly: [{ day: 'mon', open: '09:00', close: '17:00' }], holidays: [] };
 * isOpen(schedule, new Date('2026-11-23T14:00:00Z')); // true (09:00 in New York)
 * isOpen(schedule, new Date('2026-11-23T13:59:00Z')); // false
 * ```
 */
export function isOpen(schedule: Schedule, now: Instant): boolean {
  return prepareSchedule(schedule)?.isOpen(epochMs(now)) ?? false;
}

/**
 * The first instant (epoch ms) strictly after `now` at which {@link isOpen} flips, or `null` if
 * it never does (no intervals, or open around the clock with no holidays left). Fails closed:
 * an invalid schedule or instant gives `null`.
 * @example
 * ```ts
 * const schedule = { timezone: 'America/New_York', weekly: [{ day: 'mon', open: '09:00', close: '17:00' }], holidays: [] };
 * nextChange(schedule, new Date('2026-11-23T14:00:00Z')); // Date.parse('2026-11-23T22:00:00Z') (17:00 local)
 * ```
 */
export function nextChange(schedule: Schedule, now: Instant): number | null {
  return prepareSchedule(schedule)?.nextChange(epochMs(now)) ?? null;
}
