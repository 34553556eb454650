/**
 * The runtime checker and the published zod schemas (`proactive-messaging/schema`) describe one
 * format. This test runs both on valid documents from the testing kit and on those documents with
 * one to three parts broken by hostile values (`test/helpers/mutate.ts`), and requires the same
 * verdict and, on success, the same parsed value (defaults filled, tags normalised). The zod side
 * reuses the library's rule for what is more than a shape (tree meaning, status fields), so what
 * this pins is the shapes, bounds, formats and defaults written twice — once in each language.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import type { Result } from '../../src/core/issues.js';
import { parseMessage, parseSchedule, parseVisitor, parseWorkspace } from '../../src/parse/parse.js';
import { messageSchema, scheduleSchema, visitorSchema, workspaceSchema } from '../../src/schema/index.js';
import { messageArb, scheduleArb, visitorArb, workspaceArb } from '../../src/testing/index.js';
import { mutate, mutationArb, show, type Json } from '../helpers/mutate.js';
import { fresh, SPEC_MESSAGE_JSON, SPEC_VISITOR_JSON } from './fixtures.js';

/** Issue codes the broken inputs produced, to show the mutations reach every rule. */
const seen = new Set<string>();

function compare(ours: Result<unknown>, theirs: z.ZodSafeParseResult<unknown>, input: Json): void {
  if (!ours.ok) for (const found of ours.issues) seen.add(found.code);
  const shown = show(input);
  expect(ours.ok, shown).toBe(theirs.success);
  if (ours.ok && theirs.success) expect(ours.value, shown).toEqual(theirs.data);
}

const cases = [
  ['message', messageArb(), parseMessage, messageSchema],
  ['visitor', visitorArb(), parseVisitor, visitorSchema],
  ['workspace', workspaceArb(), parseWorkspace, workspaceSchema],
  ['schedule', scheduleArb(), parseSchedule, scheduleSchema],
] as const;

describe('the runtime checker agrees with the zod schemas', () => {
  it.each(cases)('valid %s: same parsed value', (_, arb, ours, schema) => {
    fc.assert(
      fc.property(arb as fc.Arbitrary<Json>, (input) => {
        const mine = (ours as (input: Json) => Result<unknown>)(input);
        expect(mine.ok).toBe(true);
        compare(mine, (schema as z.ZodType).safeParse(input), input);
      }),
      { numRuns: 300 },
    );
  });

  it.each(cases)('broken %s: same verdict, same value', (_, arb, ours, schema) => {
    fc.assert(
      fc.property(arb as fc.Arbitrary<Json>, fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (valid, mutations) => {
        const input = mutate(JSON.parse(JSON.stringify(valid)) as Json, mutations);
        compare((ours as (input: Json) => Result<unknown>)(input), (schema as z.ZodType).safeParse(input), input);
      }),
      { numRuns: 1500 },
    );
  });

  it('the broken inputs reach every rule of the format (a fixed-seed run)', () => {
    for (const [, arb, ours, schema] of cases) {
      fc.assert(
        fc.property(arb as fc.Arbitrary<Json>, fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (valid, mutations) => {
          const input = mutate(JSON.parse(JSON.stringify(valid)) as Json, mutations);
          compare((ours as (input: Json) => Result<unknown>)(input), (schema as z.ZodType).safeParse(input), input);
        }),
        { numRuns: 3000, seed: 20261201 },
      );
    }
    const expected = [
      'invalidType', 'required', 'unknownKey', 'reservedKey', 'invalidValue', 'invalidFormat', 'invalidRange',
      'tooSmall', 'tooBig', 'emojiNotAllowed', 'duplicate', 'statusFieldMismatch',
    ];
    for (const code of expected) expect(seen, code).toContain(code);
  });
});

describe('the zod schemas report each problem once, as the checker does', () => {
  const message = fresh(SPEC_MESSAGE_JSON);
  const reported = (input: unknown): unknown[] => {
    const result = messageSchema.safeParse(input);
    expect(result.success).toBe(false);
    return result.success ? [] : result.error.issues.map((found) => found.path);
  };

  it.each([
    ['empty', ''],
    ['only spaces', '   '],
    ['too long', 'x'.repeat(201)],
    ['too long, only spaces', ' '.repeat(201)],
  ])('a name that is %s: one issue at name', (_, name) => {
    expect(reported({ ...message, name })).toEqual([['name']]);
    expect(parseMessage({ ...message, name })).toMatchObject({ ok: false, issues: [{ path: ['name'] }] });
  });

  it('an empty tag and an empty time zone: one issue each', () => {
    expect(reported({ ...message, tags: ['pricing', '  '] })).toEqual([['tags', 1]]);
    const sendWindow = { ...(message.sendWindow as object), schedule: { ...((message.sendWindow as { schedule: object }).schedule), timezone: '' } };
    expect(reported({ ...message, sendWindow })).toEqual([['sendWindow', 'schedule', 'timezone']]);
  });

  it('the library rule still speaks when the shape is right (a status field)', () => {
    expect(reported({ ...message, pauseReason: 'manual' })).toEqual([['pauseReason']]);
  });
});

describe('reserved metadata keys', () => {
  // zod's record skips an own `__proto__` key without a word; the broken-visitor property drew it
  // now and then (`metadata: {"__proto__": 1}` parsed with zod, not with the checker).
  it.each(['__proto__', 'constructor', 'prototype'])('an own %s key: refused by both', (key) => {
    const visitor = { ...fresh<Record<string, unknown>>(SPEC_VISITOR_JSON), metadata: JSON.parse(`{"plan":"trial","${key}":1}`) as unknown };
    expect(parseVisitor(visitor)).toMatchObject({ ok: false, issues: [{ path: ['metadata', key], code: 'reservedKey' }] });
    const theirs = visitorSchema.safeParse(visitor);
    expect(theirs.success).toBe(false);
    expect(theirs.success ? [] : theirs.error.issues.map((found) => found.path)).toEqual([['metadata', key]]);
  });
});
