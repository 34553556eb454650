/**
 * Strict CSP (`script-src 'self'`): the parsers must never reach `Function` — not even zod's
 * `allowsEval` probe, which a browser reports as a `securitypolicyviolation` although zod
 * catches the error.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SPEC_MESSAGE_JSON, SPEC_VISITOR_JSON, SPEC_WORKSPACE_JSON } from './fixtures.js';

const original = globalThis.Function;
let calls: string[] = [];

function installTrap(): void {
  calls = [];
  globalThis.Function = new Proxy(original, {
    construct(_target, args: unknown[]) {
      calls.push(`new Function(${args.map(String).join(', ').slice(0, 60)})`);
      throw new EvalError('Refused to evaluate a string as JavaScript (test CSP)');
    },
    apply(_target, _this, args: unknown[]) {
      calls.push(`Function(${args.map(String).join(', ').slice(0, 60)})`);
      throw new EvalError('Refused to evaluate a string as JavaScript (test CSP)');
    },
  });
}

afterEach(() => {
  globalThis.Function = original;
});

describe('no code generation', () => {
  it('loading the schemas and parsing valid and invalid input never calls Function', async () => {
    vi.resetModules();
    installTrap();
    const { parseMessage, parseMessages, parseVisitor, parseWorkspace, parseSchedule } = await import(
      '../../src/parse/parse.js'
    );
    const message = JSON.parse(SPEC_MESSAGE_JSON) as Record<string, unknown>;
    expect(parseMessage(message).ok).toBe(true);
    expect(parseMessages([message, { ...message, id: 'x', status: 'nope', extra: 1 }]).issues.length).toBeGreaterThan(0);
    expect(parseVisitor(JSON.parse(SPEC_VISITOR_JSON)).ok).toBe(true);
    expect(parseWorkspace(JSON.parse(SPEC_WORKSPACE_JSON)).ok).toBe(true);
    expect(parseSchedule({ timezone: 'UTC', weekly: 'x' }).ok).toBe(false);
    globalThis.Function = original;
    expect(calls).toStrictEqual([]);
  });

  it('the trap does catch zod code generation (classic zod objects probe for eval)', async () => {
    const z = await import('zod');
    installTrap();
    const schema = z.object({ a: z.string() });
    schema.safeParse({ a: 'x' });
    globalThis.Function = original;
    expect(calls.length).toBeGreaterThan(0);
  });
});
