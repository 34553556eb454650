/**
 * `evaluate` drops the messages ruled out by a false bulk-answered required leaf (`equal` / `in`
 * on a fact, URL substrings, …) 32 at a time, in a bitset over list positions. These tests sit
 * where a bitset goes wrong — word edges (positions 31 / 32, 63 / 64), a last partial word, more
 * than one false leaf per message — with expected answers worked out by hand, and lists longer
 * than a word (33 to 140 messages) against `explain`, which decides message by message without
 * the bitset.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, explain, type ConditionNode, type Message } from '../../src/index.js';
import { lawScenarioArb } from '../laws/helpers.js';
import { T0, message, visitor } from './fixtures.js';

const language = (value: string): ConditionNode => ({ fact: 'language', operator: 'in', value: [value] });
const device = (value: string): ConditionNode => ({ fact: 'deviceType', operator: 'equal', value });
const url = (value: string): ConditionNode => ({ fact: 'pageUrl', operator: 'containsAnyOf', value: [value] });

/** `count` messages `m0` … in position order (equal priority: ties go by position). */
function list(count: number, conditions: (i: number) => ConditionNode | null): Message[] {
  return Array.from({ length: count }, (_, i) => message(`m${i}`, { conditions: conditions(i) }));
}

describe('evaluate: long lists and the bitset of ruled-out messages', () => {
  // The visitor (fixtures): language en-US, desktop, on https://shop.example/pricing.
  const edges = [0, 1, 30, 31, 32, 33, 62, 63, 64, 65, 95, 96, 127, 128, 138, 139];

  it('keeps exactly the positions whose one required leaf holds, at every word edge', () => {
    for (const count of [31, 32, 33, 63, 64, 65, 96, 97, 139, 140]) {
      const kept = edges.filter((i) => i < count);
      const messages = list(count, (i) => language(kept.includes(i) ? 'en' : 'fr'));
      expect(evaluate(visitor(), messages, T0).eligible).toEqual(kept.map((i) => `m${i}`));
    }
  });

  it('drops a message when any one of its grouped leaves fails, whichever it is', () => {
    // Message i needs language en (fails when i % 3 === 1), desktop (fails when i % 5 === 2) and
    // /pricing in the URL (fails when i % 7 === 3): kept when none of the three fails.
    const messages = list(100, (i) => ({ all: [language(i % 3 === 1 ? 'fr' : 'en'), device(i % 5 === 2 ? 'mobile' : 'desktop'), url(i % 7 === 3 ? '/checkout' : '/pricing')] }));
    const kept = Array.from({ length: 100 }, (_, i) => i).filter((i) => i % 3 !== 1 && i % 5 !== 2 && i % 7 !== 3);
    const decision = evaluate(visitor(), messages, T0);
    expect(decision.invalid).toEqual([]);
    expect(decision.eligible).toEqual(kept.map((i) => `m${i}`));
    // The visitor changes: a French mobile visitor on /checkout flips every verdict.
    const other = visitor({ language: 'fr', deviceType: 'mobile', page: { ...visitor().page, url: 'https://shop.example/checkout' } });
    const flipped = Array.from({ length: 100 }, (_, i) => i).filter((i) => i % 3 === 1 && i % 5 === 2 && i % 7 === 3);
    expect(evaluate(other, messages, T0).eligible).toEqual(flipped.map((i) => `m${i}`));
  });

  it('a negated grouped leaf drops the messages it is true for', () => {
    const messages = list(70, (i) => ({ not: language(i === 40 || i === 64 ? 'fr' : 'en') }));
    expect(evaluate(visitor(), messages, T0).eligible).toEqual(['m40', 'm64']);
  });

  it('the same list called for visitors in turn forgets the last call’s dropped messages', () => {
    const messages = list(80, (i) => language(i % 2 === 0 ? 'en' : 'fr'));
    const en = Array.from({ length: 40 }, (_, k) => `m${2 * k}`);
    const fr = Array.from({ length: 40 }, (_, k) => `m${2 * k + 1}`);
    for (let round = 0; round < 3; round++) {
      expect(evaluate(visitor(), messages, T0).eligible).toEqual(en);
      expect(evaluate(visitor({ language: 'fr' }), messages, T0).eligible).toEqual(fr);
    }
  });

  it('agrees with explain on random lists of 33 to 140 messages', () => {
    fc.assert(
      fc.property(lawScenarioArb({ messages: { minLength: 33, maxLength: 140 } }), (s) => {
        const decision = evaluate(s.visitor, s.messages, s.now, s.options);
        const verdicts = explain(s.visitor, s.messages, s.now, s.options);
        const qualifying = verdicts.filter((v) => v.outcome === 'shown' || v.outcome === 'outranked').map((v) => v.id);
        expect([...decision.eligible].sort()).toEqual([...qualifying].sort());
        expect(decision.message?.id ?? null).toBe(verdicts.find((v) => v.outcome === 'shown')?.id ?? null);
      }),
      { numRuns: 150 },
    );
  });
});
