import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluate, parseMessage, parseVisitor } from '../../src/index.js';
import { MAX_METADATA_KEYS } from '../../src/core/limits.js';
import { mutate, mutationArb, show, type Json } from '../helpers/mutate.js';
import { fresh, SPEC_MESSAGE_JSON, SPEC_VISITOR_JSON } from './fixtures.js';

/**
 * The object check walks an input's own keys alongside its shape's and asks `hasOwn` only for a
 * key that is not at the next own position. Key order must therefore never change a verdict, the
 * issues or a parsed value — also for broken inputs, and with a polluted `Object.prototype`
 * holding shape keys (an inherited value is never read). Issues follow the shape's order, except
 * unknown keys, which are reported in the input's own order: issues are compared as sets, and a
 * first issue that is an unknown key by its code and object.
 */

/** The issues in a fixed order (unknown keys come in the input's order). */
function sorted<T>(issues: readonly T[]): string[] {
  return issues.map((issue) => JSON.stringify(issue)).sort();
}

/** An issue with an unknown or reserved key's own name left out (which one is first depends on the order). */
function firstOf(issue: { path: readonly (string | number)[]; code: string } | null): unknown {
  if (issue === null || (issue.code !== 'unknownKey' && issue.code !== 'reservedKey')) return issue;
  return { code: issue.code, object: issue.path.slice(0, -1) };
}

/**
 * `value` with the keys of every object in the order `order` picks, down to depth 12 (below that
 * the format has nothing; the mutations' 100,000-deep values are kept as they are).
 */
