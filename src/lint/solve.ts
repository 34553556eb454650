/**
 * The decision procedure: is a formula satisfiable over the variables of a `Space`? A tableau
 * search — conjunctions are applied at once (each literal narrows its variable's cells, or its
 * open-region constraints), disjunctions are branched on — with a step budget. Three answers:
 * `sat` (with the state that satisfies it, for witnesses), `unsat` (with the paths of the literals
 * whose conflicts closed every branch), or `unknown` when the budget ran out. Lint reports only on
 * `unsat`, so running out of budget makes it silent, never wrong.
 *
 * `unsat` is sound because every step is: a variable's cells are a partition of (a superset of)
 * the fact's possible values, a literal is exactly the cells where its leaf holds, and the
 * open-region rules (`atoms.ts`) only reject what no string can meet.
 * @module
 */
import type { IssuePath } from '../core/issues.js';
import { applyAtom, NO_CONSTRAINTS, type TextConstraints } from './atoms.js';
import type { Formula, Literal, Space } from './model.js';

/** What is still possible for one variable on a branch. */
export interface VariableState {
  readonly mask: bigint;
  /** The open region (text) is still possible. */
  readonly open: boolean;
  readonly text: TextConstraints;
  /** Paths of the literals applied to this variable (an unsat core when it empties). */
  readonly paths: readonly IssuePath[];
}

/** The answer of {@link solve}. */
export type Answer =
  | { readonly result: 'sat'; readonly state: readonly VariableState[] }
  | { readonly result: 'unsat'; readonly core: readonly IssuePath[] }
  | { readonly result: 'unknown' };

/** Steps (literals applied and branches taken) one question may cost; past it the answer is `unknown`. */
export const STEPS_PER_QUESTION = 20_000;

/** A shared step allowance for many questions (one `lint` call). */
export interface Budget {
  remaining: number;
}

interface Goal {
  readonly formula: Formula;
  readonly positive: boolean;
}

class OutOfSteps extends Error {}

function initial(space: Space): VariableState[] {
  return space.variables.map((v) => ({ mask: v.full, open: v.open, text: NO_CONSTRAINTS, paths: [] }));
}

/** The variable's state after a literal, and whether anything is left. */
function apply(space: Space, state: VariableState, literal: Literal, positive: boolean): VariableState & { readonly empty: boolean } {
  const v = space.variables[literal.variable];
  const full = v === undefined ? 0n : v.full;
  const mask = positive ? state.mask & literal.mask : state.mask & ~literal.mask & full;
  let open = state.open;
  let text = state.text;
  if (open) {
    if (typeof literal.open === 'boolean') open = literal.open === positive;
    else {
      const next = applyAtom(text, literal.open, positive);
      if (next === null) open = false;
      else text = next;
    }
  }
  const paths = [...state.paths, literal.path];
  return { mask, open, text, paths, empty: mask === 0n && !open };
}

function key(path: IssuePath): string {
  return JSON.stringify(path);
}

function union(cores: readonly (readonly IssuePath[])[]): IssuePath[] {
  const seen = new Map<string, IssuePath>();
  for (const core of cores) for (const path of core) if (path.length > 0) seen.set(key(path), path);
  return [...seen.values()];
}

type Branch = { readonly result: 'sat'; readonly state: readonly VariableState[] } | { readonly result: 'unsat'; readonly core: readonly IssuePath[] };

function search(space: Space, conj: Goal[], disj: readonly Goal[], start: readonly VariableState[], budget: { steps: number }): Branch {
  let state = start;
  const pending = [...disj];
  const spend = (): void => {
    budget.steps -= 1;
    if (budget.steps < 0) throw new OutOfSteps();
  };
  for (let goal = conj.pop(); goal !== undefined; goal = conj.pop()) {
    spend();
    const { formula, positive } = goal;
    switch (formula.kind) {
      case 'constant':
        if (formula.value !== positive) return { result: 'unsat', core: [] };
        break;
      case 'literal': {
        const index = formula.literal.variable;
        const next = apply(space, state[index] as VariableState, formula.literal, positive);
        if (next.empty) return { result: 'unsat', core: next.paths };
        const copy = state.slice();
        copy[index] = { mask: next.mask, open: next.open, text: next.text, paths: next.paths };
        state = copy;
        break;
      }
      case 'not':
        conj.push({ formula: formula.child, positive: !positive });
        break;
      case 'all':
      case 'any':
        // all+ and any− are conjunctions; any+ and all− are disjunctions.
        if ((formula.kind === 'all') === positive) for (const child of formula.children) conj.push({ formula: child, positive });
        else pending.push(goal);
        break;
    }
  }
  const branching = pending.pop();
  if (branching === undefined) return { result: 'sat', state };
  const children = (branching.formula as { readonly children: readonly Formula[] }).children;
  const cores: (readonly IssuePath[])[] = [];
  for (const child of children) {
    spend();
    const outcome = search(space, [{ formula: child, positive: branching.positive }], pending, state, budget);
    if (outcome.result === 'sat') return outcome;
    cores.push(outcome.core);
  }
  return { result: 'unsat', core: union(cores) };
}

/**
 * Whether `formula` can hold (`positive`) or fail (`positive: false`) for some values of the
 * space's variables. Costs at most `STEPS_PER_QUESTION` steps, taken from `budget` too.
 * @example
 * ```ts
 * solve(space, space.formula(tree, ['conditions']), true, { remaining: 1e6 }).result; // 'unsat': never holds
 * ```
 */
export function solve(space: Space, formula: Formula, positive: boolean, budget: Budget): Answer {
  const allowance = Math.min(STEPS_PER_QUESTION, budget.remaining);
  const counter = { steps: allowance };
  try {
    return search(space, [{ formula, positive }], [], initial(space), counter);
  } catch (error) {
    if (error instanceof OutOfSteps) return { result: 'unknown' };
    throw error;
  } finally {
    budget.remaining -= allowance - Math.max(0, counter.steps);
  }
}
