/**
 * Compiles condition trees to closures. STUB — the conditions module replaces the bodies;
 * the exported names and signatures are the contract `evaluate` compiles against.
 */
import type { ConditionNode, Visitor } from '../model/types.js';
import { ok, type Result } from '../model/result.js';

/** The facts of one visitor at one instant, derived once per evaluation and shared by all messages. */
export interface Facts {
  readonly visitor: Visitor;
  readonly nowMs: number;
}

/** A compiled tree. Never throws. */
export interface CompiledConditions {
  /** Whether the tree holds for these facts. */
  test(facts: Facts): boolean;
  /**
   * The earliest instant strictly after `facts.nowMs` at which a time-based leaf of this tree
   * (`timeOnPage`, `timeOnSite`) changes its truth value with the same visitor, or `null`.
   */
  nextTimeChange(facts: Facts): number | null;
}

/** Derives the facts of `visitor` at `nowMs`. Cheap; lazy where derivation costs. */
export function readFacts(visitor: Visitor, nowMs: number): Facts {
  return { visitor, nowMs };
}

/** Compiles a tree (`null`: every visitor qualifies). Fails with issues for unknown facts/operators. */
export function compileConditions(_tree: ConditionNode | null): Result<CompiledConditions> {
  return ok({ test: () => true, nextTimeChange: () => null });
}
