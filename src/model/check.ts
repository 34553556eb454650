/**
 * A small hand-written validator for the wire format: the parsers' runtime path.
 *
 * The zod schemas in `schema/` stay the description of the format (types, JSON Schema export,
 * and the oracle of a differential test), but zod weighs about 8 KB min+gzip in a browser
 * bundle, more than half the widget budget of SPEC §3. These combinators do the same checks in
 * the same order and report our {@link Issue}s directly. See `docs/parsing.md`.
 *
 * A {@link Check} reads a value and returns its parsed form; every problem is pushed to
 * `issues` (with the full path) and the caller uses the returned value only when none was.
 * Checks never mutate their input: objects and arrays come back as new values.
 * @module
 */
import type { IssueCode } from './issue-codes.js';
import { isPlainObject } from './guard.js';
import { issue, type Issue, type IssuePath } from './result.js';

/** Validates `value` found at `path`, pushes issues, returns the parsed value. */
export type Check<T> = (value: unknown, path: IssuePath, issues: Issue[]) => T;

/**
 * A rule on an already well-typed value: an issue `[code, message, subpath?]`, several, or
 * nothing. After the first rule that finds something, later rules do not run.
 */
export type Finding = readonly [code: IssueCode, message: string, at?: IssuePath];
export type Rule<T> = (value: T, path: IssuePath) => Finding | readonly Finding[] | undefined;

/** Names a JSON value's type for messages. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return String(value);
    return Number.isInteger(value) ? `the integer ${value}` : `the number ${value}`;
  }
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** `"key"` (the last path segment) for messages. */
export function keyName(path: IssuePath): string {
  const last = path[path.length - 1];
  return last === undefined ? 'value' : `"${String(last)}"`;
}

/** Lists allowed values for messages: `"a", "b"`. */
export function listValues(values: readonly unknown[]): string {
  return values.map((value) => JSON.stringify(value)).join(', ');
}

/**
 * Issues that leave the value well-formed (an unknown key, a number out of range, a list that
 * is too short, a metadata value that is too long): rules of the enclosing object or array still
 * run after them, as they do in zod. Every other issue stops those rules.
 */
const soft = new WeakSet<Issue>();

/** Pushes `found` as an issue that does not stop the enclosing rules. */
export function pushSoft(issues: Issue[], found: Issue): void {
  soft.add(found);
  issues.push(found);
}

/** Whether every issue from index `from` on is soft. */
function rulesMayRun(issues: readonly Issue[], from: number): boolean {
  for (let index = from; index < issues.length; index += 1) if (!soft.has(issues[index] as Issue)) return false;
  return true;
}

/** Pushes `required` for a missing value, `invalidType` otherwise; returns the value unchanged. */
function wrongType<T>(value: unknown, path: IssuePath, issues: Issue[], expected: string): T {
  issues.push(
    value === undefined
      ? issue(path, 'required', `${keyName(path)} is required`)
      : issue(path, 'invalidType', `${keyName(path)} must be ${expected}, got ${describeValue(value)}`),
  );
  return value as T;
}

function runRules<T>(value: T, path: IssuePath, issues: Issue[], rules: readonly Rule<T>[]): void {
  for (const rule of rules) {
    const found = rule(value, path);
    if (found === undefined || found.length === 0) continue;
    const list = (typeof found[0] === 'string' ? [found] : found) as readonly Finding[];
    for (const [code, message, at] of list) issues.push(issue(at === undefined ? path : [...path, ...at], code, message));
    return;
  }
}

function sizeIssue(path: IssuePath, size: number, min: number, max: number, unit: string): Issue | undefined {
  const too = size > max ? 'at most' : size < min ? 'at least' : '';
  if (too === '') return undefined;
  const code = size > max ? (unit === 'items' ? 'tooMany' : 'tooLong') : 'tooShort';
  return issue(path, code, min === 1 && size < 1 ? `${keyName(path)} must not be empty` : `${keyName(path)} must be ${too} ${size > max ? max : min} ${unit}`);
}

