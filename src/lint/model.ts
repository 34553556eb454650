/**
 * The abstraction lint reasons in: every fact of a set of condition trees becomes a *variable*
 * whose values are split into finitely many *cells*, so that every leaf on that fact is constant
 * on each cell; a leaf is then the set of cells where it holds (a bit mask). Cells are cut at
 * every value the leaves mention, so the split is exact for the operators whose truth depends only
 * on where the fact value sits among those values (equality, membership, order).
 *
 * Text facts keep, besides the cells of the exact strings the leaves mention, an *open region*:
 * every other string. Pattern operators (`containsAnyOf`, `startsWith`, `endsWith`,
 * `matchesWildcard`) are not constant there; they become *atoms* (one needle, prefix, suffix or
 * wildcard each) that the solver treats as free, bound only by necessary conditions between them
 * (see `atoms.ts`). A leaf whose operator lint has no shape for becomes a free variable of its own.
 * Every approximation is an over-approximation of what a parsed visitor can be, which is what
 * makes "impossible" and "always" claims sound.
 *
 * The truth of a leaf on a cell is never restated: it is the operator table's own test
 * (`conditions/operators.ts`) run on the cell's representative value.
 * @module
 */
import type { IssuePath } from '../core/issues.js';
import type { ConditionLeaf, ConditionNode, Visitor } from '../core/types.js';
import { isFiniteNumber } from '../core/values.js';
import { FACTS, METADATA_PREFIX, type BuiltInFact, type Operator } from '../core/vocabulary.js';
import { factSignature } from '../check/conditions.js';
import { readFacts } from '../conditions/facts.js';
import { OPERATOR_TABLE, normalizeOperand, type FactValue } from '../conditions/operators.js';
import { FACT_DOMAINS, METADATA_DOMAIN, VISITOR_TYPE_VIEW, type FactDomain } from './domains.js';

/**
 * How lint reads an operator: `value` — truth depends only on which mentioned value the fact
 * equals (if any); `order` — only on where a number sits among the mentioned numbers; the rest
 * are the text patterns, split into atoms. An operator with no entry is opaque (a free boolean):
 * sound, but nothing is learnt from it. `test/lint/model.test.ts` checks each shape against the
 * operator table on random values.
 */
export type LeafShape = 'value' | 'order' | 'containsAny' | 'containsNone' | 'prefix' | 'suffix' | 'wildcard';

export const LEAF_SHAPES: Readonly<Partial<Record<Operator, LeafShape>>> = {
  equal: 'value',
  notEqual: 'value',
  in: 'value',
  notIn: 'value',
  lessThan: 'order',
  lessThanInclusive: 'order',
  greaterThan: 'order',
  greaterThanInclusive: 'order',
  containsAnyOf: 'containsAny',
  doesNotContainAnyOf: 'containsNone',
  startsWith: 'prefix',
  endsWith: 'suffix',
  matchesWildcard: 'wildcard',
};

/** One cell of a variable: a representative value, and for numbers the range it stands for. */
export interface Cell {
  readonly value: FactValue;
  /** Integer cells: the whole numbers `lo`…`hi` (inclusive). */
  readonly lo?: number;
  readonly hi?: number;
}

/** One fact (or one opaque leaf) and the cells of its values. */
export interface Variable {
  /** The fact name (`visitCount` also carries `visitorType`), or `opaque:<n>`. */
  readonly name: string;
  readonly domain: FactDomain | null;
  readonly cells: readonly Cell[];
  /** Every cell. */
  readonly full: bigint;
  /** Text facts: every string not among the cells is possible too (the open region). */
  readonly open: boolean;
  /** A string of the open region (equal to no cell), for the leaves that are constant there. */
  readonly outside: string;
}

/** A text pattern the open region reasons about. */
export type Atom =
  | { readonly kind: 'contains' | 'prefix' | 'suffix'; readonly text: string }
  | { readonly kind: 'wildcard'; readonly head: string; readonly middles: readonly string[]; readonly tail: string };

/** A leaf (or one atom of it) on one variable. */
export interface Literal {
  readonly variable: number;
  /** The cells where it holds. */
  readonly mask: bigint;
  /** Its truth in the open region: constant, or an atom. */
  readonly open: boolean | Atom;
  /** The leaf it comes from (a path inside the message). */
  readonly path: IssuePath;
}

/** A condition tree over literals. */
export type Formula =
  | { readonly kind: 'literal'; readonly literal: Literal }
  | { readonly kind: 'all' | 'any'; readonly children: readonly Formula[] }
  | { readonly kind: 'not'; readonly child: Formula }
  | { readonly kind: 'constant'; readonly value: boolean };

