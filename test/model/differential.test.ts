/**
 * The parsers run hand-written checks (`src/model/shapes.ts`); the zod schemas of
 * `src/model/schema/` describe the same format. This test builds a second set of parsers on the
 * zod schemas (`zodParsers`) and requires both to agree on valid inputs from the testing kit and
 * on those inputs with one part broken: the same accept/reject, the same parsed value, and the
 * same issues (path and code, in order).
 *
 * Three zod behaviours are normalised away, all deliberate improvements of the hand-written path:
 * - after zod reports a wrong type, its length checks still run on the wrong value (an array
 *   given for a string gets `invalidType` *and* `tooMany`); the checks report the type only;
 * - zod reports a missing enum value as `invalidEnum`; the checks say `required`;
 * - an integer beyond the safe range fails both zod's integer format and its range check: the
 *   same issue twice, reported once by the checks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMessage, parseSchedule, parseVisitor, parseWorkspace } from '../../src/model/parse.js';
import type { Issue, Result } from '../../src/model/result.js';
import { zodParsers } from '../../src/model/zod-parse.js';
import { messageArb, scheduleArb, visitorArb, workspaceArb } from '../../src/testing/index.js';

type Json = unknown;
type Path = readonly (string | number)[];

/** Every path in a JSON value (objects and arrays), root included. */
function paths(value: Json, at: Path = []): Path[] {
  const found: Path[] = [at];
  if (Array.isArray(value)) value.forEach((item, index) => found.push(...paths(item, [...at, index])));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) found.push(...paths(item, [...at, key]));
  }
  return found;
}

function get(value: Json, path: Path): Json {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, Json>)[key];
  }
  return current;
}

/** A deep copy of `value` with the value at `path` replaced (`undefined` deletes the key). */
function replaced(value: Json, path: Path, next: Json): Json {
  if (path.length === 0) return next;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[key as number] = replaced(copy[key as number], rest, next);
    return copy.filter((item) => item !== undefined);
  }
  const copy = { ...(value as Record<string, Json>) };
  const inner = replaced(copy[key], rest, next);
  if (inner === undefined) delete copy[key];
  else copy[key] = inner;
  return copy;
}

/** Values that break or stress some rule of the format. */
const nasty: Json[] = [
  undefined, null, true, 0, -1, 1, 1.5, -0.5, 1e20, 86_401, 2_000_000, -2_000_000, Number.MAX_SAFE_INTEGER,
  '', ' ', 'x', '   ', 'a,b', 'VIP Customer', 'Hi 👋', 'Thanks ❤️', 'Acme™', 'x'.repeat(6), 'x'.repeat(11), 'x'.repeat(36),
  'x'.repeat(41), 'x'.repeat(65), 'x'.repeat(81), 'x'.repeat(101), 'x'.repeat(129), 'x'.repeat(201), 'x'.repeat(1001),
  '2026-11-23T10:00:00Z', '2026-11-23T10:00:00', '2026-02-30T10:00:00Z', '2026-12-01', '2026-02-30', '2028-02-29',
  '09:00', '24:00', '24:30', '25:00', '9:00', 'Europe/Berlin', 'Mars/Olympus', 'en', 'en-US', 'english!',
  'draft', 'live', 'paused', 'error', 'manual', 'channelDeleted', 'agent', 'aiAgent', 'pageLoad', 'timeOnPage',
  'anytime', 'businessHours', 'once', 'everyTime', 'name', 'email', 'phone', 'mon', 'sun', 'desktop', 'watch',
  'webWidget', 'email',
  [], ['x'], [1], ['email', 'email'], ['channelDeleted', 'channelDeleted'], new Array(51).fill('t'),
  Array.from({ length: 51 }, (_, i) => `t${i}`), [{}], {}, { a: 1 }, { type: 'agent' }, { event: 'pageLoad' },
  { type: 'anytime' }, { day: 'mon', open: '09:00', close: '17:00' },
];

