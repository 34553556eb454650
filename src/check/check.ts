/**
 * The checker's combinators: one rule code, two modes.
 *
 * A {@link Check} reads an untrusted value and returns its parsed form (defaults filled, tags
 * normalised), reporting problems as issue data — `{ path, code, params }`, no text. In *every
 * issue* mode (`parse*`) it reports everything it finds, up to `LIMITS.maxIssues`; in *first
 * failure* mode (`evaluate` compiling unparsed input) it stops at the first issue. Both modes
 * run the same code in the same order, so the first issue is always the same one. A first-failure
 * run keeps no path (most values are valid, and `evaluate` checks its visitor on every call); only
 * when it fails does the same check run again with paths, for the issue's.
 *
 * Bounded and total: a check never descends deeper than the format itself, checks the length of
 * a list or a string before looking inside, reads own properties only, and turns anything it
 * cannot read (a throwing getter, a Proxy) into an issue. Valid input that needs no default or
 * normalisation comes back as the very same object (no copy is made); otherwise new
 * objects are returned and the input is never mutated.
 * @module
 */
import { NO_PARAMS, type ExpectedType, type IssueCode, type IssueData, type IssueParams, type IssuePath } from '../core/issues.js';
import { MAX_ISSUES } from '../core/limits.js';
import { RESERVED_KEYS, isJsonArray, isPlainObject, kindOf } from '../core/values.js';

/** The marker a check returns for a value that failed (in every-issue mode). */
export const BAD: unique symbol = Symbol('invalid');
export type Bad = typeof BAD;

/** The state of one run: the mode, the issues found, and the path to the value being checked. */
export interface Ctx {
  readonly all: boolean;
  /**
   * Whether the combinators keep {@link Ctx.path} (off in the first pass of a first-failure run,
   * whose issue is then found again with it on: a valid value never pays for its path).
   */
  readonly track: boolean;
  readonly issues: IssueData[];
  /** Where the value being checked sits; a check may replace it and must restore it. */
  path: (string | number)[];
}

/** Validates `value`, reports issues into `ctx`, returns the parsed value or {@link BAD}. */
export type Check<T> = (value: unknown, ctx: Ctx) => T | Bad;

/** Thrown to end a run: the first failure in first-failure mode, or too many issues. */
const STOP = new Error('stop');

/**
 * Reports an issue at the current path (plus `key`); returns {@link BAD}. Ends the run in
 * first-failure mode or when `LIMITS.maxIssues` issues were found.
 * @example
 * ```ts
 * return report(ctx, 'tooBig', { maximum: 128, unit: 'characters' });
 * ```
 */
export function report<C extends IssueCode>(ctx: Ctx, code: C, params: IssueParams[C], key?: string | number): Bad {
  const path = ctx.path.slice();
  if (key !== undefined) path.push(key);
  ctx.issues.push({ path, code, params } as IssueData);
  if (!ctx.all || ctx.issues.length >= MAX_ISSUES) throw STOP;
  return BAD;
}

/** `required` for a missing value, `invalidType` otherwise. */
export function wrongType(value: unknown, expected: ExpectedType, ctx: Ctx): Bad {
  return value === undefined ? report(ctx, 'required', NO_PARAMS) : report(ctx, 'invalidType', { expected, got: kindOf(value) });
}

/** What a run found: the parsed value, or the issues (in first-failure mode, exactly one). */
export type CheckResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly IssueData[] };

/**
 * Runs `check` on `value` in every-issue (`all: true`) or first-failure mode. Never throws: a
 * value that cannot be read (a throwing getter, a revoked Proxy) is an `invalidType` issue at the
 * path where reading failed.
 * @example
 * ```ts
 * runCheck(messageCheck, json, false); // { ok: false, issues: [{ path: ['name'], code: 'required', params: {} }] }
 * ```
 */
export function runCheck<T>(check: Check<T>, value: unknown, all: boolean, base: IssuePath = []): CheckResult<T> {
  // First failure: a pass without paths, and only if it fails one with them, for the issue's
  // path. The same code in the same order finds the same first issue; should the value answer
  // differently the second time (a getter), the first pass's issue stands.
  const first = run(check, value, all, all, base);
  if (all || first.ok) return first;
  const tracked = run(check, value, false, true, base);
  return tracked.ok ? first : tracked;
}

function run<T>(check: Check<T>, value: unknown, all: boolean, track: boolean, base: IssuePath): CheckResult<T> {
  const ctx: Ctx = { all, track, issues: [], path: [...base] };
  let out: T | Bad = BAD;
  try {
    out = check(value, ctx);
  } catch (error) {
    if (error !== STOP) ctx.issues.push({ path: ctx.path.slice(), code: 'invalidType', params: { expected: 'json', got: 'other' } });
  }
  return ctx.issues.length === 0 && out !== BAD ? { ok: true, value: out } : { ok: false, issues: ctx.issues };
}

/** Runs `check` on `value` found under `key` (the path is kept right for nested issues). */
export function at<T>(ctx: Ctx, key: string | number, value: unknown, check: Check<T>): T | Bad {
  ctx.path.push(key);
  const out = check(value, ctx);
  ctx.path.pop();
  return out;
}

