/**
 * Maps zod issues to the library's {@link Issue}s: stable codes and readable messages.
 * zod/mini ships no locale, so every message is composed here from the issue's data.
 * @module
 */
import type * as z from 'zod/mini';
import { describeValue, keyName, listValues } from './check.js';
import { PARSE_ISSUE_CODES } from './codes.js';
import type { IssueCode } from './issue-codes.js';
import { assertNever, issue, type Issue, type IssuePath } from './result.js';

type ZodIssue = z.core.$ZodIssue;

const EXPECTED: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a finite number',
  int: 'an integer',
  boolean: 'true or false',
  null: 'null',
  array: 'an array',
  object: 'an object',
  record: 'an object',
};


function toPath(base: IssuePath, path: readonly PropertyKey[]): IssuePath {
  return [...base, ...path.map((key) => (typeof key === 'number' ? key : String(key)))];
}



function isKnownCode(code: unknown): code is IssueCode {
  return typeof code === 'string' && ((PARSE_ISSUE_CODES as readonly string[]).includes(code) || code === 'invalidTimeZone');
}

function mapUnion(found: ZodIssue & { code: 'invalid_union' }, path: IssuePath): Issue {
  if (found.discriminator !== undefined) {
    const options = 'options' in found && found.options !== undefined ? listValues(found.options) : '';
    const input = found.input;
    const hasKey = typeof input === 'object' && input !== null && Object.hasOwn(input, found.discriminator);
    return hasKey
      ? issue(path, 'invalidEnum', `${keyName(path)} must be one of ${options}`)
      : issue(path, 'required', `${keyName(path)} is required (one of ${options})`);
  }
  const branches = found.errors.map((errors) => errors[0]).filter((first) => first !== undefined);
  const expected = branches
    .filter((first) => first.code === 'invalid_type' && first.path.length === 0)
    .map((first) => EXPECTED[(first as { expected: string }).expected] ?? (first as { expected: string }).expected);
  if (expected.length === branches.length && expected.length > 0) {
    return issue(path, 'invalidType', `expected ${[...new Set(expected)].join(' or ')}, got ${describeValue(found.input)}`);
  }
  if (typeof found.input === 'string') {
    return issue(path, 'invalidEnum', `${JSON.stringify(found.input)} is not an allowed value for ${keyName(path)}`);
  }
  return issue(path, 'invalidType', `${describeValue(found.input)} does not match any allowed shape`);
}

function mapSizeIssue(found: ZodIssue & { code: 'too_big' | 'too_small' }, path: IssuePath): Issue {
  const big = found.code === 'too_big';
  const limit = Number(big ? found.maximum : found.minimum);
  const bound = big ? 'at most' : 'at least';
  if (found.origin === 'string') {
    if (!big && limit === 1) return issue(path, 'tooShort', `${keyName(path)} must not be empty`);
    return issue(path, big ? 'tooLong' : 'tooShort', `${keyName(path)} must be ${bound} ${limit} characters`);
  }
  if (found.origin === 'array' || found.origin === 'set') {
    if (!big && limit === 1) return issue(path, 'tooShort', `${keyName(path)} must not be empty`);
    return issue(path, big ? 'tooMany' : 'tooShort', `${keyName(path)} must have ${bound} ${limit} items`);
  }
  return issue(path, 'outOfRange', `${keyName(path)} must be ${bound} ${limit}, got ${String(found.input)}`);
}

/**
 * Converts one zod issue (found at `base` + its own path) to our issues.
 * @example
 * ```ts
 * mapZodIssue({ code: 'unrecognized_keys', keys: ['x'], path: [], message: '' }, []);
 * // [{ path: ['x'], code: 'unknownKey', message: 'unknown key "x"' }]
 * ```
 */
export function mapZodIssue(found: ZodIssue, base: IssuePath): Issue[] {
  const path = toPath(base, found.path);
  const missing = found.input === undefined && found.path.length > 0;
  if (missing && (found.code === 'invalid_type' || (found.code === 'invalid_union' && found.discriminator === undefined))) {
    return [issue(path, 'required', `${keyName(path)} is required`)];
  }
  switch (found.code) {
    case 'invalid_type':
      return [
        issue(
          path,
          'invalidType',
          `${keyName(path)} must be ${EXPECTED[found.expected] ?? found.expected}, got ${describeValue(found.input)}`,
        ),
      ];
    case 'too_big':
    case 'too_small':
      return [mapSizeIssue(found, path)];
    case 'invalid_format':
      if (found.format === 'template_literal') {
        return [issue(path, 'invalidEnum', `${JSON.stringify(found.input)} is not an allowed value for ${keyName(path)}`)];
      }
      return [issue(path, 'invalidFormat', `${keyName(path)} ${found.message}`)];
    case 'unrecognized_keys':
      return found.keys.map((key) => issue([...path, key], 'unknownKey', `unknown key "${key}"`));
    case 'invalid_union':
      return [mapUnion(found, path)];
    case 'invalid_key':
      return found.issues.flatMap((inner) =>
        mapZodIssue(inner, path).map((mapped) => ({ ...mapped, message: `key ${mapped.message}` })),
      );
    case 'invalid_value':
      return [issue(path, 'invalidEnum', `${keyName(path)} must be one of ${listValues(found.values)}`)];
    case 'custom': {
      const code: unknown = found.params?.code;
      return [issue(path, isKnownCode(code) ? code : 'invalidFormat', found.message)];
    }
    case 'not_multiple_of':
    case 'invalid_element':
      return [issue(path, 'invalidType', `${keyName(path)} is not valid`)];
    default:
      return assertNever(found, 'zod issue');
  }
}
