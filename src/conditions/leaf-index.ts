/**
 * The leaf index of a message list: the distinct *required* leaves of its trees (time-independent
 * leaves every visitor must pass, see {@link splitRequired}), each answered at most once per
 * evaluation — and most of them in bulk: every `equal` / `in` (and their negations) on one fact by
 * one hash lookup of the fact's value, every URL / title / referrer substring, prefix, suffix and
 * simple wildcard of the list by one multi-pattern pass over the text. The other leaves are tested
 * one by one, once per call. Answers go into a caller-owned state array (0 unknown, 1 true, 2
 * false), so nothing is allocated per call and no table is shared between lists.
 *
 * What each operator's bulk form is comes from the operator table (`index`, `complement`); a
 * property test checks every one against the operator's own `compile`.
 * @module
 */
import type { ConditionLeaf, ConditionNode, ConditionScalar } from '../core/types.js';
import type { FactSignature } from '../core/vocabulary.js';
import { factSignature } from '../check/conditions.js';
import { carved } from '../core/slab.js';
import type { Facts } from './facts.js';
import { leafGetter, leafValue } from './leaf.js';
import { buildAutomaton, OUTPUTS, step } from './needles.js';
import { OPERATOR_TABLE, type FactValue, type NeedleAt } from './operators.js';

/** A leaf answer in the state array. */
export const UNKNOWN = 0;
export const TRUE = 1;
export const FALSE = 2;

/** A required leaf: the visitor must pass `leaf` (`negate`: must fail it). */
export interface RequiredLeaf {
  readonly leaf: ConditionLeaf;
  readonly negate: boolean;
}

/** A checked tree split into its required leaves and the rest (`null`: nothing more to test). */
export interface SplitTree {
  readonly required: readonly RequiredLeaf[];
  readonly residual: ConditionNode | null;
}

function isTimeIndependent(leaf: ConditionLeaf): boolean {
  return (factSignature(leaf.fact) as FactSignature).since === undefined;
}

/** `node` as a required leaf when it is a time-independent leaf or `not` of one; else `null`. */
function asRequired(node: ConditionNode): RequiredLeaf | null {
  if ('fact' in node) return isTimeIndependent(node) ? { leaf: node, negate: false } : null;
  if ('not' in node && 'fact' in node.not && isTimeIndependent(node.not)) {
    const complement = OPERATOR_TABLE[node.not.operator].complement;
    // `not(notEqual x)` is `equal x`, exactly (missing facts included): index it as that.
    return complement === undefined ? { leaf: node.not, negate: true } : { leaf: { ...node.not, operator: complement }, negate: false };
  }
  return null;
}

/**
 * Splits a checked tree: the root leaf, or the leaves (and `not` leaves) directly under a root
 * `all`, that do not depend on time, are required — the tree is true exactly when they all hold
 * and the residual does. A message failing a required leaf is false for good: it can neither
 * qualify nor change with time.
 * @example
 * ```ts
 * splitRequired({ all: [{ fact: 'language', operator: 'in', value: ['en'] },
 *                       { fact: 'timeOnPage', operator: 'greaterThan', value: 30 }] });
 * // { required: [{ leaf: language in [en], negate: false }], residual: timeOnPage > 30 }
 * ```
 */
export function splitRequired(tree: ConditionNode | null): SplitTree {
  if (tree === null) return { required: [], residual: null };
  const alone = asRequired(tree);
  if (alone !== null) return { required: [alone], residual: null };
  if (!('all' in tree)) return { required: [], residual: tree };
  const required: RequiredLeaf[] = [];
  const rest: ConditionNode[] = [];
  for (const child of tree.all) {
    const r = asRequired(child);
    if (r === null) rest.push(child);
    else required.push(r);
  }
  const residual = rest.length === 0 ? null : rest.length === 1 ? (rest[0] as ConditionNode) : { all: rest };
  return { required, residual };
}

/** Answers every leaf of one group into `state`. */
export type GroupAnswer = (facts: Facts, state: Int32Array) => void;

/** The built index of one list. */
export interface LeafIndex {
  /** How many distinct required leaves: their answers are `state[0]` … `state[size - 1]` (the state array may hold more after them). */
  readonly size: number;
  /** Per leaf `id`: what answers it into `state[id]` (and, for a grouped leaf, every leaf of its group). */
  readonly answers: readonly GroupAnswer[];
  /** Per leaf: whether it is answered in bulk (a message tests those first: they are nearly free). */
  readonly grouped: readonly boolean[];
  /** Per leaf: its relative cost (the operator table's). */
  readonly cost: readonly number[];
}

