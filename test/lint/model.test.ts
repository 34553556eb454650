/**
 * The abstraction lint reasons in, checked against the library on random trees and visitors:
 * the formula of a tree, evaluated on the cells the visitor's real fact values fall in, gives the
 * compiled tree's verdict (so a claim the solver proves over cells holds for real visitors); the
 * open-region rules never reject what a real string does; the fact domains hold for every
 * visitor that parses.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FACTS, OPERATORS, parseVisitor, readFacts, type ConditionNode, type Visitor } from '../../src/index.js';
import { compileCheckedTree } from '../../src/conditions/plan.js';
import { factValue, type Facts } from '../../src/conditions/facts.js';
import type { FactValue } from '../../src/conditions/operators.js';
import { compileWildcard } from '../../src/conditions/wildcard.js';
import { applyAtom, NO_CONSTRAINTS, type TextConstraints } from '../../src/lint/atoms.js';
import { DOMAIN_FACT_KIND, FACT_DOMAINS, VISITOR_TYPE_VIEW } from '../../src/lint/domains.js';
import { LEAF_SHAPES, Space, type Atom, type Formula, type Variable } from '../../src/lint/model.js';
import { conditionLeafArb, conditionTreeArb, factsVisitorArb, KIT_NOW_MS, visitorArb } from '../../src/testing/index.js';

/** Whether a string meets an atom, written out plainly (independent of lint's code). */
function atomHolds(atom: Atom, text: string): boolean {
  switch (atom.kind) {
    case 'contains':
      return text.includes(atom.text);
    case 'prefix':
      return text.startsWith(atom.text);
    case 'suffix':
      return text.endsWith(atom.text);
    case 'wildcard':
      return compileWildcard([atom.head, ...atom.middles, atom.tail].join('*'))(text);
  }
}

/** The numbers a tree's leaves mention on one fact. */
function mentionedNumbers(tree: ConditionNode, fact: string): number[] {
  if ('all' in tree) return tree.all.flatMap((c) => mentionedNumbers(c, fact));
  if ('any' in tree) return tree.any.flatMap((c) => mentionedNumbers(c, fact));
  if ('not' in tree) return mentionedNumbers(tree.not, fact);
  if (tree.fact !== fact) return [];
  return (Array.isArray(tree.value) ? tree.value : [tree.value]).filter((x): x is number => typeof x === 'number');
}

/** The cell a real fact value falls in (worked out independently of how lint cut them), or `null`: the open region. */
function cellOf(v: Variable, x: FactValue, tree: ConditionNode): number | null {
  const cells = v.cells;
  if (v.domain?.kind === 'integer') {
    const i = cells.findIndex((c) => (c.lo as number) <= (x as number) && (x as number) <= (c.hi as number));
    expect(i, `${v.name} ${String(x)} has a cell`).toBeGreaterThanOrEqual(0);
    return i;
  }
  const exact = cells.findIndex((c) => c.value === x);
  if (exact >= 0) return exact;
  if (v.domain?.kind === 'text') return null;
  if (typeof x === 'number') {
    // Same side of every mentioned number as the cell's representative.
    const points = mentionedNumbers(tree, v.name);
    const side = (a: number): string => points.map((p) => Math.sign(a - p)).join();
    const i = cells.findIndex((c) => typeof c.value === 'number' && side(c.value) === side(x));
    expect(i, `${v.name} ${x} has a cell`).toBeGreaterThanOrEqual(0);
    return i;
  }
  // A string or subtag no leaf mentions: the one cell of such values.
  const other = typeof x === 'string' ? cells.findIndex((c) => typeof c.value === 'string' && !treeMentions(tree, c.value)) : -1;
  expect(other, `${v.name} ${String(x)} has the other cell`).toBeGreaterThanOrEqual(0);
  return other;
}

function treeMentions(tree: ConditionNode, value: unknown): boolean {
  if ('all' in tree) return tree.all.some((c) => treeMentions(c, value));
  if ('any' in tree) return tree.any.some((c) => treeMentions(c, value));
  if ('not' in tree) return treeMentions(tree.not, value);
  const values = Array.isArray(tree.value) ? tree.value : [tree.value];
  // Text and language leaves are compared lower-cased, metadata exactly: either form counts.
  return values.some((item) => item === value || (typeof item === 'string' && item.toLowerCase() === value));
}