/**
 * A string of `min`…`max` characters, then `rule` (formats, normalisation).
 * @example
 * ```ts
 * const name = str(1, 200);
 * ```
 */
export function str(min: number, max: number, rule?: (text: string, ctx: Ctx) => string | Bad): Check<string> {
  return (value, ctx) => {
    if (typeof value !== 'string') return wrongType(value, 'string', ctx);
    if (value.length > max) return report(ctx, 'tooBig', { maximum: max, unit: 'characters' });
    if (value.length < min) return report(ctx, 'tooSmall', { minimum: min, unit: 'characters' });
    return rule === undefined ? value : rule(value, ctx);
  };
}

/**
 * An integer from `min` to `max`.
 * @example
 * ```ts
 * const seconds = int(0, 86_400);
 * ```
 */
export function int(min: number, max: number): Check<number> {
  return (value, ctx) => {
    if (!Number.isInteger(value)) return wrongType(value, 'integer', ctx);
    const n = value as number;
    if (n < min) return report(ctx, 'tooSmall', { minimum: min, unit: 'value' });
    if (n > max) return report(ctx, 'tooBig', { maximum: max, unit: 'value' });
    return n;
  };
}

/** `true` or `false`. */
export const bool: Check<boolean> = (value, ctx) => (typeof value === 'boolean' ? value : wrongType(value, 'boolean', ctx));

/**
 * One of a closed list of strings.
 * @example
 * ```ts
 * const frequency = oneOf(FREQUENCIES);
 * ```
 */
export function oneOf<const T extends string>(values: readonly T[]): Check<T> {
  return (value, ctx) => {
    if ((values as readonly unknown[]).includes(value)) return value as T;
    return value === undefined ? report(ctx, 'required', NO_PARAMS) : report(ctx, 'invalidValue', { allowed: values });
  };
}

/** The value may be absent (the key is then left out of the result). */
export function opt<T>(check: Check<T>): Check<T | undefined> {
  return (value, ctx) => (value === undefined ? undefined : check(value, ctx));
}

/** The value may be `null`. */
export function nullable<T>(check: Check<T>): Check<T | null> {
  return (value, ctx) => (value === null ? null : check(value, ctx));
}

/** An absent value becomes `fallback()`. */
export function withDefault<T>(check: Check<T>, fallback: () => T): Check<T> {
  return (value, ctx) => (value === undefined ? fallback() : check(value, ctx));
}

/** The checks of an object's keys, in the order they are checked (and issues reported). */
export type Shape<T> = { readonly [K in keyof T]-?: Check<T[K]> };

/** Whether a key failed its check (for object rules that need only some fields). */
export type Failed = (key: string) => boolean;

/**
 * A plain object with exactly the keys of `shape`: others are `unknownKey` (or `reservedKey` for
 * `__proto__`, `constructor`, `prototype`). `rule` runs on the parsed object afterwards; it is
 * told which keys failed, so it can still check the ones it needs.
 * @example
 * ```ts
 * const sender = object({ name: str(1, 200), avatarUrl: opt(str(1, 8192)) });
 * ```
 */
export function object<T>(shape: Shape<T>, rule?: (parsed: T, ctx: Ctx, failed: Failed) => void): Check<T> {
  const keys = Object.keys(shape) as (keyof T & string)[];
  const checks = keys.map((key) => shape[key] as Check<unknown>);
  const n = keys.length;
  return (value, ctx) => {
    if (!isPlainObject(value)) return wrongType(value, 'object', ctx);
    // Copy on write: `out` exists only once a key parses to something other than its raw value
    // (a default filled, a key dropped); the keys before it are then copied from `value`.
    let out: Record<string, unknown> | null = null;
    let present = 0;
    let failures: Set<string> | null = null;
    // The own keys, walked alongside the shape's: a key found at the next own position is own
    // without a `hasOwn` call (objects are mostly written in the shape's order); any other key
    // is asked. Never an inherited value: a polluted `Object.prototype` is not read.
    const own = Object.keys(value);
    const track = ctx.track;
    let next = 0;
    for (let i = 0; i < n; i += 1) {
      const key = keys[i] as string;
      // The key first: a read that throws is reported at the key (by `runCheck`).
      if (track) ctx.path.push(key);
      const inOrder = next < own.length && own[next] === key;
      if (inOrder) next += 1;
      const has = inOrder || Object.hasOwn(value, key);
      const raw = has ? value[key] : undefined;
      if (has) present += 1;
      const parsed = (checks[i] as Check<unknown>)(raw, ctx);
      if (track) ctx.path.pop();
      if (parsed === BAD) {
        (failures ??= new Set()).add(key);
        continue;
      }
      if (out === null && (parsed !== raw || (has && parsed === undefined))) {
        out = {};
        for (let j = 0; j < i; j += 1) {
          const earlier = keys[j] as string;
          const kept = Object.hasOwn(value, earlier) ? value[earlier] : undefined;
          if (kept !== undefined) out[earlier] = kept;
        }
      }
      if (out !== null && parsed !== undefined) out[key] = parsed;
    }
    if (own.length > present) {
      for (const key of own) {
        if (!Object.hasOwn(shape, key)) report(ctx, RESERVED_KEYS.has(key) ? 'reservedKey' : 'unknownKey', NO_PARAMS, key);
      }
      return BAD;
    }
    const before = ctx.issues.length;
    const result = (out ?? value) as T;
    if (rule !== undefined) rule(result, ctx, (key) => failures?.has(key) === true);
    if (failures !== null || ctx.issues.length > before) return BAD;
    return result;
  };
}