function reordered(value: Json, order: (keys: string[]) => string[], depth = 0): Json {
  if (depth > 12) return value;
  if (Array.isArray(value)) return value.map((item: Json) => reordered(item, order, depth + 1));
  if (typeof value !== 'object' || value === null) return value;
  const source = value as Record<string, Json>;
  const out: Record<string, Json> = {};
  // `defineProperty`: an own `__proto__` key (JSON can make one) stays an own key.
  for (const key of order(Object.keys(source))) {
    Object.defineProperty(out, key, { value: reordered(source[key], order, depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** A deterministic shuffle from `seed` (the order a writer might use). */
function shuffled(seed: number): (keys: string[]) => string[] {
  return (keys) => {
    const out = [...keys];
    let s = seed >>> 0 || 1;
    for (let i = out.length - 1; i > 0; i -= 1) {
      s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0;
      const j = s % (i + 1);
      [out[i], out[j]] = [out[j] as string, out[i] as string];
    }
    return out;
  };
}

const reversed = (keys: string[]): string[] => [...keys].reverse();
const NOW = Date.UTC(2026, 10, 23, 10);

const SAMPLES = [
  { name: 'visitor', json: fresh(SPEC_VISITOR_JSON) as Json, parse: parseVisitor },
  { name: 'message', json: fresh(SPEC_MESSAGE_JSON) as Json, parse: parseMessage },
] as const;

describe('key order', () => {
  for (const sample of SAMPLES) {
    it(`never changes what parse${sample.name === 'visitor' ? 'Visitor' : 'Message'} returns, valid or broken (${sample.name})`, () => {
      let broken = 0;
      fc.assert(
        fc.property(fc.array(mutationArb, { minLength: 0, maxLength: 3 }), fc.integer(), (mutations, seed) => {
          const input = mutate(sample.json, mutations);
          const inOrder = sample.parse(input);
          if (!inOrder.ok) broken += 1;
          for (const order of [shuffled(seed), reversed]) {
            const other = sample.parse(reordered(input, order));
            expect(other.ok, show(input)).toBe(inOrder.ok);
            if (inOrder.ok && other.ok) expect(other.value).toEqual(inOrder.value);
            if (!inOrder.ok && !other.ok) expect(sorted(other.issues)).toEqual(sorted(inOrder.issues));
          }
        }),
        { numRuns: 400, seed: 11 },
      );
      // The broken inputs were reached (a fixed seed: this count cannot flake).
      expect(broken).toBeGreaterThan(100);
    });
  }

  it('gives evaluate the same first issue for a broken visitor in any key order', () => {
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 2 }), fc.integer(), (mutations, seed) => {
        const visitor = mutate(SAMPLES[0].json, mutations);
        const a = evaluate(visitor as never, [], NOW).invalidInput;
        const b = evaluate(reordered(visitor, shuffled(seed)) as never, [], NOW).invalidInput;
        expect(firstOf(b)).toEqual(firstOf(a));
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});

describe('key order with a polluted Object.prototype', () => {
  const POLLUTION = ['id', 'url', 'deliveries', 'referrer', 'language', 'name', 'frequency'] as const;
  afterEach(() => {
    for (const key of POLLUTION) delete (Object.prototype as Record<string, unknown>)[key];
  });

  it('never reads an inherited value as a field, in any order', () => {
    const expected = SAMPLES.map((sample) => {
      const { id: _id, ...rest } = sample.json as Record<string, Json>;
      return { sample, rest, before: sample.parse(rest), whole: sample.parse(sample.json) };
    });
    for (const key of POLLUTION) Object.defineProperty(Object.prototype, key, { value: 'junk', enumerable: true, configurable: true, writable: true });
    for (const { sample, rest, before, whole } of expected) {
      // Before pollution: a missing `id` is `required`, the whole sample parses.
      expect(!before.ok && before.issues[0]).toMatchObject({ path: ['id'], code: 'required' });
      expect(whole.ok).toBe(true);
      for (const order of [shuffled(1), shuffled(2), reversed, (keys: string[]) => keys]) {
        const missing = sample.parse(reordered(rest, order));
        expect(!missing.ok && missing.issues).toEqual(!before.ok && before.issues);
        const complete = sample.parse(reordered(sample.json, order));
        expect(complete.ok && complete.value).toEqual(whole.ok && whole.value);
      }
    }
  });
});

/**
 * Own keys, whatever the object is made of: a non-enumerable own field is read (as `hasOwn`
 * finds it), a null-prototype object is read as a plain one, and a polluted `Object.prototype`
 * adds no key to a metadata record's count.
 */
describe('own keys of unusual objects', () => {
  it('reads a non-enumerable own field, and still reports an unknown enumerable key', () => {
    const visitor = fresh(SPEC_VISITOR_JSON) as Record<string, unknown>;
    const hidden = { ...visitor };
    delete hidden.language;
    Object.defineProperty(hidden, 'language', { value: 'de-DE', enumerable: false, configurable: true, writable: true });
    const parsed = parseVisitor(hidden);
    expect(parsed.ok && parsed.value.language).toBe('de-DE');
    const extra = parseVisitor({ ...visitor, extra: 1 });
    expect(!extra.ok && extra.issues.map((i) => [i.path, i.code])).toEqual([[['extra'], 'unknownKey']]);
  });

  it('reads a null-prototype visitor, metadata included, as the same visitor with Object.prototype', () => {
    const visitor = fresh(SPEC_VISITOR_JSON) as Record<string, unknown>;
    const bare = (value: Json, depth = 0): Json => {
      if (depth > 12 || typeof value !== 'object' || value === null) return value;
      if (Array.isArray(value)) return value.map((item: Json) => bare(item, depth + 1));
      const out = Object.create(null) as Record<string, Json>;
      for (const [k, v] of Object.entries(value)) out[k] = bare(v, depth + 1);
      return out;
    };
    const withMetadata = { ...visitor, metadata: { plan: 'pro', seats: 3 } };
    const a = parseVisitor(withMetadata);
    const b = parseVisitor(bare(withMetadata as Json) as Record<string, unknown>);
    expect(b.ok).toBe(a.ok);
    expect(JSON.stringify(b.ok && b.value)).toBe(JSON.stringify(a.ok && a.value));
    const tooMany = parseVisitor(bare({ ...visitor, metadata: Object.fromEntries(Array.from({ length: MAX_METADATA_KEYS + 1 }, (_, i) => [`k${i}`, i])) } as Json) as Record<string, unknown>);
    expect(!tooMany.ok && tooMany.issues.map((i) => [i.path, i.code])).toEqual([[['metadata'], 'tooBig']]);
  });

  it('counts metadata keys as Object.keys does when Object.prototype is polluted', () => {
    const visitor = fresh(SPEC_VISITOR_JSON) as Record<string, unknown>;
    const metadata = Object.fromEntries(Array.from({ length: MAX_METADATA_KEYS }, (_, i) => [`k${i}`, i]));
    Object.defineProperty(Object.prototype, 'inherited', { value: 1, enumerable: true, configurable: true, writable: true });
    try {
      const parsed = parseVisitor({ ...visitor, metadata });
      expect(parsed.ok).toBe(true);
      expect(parsed.ok && Object.keys(parsed.value.metadata ?? {})).toHaveLength(MAX_METADATA_KEYS);
    } finally {
      delete (Object.prototype as Record<string, unknown>).inherited;
    }
  });
});