export const TRUE: Formula = { kind: 'constant', value: true };

/** The variable a fact is reasoned about in. */
function variableOf(fact: string): string {
  return fact === VISITOR_TYPE_VIEW.fact ? VISITOR_TYPE_VIEW.of : fact;
}

function domainOf(name: string): FactDomain | null {
  if (name.startsWith(METADATA_PREFIX)) return METADATA_DOMAIN;
  return Object.hasOwn(FACT_DOMAINS, name) ? FACT_DOMAINS[name as BuiltInFact] : null;
}

/** The rule value as the operator compares it (lower-cased for case-insensitive facts). */
function operandOf(leaf: ConditionLeaf): unknown {
  const signature = factSignature(leaf.fact);
  return signature === undefined ? leaf.value : normalizeOperand(signature.kind, leaf.value);
}

/** The values a leaf mentions, one by one. */
function mentioned(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [value];
}

/** A string not in `taken`: `first`, then `first` with more of `filler` appended. */
function fresh(taken: ReadonlySet<unknown>, first: string, filler: string): string {
  let candidate = first;
  while (taken.has(candidate)) candidate += filler;
  return candidate;
}

/** A language subtag (letters only, 2 to 8) not in `taken`. */
function freshSubtag(taken: ReadonlySet<unknown>): string {
  for (let n = 0; ; n += 1) {
    let candidate = '';
    for (let k = n; candidate.length < 2 || k > 0; k = Math.floor(k / 26)) candidate = String.fromCharCode(122 - (k % 26)) + candidate;
    if (candidate.length > 8) return 'zzzzzzzz';
    if (!taken.has(candidate)) return candidate;
  }
}

/** Cells of whole numbers `min`…`max`, cut at `floor` and `ceil` of every mentioned number. */
function integerCells(domain: { readonly min: number; readonly max: number }, numbers: Iterable<number>): Cell[] {
  const points = new Set<number>([domain.min]);
  for (const x of numbers) {
    for (const p of [Math.floor(x), Math.ceil(x)]) if (p >= domain.min && p <= domain.max) points.add(p);
  }
  const sorted = [...points].sort((a, b) => a - b);
  const cells: Cell[] = [];
  sorted.forEach((p, i) => {
    cells.push({ value: p, lo: p, hi: p });
    const next = sorted[i + 1] ?? domain.max + 1;
    if (p + 1 <= next - 1) cells.push({ value: p + 1, lo: p + 1, hi: next - 1 });
  });
  return cells;
}

/** Cells of finite numbers: every mentioned number, and one number strictly between, below and above them. */
function realCells(numbers: Iterable<number>): Cell[] {
  const sorted = [...new Set([...numbers].map((x) => (x === 0 ? 0 : x)))].sort((a, b) => a - b);
  if (sorted.length === 0) return [{ value: 0 }];
  const cells: Cell[] = [];
  const first = sorted[0] as number;
  const below = first - Math.max(1, Math.abs(first));
  if (Number.isFinite(below) && below < first) cells.push({ value: below });
  sorted.forEach((x, i) => {
    cells.push({ value: x });
    const next = sorted[i + 1];
    if (next === undefined) {
      const above = x + Math.max(1, Math.abs(x));
      if (Number.isFinite(above) && above > x) cells.push({ value: above });
      return;
    }
    // No double strictly between two neighbours: there is no value there at all.
    const between = x / 2 + next / 2;
    if (between > x && between < next) cells.push({ value: between });
  });
  return cells;
}

interface Collected {
  readonly strings: Set<string>;
  readonly numbers: Set<number>;
  scalars: boolean;
}

function maskOf(cells: readonly Cell[], test: (value: FactValue) => boolean): bigint {
  let mask = 0n;
  for (let i = 0; i < cells.length; i += 1) if (test((cells[i] as Cell).value)) mask |= 1n << BigInt(i);
  return mask;
}

/** The fact values the `visitorType` view gives for a visit number, read by `readFacts` itself. */
function visitorTypeOf(visitNumber: FactValue): FactValue {
  return readFacts({ visit: { number: visitNumber } } as unknown as Visitor, 0).visitorType;
}

/** The parts of a wildcard pattern: an atom, a constant (no `*` at all: equality; only `*`: always), or equality. */
function wildcardAtom(pattern: string): Atom | boolean | null {
  const parts = pattern.split('*');
  if (parts.length === 1) return null;
  const head = parts[0] as string;
  const tail = parts[parts.length - 1] as string;
  const middles = parts.slice(1, -1).filter((part) => part.length > 0);
  if (head === '' && tail === '' && middles.length === 0) return true;
  if (middles.length === 0 && tail === '') return { kind: 'prefix', text: head };
  if (middles.length === 0 && head === '') return { kind: 'suffix', text: tail };
  if (head === '' && tail === '' && middles.length === 1) return { kind: 'contains', text: middles[0] as string };
  return { kind: 'wildcard', head, middles, tail };
}

