/**
 * The open region of a text fact: strings that are none of the exact strings the leaves mention.
 * There the text patterns are atoms (`contains n`, `prefix p`, `suffix s`, a wildcard
 * `head*…*tail`), free except for necessary conditions that hold for every string:
 *
 * - the required prefixes are prefixes of one another (likewise suffixes);
 * - a string with prefix `p` has every prefix of `p`, and contains `p` (likewise suffixes);
 * - a string that contains `c` contains every substring of `c`;
 * - a string matching `head*m1*…*tail` has prefix `head`, suffix `tail` and contains each `mi`.
 *
 * A set of atom literals that breaks one of them is impossible; any other set is *assumed*
 * possible (an over-approximation: sound for "never" and "always", which is all lint claims).
 * A negated wildcard with several parts imposes nothing (it is rarely implied, and skipping it is
 * sound). `test/lint/atoms.test.ts` checks every rule on random strings.
 * @module
 */
import type { Atom } from './model.js';

/** What the atom literals applied so far require of a string of the open region. */
export interface TextConstraints {
  /** The longest required prefix (every other required prefix is a prefix of it). */
  readonly prefix: string;
  /** The longest required suffix. */
  readonly suffix: string;
  /** Every required substring (prefixes, suffixes and needles included). */
  readonly contains: readonly string[];
  readonly notPrefix: readonly string[];
  readonly notSuffix: readonly string[];
  readonly notContains: readonly string[];
  /** Every atom literal applied, for building and checking a witness string. */
  readonly applied: readonly { readonly atom: Atom; readonly positive: boolean }[];
}

export const NO_CONSTRAINTS: TextConstraints = { prefix: '', suffix: '', contains: [], notPrefix: [], notSuffix: [], notContains: [], applied: [] };

function addPrefix(c: TextConstraints, p: string): TextConstraints | null {
  if (!p.startsWith(c.prefix) && !c.prefix.startsWith(p)) return null;
  const prefix = p.length > c.prefix.length ? p : c.prefix;
  if (c.notPrefix.some((q) => prefix.startsWith(q))) return null;
  return addContains({ ...c, prefix }, p);
}

function addSuffix(c: TextConstraints, s: string): TextConstraints | null {
  if (!s.endsWith(c.suffix) && !c.suffix.endsWith(s)) return null;
  const suffix = s.length > c.suffix.length ? s : c.suffix;
  if (c.notSuffix.some((q) => suffix.endsWith(q))) return null;
  return addContains({ ...c, suffix }, s);
}

function addContains(c: TextConstraints, text: string): TextConstraints | null {
  if (text === '') return c;
  if (c.notContains.some((q) => text.includes(q))) return null;
  return { ...c, contains: [...c.contains, text] };
}

/**
 * Adds one atom literal; `null` when the constraints can no longer be met by any string.
 * @example
 * ```ts
 * const c = applyAtom(NO_CONSTRAINTS, { kind: 'prefix', text: '/a' }, true);
 * applyAtom(c!, { kind: 'prefix', text: '/b' }, true); // null: no string starts with both
 * ```
 */
export function applyAtom(c: TextConstraints, atom: Atom, positive: boolean): TextConstraints | null {
  const applied = { ...c, applied: [...c.applied, { atom, positive }] };
  if (positive) {
    switch (atom.kind) {
      case 'prefix':
        return addPrefix(applied, atom.text);
      case 'suffix':
        return addSuffix(applied, atom.text);
      case 'contains':
        return addContains(applied, atom.text);
      case 'wildcard': {
        let next: TextConstraints | null = addPrefix(applied, atom.head);
        if (next !== null) next = addSuffix(next, atom.tail);
        for (const middle of atom.middles) if (next !== null) next = addContains(next, middle);
        return next;
      }
    }
  }
  switch (atom.kind) {
    case 'prefix':
      return c.prefix.startsWith(atom.text) ? null : { ...applied, notPrefix: [...c.notPrefix, atom.text] };
    case 'suffix':
      return c.suffix.endsWith(atom.text) ? null : { ...applied, notSuffix: [...c.notSuffix, atom.text] };
    case 'contains':
      return c.contains.some((text) => text.includes(atom.text)) ? null : { ...applied, notContains: [...c.notContains, atom.text] };
    case 'wildcard':
      return applied;
  }
}

/**
 * Candidate strings that may meet the constraints (checked by the caller against every literal).
 * @example
 * ```ts
 * witnessStrings(applyAtom(NO_CONSTRAINTS, { kind: 'contains', text: '/pricing' }, true)!); // ['/pricing', …]
 * ```
 */
export function witnessStrings(c: TextConstraints): string[] {
  const middle = c.contains.filter((text) => !c.prefix.includes(text) && !c.suffix.includes(text));
  const out: string[] = [];
  for (const separator of ['', '/', '-', '~']) {
    out.push(c.prefix + middle.join(separator) + c.suffix);
    out.push(c.prefix + separator + middle.join(separator) + separator + c.suffix);
  }
  return out;
}
