/** Shared pieces of the law tests: comparable decisions and scenarios placed near boundaries. */
import fc from 'fast-check';
import { evaluate, type Decision } from '../../src/index.js';
import { nextChange } from '../../src/index.js';
import type { Message } from '../../src/core/types.js';
import { instantNearDstArb, nowArb, scenarioArb, scenarioAt, type Scenario, type ScenarioArbOptions } from '../../src/testing/index.js';

/** The part of a decision the laws compare. */
export interface DecisionKey {
  readonly message: string | null;
  readonly onScreen: boolean;
  readonly eligible: readonly string[];
  readonly reevaluateAt: number | null;
  readonly heldOut: readonly string[];
}

export function keyOf(decision: Decision): DecisionKey {
  return { message: decision.message?.id ?? null, onScreen: decision.onScreen, eligible: [...decision.eligible], reevaluateAt: decision.reevaluateAt, heldOut: [...decision.heldOut] };
}

export function decide(s: Scenario, at: number = s.now): DecisionKey {
  return keyOf(evaluate(s.visitor, s.messages, at, s.options));
}

/** Scenarios for the laws: mostly live messages, so many messages get past the status gate. */
export function lawScenarioArb(options: ScenarioArbOptions = {}): fc.Arbitrary<Scenario> {
  return scenarioArb({ now: nowArb(), policy: true, ...options, messages: { minLength: 2, limits: true, status: ['live', 'live', 'live', 'live', 'paused', 'draft', 'error'], ...options.messages } });
}

/** Every business-hours boundary of the scenario's live messages within a week after `from`. */
export function scheduleBoundaries(messages: readonly Message[], from: number): number[] {
  const found: number[] = [];
  for (const m of messages) {
    if (m.sendWindow.type === 'anytime') continue;
    const result = nextChange(m.sendWindow.schedule, from);
    const next = result.ok ? result.value : null;
    if (next !== null && next - from < 7 * 86_400_000) found.push(next);
  }
  return found;
}

/**
 * Scenarios whose `now` is a few ms to a few minutes before a business-hours boundary of one of
 * their messages (or a DST transition, or anywhere), so time-based laws are exercised rather than
 * vacuous. Visitors already sit near trigger and time-on-page thresholds (see `visitorArb`).
 */
export function nearBoundaryScenarioArb(options: ScenarioArbOptions = {}): fc.Arbitrary<Scenario> {
  const before = fc.oneof(fc.constantFrom(1, 1_000, 60_000), fc.integer({ min: 1, max: 600_000 }));
  return fc
    .tuple(lawScenarioArb(options), fc.nat(), before, fc.boolean())
    .map(([s, pick, delta, toBoundary]) => {
      const boundaries = scheduleBoundaries(s.messages, s.now);
      if (!toBoundary || boundaries.length === 0) return s;
      return scenarioAt(s, (boundaries[pick % boundaries.length] as number) - delta);
    });
}

/** Instants for "same everywhere" checks: around DST transitions and anywhere. */
export const interestingInstantArb = fc.oneof(instantNearDstArb(), nowArb());