/** Whether a leaf is reasoned about through atoms (a pattern on a text fact). */
function usesAtoms(shape: LeafShape | undefined, domain: FactDomain | null): boolean {
  return shape !== undefined && shape !== 'value' && shape !== 'order' && domain?.kind === 'text';
}

/**
 * The variables of a set of condition trees, and their leaves as formulas. Build it once over
 * every tree that will be compared: cells are cut at the values of all of them.
 * @example
 * ```ts
 * const space = new Space([tree]);
 * const formula = space.formula(tree, ['conditions']);
 * ```
 */
export class Space {
  readonly variables: Variable[] = [];
  private readonly index = new Map<string, number>();
  private readonly opaque = new Map<ConditionLeaf, number>();

  /** `trees`: every tree (and synthetic leaf) the formulas will be asked about. */
  constructor(trees: Iterable<ConditionNode | null>) {
    const collected = new Map<string, Collected>();
    const visit = (node: ConditionNode): void => {
      if ('all' in node) node.all.forEach(visit);
      else if ('any' in node) node.any.forEach(visit);
      else if ('not' in node) visit(node.not);
      else this.collect(node, collected);
    };
    for (const tree of trees) if (tree !== null) visit(tree);
    for (const [name, values] of collected) this.addVariable(name, values);
  }

  private collect(leaf: ConditionLeaf, collected: Map<string, Collected>): void {
    const name = variableOf(leaf.fact);
    const domain = domainOf(name);
    const shape = LEAF_SHAPES[leaf.operator];
    if (domain === null || shape === undefined || (shape !== 'value' && shape !== 'order' && domain.kind !== 'text')) {
      this.opaque.set(leaf, -1);
      return;
    }
    let entry = collected.get(name);
    if (entry === undefined) collected.set(name, (entry = { strings: new Set(), numbers: new Set(), scalars: false }));
    if (leaf.fact === VISITOR_TYPE_VIEW.fact) {
      for (const point of VISITOR_TYPE_VIEW.breakpoints) entry.numbers.add(point);
      return;
    }
    const operand = operandOf(leaf);
    if (shape === 'wildcard') {
      // A pattern without `*` is equality: its string is a cell.
      if (typeof operand === 'string' && !operand.includes('*')) entry.strings.add(operand);
      return;
    }
    if (usesAtoms(shape, domain)) return;
    for (const item of mentioned(operand)) {
      if (typeof item === 'string') entry.strings.add(item);
      else if (isFiniteNumber(item)) entry.numbers.add(item);
      else entry.scalars = true;
    }
  }

  private addVariable(name: string, values: Collected): void {
    const domain = domainOf(name) as FactDomain;
    const cells: Cell[] = [];
    let open = false;
    let outside = '';
    switch (domain.kind) {
      case 'integer':
        cells.push(...integerCells(domain, values.numbers));
        break;
      case 'scalar':
        cells.push({ value: undefined }, { value: null }, { value: true }, { value: false });
        for (const text of values.strings) cells.push({ value: text });
        cells.push({ value: fresh(values.strings, 'other', '~') });
        cells.push(...realCells(values.numbers));
        break;
      case 'enum': {
        const allowed = (FACTS as Readonly<Record<string, { readonly values?: readonly string[] }>>)[name]?.values ?? [];
        for (const value of allowed) cells.push({ value });
        if (domain.missing) cells.push({ value: undefined });
        break;
      }
      case 'language':
        for (const text of values.strings) cells.push({ value: text });
        cells.push({ value: freshSubtag(values.strings) });
        if (domain.missing) cells.push({ value: undefined });
        break;
      case 'text':
        for (const text of values.strings) if (domain.empty || text !== '') cells.push({ value: text });
        if (domain.missing) cells.push({ value: undefined });
        open = true;
        outside = fresh(values.strings, 'other', '~');
        break;
    }
    this.index.set(name, this.variables.length);
    this.variables.push({ name, domain, cells, full: (1n << BigInt(cells.length)) - 1n, open, outside });
  }

  /** The index of the variable of a fact, if a tree of the space mentions it. */
  variableIndex(fact: string): number | undefined {
    return this.index.get(variableOf(fact));
  }