/** The formula evaluated on the cells (or open-region strings) of real fact values. */
function evalFormula(space: Space, formula: Formula, valueOf: (v: Variable) => FactValue, tree: ConditionNode): boolean {
  switch (formula.kind) {
    case 'constant':
      return formula.value;
    case 'not':
      return !evalFormula(space, formula.child, valueOf, tree);
    case 'all':
      return formula.children.every((c) => evalFormula(space, c, valueOf, tree));
    case 'any':
      return formula.children.some((c) => evalFormula(space, c, valueOf, tree));
    case 'literal': {
      const v = space.variables[formula.literal.variable] as Variable;
      const x = valueOf(v);
      const cell = cellOf(v, x, tree);
      if (cell !== null) return ((formula.literal.mask >> BigInt(cell)) & 1n) === 1n;
      const open = formula.literal.open;
      return typeof open === 'boolean' ? open : atomHolds(open, x as string);
    }
  }
}

const visitors = fc.oneof(factsVisitorArb(), visitorArb({ channelId: 'web_main' }));

describe('the model agrees with the compiled verdict', () => {
  it('on random trees and visitors, the formula on the visitor\u2019s cells is the tree\u2019s verdict', () => {
    let opaque = 0;
    fc.assert(
      fc.property(conditionTreeArb({ maxDepth: 6, nestingRule: false, maxLeaves: 20 }), fc.array(visitors, { minLength: 5, maxLength: 5 }), (tree, vs) => {
        const space = new Space([tree]);
        const formula = space.formula(tree, []);
        opaque += space.variables.filter((v) => v.domain === null).length;
        const compiled = compileCheckedTree(tree).compiled;
        for (const visitor of vs) {
          const facts: Facts = readFacts(visitor, KIT_NOW_MS);
          const valueOf = (v: Variable): FactValue => factValue(facts, v.name);
          expect(evalFormula(space, formula, valueOf, tree)).toBe(compiled.test(facts));
        }
      }),
      { numRuns: 1500 },
    );
    // Every operator of the library has a shape: nothing is opaque.
    expect(opaque).toBe(0);
  });

  it('every operator has a shape (an operator without one would be opaque: sound, but unanalysed)', () => {
    for (const operator of OPERATORS) expect(LEAF_SHAPES[operator], operator).toBeDefined();
  });

  it('visitorType is a view of visitCount, constant between its breakpoints', () => {
    const typeOf = (n: number): unknown => readFacts({ visit: { number: n } } as unknown as Visitor, 0).visitorType;
    const [first, second] = VISITOR_TYPE_VIEW.breakpoints;
    for (let n = -3; n < first; n += 1) expect(typeOf(n)).toBe(typeOf(first - 1));
    for (let n = second; n < second + 500; n += 1) expect(typeOf(n)).toBe(typeOf(second));
    expect(typeOf(first)).not.toBe(typeOf(second));
  });
});

describe('the open region rejects only what no string meets', () => {
  const alphabet = fc.constantFrom('a', 'b', '/', 'x');
  const text = fc.string({ unit: alphabet, maxLength: 8 });
  const atomArb: fc.Arbitrary<Atom> = fc.oneof(
    fc.record({ kind: fc.constantFrom('contains' as const, 'prefix' as const, 'suffix' as const), text: fc.string({ unit: alphabet, minLength: 1, maxLength: 3 }) }),
    fc.record({ kind: fc.constant('wildcard' as const), head: fc.string({ unit: alphabet, maxLength: 2 }), middles: fc.array(fc.string({ unit: alphabet, minLength: 1, maxLength: 2 }), { maxLength: 2 }), tail: fc.string({ unit: alphabet, maxLength: 2 }) }),
  );

  it('the atoms a string meets (and fails) are never rejected together', () => {
    fc.assert(
      fc.property(text, fc.array(atomArb, { minLength: 1, maxLength: 8 }), (s, atoms) => {
        let c: TextConstraints | null = NO_CONSTRAINTS;
        for (const atom of atoms) c = c === null ? null : applyAtom(c, atom, atomHolds(atom, s));
        expect(c).not.toBeNull();
      }),
      { numRuns: 5000 },
    );
  });

  it('rejects the combinations the rules name (not vacuous)', () => {
    const reject = (...steps: [Atom, boolean][]): boolean => steps.reduce<TextConstraints | null>((c, [a, p]) => (c === null ? null : applyAtom(c, a, p)), NO_CONSTRAINTS) === null;
    expect(reject([{ kind: 'prefix', text: '/a' }, true], [{ kind: 'prefix', text: '/b' }, true])).toBe(true);
    expect(reject([{ kind: 'prefix', text: '/ab' }, true], [{ kind: 'prefix', text: '/a' }, false])).toBe(true);
    expect(reject([{ kind: 'suffix', text: 'ab' }, true], [{ kind: 'contains', text: 'b' }, false])).toBe(true);
    expect(reject([{ kind: 'wildcard', head: 'h', middles: ['m'], tail: 't' }, true], [{ kind: 'contains', text: 'm' }, false])).toBe(true);
    expect(reject([{ kind: 'prefix', text: '/a' }, true], [{ kind: 'prefix', text: '/ab' }, true])).toBe(false);
  });
});

