/**
 * Typed arrays carved one after the other out of shared 16 KB buffers, so that the arrays one
 * compile builds together (a list's rows, index, automaton and scratch) lie together in memory:
 * a call reads a few neighbouring cache lines and pages instead of a separate allocation per
 * array somewhere in the process. That is what a process holding many accounts' lists pays for
 * on every call (each list's data comes from the shared cache, not the core's own); one list is
 * unchanged.
 *
 * A buffer lives as long as any array carved out of it: at most one 16 KB buffer more per list
 * still in use, once lists compiled together have all but one been dropped. An array over 8 KB
 * gets a buffer of its own. Contents start at zero, as `new Int32Array(n)`'s do.
 *
 * Ground floor: imports nothing. Module state: the buffer being carved and its next free byte —
 * where arrays are placed, never what they hold.
 * @module
 */

/** Bytes of a shared buffer. */
const SLAB_BYTES = 16_384;
/** Arrays above this many bytes get a buffer of their own. */
const OWN_ABOVE = SLAB_BYTES / 2;

let slab = new ArrayBuffer(SLAB_BYTES);
let free = 0;

/** The typed arrays the compiled form uses. */
export type Carved = Int32Array | Uint8Array | Uint16Array | Float64Array;

/** A constructor of one of them, as `Int32Array` is. */
export interface CarvedKind<T extends Carved> {
  new (buffer: ArrayBuffer, byteOffset: number, length: number): T;
  readonly BYTES_PER_ELEMENT: number;
}

/**
 * A typed array of `kind`, next to the arrays carved just before it (at a boundary of 8 bytes):
 * `size` zeroes, or a copy of `size` when it is the values. `apart`: in a buffer of its own
 * instead, for an array that lives with something other than the list being compiled.
 * @example
 * ```ts
 * const start = carved(Int32Array, 141);      // 141 zeroes
 * const uses = carved(Int32Array, [3, 1, 2]); // Int32Array [3, 1, 2]
 * const rows = carved(Int32Array, 3 * 140);    // right after `uses`, same buffer
 * const own = carved(Uint8Array, 140, true);    // a buffer of its own
 * ```
 */
export function carved<T extends Carved>(kind: CarvedKind<T>, size: number | ArrayLike<number>, apart = false): T {
  const length = typeof size === 'number' ? size : size.length;
  const bytes = length * kind.BYTES_PER_ELEMENT;
  let buffer = slab;
  let at = (free + 7) & ~7;
  if (apart || bytes > OWN_ABOVE) {
    buffer = new ArrayBuffer(bytes);
    at = 0;
  } else {
    if (at + bytes > SLAB_BYTES) {
      slab = buffer = new ArrayBuffer(SLAB_BYTES);
      at = 0;
    }
    free = at + bytes;
  }
  const out = new kind(buffer, at, length);
  if (typeof size !== 'number') out.set(size);
  return out;
}
