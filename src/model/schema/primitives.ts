/**
 * Shared zod (`zod/mini`) building blocks: bounded strings, ids, timestamps, dates, custom rules
 * that carry one of our issue codes.
 * @module
 */
import * as z from 'zod/mini';
import type { IssueCode } from '../issue-codes.js';
import { LIMITS } from '../limits.js';
import { codePoints, findEmoji } from '../text.js';
import { isIsoTimestamp, isLocalDate } from '../formats.js';

/** The `params` our custom checks attach so the issue mapper can read the code back. */
export interface RuleParams {
  readonly code: IssueCode;
}

/** One problem a rule found: a message and optionally a path relative to the checked value. */
export interface RuleFinding {
  readonly message: string;
  readonly path?: readonly (string | number)[];
}

/**
 * A zod check that reports `code` for every finding of `test` (none: the value passes).
 * @example
 * ```ts
 * z.string().check(rule('invalidFormat', (s) => (s.includes(',') ? [{ message: 'no commas' }] : [])));
 * ```
 */
export function rule<T>(code: IssueCode, test: (value: T) => readonly RuleFinding[]): z.core.$ZodCheck<T> {
  const params: RuleParams = { code };
  return z.check<T>((payload) => {
    for (const finding of test(payload.value)) {
      payload.issues.push({
        code: 'custom',
        input: payload.value,
        message: finding.message,
        params,
        path: finding.path === undefined ? [] : [...finding.path],
      });
    }
  });
}

/**
 * A string of `min` to `max` characters. The length checks abort, so no later check (regex,
 * emoji scan) runs on a string that is already too long.
 * @example
 * ```ts
 * boundedString(1, 200); // names
 * ```
 */
export function boundedString(min: number, max: number) {
  return z.string().check(z.maxLength(max, { abort: true }), z.minLength(min, { abort: true }));
}

/** An id: 1 to `LIMITS.idLength` characters. */
export const idSchema = boundedString(1, LIMITS.idLength);
/** A display name: 1 to `LIMITS.nameLength` characters. */
export const nameSchema = boundedString(1, LIMITS.nameLength);
/** Text with emoji allowed: 1 to `LIMITS.textLength` characters. */
export const textSchema = boundedString(1, LIMITS.textLength);
/** A URL or screen name, 1 to `LIMITS.urlLength` characters (not checked further: mobile screens are not URLs). */
export const urlSchema = boundedString(1, LIMITS.urlLength);

/** Plain text, no emoji (agent responses, SPEC §1.3). */
export const plainTextSchema = boundedString(1, LIMITS.textLength).check(
  rule<string>('emojiNotAllowed', (text) => {
    const emoji = findEmoji(text);
    return emoji === null
      ? []
      : [{ message: `contains the emoji "${emoji}" (${codePoints(emoji)}); agent responses are plain text` }];
  }),
);

/** An ISO-8601 timestamp with seconds and an offset or `Z`, on a real calendar date. Stays a string. */
export const timestampSchema = z.string().check(
  z.maxLength(40, { abort: true }),
  rule<string>('invalidTimestamp', (text) =>
    isIsoTimestamp(text)
      ? []
      : [{ message: 'must be an ISO-8601 timestamp with seconds and an offset or Z, e.g. "2026-11-23T10:00:00Z"' }],
  ),
);

/** A real calendar date `YYYY-MM-DD`. */
export const localDateSchema = z.string().check(
  z.maxLength(10, { abort: true }),
  rule<string>('invalidFormat', (text) =>
    isLocalDate(text) ? [] : [{ message: 'must be a real calendar date YYYY-MM-DD' }],
  ),
);

/** A wall-clock time `HH:MM` from `00:00` to `24:00`. */
export const wallClockSchema = z.string().check(
  z.maxLength(5, { abort: true, error: 'must be a time HH:MM from 00:00 to 24:00' }),
  z.regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, { error: 'must be a time HH:MM from 00:00 to 24:00' }),
);

/** A non-negative safe integer counter. */
export const counterSchema = z.int().check(z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER));

/**
 * A check that reports `duplicateValue` at every later item whose `keyOf` equals an earlier one.
 * @example
 * ```ts
 * z.array(idSchema).check(uniqueBy((id) => id, 'id'));
 * ```
 */
export function uniqueBy<T>(keyOf: (item: T) => unknown, what: string, field?: string): z.core.$ZodCheck<T[]> {
  return rule<T[]>('duplicateValue', (items) => {
    const seen = new Set<unknown>();
    const findings: RuleFinding[] = [];
    items.forEach((item, index) => {
      const key = keyOf(item);
      if (seen.has(key)) {
        findings.push({
          message: `duplicate ${what} ${JSON.stringify(key)}`,
          path: field === undefined ? [index] : [index, field],
        });
      }
      seen.add(key);
    });
    return findings;
  });
}
