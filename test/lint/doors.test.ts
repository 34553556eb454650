/**
 * lint's edges: it never throws on any JSON, it keeps exactly the messages `parseMessages` and
 * `evaluate` keep, the trigger equivalence it relies on holds, its output is deterministic and it
 * does not mutate its input; and what 140 messages cost.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, explain, ISSUE_CODES, LINT_ISSUE_CODES, LINT_SEVERITIES, lint, parseMessages, readFacts, type Message, type Visitor } from '../../src/index.js';
import { deepFreeze, KIT_NOW_MS, messageArb, messageListArb, visitorArb } from '../../src/testing/index.js';

const examples = JSON.parse(readFileSync(new URL('../../examples/messages.json', import.meta.url), 'utf8')) as Message[];
const codes = new Set<string>(ISSUE_CODES);

describe('lint never throws', () => {
  it('on any JSON value as the list, the workspace or the options', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), fc.jsonValue({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 2 }), (messages, workspace, options) => {
        const found = lint(messages as never, workspace as never, options as never);
        for (const f of found) {
          expect(codes.has(f.code)).toBe(true);
          expect(LINT_SEVERITIES).toContain(f.severity);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('on lists of messages with one field replaced by junk: each bad message is reported, the others analysed', () => {
    const keys = Object.keys(examples[4] as object);
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.jsonValue({ maxDepth: 4 }), fc.nat({ max: examples.length - 1 }), (key, junk, index) => {
        const list = examples.map((m, i) => (i === index ? { ...m, [key]: junk } : m));
        const found = lint(list as never);
        const parsed = parseMessages(list);
        const rejected = new Set(parsed.issues.map((issue) => issue.path[0]));
        // An error finding with the message's path exactly when the parser rejects it.
        for (const i of rejected) expect(found.some((f) => f.path[0] === i && f.severity === 'error')).toBe(true);
        for (const f of found) expect(codes.has(f.code)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('reports a message list that is not a list, or too long, as one finding', () => {
    expect(lint({ length: 3 } as never).map((f) => [f.code, f.path])).toEqual([['invalidType', []]]);
    expect(lint('x' as never)[0]?.severity).toBe('error');
    expect(lint([], undefined, { now: 'yesterday' }).map((f) => f.code)).toEqual(['invalidInstant']);
  });
});

describe('lint keeps what evaluate keeps', () => {
  it('the messages it analyses are exactly those parseMessages keeps and evaluate does not skip', () => {
    fc.assert(
      fc.property(messageListArb({ maxLength: 6 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom('dup', 'junk')), { maxLength: 3 }), (list, damage) => {
        const messages: unknown[] = [...list];
        for (const [at, kind] of damage) {
          const target = messages[at % Math.max(1, messages.length)];
          messages.push(kind === 'dup' && target !== undefined ? { ...(target as object), name: 'Another name' } : { id: 'junk' });
        }
        const found = lint(messages as never);
        // The parser's findings (lint's own codes aside).
        const errorIndexes = new Set(found.filter((f) => !(LINT_ISSUE_CODES as readonly string[]).includes(f.code) && f.path.length > 0).map((f) => f.path[0]));
        const parsed = parseMessages(messages);
        const dropped = new Set(parsed.issues.map((issue) => issue.path[0]));
        const skipped = new Set(evaluate(visitorOf(), messages as never, KIT_NOW_MS).invalid.map((bad) => bad.index));
        expect([...errorIndexes].sort()).toEqual([...dropped].sort());
        expect([...skipped].sort()).toEqual([...dropped].sort());
      }),
      { numRuns: 200 },
    );
  });
});

function visitorOf(): Visitor {
  return fc.sample(visitorArb({ channelId: 'web_main' }), { numRuns: 1, seed: 7 })[0] as Visitor;
}

describe('the trigger equivalence lint relies on', () => {
  it('a timeOnPage trigger of n seconds has fired exactly when timeOnPage ≥ n', () => {
    fc.assert(
      fc.property(messageArb({ status: 'live', channelId: 'web_main', sendWindow: 'anytime' }), visitorArb({ channelId: 'web_main' }), fc.integer({ min: -5_000, max: 120_000 }), (message, visitor, shift) => {
        if (message.trigger.event !== 'timeOnPage') return;
        const at = KIT_NOW_MS + shift;
        const gate = explain(visitor, [message], at)[0]?.gates.find((g) => g.gate === 'trigger');
        const seconds = readFacts(visitor, at).timeOnPage as number;
        expect(gate?.passed).toBe(message.trigger.seconds === 0 || seconds >= message.trigger.seconds);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('lint is pure', () => {
  it('same input, same findings; the input is not changed', () => {
    fc.assert(
      fc.property(messageListArb({ maxLength: 5 }), (list) => {
        const frozen = deepFreeze(structuredClone(list));
        expect(JSON.stringify(lint(frozen, undefined, { now: KIT_NOW_MS }))).toBe(JSON.stringify(lint(structuredClone(list), undefined, { now: KIT_NOW_MS })));
        expect(frozen).toEqual(list);
      }),
      { numRuns: 100 },
    );
  });
});

describe('cost', () => {
  it('140 live messages on one channel (the bench workload shape): time printed, bounded by the step budget', () => {
    const list = fc.sample(messageArb({ status: 'live', channelId: 'web_main' }), { numRuns: 140, seed: 42 }).map((m, i) => ({ ...m, id: `msg_${i}`, name: `Message ${i}` }));
    lint(list);
    const runs = 3;
    const start = performance.now();
    for (let i = 0; i < runs; i += 1) lint(list);
    const ms = (performance.now() - start) / runs;
    console.log(`[lint] 140 random live messages on one channel: ${ms.toFixed(0)} ms per lint`);
    expect(ms).toBeLessThan(20_000);
  });
});

describe('lint on values it cannot read', () => {
  it('an item whose read throws is one invalidType (json) error at its index; the other messages are still linted', () => {
    const list = [...examples];
    Object.defineProperty(list, 1, {
      get() {
        throw new Error('no');
      },
    });
    const found = lint(list);
    expect(found.filter((f) => f.path[0] === 1).map((f) => [f.code, f.severity, f.params])).toStrictEqual([['invalidType', 'error', { expected: 'json', got: 'other' }]]);
    // The others get exactly the findings they get without the broken item (indices kept).
    const without = lint(examples.map((m, i) => (i === 1 ? (null as never) : m))).filter((f) => f.path[0] !== 1);
    expect(found.filter((f) => f.path[0] !== 1).map((f) => [f.code, f.path.join('.')])).toStrictEqual(without.map((f) => [f.code, f.path.join('.')]));
  });

  it('an options object whose now cannot be read is one invalidType (json) error at now', () => {
    const found = lint(examples, undefined, {
      get now(): never {
        throw new Error('no');
      },
    } as never);
    expect(found.filter((f) => f.path[0] === 'now').map((f) => [f.code, f.severity])).toStrictEqual([['invalidType', 'error']]);
  });
});
