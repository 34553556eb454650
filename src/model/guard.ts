/**
 * The safety pre-pass: an iterative walk over any input that enforces the document-wide
 * bounds of {@link LIMITS} before zod (which recurses) or any regex sees the input.
 * @module
 */
import { LIMITS } from './limits.js';
import { issue, type Issue, type IssuePath } from './result.js';

/** Keys that could reach or replace an object's prototype; rejected everywhere. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** A value on the walk's stack; the path is rebuilt from parent links only when an issue needs it. */
interface Frame {
  readonly value: unknown;
  readonly parent: Frame | null;
  readonly key: string | number | null;
  readonly depth: number;
}

function pathOf(frame: Frame, base: IssuePath): IssuePath {
  const keys: (string | number)[] = [];
  for (let f: Frame | null = frame; f !== null && f.key !== null; f = f.parent) keys.push(f.key);
  return [...base, ...keys.reverse()];
}

/** Whether `value` is a plain object (prototype `Object.prototype` or `null`), e.g. from `JSON.parse`. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Walks `input` without recursion and reports values that break the document-wide bounds:
 * nesting deeper than `LIMITS.maxDepth` (`tooDeep`), strings or keys longer than
 * `LIMITS.maxStringLength` (`tooLong`), arrays or objects larger than `LIMITS.maxArrayLength`
 * / `LIMITS.maxObjectKeys` (`tooMany`), more than `LIMITS.maxValues` values (`tooMany`) and the
 * keys `__proto__`, `constructor`, `prototype` (`reservedKey`). Cyclic input ends at the depth
 * bound. Stops after `LIMITS.maxIssues` issues.
 * @example
 * ```ts
 * guardInput(JSON.parse('{"__proto__": 1}'), []);
 * // [{ path: ['__proto__'], code: 'reservedKey', message: '…' }]
 * ```
 */
export function guardInput(input: unknown, base: IssuePath = []): Issue[] {
  const issues: Issue[] = [];
  const stack: Frame[] = [{ value: input, parent: null, key: null, depth: 1 }];
  let seen = 0;
  while (stack.length > 0 && issues.length < LIMITS.maxIssues) {
    const frame = stack.pop() as Frame;
    seen += 1;
    if (seen > LIMITS.maxValues) {
      issues.push(issue(base, 'tooMany', `input has more than ${LIMITS.maxValues} values`));
      break;
    }
    const { value } = frame;
    if (typeof value === 'string') {
      if (value.length > LIMITS.maxStringLength) {
        issues.push(
          issue(pathOf(frame, base), 'tooLong', `string is longer than ${LIMITS.maxStringLength} characters`),
        );
      }
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    const isArray = Array.isArray(value);
    if (!isArray && !isPlainObject(value)) continue; // reported by the schema as a wrong type
    const items = isArray ? (value as readonly unknown[]) : null;
    const keys = isArray ? [] : Object.keys(value);
    const size = items === null ? keys.length : items.length;
    if (size > 0 && frame.depth >= LIMITS.maxDepth) {
      issues.push(issue(pathOf(frame, base), 'tooDeep', `input nests deeper than ${LIMITS.maxDepth} levels`));
      continue;
    }
    if (items !== null) {
      if (items.length > LIMITS.maxArrayLength) {
        issues.push(issue(pathOf(frame, base), 'tooMany', `array has more than ${LIMITS.maxArrayLength} items`));
        continue;
      }
      for (let i = items.length - 1; i >= 0; i -= 1) {
        stack.push({ value: items[i], parent: frame, key: i, depth: frame.depth + 1 });
      }
      continue;
    }
    const record = value as Record<string, unknown>;
    if (keys.length > LIMITS.maxObjectKeys) {
      issues.push(issue(pathOf(frame, base), 'tooMany', `object has more than ${LIMITS.maxObjectKeys} keys`));
      continue;
    }
    const children: Frame[] = [];
    for (const key of keys) {
      if (key.length > LIMITS.maxStringLength) {
        issues.push(issue(pathOf(frame, base), 'tooLong', `a key is longer than ${LIMITS.maxStringLength} characters`));
      } else if (RESERVED_KEYS.has(key)) {
        issues.push(issue([...pathOf(frame, base), key], 'reservedKey', `key "${key}" is reserved and not allowed`));
      } else {
        children.push({ value: record[key], parent: frame, key, depth: frame.depth + 1 });
      }
    }
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i] as Frame);
  }
  return issues.slice(0, LIMITS.maxIssues);
}
