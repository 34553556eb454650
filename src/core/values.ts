/**
 * Small value predicates, each defined once and read by the checkers, the compiler and the
 * engines.
 *
 * Ground floor: imports only from `core/`.
 * @module
 */
import type { ValueKind } from './issues.js';

/** Keys that could reach or replace an object's prototype; never accepted, never resolved. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Whether `value` is an object that is not `null` and not an array.
 * @example
 * ```ts
 * isRecord({}); // true
 * isRecord([]); // false
 * ```
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Whether `value` is a plain object, as `JSON.parse` makes: its prototype is `null` or the root
 * `Object.prototype` — of any realm, so data from an iframe or a `vm` context counts too.
 * @example
 * ```ts
 * isPlainObject(JSON.parse('{"a":1}')); // true
 * isPlainObject(new Date());            // false
 * ```
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!isRecord(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  // This realm's `Object.prototype` first (one call for nearly every value), then any realm's.
  return proto === Object.prototype || proto === null || Object.getPrototypeOf(proto) === null;
}

/**
 * Whether an array is one `JSON.parse` makes: its prototype is an `Array.prototype` (of any
 * realm, itself an array) and it has no own `toJSON`, so `JSON.stringify` writes exactly its
 * items (the evaluator keys caches by that text).
 * @example
 * ```ts
 * isJsonArray(['a']);                             // true
 * isJsonArray(Object.assign(['a'], { toJSON() { return []; } })); // false
 * ```
 */
export function isJsonArray(value: readonly unknown[]): boolean {
  return Array.isArray(Object.getPrototypeOf(value)) && !Object.hasOwn(value, 'toJSON');
}

/**
 * Whether `value` is a finite number.
 * @example
 * ```ts
 * isFiniteNumber(Infinity); // false
 * ```
 */
export function isFiniteNumber(value: unknown): value is number {
  // `Number.isFinite` is already false for anything but a number.
  return Number.isFinite(value);
}

/**
 * Whether `value` is a metadata scalar: a string, a boolean, `null` or a finite number.
 * @example
 * ```ts
 * isScalar(null); // true
 * isScalar(NaN);  // false
 * ```
 */
export function isScalar(value: unknown): value is string | number | boolean | null {
  return typeof value === 'string' || typeof value === 'boolean' || value === null || isFiniteNumber(value);
}

/**
 * What a value is, for issues (`got`). Never reads inside the value, so it is bounded and total:
 * a value whose kind cannot be told (a revoked Proxy, a `getPrototypeOf` trap that throws) is
 * `other`.
 * @example
 * ```ts
 * kindOf([1, 2]); // 'array'
 * kindOf(NaN);    // 'nonFiniteNumber'
 * ```
 */
export function kindOf(value: unknown): ValueKind {
  if (value === null) return 'null';
  try {
    if (Array.isArray(value)) return 'array';
    if (value instanceof Date) return 'date';
  } catch {
    // A Proxy whose prototype cannot be read, a revoked Proxy: not JSON, and nothing else to say.
    return 'other';
  }
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? 'number' : 'nonFiniteNumber';
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'undefined':
      return 'undefined';
    case 'object':
      return 'object';
    default:
      return 'other';
  }
}

/**
 * An own property of `record`, or `undefined` (never the prototype chain).
 * @example
 * ```ts
 * own({ a: 1 }, 'a');        // 1
 * own({}, 'constructor');    // undefined
 * ```
 */
export function own(record: object, key: string): unknown {
  return Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined;
}