/**
 * A string of `min`…`max` characters, then `rules` in order (the first finding is reported).
 * @example
 * ```ts
 * const name = string(1, 200);
 * ```
 */
export function string(min: number, max: number, ...rules: Rule<string>[]): Check<string> {
  return (value, path, issues) => {
    if (typeof value !== 'string') return wrongType(value, path, issues, 'a string');
    const bad = sizeIssue(path, value.length, min, max, 'characters');
    if (bad !== undefined) issues.push(bad);
    else runRules(value, path, issues, rules);
    return value;
  };
}

/**
 * A string of at most `rawMax` characters rewritten by `normalize` before `inner` checks it
 * (tags: trimmed and lower-cased, then measured).
 * @example
 * ```ts
 * const tag = normalizedString(1000, (t) => t.trim(), string(1, 80));
 * ```
 */
export function normalizedString(rawMax: number, normalize: (text: string) => string, inner: Check<string>): Check<string> {
  const raw = string(0, rawMax);
  return (value, path, issues) =>
    typeof value === 'string' && value.length <= rawMax ? inner(normalize(value), path, issues) : raw(value, path, issues);
}

/**
 * An integer from `min` to `max`.
 * @example
 * ```ts
 * const seconds = integer(0, 86_400);
 * ```
 */
export function integer(min: number, max: number): Check<number> {
  return (value, path, issues) => {
    if (!Number.isInteger(value)) return wrongType(value, path, issues, 'an integer');
    if ((value as number) < min || (value as number) > max) {
      pushSoft(issues, issue(path, 'outOfRange', `${keyName(path)} must be ${(value as number) < min ? `at least ${min}` : `at most ${max}`}, got ${String(value)}`));
    }
    return value as number;
  };
}

/** `true` or `false`. */
export const boolean: Check<boolean> = (value, path, issues) =>
  typeof value === 'boolean' ? value : wrongType(value, path, issues, 'true or false');

/**
 * One of a fixed list of strings.
 * @example
 * ```ts
 * const frequency = oneOf(['once', 'oncePerVisit', 'everyTime']);
 * ```
 */
export function oneOf<const T extends string>(values: readonly T[]): Check<T> {
  return (value, path, issues) => {
    if (value === undefined) return wrongType(value, path, issues, '');
    if (!(values as readonly unknown[]).includes(value)) {
      issues.push(issue(path, 'invalidEnum', `${keyName(path)} must be one of ${listValues(values)}`));
    }
    return value as T;
  };
}

/** The value may be absent (the key is then left out of the result). */
export function optional<T>(check: Check<T>): Check<T | undefined> {
  return (value, path, issues) => (value === undefined ? undefined : check(value, path, issues));
}

/** The value may be `null`. */
export function nullable<T>(check: Check<T>): Check<T | null> {
  return (value, path, issues) => (value === null ? null : check(value, path, issues));
}

/** An absent value becomes `fallback()`. */
export function withDefault<T>(check: Check<T>, fallback: () => T): Check<T> {
  return (value, path, issues) => (value === undefined ? fallback() : check(value, path, issues));
}

/** Any value but `undefined` (checked elsewhere). */
export function present<T>(): Check<T> {
  return (value, path, issues) => (value === undefined ? wrongType(value, path, issues, '') : (value as T));
}

/** The checks of an object's keys. */
export type Shape<T> = { readonly [K in keyof T]-?: Check<T[K]> };

