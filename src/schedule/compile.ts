/**
 * The public doors of the business-hours engine: `compileSchedule`, `isOpen`, `nextChange`.
 * Each checks its input with the one schedule checker (every issue, with text) and its instant
 * with the one instant guard, then asks the engine of `prepare.ts`.
 * @module
 */
import { issueAt, type IssuePath, type Result } from '../core/issues.js';
import { toInstant } from '../core/instants.js';
import type { Instant, Schedule } from '../core/types.js';
import { kindOf } from '../core/values.js';
import { runCheck } from '../check/check.js';
import { scheduleCheck } from '../check/schedule.js';
import { fail, ok } from '../parse/parse.js';
import { prepareSchedule, type CompiledSchedule } from './prepare.js';

export type { CompiledSchedule } from './prepare.js';

const compiled = new WeakMap<object, Result<CompiledSchedule>>();

/**
 * Checks a schedule and prepares it for repeated queries; fails with every issue (unknown time
 * zone, malformed time or date, …) instead of throwing. Memoised by the schedule object's
 * identity, so treat schedules as immutable (their types are `readonly`). The prepared
 * schedule's methods take epoch ms (an instant outside the years 1000–9999, or not a finite
 * number, is closed with no change ahead); use {@link isOpen} / {@link nextChange} for any
 * {@link Instant}.
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
export function compileSchedule(schedule: unknown): Result<CompiledSchedule> {
  const key = typeof schedule === 'object' && schedule !== null ? schedule : null;
  const memo = key === null ? undefined : compiled.get(key);
  if (memo !== undefined) return memo;
  const checked = runCheck(scheduleCheck, schedule, true);
  const result: Result<CompiledSchedule> = checked.ok ? ok(facadeOf(prepareSchedule(checked.value))) : fail(checked.issues);
  if (key !== null) compiled.set(key, result);
  return result;
}

/**
 * The engine's two functions on an object of their own: the engine (shared with `evaluate` for the
 * same schedule object) keeps its last stretch in its fields, which a caller freezing or writing
 * the returned object must not reach.
 */
function facadeOf({ isOpen, nextChange }: CompiledSchedule): CompiledSchedule {
  return { isOpen, nextChange };
}

/** The schedule and the instant, both checked; issue paths start with `schedule` or `now`. */
function withInstant<T>(schedule: unknown, now: unknown, ask: (s: CompiledSchedule, at: number) => T): Result<T> {
  const prepared = compileSchedule(schedule);
  const at = toInstant(now);
  const nowIssue = at === undefined ? [issueAt(['now'], 'invalidInstant', { got: kindOf(now) })] : [];
  if (!prepared.ok) {
    const path: IssuePath = ['schedule'];
    return fail([...prepared.issues.map(({ message: _message, ...found }) => ({ ...found, path: [...path, ...found.path] })), ...nowIssue]);
  }
  if (at === undefined) return fail(nowIssue);
  return ok(ask(prepared.value, at));
}

/**
 * Whether the schedule is open at `now` (a `Date`, epoch ms or an ISO-8601 string with an
 * offset). An invalid schedule or instant is a failed result with every issue.
 * @example
 * ```ts
 * const schedule = { timezone: 'America/New_York', weekly: [{ day: 'mon', open: '09:00', close: '17:00' }], holidays: [] };
 * isOpen(schedule, '2026-11-23T14:00:00Z'); // { ok: true, value: true } (09:00 in New York)
 * isOpen(schedule, Number.NaN);             // { ok: false, issues: [{ path: ['now'], code: 'invalidInstant', … }] }
 * ```
 */
export function isOpen(schedule: Schedule, now: Instant): Result<boolean> {
  return withInstant(schedule, now, (s, at) => s.isOpen(at));
}

/**
 * The first instant (epoch ms) strictly after `now` at which {@link isOpen} flips, or `null` if it
 * never does (no intervals, or open around the clock with no holidays left). An invalid schedule
 * or instant is a failed result with every issue.
 * @example
 * ```ts
 * const schedule = { timezone: 'America/New_York', weekly: [{ day: 'mon', open: '09:00', close: '17:00' }], holidays: [] };
 * nextChange(schedule, '2026-11-23T14:00:00Z'); // { ok: true, value: Date.parse('2026-11-23T22:00:00Z') } (17:00 local)
 * ```
 */
export function nextChange(schedule: Schedule, now: Instant): Result<number | null> {
  return withInstant(schedule, now, (s, at) => s.nextChange(at));
}
