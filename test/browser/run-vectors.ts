/**
 * Runs vectors against a loaded copy of the library. The same code runs in Node and, bundled,
 * in the browser page, so both sides compute results the same way. No Node APIs here.
 */
import type { JsonValue, Vector } from './vectors.js';

export type VectorOutcome =
  | { readonly name: string; readonly status: 'ok'; readonly value: JsonValue }
  | { readonly name: string; readonly status: 'missing'; readonly fn: string }
  | { readonly name: string; readonly status: 'threw'; readonly error: string };

/** What the runtime believes about its own zone: proves the emulation took effect. */
export interface EnvironmentProbe {
  readonly timeZone: string;
  /** `Date#getTimezoneOffset()` in January and July 2026 (minutes, host-zone dependent). */
  readonly offsets: readonly [number, number];
}

function decodeArg(value: JsonValue): unknown {
  if (Array.isArray(value)) return value.map(decodeArg);
  if (value !== null && typeof value === 'object') {
    const record = value as { readonly [key: string]: JsonValue };
    const keys = Object.keys(record);
    if (keys.length === 1 && keys[0] === '$date' && typeof record.$date === 'string') return new Date(record.$date);
    return Object.fromEntries(keys.map((k) => [k, decodeArg(record[k] ?? null)]));
  }
  return value;
}

/** Results as plain JSON: `Date` → `{ $date }`, functions → `"[function]"`, `undefined` dropped. */
export function toJson(value: unknown): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (value instanceof Date) return { $date: Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString() };
  if (typeof value === 'function') return '[function]';
  if (Array.isArray(value)) return value.map((item: unknown) => (item === undefined ? null : toJson(item)));
  if (value instanceof Map) return { $map: [...value.entries()].map(([k, v]) => [toJson(k), toJson(v)]) };
  if (value instanceof Set) return { $set: [...value].map(toJson) };
  if (typeof value === 'object') {
    const out: { [key: string]: JsonValue } = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toJson(v);
    return out;
  }
  return String(value);
}

/** Calls `lib[vector.fn](...args)` for every vector; never throws. */
export function runVectors(lib: Readonly<Record<string, unknown>>, vectors: readonly Vector[]): VectorOutcome[] {
  return vectors.map((vector): VectorOutcome => {
    const fn = Object.prototype.hasOwnProperty.call(lib, vector.fn) ? lib[vector.fn] : undefined;
    if (typeof fn !== 'function') return { name: vector.name, status: 'missing', fn: vector.fn };
    try {
      const value: unknown = fn(...vector.args.map(decodeArg));
      return { name: vector.name, status: 'ok', value: toJson(value) };
    } catch (error) {
      return { name: vector.name, status: 'threw', error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
  });
}

export function probeEnvironment(): EnvironmentProbe {
  return {
    timeZone: new Intl.DateTimeFormat().resolvedOptions().timeZone,
    offsets: [new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset(), new Date(Date.UTC(2026, 6, 15)).getTimezoneOffset()],
  };
}
