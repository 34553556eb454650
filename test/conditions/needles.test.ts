/**
 * The multi-needle matcher behind `containsAnyOf` / `doesNotContainAnyOf`
 * (`src/conditions/needles.ts`): an Aho–Corasick automaton for more than a few needles, plain
 * `includes` for the rest. The oracle is the obvious brute force, `needles.some(n => text.includes(n))`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, type ConditionLeaf, type Message } from '../../src/index.js';
import { containsAny } from '../../src/conditions/needles.js';
import { LIMITS } from '../../src/core/limits.js';
import { message, T0, visitor } from '../evaluate/fixtures.js';

const bruteForce = (needles: readonly string[], text: string): boolean => needles.some((needle) => needle.length > 0 && text.includes(needle));

const agrees = (needles: readonly string[], text: string): void => {
  expect(containsAny(needles)(text)).toBe(bruteForce(needles, text));
};

/** A string over a tiny alphabet, so needles and texts overlap a lot. */
const over = (alphabet: readonly string[], minLength: number, maxLength: number) => fc.string({ unit: fc.constantFrom(...alphabet), minLength, maxLength });

describe('containsAny agrees with a brute-force search', () => {
  it.each<[string, string[], string, boolean]>([
    ['the textbook dictionary (ushers)', ['he', 'she', 'his', 'hers', 'xyz'], 'ushers', true],
    ['none of the textbook dictionary', ['he', 'she', 'his', 'hers', 'xyz'], 'ahoy', false],
    ['a needle that is a proper suffix of a path in the trie', ['abcd', 'bc', 'x', 'y', 'z'], 'abce', true],
    ['a suffix needle reached only through a failure link', ['abcx', 'bcy', 'cz', 'q', 'r'], 'abcz', true],
    ['repeated characters: aaaa…ab', ['aaaab', 'aaac', 'aac', 'ac', 'c'], 'aaaaaaaaab', true],
    ['repeated characters, no match', ['aaaab', 'aaac', 'aac', 'ac', 'c'], 'aaabaaabaaa', false],
    ['a needle longer than the text', ['abcdef', 'bcdefg', 'cdefgh', 'defghi', 'efghij'], 'abc', false],
    ['the needle is the whole text', ['q', 'r', 's', 't', 'checkout'], 'checkout', true],
    ['a needle at the very end', ['/a', '/b', '/c', '/d', '/pricing'], 'https://shop.example/pricing', true],
    ['few needles (plain includes)', ['/a', '/pricing'], 'https://shop.example/pricing', true],
    ['empty text', ['a', 'b', 'c', 'd', 'e'], '', false],
    ['code units, not characters: half a surrogate pair', ['\uD83D', 'x', 'y', 'z', 'w'], '👋', true],
  ])('%s', (_name, needles, text, expected) => {
    expect(bruteForce(needles, text)).toBe(expected);
    agrees(needles, text);
  });

  it('on random needles and texts over a small alphabet (few and many needles)', () => {
    fc.assert(
      fc.property(fc.array(over(['a', 'b', 'c'], 1, 6), { minLength: 1, maxLength: 24 }), over(['a', 'b', 'c'], 0, 40), agrees),
      { numRuns: 5_000 },
    );
  });

  it('on needles that are prefixes, suffixes and near-misses of each other and of the text', () => {
    const case_ = over(['a', 'b'], 1, 12).chain((base) =>
      fc.record({
        base: fc.constant(base),
        cuts: fc.array(fc.tuple(fc.nat(base.length), fc.nat(base.length), fc.boolean()), { minLength: 1, maxLength: 12 }),
        text: fc.oneof(over(['a', 'b'], 0, 30), fc.tuple(over(['a', 'b'], 0, 6), over(['a', 'b'], 0, 6)).map(([l, r]) => l + base.slice(0, -1) + r)),
      }),
    );
    fc.assert(
      fc.property(case_, ({ base, cuts, text }) => {
        // Prefixes (base[0, i)) and suffixes (base[j…]) of one word, some with the last character flipped.
        const needles = cuts
          .map(([i, j, flip]) => {
            const piece = i % 2 === 0 ? base.slice(0, Math.max(1, i)) : base.slice(Math.min(j, base.length - 1));
            return flip ? piece.slice(0, -1) + (piece.endsWith('a') ? 'b' : 'a') : piece;
          })
          .filter((n) => n.length > 0);
        if (needles.length === 0) return;
        agrees([base, ...needles], text);
        agrees(needles, text);
      }),
      { numRuns: 5_000 },
    );
  });

  it('on runs of one repeated character ending in another (aaaa…ab)', () => {
    const run = fc.tuple(fc.integer({ min: 0, max: 12 }), fc.constantFrom('', 'b', 'c', 'ab')).map(([n, end]) => 'a'.repeat(n) + end);
    fc.assert(
      fc.property(fc.array(run.filter((n) => n.length > 0), { minLength: 1, maxLength: 10 }), fc.array(run, { minLength: 1, maxLength: 4 }), (needles, pieces) => {
        agrees(needles, pieces.join(''));
      }),
      { numRuns: 3_000 },
    );
  });

  it('on any Unicode text (UTF-16 code units, as includes compares them)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 10 }), fc.string({ unit: 'binary', maxLength: 20 }), (needles, text) => {
        agrees(needles, text);
        // And with a needle known to occur.
        if (text.length > 1) agrees([...needles, text.slice(1)], text);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('issue 12: 50 containsAnyOf leaves × 100 needles against an 8,192-character URL', () => {
  /** One message whose `any` holds 50 different 100-needle leaves, none of which occurs in the URL. */
  function workload(url: string, needle: (leaf: number, i: number) => string): { messages: Message[]; visitorUrl: string } {
    const leaves: ConditionLeaf[] = Array.from({ length: LIMITS.conditionLeaves }, (_, leaf) => ({
      fact: 'pageUrl',
      operator: 'containsAnyOf',
      value: Array.from({ length: LIMITS.conditionValues }, (_, i) => needle(leaf, i)),
    }));
    return { messages: [message('needles', { conditions: { any: leaves } })], visitorUrl: url };
  }

  const cases = [
    ['a realistic URL, path-like needles', 'https://shop.example/' + Array.from({ length: 1_200 }, (_, i) => `p${i}/`).join(''), (leaf: number, i: number) => `/checkout-${leaf}-${i}/`],
    // The worst case for a naive search: every position of the URL starts a long partial match.
    ['aaaa…ab against aaa…c needles', 'a'.repeat(LIMITS.urlLength - 1) + 'b', (leaf: number, i: number) => 'a'.repeat(1 + ((leaf * 100 + i) % 900)) + 'c'],
  ] as const;

  it.each(cases)('%s: evaluate decides (nothing matches); the time per call is printed', (name, rawUrl, needle) => {
    const url = rawUrl.padEnd(LIMITS.urlLength, 'x').slice(0, LIMITS.urlLength);
    expect(url).toHaveLength(8_192);
    const { messages } = workload(url, needle);
    const v = visitor({ page: { ...visitor().page, url } });
    const first = evaluate(v, messages, T0); // compiles (and checks) once
    expect(first.invalid).toEqual([]);
    expect(first.message).toBeNull();
    // The same decision with one needle that does occur (the automaton is not just saying "no").
    const hit = workload(url, (leaf, i) => (leaf === 49 && i === 99 ? url.slice(4_000, 4_040) : needle(leaf, i))).messages;
    expect(evaluate(v, hit, T0).message?.id).toBe('needles');

    const runs = 20;
    const started = performance.now();
    for (let i = 0; i < runs; i += 1) evaluate(v, messages, T0 + i);
    const perCall = (performance.now() - started) / runs;
    // Printed, not asserted (timings on a shared machine are not a test).
    console.log(`[needles] ${name}: ${perCall.toFixed(2)} ms per evaluate (50 leaves × 100 needles × 8,192 characters)`);
  });
});