interface Entry {
  readonly leaf: ConditionLeaf;
  readonly value: unknown;
  readonly negate: boolean;
}

/** Collects distinct required leaves (by fact, operator, normalised value and sign), then builds. */
export class LeafIndexBuilder {
  private readonly ids = new Map<string, number>();
  private readonly entries: Entry[] = [];

  /**
   * The id of a required leaf, the same for every identical one.
   * @example
   * ```ts
   * const b = new LeafIndexBuilder();
   * b.add({ leaf: { fact: 'language', operator: 'in', value: ['en'] }, negate: false }); // 0
   * ```
   */
  add(required: RequiredLeaf): number {
    const { leaf, negate } = required;
    const value = leafValue(leaf);
    const key = JSON.stringify([leaf.fact, leaf.operator, negate, value]);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.entries.push({ leaf, value, negate }) - 1;
      this.ids.set(key, id);
    }
    return id;
  }

  /**
   * The index of every leaf added so far.
   * @example
   * ```ts
   * const index = builder.build();
   * index.answers[0]!(readFacts(visitor, now), state); // state[0] is now TRUE or FALSE
   * ```
   */
  build(): LeafIndex {
    const entries = this.entries;
    const answers: GroupAnswer[] = [];
    const grouped: boolean[] = [];
    const cost: number[] = [];
    const values = new Map<string, { ids: number[]; negate: boolean[]; values: (readonly ConditionScalar[])[] }>();
    const texts = new Map<string, { ids: number[]; negate: boolean[]; needles: (readonly string[])[]; at: NeedleAt[] }>();
    entries.forEach((e, id) => {
      const entry = OPERATOR_TABLE[e.leaf.operator];
      const key = e.negate ? null : entry.index(e.value);
      cost[id] = entry.cost(e.value);
      grouped[id] = key !== null;
      if (key?.kind === 'value') {
        let g = values.get(e.leaf.fact);
        if (g === undefined) values.set(e.leaf.fact, (g = { ids: [], negate: [], values: [] }));
        g.ids.push(id);
        g.negate.push(key.negate);
        g.values.push(key.values);
      } else if (key?.kind === 'text') {
        let g = texts.get(e.leaf.fact);
        if (g === undefined) texts.set(e.leaf.fact, (g = { ids: [], negate: [], needles: [], at: [] }));
        g.ids.push(id);
        g.negate.push(key.negate);
        g.needles.push(key.needles);
        g.at.push(key.at);
      } else {
        answers[id] = singleAnswer(id, entry.compile(e.value, leafGetter(e.leaf.fact)), e.negate);
      }
    });
    for (const [fact, g] of values) {
      const answer = valueGroup(fact, g.ids, g.negate, g.values);
      for (const id of g.ids) answers[id] = answer;
    }
    for (const [fact, g] of texts) {
      const answer = textGroup(fact, g.ids, g.negate, g.needles, g.at);
      for (const id of g.ids) answers[id] = answer;
    }
    return leafIndex(answers, grouped, cost);
  }
}

/** A leaf answered on its own (made apart, so the closure does not keep the build tables alive). */
function singleAnswer(id: number, test: (facts: Facts) => boolean, negate: boolean): GroupAnswer {
  return (facts, state) => {
    state[id] = test(facts) !== negate ? TRUE : FALSE;
  };
}

/** The index object, made apart so that it keeps only the answers alive (not the build tables). */
function leafIndex(answers: readonly GroupAnswer[], grouped: readonly boolean[], cost: readonly number[]): LeafIndex {
  return { size: answers.length, grouped, cost, answers };
}

/** A group's leaf `k` as one number: its id × 2, plus 1 when the group answers it negated. */
const leafCode = (id: number, negate: boolean): number => id * 2 + (negate ? 1 : 0);

/** Sets every leaf of a group (`codes[from]` … `codes[to - 1]`, {@link leafCode}s) to its verdict when nothing matched. */
function resetGroup(codes: Int32Array, from: number, to: number, state: Int32Array): void {
  for (let k = from; k < to; k += 1) {
    const c = codes[k] as number;
    state[c >> 1] = (c & 1) === 1 ? TRUE : FALSE;
  }
}

/**
 * `equal` / `in` / `notEqual` / `notIn` on one fact: one hash lookup of the fact's value. One
 * array holds the group's {@link leafCode}s, then per distinct value the number of leaves that
 * list it and their codes; the map gives each value's place in it.
 */