function readOwn(record: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * A plain object with exactly the keys of `shape` (others are `unknownKey`); `rules` run on the
 * parsed object when its keys passed (or failed softly, see {@link pushSoft}).
 * @example
 * ```ts
 * const sender = object({ name: string(1, 200), avatarUrl: optional(string(1, 8192)) });
 * ```
 */
export function object<T>(shape: Shape<T>, ...rules: Rule<T>[]): Check<T> {
  const keys = Object.keys(shape) as (keyof T & string)[];
  return (value, path, issues) => {
    if (!isPlainObject(value)) return wrongType(value, path, issues, 'an object');
    const before = issues.length;
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const parsed = shape[key](readOwn(value, key), [...path, key], issues);
      if (parsed !== undefined) out[key] = parsed;
    }
    for (const key of Object.keys(value)) {
      if (!Object.hasOwn(shape, key)) pushSoft(issues, issue([...path, key], 'unknownKey', `unknown key "${key}"`));
    }
    if (rulesMayRun(issues, before)) runRules(out as T, path, issues, rules);
    return out as T;
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
  return (value, path, issues) => {
    if (!isPlainObject(value)) return wrongType(value, path, issues, 'an object');
    const tag = readOwn(value, key);
    const option = typeof tag === 'string' && Object.hasOwn(options, tag) ? options[tag] : undefined;
    if (option !== undefined) return option(value, path, issues);
    const at = [...path, key];
    issues.push(
      tag === undefined
        ? issue(at, 'required', `${keyName(at)} is required (one of ${listValues(names)})`)
        : issue(at, 'invalidEnum', `${keyName(at)} must be one of ${listValues(names)}`),
    );
    return value as T;
  };
}

/**
 * An array of at most `max` (at least `min`) items; `rules` run on the parsed array only when
 * every item passed. A longer array is reported as `tooMany` without checking its items.
 * @example
 * ```ts
 * const ids = array(string(1, 128), 0, 500);
 * ```
 */
export function array<T>(item: Check<T>, min: number, max: number, ...rules: Rule<T[]>[]): Check<T[]> {
  return (value, path, issues) => {
    if (!Array.isArray(value)) return wrongType(value, path, issues, 'an array');
    const bad = sizeIssue(path, value.length, min, max, 'items');
    // Too many items: reported alone, the items are not checked (a bounded cost, as zod does).
    if (bad !== undefined && value.length > max) {
      issues.push(bad);
      return value;
    }
    const before = issues.length;
    const out = value.map((entry, index) => item(entry, [...path, index], issues));
    if (bad !== undefined) pushSoft(issues, bad);
    if (rulesMayRun(issues, before)) runRules(out, path, issues, rules);
    return out;
  };
}

/**
 * A rule: every later item whose `keyOf` equals an earlier one's is `duplicateValue`.
 * @example
 * ```ts
 * array(oneOf(['name', 'email']), 0, 2, unique((field) => field, 'field'));
 * ```
 */
export function unique<T>(keyOf: (item: T) => unknown, what: string, field?: string): Rule<T[]> {
  return (items) => {
    const seen = new Set<unknown>();
    const found: Finding[] = [];
    items.forEach((item, index) => {
      const key = keyOf(item);
      if (seen.has(key)) found.push(['duplicateValue', `duplicate ${what} ${JSON.stringify(key)}`, field === undefined ? [index] : [index, field]]);
      seen.add(key);
    });
    return found;
  };
}

/**
 * An object used as a map: every key passes `key`, every value `item`; `rules` run on the
 * parsed record only when all passed.
 * @example
 * ```ts
 * const metadata = record(string(1, 100), nullable(string(0, 1000)));
 * ```
 */
export function record<T>(key: Check<string>, item: Check<T>, ...rules: Rule<Record<string, T>>[]): Check<Record<string, T>> {
  return (value, path, issues) => {
    if (!isPlainObject(value)) return wrongType(value, path, issues, 'an object');
    const before = issues.length;
    const out: Record<string, T> = {};
    for (const name of Object.keys(value)) {
      const at = [...path, name];
      const keyIssues: Issue[] = [];
      key(name, at, keyIssues);
      if (keyIssues.length > 0) {
        for (const found of keyIssues) issues.push({ ...found, message: `key ${found.message}` });
        continue;
      }
      out[name] = item(value[name], at, issues);
    }
    if (rulesMayRun(issues, before)) runRules(out, path, issues, rules);
    return out;
  };
}