  /** A literal that holds on exactly the cells `test` accepts (and, for text, `openTruth` beyond them). */
  private literal(variable: number, test: (value: FactValue) => boolean, open: boolean | Atom, path: IssuePath): Literal {
    const v = this.variables[variable] as Variable;
    return { variable, mask: maskOf(v.cells, test), open: v.open ? open : false, path };
  }

  private leafFormula(leaf: ConditionLeaf, path: IssuePath): Formula {
    const variable = this.index.get(variableOf(leaf.fact));
    const shape = LEAF_SHAPES[leaf.operator];
    if (variable === undefined || shape === undefined || this.opaque.has(leaf)) return this.opaqueFormula(leaf, path);
    const v = this.variables[variable] as Variable;
    const operand = operandOf(leaf);
    const entry = OPERATOR_TABLE[leaf.operator];
    const read = leaf.fact === VISITOR_TYPE_VIEW.fact ? visitorTypeOf : (value: FactValue): FactValue => value;
    const test = entry.compile(operand, read);
    if (!usesAtoms(shape, v.domain)) return { kind: 'literal', literal: this.literal(variable, test, test(v.outside), path) };
    const atomLiteral = (atom: Atom, atomTest: (value: FactValue) => boolean): Formula => ({
      kind: 'literal',
      literal: this.literal(variable, atomTest, atom, path),
    });
    switch (shape) {
      case 'containsAny':
      case 'containsNone': {
        const needles = operand as readonly string[];
        const one = OPERATOR_TABLE.containsAnyOf;
        const atoms = needles.map((needle) => atomLiteral({ kind: 'contains', text: needle }, one.compile([needle], read)));
        const any: Formula = atoms.length === 1 ? (atoms[0] as Formula) : { kind: 'any', children: atoms };
        return shape === 'containsAny' ? any : { kind: 'not', child: any };
      }
      case 'prefix':
        return atomLiteral({ kind: 'prefix', text: operand as string }, test);
      case 'suffix':
        return atomLiteral({ kind: 'suffix', text: operand as string }, test);
      case 'wildcard': {
        const atom = wildcardAtom(operand as string);
        if (atom === null || typeof atom === 'boolean') return { kind: 'literal', literal: this.literal(variable, test, atom === true, path) };
        return atomLiteral(atom, test);
      }
      default:
        return this.opaqueFormula(leaf, path);
    }
  }

  /** A leaf lint cannot read: a free boolean of its own. */
  private opaqueFormula(leaf: ConditionLeaf, path: IssuePath): Formula {
    let variable = this.opaque.get(leaf) ?? -1;
    if (variable < 0) {
      variable = this.variables.length;
      this.variables.push({ name: `opaque:${variable}`, domain: null, cells: [{ value: true }, { value: false }], full: 3n, open: false, outside: '' });
      this.opaque.set(leaf, variable);
    }
    return { kind: 'literal', literal: { variable, mask: 1n, open: false, path } };
  }

  /**
   * The formula of a tree of the space (`null`: always true). Paths of its literals start with `base`.
   * @example
   * ```ts
   * space.formula({ fact: 'visitCount', operator: 'lessThan', value: 1 }, ['conditions']);
   * ```
   */
  formula(tree: ConditionNode | null, base: IssuePath): Formula {
    if (tree === null) return TRUE;
    if ('all' in tree) return { kind: 'all', children: tree.all.map((child, i) => this.formula(child, [...base, 'all', i])) };
    if ('any' in tree) return { kind: 'any', children: tree.any.map((child, i) => this.formula(child, [...base, 'any', i])) };
    if ('not' in tree) return { kind: 'not', child: this.formula(tree.not, [...base, 'not']) };
    return this.leafFormula(tree, base);
  }

  /** A literal true on exactly one cell of a variable (for "how large can this fact be"). */
  cellFormula(variable: number, cell: number): Formula {
    return { kind: 'literal', literal: { variable, mask: 1n << BigInt(cell), open: false, path: [] } };
  }
}

/**
 * The synthetic leaf a trigger stands for: a `timeOnPage` trigger of `seconds` has fired exactly
 * when the visitor has been on the page for at least `seconds` whole seconds (`evaluate` compares
 * `now` with `page.enteredAt + seconds`, `readFacts` floors the same difference; a test pins the
 * two). `null` for a page-load trigger or 0 seconds: it has always fired.
 * @example
 * ```ts
 * triggerLeaf(30); // { fact: 'timeOnPage', operator: 'greaterThanInclusive', value: 30 }
 * triggerLeaf(0);  // null
 * ```
 */
export function triggerLeaf(seconds: number): ConditionLeaf | null {
  return seconds > 0 ? { fact: 'timeOnPage', operator: 'greaterThanInclusive', value: seconds } : null;
}
