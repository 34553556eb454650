/**
 * Timed calls over a list of cases: each call takes the next case, so a batch of whole cycles
 * (see `batchFor`) covers the whole instant mix, and both sides of a comparison see the same mix.
 * Each returns a number derived from the decision so the work cannot be optimised away.
 * @module
 */
import { evaluate, type Message, type Visitor } from '../src/index.js';
import { cycle, type Case } from './workloads/common.js';

export function evaluateCalls(messages: readonly Message[], cases: readonly Case[]): () => number {
  const next = cycle(cases);
  return () => {
    const c = next();
    return evaluate(c.visitor, messages, c.nowMs).eligible.length;
  };
}

export function handCalls(decide: (v: Visitor, nowMs: number) => { readonly eligible: readonly string[] }, cases: readonly Case[]): () => number {
  const next = cycle(cases);
  return () => {
    const c = next();
    return decide(c.visitor, c.nowMs).eligible.length;
  };
}

export function jreCalls(decide: (v: Visitor, nowMs: number) => Promise<{ readonly eligible: readonly string[] }>, cases: readonly Case[]): () => Promise<number> {
  const next = cycle(cases);
  return async () => {
    const c = next();
    return (await decide(c.visitor, c.nowMs)).eligible.length;
  };
}

/** One call of a multi-list workload: a visitor at an instant against one tenant's list. */
export interface ListCase {
  readonly messages: readonly Message[];
  readonly c: Case;
}

export function evaluateListCalls(cases: readonly ListCase[]): () => number {
  const next = cycle(cases);
  return () => {
    const { messages, c } = next();
    return evaluate(c.visitor, messages, c.nowMs).eligible.length;
  };
}
