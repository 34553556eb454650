/**
 * `spec/cases.json`: the versioned end-to-end vectors of `evaluate` and `explain`, each worked
 * out by hand. The same file runs in headless Chromium (see test/browser/vectors.ts).
 */
import { describe, expect, it } from 'vitest';
import { evaluate, explain, type Message, type Visitor } from '../../src/index.js';
import spec from '../../spec/cases.json' with { type: 'json' };

interface Case {
  readonly name: string;
  readonly visitor: unknown;
  readonly messages: readonly unknown[];
  readonly now: string;
  readonly expect: {
    readonly message: string | null;
    readonly onScreen: boolean;
    readonly eligible: readonly string[];
    readonly reevaluateAt: string | null;
    readonly invalid: readonly unknown[];
    readonly invalidInput: unknown;
    readonly verdicts: readonly { readonly id: string; readonly reason: string | null }[];
  };
}

const cases = spec.cases as unknown as readonly Case[];

describe(`spec/cases.json (specVersion ${spec.specVersion})`, () => {
  it('is version 1 and has a case per behaviour, each with its reasoning', () => {
    expect(spec.specVersion).toBe(1);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
    for (const c of cases) expect((c as unknown as { why: string }).why.length).toBeGreaterThan(20);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const visitor = c.visitor as Visitor;
    const messages = c.messages as Message[];
    const decision = evaluate(visitor, messages, c.now);
    expect({
      message: decision.message?.id ?? null,
      onScreen: decision.onScreen,
      eligible: decision.eligible,
      reevaluateAt: decision.reevaluateAt === null ? null : new Date(decision.reevaluateAt).toISOString(),
      invalid: decision.invalid,
      invalidInput: decision.invalidInput,
    }).toStrictEqual({
      message: c.expect.message,
      onScreen: c.expect.onScreen,
      eligible: c.expect.eligible,
      reevaluateAt: c.expect.reevaluateAt,
      invalid: c.expect.invalid,
      invalidInput: c.expect.invalidInput,
    });
    expect(explain(visitor, messages, c.now).map((v) => ({ id: v.id, reason: v.reason }))).toStrictEqual(c.expect.verdicts);
  });
});
