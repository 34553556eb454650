/**
 * Small building blocks: ids, timestamps, plain and emoji text, normalized tags.
 * @module
 */
import fc from 'fast-check';
import { EMOJI, PUNCTUATION, TAG_WORDS, WORDS } from './pools.js';

/**
 * Ids such as `msg_k3x9`: a prefix and 1–12 lower-case letters or digits.
 * @example
 * ```ts
 * fc.sample(idArb('msg'), 2); // ['msg_a0', 'msg_x9k']
 * ```
 */
export function idArb(prefix: string): fc.Arbitrary<string> {
  return idSuffix().map((suffix) => `${prefix}_${suffix}`);
}

// `fc.stringMatching` is costly to build (it compiles the regex); build each one once.
let idSuffixArb: fc.Arbitrary<string> | null = null;
let tagTextArb: fc.Arbitrary<string> | null = null;
function idSuffix(): fc.Arbitrary<string> {
  idSuffixArb ??= fc.stringMatching(/^[a-z0-9]{1,12}$/);
  return idSuffixArb;
}

/**
 * ISO-8601 timestamps (`toISOString` form) for epoch ms in `[min, max]`.
 * @example
 * ```ts
 * fc.sample(isoArb(0, 1000), 1); // ['1970-01-01T00:00:00.417Z']
 * ```
 */
export function isoArb(min: number, max: number): fc.Arbitrary<string> {
  return fc.integer({ min, max }).map((ms) => new Date(ms).toISOString());
}

/**
 * Plain text without emoji (agent responses, follow-ups): words, punctuation, accented and CJK
 * letters, ©, ™ — 1 to about 200 characters.
 * @example
 * ```ts
 * fc.sample(plainTextArb(), 1); // ['Need a hand with checkout?']
 * ```
 */
export function plainTextArb(): fc.Arbitrary<string> {
  const word = fc.oneof(
    { arbitrary: fc.constantFrom(...WORDS), weight: 5 },
    { arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 12 }), weight: 1 },
  );
  return fc
    .tuple(fc.array(word, { minLength: 1, maxLength: 16 }), fc.constantFrom(...PUNCTUATION, ''))
    .map(([words, end]) => words.join(' ') + end);
}

/**
 * Text for AI-agent responses: plain text with emoji mixed in (sometimes none).
 * @example
 * ```ts
 * fc.sample(emojiTextArb(), 1); // ['Welcome back 👋 Need a hand?']
 * ```
 */
export function emojiTextArb(): fc.Arbitrary<string> {
  return fc
    .tuple(plainTextArb(), fc.array(fc.constantFrom(...EMOJI), { maxLength: 3 }), fc.boolean())
    .map(([text, emoji, before]) => (emoji.length === 0 ? text : before ? `${emoji.join('')} ${text}` : `${text} ${emoji.join('')}`));
}

/**
 * One normalized tag: lower-case, no spaces, only letters, digits and `_ - . : /`, at most 80 characters.
 * @example
 * ```ts
 * fc.sample(tagArb(), 2); // ['pricing', 'x-1']
 * ```
 */
export function tagArb(): fc.Arbitrary<string> {
  tagTextArb ??= fc.stringMatching(/^[a-z0-9][a-z0-9_\-.:/]{0,30}$/);
  return fc.oneof(fc.constantFrom(...TAG_WORDS), tagTextArb);
}

/**
 * A normalized tag list: no duplicates, at most `maxLength` (default 5) tags.
 * @example
 * ```ts
 * fc.sample(tagsArb(), 1); // [['proactive', 'vip']]
 * ```
 */
export function tagsArb(maxLength = 5): fc.Arbitrary<string[]> {
  return fc.uniqueArray(tagArb(), { maxLength });
}