function valueGroup(fact: string, idList: readonly number[], negateList: readonly boolean[], valueLists: readonly (readonly ConditionScalar[])[]): GroupAnswer {
  const flat = idList.map((id, k) => leafCode(id, negateList[k] as boolean));
  const size = flat.length;
  // value → codes of the leaves that list it.
  const users = new Map<FactValue, number[]>();
  valueLists.forEach((list, k) => {
    for (const v of new Set(list)) {
      let u = users.get(v);
      if (u === undefined) users.set(v, (u = []));
      u.push(flat[k] as number);
    }
  });
  const byValue = new Map<FactValue, number>();
  for (const [v, list] of users) {
    byValue.set(v, flat.push(list.length) - 1);
    // A loop, not a spread: a value can be listed by more leaves than a call takes arguments.
    for (const c of list) flat.push(c);
  }
  const t = carved(Int32Array, flat);
  const get = leafGetter(fact);
  return (facts, state) => {
    resetGroup(t, 0, size, state);
    // A missing fact (`undefined`) is never a key: no positive leaf holds, every negative one does.
    const at = byValue.get(get(facts));
    if (at === undefined) return;
    for (let j = at + 1, end = at + 1 + (t[at] as number); j < end; j += 1) {
      const c = t[j] as number;
      state[c >> 1] = (c & 1) === 1 ? FALSE : TRUE;
    }
  };
}

const AT_CODES: Readonly<Record<NeedleAt, number>> = { anywhere: 0, start: 1, end: 2, whole: 3 };

/**
 * Substring / prefix / suffix / whole-text leaves on one text fact: one Aho–Corasick pass. The
 * automaton and the group's own numbers are one array: after the automaton, the leaves'
 * {@link leafCode}s, each needle's length, each needle's first use (absolute indexes; one more
 * for the end), then the uses — each `leaf position × 4 + where` (0 anywhere, 1 start, 2 end,
 * 3 whole).
 */
function textGroup(
  fact: string,
  idList: readonly number[],
  negateList: readonly boolean[],
  needleLists: readonly (readonly string[])[],
  atList: readonly NeedleAt[],
): GroupAnswer {
  // Distinct needles, each with the (leaf position, where) pairs that use it.
  const needleIds = new Map<string, number>();
  const needles: string[] = [];
  const useLists: number[][] = [];
  needleLists.forEach((list, k) => {
    for (const needle of list) {
      let n = needleIds.get(needle);
      if (n === undefined) {
        n = needles.push(needle) - 1;
        needleIds.set(needle, n);
        useLists.push([]);
      }
      (useLists[n] as number[]).push(k * 4 + (AT_CODES[atList[k] as NeedleAt] as number));
    }
  });
  const leaves = idList.length;
  const uses = useLists.reduce((sum, list) => sum + list.length, 0);
  const { table: t, free } = buildAutomaton(needles, leaves + 2 * needles.length + 1 + uses);
  const lengthsAt = free + leaves;
  const useStartAt = lengthsAt + needles.length;
  let u = useStartAt + needles.length + 1;
  idList.forEach((id, k) => (t[free + k] = leafCode(id, negateList[k] as boolean)));
  needles.forEach((needle, n) => {
    t[lengthsAt + n] = needle.length;
    t[useStartAt + n] = u;
    for (const use of useLists[n] as number[]) t[u++] = use;
  });
  t[useStartAt + needles.length] = u;
  return textScan(fact, t, free, lengthsAt, useStartAt);
}

function textScan(fact: string, t: Int32Array, codesAt: number, lengthsAt: number, useStartAt: number): GroupAnswer {
  const outputs = t[OUTPUTS] as number;
  const get = leafGetter(fact);
  return (facts, state) => {
    resetGroup(t, codesAt, lengthsAt, state);
    const text = get(facts);
    if (typeof text !== 'string') return;
    const last = text.length - 1;
    let s = 0;
    for (let i = 0; i <= last; i += 1) {
      s = step(t, s, text.charCodeAt(i));
      for (let j = t[outputs + s] as number, end = t[outputs + s + 1] as number; j < end; j += 1) {
        const n = t[j] as number;
        const atStart = i + 1 === (t[lengthsAt + n] as number);
        for (let u = t[useStartAt + n] as number, usesEnd = t[useStartAt + n + 1] as number; u < usesEnd; u += 1) {
          const use = t[u] as number;
          const at = use & 3;
          // 0 anywhere, 1 start, 2 end, 3 whole.
          if ((at & 1 && !atStart) || (at & 2 && i !== last)) continue;
          const c = t[codesAt + (use >> 2)] as number;
          state[c >> 1] = (c & 1) === 1 ? FALSE : TRUE;
        }
      }
    }
  };
}
