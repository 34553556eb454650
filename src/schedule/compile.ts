/**
 * Business-hours arithmetic. STUB — the schedule module replaces the bodies; the exported
 * names and signatures are the contract `evaluate` compiles against.
 */
import type { Instant, Schedule } from '../model/types.js';
import { ok, type Result } from '../model/result.js';

/** A schedule prepared for repeated queries. Never throws. */
export interface CompiledSchedule {
  /** Whether the business is open at epoch ms `at`. */
  isOpen(at: number): boolean;
  /** The first instant strictly after `at` at which `isOpen` flips, or `null` if it never does. */
  nextChange(at: number): number | null;
}

/** Prepares a schedule; fails with issues (e.g. an unknown time zone) instead of throwing. */
export function compileSchedule(_schedule: Schedule): Result<CompiledSchedule> {
  return ok({ isOpen: () => true, nextChange: () => null });
}

export function isOpen(schedule: Schedule, now: Instant): boolean {
  const c = compileSchedule(schedule);
  return c.ok ? c.value.isOpen(typeof now === 'number' ? now : now.getTime()) : false;
}
export function nextChange(schedule: Schedule, now: Instant): number | null {
  const c = compileSchedule(schedule);
  return c.ok ? c.value.nextChange(typeof now === 'number' ? now : now.getTime()) : null;
}