/**
 * One of several object shapes, picked by the string at `key`.
 * @example
 * ```ts
 * const trigger = variant('event', { pageLoad: object({ event: oneOf(['pageLoad']) }) });
 * ```
 */
export function variant<T>(key: string, options: Readonly<Record<string, Check<T>>>): Check<T> {
  const names = Object.keys(options);
  return (value, ctx) => {
    if (!isPlainObject(value)) return wrongType(value, 'object', ctx);
    ctx.path.push(key);
    const tag = Object.hasOwn(value, key) ? value[key] : undefined;
    ctx.path.pop();
    const option = typeof tag === 'string' && Object.hasOwn(options, tag) ? options[tag] : undefined;
    if (option !== undefined) return option(value, ctx);
    return tag === undefined ? report(ctx, 'required', NO_PARAMS, key) : report(ctx, 'invalidValue', { allowed: names }, key);
  };
}

/**
 * A list of `min` to `max` items. A longer list is reported alone (its items are not looked at:
 * bounded work); a hole is a missing item; an array JSON cannot hold (an own `toJSON`, a
 * subclass) is `invalidType` (`json`). `rule` runs on the parsed list when every item passed.
 * @example
 * ```ts
 * const ids = list(str(1, 128), 0, 500);
 * ```
 */
export function list<T>(item: Check<T>, min: number, max: number, rule?: (items: readonly T[], ctx: Ctx) => void): Check<T[]> {
  return (value, ctx) => {
    if (!Array.isArray(value)) return wrongType(value, 'array', ctx);
    if (!isJsonArray(value)) return report(ctx, 'invalidType', { expected: 'json', got: 'other' });
    const n = value.length;
    if (n > max) return report(ctx, 'tooBig', { maximum: max, unit: 'items' });
    let bad = n < min && report(ctx, 'tooSmall', { minimum: min, unit: 'items' }) === BAD;
    let out: T[] | null = null;
    const track = ctx.track;
    for (let i = 0; i < n; i += 1) {
      if (track) ctx.path.push(i);
      const raw: unknown = value[i];
      const parsed = item(raw, ctx);
      if (track) ctx.path.pop();
      if (parsed === BAD) bad = true;
      else if (out !== null) out.push(parsed);
      else if (parsed !== raw) (out = value.slice(0, i) as T[]).push(parsed);
    }
    if (bad) return BAD;
    const items = out ?? (value as T[]);
    if (rule !== undefined) {
      const before = ctx.issues.length;
      rule(items, ctx);
      if (ctx.issues.length > before) return BAD;
    }
    return items;
  };
}

/**
 * A list rule: every later item whose `keyOf` equals an earlier one's is a `duplicate` (at the
 * item, or at its `field`).
 * @example
 * ```ts
 * list(oneOf(['name', 'email']), 0, 2, unique((field) => field));
 * ```
 */
export function unique<T>(keyOf: (item: T) => unknown, field?: string): (items: readonly T[], ctx: Ctx) => void {
  return (items, ctx) => {
    const seen = new Set<unknown>();
    for (let i = 0; i < items.length; i += 1) {
      const key = keyOf(items[i] as T);
      if (seen.has(key)) {
        ctx.path.push(i);
        report(ctx, 'duplicate', NO_PARAMS, field);
        ctx.path.pop();
      }
      seen.add(key);
    }
  };
}

/**
 * An object used as a map of at most `maxKeys` keys: every key passes `key`, every value `item`.
 * A reserved key is `reservedKey`.
 * @example
 * ```ts
 * const metadata = record(str(1, 100), scalar, 50);
 * ```
 */
export function record<T>(key: Check<string>, item: Check<T>, maxKeys: number): Check<Record<string, T>> {
  return (value, ctx) => {
    if (!isPlainObject(value)) return wrongType(value, 'object', ctx);
    const names = Object.keys(value);
    if (names.length > maxKeys) return report(ctx, 'tooBig', { maximum: maxKeys, unit: 'keys' });
    let bad = false;
    const track = ctx.track;
    for (const name of names) {
      if (track) ctx.path.push(name);
      if (RESERVED_KEYS.has(name)) bad = report(ctx, 'reservedKey', NO_PARAMS) === BAD;
      else if (key(name, ctx) === BAD || item(value[name], ctx) === BAD) bad = true;
      if (track) ctx.path.pop();
    }
    return bad ? BAD : (value as Record<string, T>);
  };
}
