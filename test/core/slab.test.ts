/**
 * Typed arrays carved out of shared buffers: against a brute-force reference (what was written to
 * each array), every array starts zeroed or holding its values, has its length, and keeps its own
 * contents whatever is carved and written after it; neighbours share a buffer, big arrays get
 * their own.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { carved, type Carved, type CarvedKind } from '../../src/core/slab.js';

const KINDS = [Int32Array, Uint8Array, Uint16Array, Float64Array] as const;
/** A value that round-trips through `kind`, distinct per (array, index). */
const valueFor = (kind: CarvedKind<Carved>, array: number, index: number): number =>
  kind === Float64Array ? array * 1000.5 + index : kind === Int32Array ? -(array * 7919 + index) | 0 : (array * 31 + index + 1) % (kind === Uint8Array ? 256 : 65536);

describe('carved typed arrays', () => {
  it('start zeroed (or holding their values), have their length, and keep their contents (random carves, writes after each)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            kind: fc.constantFrom<CarvedKind<Carved>>(...KINDS),
            length: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1000, max: 3000 })),
            given: fc.boolean(),
          }),
          { minLength: 1, maxLength: 60 },
        ),
        (specs) => {
          // Mismatches counted in plain loops, one assertion each: (array, index, found, wanted).
          const wrong: [number, number, number, number][] = [];
          const arrays = specs.map(({ kind, length, given }, a) => {
            const values = Array.from({ length }, (_, i) => valueFor(kind, a, i));
            const array = given ? carved(kind, values) : carved(kind, length);
            expect(array).toBeInstanceOf(kind);
            expect(array.length).toBe(length);
            for (let i = 0; i < length; i++) {
              const wanted = given ? (values[i] as number) : 0;
              if (array[i] !== wanted) wrong.push([a, i, array[i] as number, wanted]);
            }
            if (!given) array.set(values);
            return array;
          });
          specs.forEach(({ kind, length }, a) => {
            const array = arrays[a] as Carved;
            for (let i = 0; i < length; i++) if (array[i] !== valueFor(kind, a, i)) wrong.push([a, i, array[i] as number, valueFor(kind, a, i)]);
          });
          expect(wrong.slice(0, 5)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('carves neighbours out of one buffer, each at a boundary of 8 bytes', () => {
    const a = carved(Uint8Array, 3);
    const b = carved(Float64Array, 2);
    const c = carved(Int32Array, 5);
    expect(b.buffer).toBe(a.buffer);
    expect(c.buffer).toBe(a.buffer);
    expect(b.byteOffset % 8).toBe(0);
    expect(c.byteOffset % 8).toBe(0);
    expect(b.byteOffset).toBeGreaterThanOrEqual(a.byteOffset + 3);
    expect(c.byteOffset).toBeGreaterThanOrEqual(b.byteOffset + 16);
  });

  it('gives an array over 8 KB a buffer of its own, and carves one of 8 KB out of a 16 KB one', () => {
    const big = carved(Float64Array, 1025); // 8,200 bytes
    expect(big.byteOffset).toBe(0);
    expect(big.buffer.byteLength).toBe(8200);
    expect(carved(Uint8Array, 8192).buffer.byteLength).toBe(16_384);
  });

  it('gives an array asked apart a buffer of its own, whatever its size, and carves on after it as before', () => {
    const before = carved(Uint8Array, 4);
    const apart = carved(Uint8Array, 4, true);
    const after = carved(Uint8Array, 4);
    expect(apart.buffer.byteLength).toBe(4);
    expect(apart.buffer).not.toBe(before.buffer);
    expect(after.buffer === before.buffer || after.byteOffset === 0).toBe(true);
  });

  it('starts a new buffer when the current one cannot hold the next array', () => {
    const seen = new Set<ArrayBufferLike>();
    for (let i = 0; i < 5; i++) seen.add(carved(Uint8Array, 8000).buffer);
    // Two 8,000-byte arrays fit in 16 KB, so five take at least three buffers.
    expect(seen.size).toBeGreaterThanOrEqual(3);
  });
});