describe('fact domains', () => {
  it('say the fact kind of the catalog', () => {
    for (const [fact, domain] of Object.entries(FACT_DOMAINS)) expect(DOMAIN_FACT_KIND[domain.kind], fact).toBe(FACTS[fact as keyof typeof FACTS].kind);
  });

  it('hold every fact value of every visitor that parses, at any instant', () => {
    fc.assert(
      fc.property(visitors, fc.integer({ min: -100_000_000, max: 100_000_000 }), (visitor, shift) => {
        expect(parseVisitor(visitor).ok).toBe(true);
        const facts = readFacts(visitor, KIT_NOW_MS + shift);
        for (const [fact, domain] of Object.entries(FACT_DOMAINS)) {
          const x = factValue(facts, fact);
          switch (domain.kind) {
            case 'integer':
              expect(Number.isInteger(x) && (x as number) >= domain.min && (x as number) <= domain.max, `${fact} = ${String(x)}`).toBe(true);
              break;
            case 'text':
              if (x === undefined) expect(domain.missing, fact).toBe(true);
              else expect(typeof x === 'string' && (domain.empty || x !== ''), `${fact} = ${String(x)}`).toBe(true);
              break;
            case 'enum':
              if (x === undefined) expect(domain.missing, fact).toBe(true);
              else expect((FACTS[fact as keyof typeof FACTS] as { values: readonly string[] }).values).toContain(x);
              break;
            case 'language':
              if (x === undefined) expect(domain.missing, fact).toBe(true);
              else expect(x).toMatch(/^[a-z]{2,8}$/);
              break;
            case 'scalar':
              break;
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('edges: an empty referrer is missing, the first visit is 1, time on page is never negative', () => {
    const base = parseVisitor({
      id: 'v', channelId: 'web_main', visit: { id: 'v1', number: 1, startedAt: '2026-11-23T10:00:00Z', pageViews: 1 },
      page: { viewId: 'p', url: 'https://a.example/', title: '', referrer: '', enteredAt: '2026-11-23T10:00:00Z' }, inActiveConversation: false,
    });
    expect(base.ok).toBe(true);
    if (!base.ok) return;
    const facts = readFacts(base.value, Date.parse('2026-11-23T09:00:00Z'));
    expect(facts.referrer).toBeUndefined();
    expect(facts.timeOnPage).toBe(0);
    expect(parseVisitor({ ...base.value, visit: { ...base.value.visit, number: 0 } }).ok).toBe(false);
    expect(parseVisitor({ ...base.value, page: { ...base.value.page, url: '' } }).ok).toBe(false);
  });
});

describe('leaf shapes read like the operator table', () => {
  it('on single leaves over random visitors (the cells of one leaf)', () => {
    fc.assert(
      fc.property(conditionLeafArb(), visitors, (leaf, visitor) => {
        const space = new Space([leaf]);
        const facts = readFacts(visitor, KIT_NOW_MS);
        expect(evalFormula(space, space.formula(leaf, []), (v) => factValue(facts, v.name), leaf)).toBe(compileCheckedTree(leaf).compiled.test(facts));
      }),
      { numRuns: 3000 },
    );
  });
});