type Mutation =
  | { readonly kind: 'replace'; readonly pick: number; readonly value: number }
  | { readonly kind: 'addKey'; readonly pick: number }
  | { readonly kind: 'duplicateItem'; readonly pick: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), value: fc.nat(nasty.length - 1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('addKey' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicateItem' as const), pick: fc.nat() }) },
);

function mutate(input: Json, mutations: readonly Mutation[]): Json {
  let current = input;
  for (const mutation of mutations) {
    const all = paths(current);
    const path = all[mutation.pick % all.length] as Path;
    const target = get(current, path);
    if (mutation.kind === 'replace') current = replaced(current, path, nasty[mutation.value]);
    else if (mutation.kind === 'addKey' && typeof target === 'object' && target !== null && !Array.isArray(target)) {
      current = replaced(current, path, { ...target, extraKey: 1 });
    } else if (mutation.kind === 'duplicateItem' && Array.isArray(target) && target.length > 0) {
      current = replaced(current, path, [...target, target[0]]);
    }
  }
  return current;
}

const SIZE_CODES: ReadonlySet<string> = new Set(['tooLong', 'tooShort', 'tooMany', 'outOfRange']);

/** zod's issues with the two documented differences normalised (see the file comment). */
function normalizeZod(issues: readonly Issue[], input: Json): { path: Path; code: string }[] {
  const out: { path: Path; code: string }[] = [];
  const typed = new Set<string>();
  let previous = '';
  for (const { path, code } of issues) {
    const key = JSON.stringify(path);
    if (typed.has(key) && SIZE_CODES.has(code)) continue; // a length check zod ran after a wrong type
    if (`${key}${code}` === previous) continue; // zod's safe-integer format and range checks both fired
    previous = `${key}${code}`;
    if (code === 'invalidType' || code === 'required') typed.add(key);
    const missing = get(input, path) === undefined && path.length > 0;
    out.push({ path, code: code === 'invalidEnum' && missing ? 'required' : code });
  }
  return out;
}

/** Issue codes the broken inputs produced, to show the mutations reach every rule. */
const seen = new Set<string>();

function compare<T>(ours: Result<T>, theirs: Result<T>, input: Json): void {
  if (!ours.ok) for (const found of ours.issues) seen.add(found.code);
  expect(ours.ok, String(JSON.stringify(input)).slice(0, 2000)).toBe(theirs.ok);
  if (ours.ok && theirs.ok) {
    expect(ours.value).toEqual(theirs.value);
    return;
  }
  if (!ours.ok && !theirs.ok) {
    const mine = ours.issues.map(({ path, code }) => ({ path, code }));
    expect(mine, String(JSON.stringify(input)).slice(0, 2000)).toEqual(normalizeZod(theirs.issues, input));
    for (const found of ours.issues) expect(found.message.length).toBeGreaterThan(5);
  }
}

const cases = [
  ['message', messageArb(), parseMessage, zodParsers.parseMessage],
  ['visitor', visitorArb(), parseVisitor, zodParsers.parseVisitor],
  ['workspace', workspaceArb(), parseWorkspace, zodParsers.parseWorkspace],
  ['schedule', scheduleArb(), parseSchedule, zodParsers.parseSchedule],
] as const;

describe('hand-written checks agree with the zod schemas', () => {
  it.each(cases)('valid %s: same parsed value', (_, arb, ours, theirs) => {
    fc.assert(
      fc.property(arb as fc.Arbitrary<Json>, (input) => {
        const mine = (ours as (input: Json) => Result<unknown>)(input);
        expect(mine.ok).toBe(true);
        compare(mine, (theirs as (input: Json) => Result<unknown>)(input), input);
      }),
      { numRuns: 300 },
    );
  });

  it.each(cases)('broken %s: same verdict and issues', (_, arb, ours, theirs) => {
    fc.assert(
      fc.property(arb as fc.Arbitrary<Json>, fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (valid, mutations) => {
        const input = mutate(JSON.parse(JSON.stringify(valid)) as Json, mutations);
        compare((ours as (input: Json) => Result<unknown>)(input), (theirs as (input: Json) => Result<unknown>)(input), input);
      }),
      { numRuns: 1500 },
    );
  });

  it('the broken inputs reach every rule of the format (a fixed-seed run)', () => {
    for (const [, arb, ours, theirs] of cases) {
      fc.assert(
        fc.property(arb as fc.Arbitrary<Json>, fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (valid, mutations) => {
          const input = mutate(JSON.parse(JSON.stringify(valid)) as Json, mutations);
          compare((ours as (input: Json) => Result<unknown>)(input), (theirs as (input: Json) => Result<unknown>)(input), input);
        }),
        { numRuns: 1500, seed: 20261130 },
      );
    }
    const expected = [
      'invalidType', 'required', 'unknownKey', 'invalidEnum', 'invalidFormat', 'invalidTimestamp', 'invalidRange',
      'outOfRange', 'tooShort', 'tooLong', 'tooMany', 'emojiNotAllowed', 'duplicateValue', 'invalidTimeZone',
    ];
    for (const code of expected) expect(seen, code).toContain(code);
  });
});
