import { describe, expect, it } from 'vitest';
import { parseMessage, parseMessages, parseSchedule, parseVisitor, parseWorkspace } from '../../src/parse/parse.js';
import type { Message, Result } from '../../src/index.js';
import { SPEC_MESSAGE_JSON, SPEC_VISITOR_JSON, SPEC_WORKSPACE_JSON, deepFreeze, fresh } from './fixtures.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test fixtures are edited freely

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.issues)}`);
  return result.value;
}

describe('the SPEC §4 examples', () => {
  it.each([
    ['message', SPEC_MESSAGE_JSON, parseMessage],
    ['visitor', SPEC_VISITOR_JSON, parseVisitor],
    ['workspace', SPEC_WORKSPACE_JSON, parseWorkspace],
  ] as const)('the %s parses to exactly its wire JSON (timestamps stay strings)', (_name, json, parse) => {
    const value = valueOf<unknown>((parse as (input: unknown) => Result<unknown>)(JSON.parse(json)));
    expect(JSON.parse(JSON.stringify(value))).toStrictEqual(JSON.parse(json));
  });

  it('a parsed message parses again to the same value (idempotent)', () => {
    const once = valueOf(parseMessage(JSON.parse(SPEC_MESSAGE_JSON)));
    expect(valueOf(parseMessage(once))).toStrictEqual(once);
  });
});

describe('defaults', () => {
  it('fills tags, priority, metrics, capture and holidays when absent', () => {
    const m = fresh<Json>(SPEC_MESSAGE_JSON);
    delete m.tags;
    delete m.priority;
    delete m.metrics;
    delete m.response.capture;
    delete m.sendWindow.schedule.holidays;
    const value = valueOf(parseMessage(m));
    expect(value.tags).toStrictEqual([]);
    expect(value.priority).toBe(0);
    expect(value.metrics).toStrictEqual({ sent: 0, read: 0, replied: 0 });
    expect(value.response).toMatchObject({ capture: [] });
    expect(value.sendWindow).toMatchObject({ schedule: { holidays: [] } });
  });

  it('gives every parse its own default arrays', () => {
    const m = fresh<Json>(SPEC_MESSAGE_JSON);
    delete m.tags;
    const a = valueOf(parseMessage(m));
    const b = valueOf(parseMessage(m));
    expect(a.tags).not.toBe(b.tags);
  });

  it('fills deliveries and AI-agent answers when absent', () => {
    const v = fresh<Json>(SPEC_VISITOR_JSON);
    delete v.deliveries;
    expect(valueOf(parseVisitor(v)).deliveries).toStrictEqual([]);
    const w = fresh<Json>(SPEC_WORKSPACE_JSON);
    delete w.aiAgents[0].answers;
    expect(valueOf(parseWorkspace(w)).aiAgents[0]?.answers).toStrictEqual([]);
  });

  it('keeps conditions required: null means every visitor, absent is an issue', () => {
    const m = fresh<Json>(SPEC_MESSAGE_JSON);
    m.conditions = null;
    expect(valueOf(parseMessage(m)).conditions).toBeNull();
    delete m.conditions;
    expect(parseMessage(m)).toMatchObject({ ok: false, issues: [{ code: 'required', path: ['conditions'] }] });
  });
});

describe('tags', () => {
  it('are trimmed, lower-cased, whitespace runs become _, and duplicates dropped (first kept)', () => {
    const m = fresh<Json>(SPEC_MESSAGE_JSON);
    m.tags = [' VIP  Customer ', 'vip_customer', 'Pricing', 'ÄRGER\tlos', 'pricing'];
    expect(valueOf(parseMessage(m)).tags).toStrictEqual(['vip_customer', 'pricing', 'ärger_los']);
  });
});

describe('text rules', () => {
  it('allows emoji in AI-agent text and ©/®/™ in agent text', () => {
    const ai = fresh<Json>(SPEC_MESSAGE_JSON);
    ai.response = { type: 'aiAgent', text: 'Hi 👋 need help?', aiAgentId: 'ai_1' };
    expect(parseMessage(ai).ok).toBe(true);
    const agent = fresh<Json>(SPEC_MESSAGE_JSON);
    agent.response.text = 'Acme™ and Acme® are © Acme';
    expect(parseMessage(agent).ok).toBe(true);
  });

  it('names the offending emoji in the issue', () => {
    const m = fresh<Json>(SPEC_MESSAGE_JSON);
    m.response.text = 'Sale 🎉 today';
    const result = parseMessage(m);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.message).toContain('🎉');
  });
});

describe('status rules', () => {
  it.each([
    ['draft without channel', { status: 'draft', channelId: null }],
    ['paused by hand', { status: 'paused', pauseReason: 'manual', publishedAt: '2026-11-02T09:00:00+01:00' }],
    ['error with reasons', { status: 'error', errorReasons: ['channelDeleted', 'aiAgentDeleted'] }],
    ['live without publishedAt (legacy data)', { status: 'live' }],
  ])('accepts a consistent %s', (_name, patch) => {
    const m = { ...fresh<Json>(SPEC_MESSAGE_JSON), ...patch };
    expect(parseMessage(m).ok).toBe(true);
  });

  it('reports status issues together with schema issues', () => {
    const m = fresh<Json>(SPEC_MESSAGE_JSON);
    m.pauseReason = 'manual';
    m.name = '';
    const result = parseMessage(m);
    expect(result.ok ? [] : result.issues.map((found) => found.code).sort()).toStrictEqual(['statusFieldMismatch', 'tooSmall']);
  });
});

describe('parseMessages', () => {
  it('keeps the good items in order and reports bad ones under their index', () => {
    const good1 = fresh<Json>(SPEC_MESSAGE_JSON);
    const bad = fresh<Json>(SPEC_MESSAGE_JSON);
    bad.id = 'bad';
    bad.status = 'archived';
    const good2 = { ...fresh<Json>(SPEC_MESSAGE_JSON), id: 'second' };
    const result = parseMessages([good1, bad, 'junk', good2]);
    expect(result.ok).toBe(false);
    expect(result.value.map((m) => m.id)).toStrictEqual(['msg_pricing_help', 'second']);
    expect(result.issues.map((found) => [found.path, found.code])).toStrictEqual([
      [[1, 'status'], 'invalidValue'],
      [[2], 'invalidType'],
    ]);
  });

  it('keeps the first of two messages with one id', () => {
    const first = fresh<Json>(SPEC_MESSAGE_JSON);
    const second = { ...fresh<Json>(SPEC_MESSAGE_JSON), name: 'second' };
    const result = parseMessages([first, second]);
    expect(result.value).toHaveLength(1);
    expect(result.value[0]?.name).toBe(first.name);
  });

  it('an empty list is ok', () => {
    expect(parseMessages([])).toStrictEqual({ ok: true, value: [], issues: [] });
  });
});

describe('inputs are never mutated', () => {
  it.each([
    ['message', SPEC_MESSAGE_JSON, parseMessage],
    ['visitor', SPEC_VISITOR_JSON, parseVisitor],
    ['workspace', SPEC_WORKSPACE_JSON, parseWorkspace],
  ] as const)('a deep-frozen %s parses and stays equal to its JSON', (_name, json, parse) => {
    const input = deepFreeze(JSON.parse(json) as unknown);
    expect(parse(input).ok).toBe(true);
    expect(input).toStrictEqual(JSON.parse(json));
  });

  it('a deep-frozen message with issues in every part is reported, not changed', () => {
    const m = fresh<Json>(SPEC_MESSAGE_JSON);
    m.tags = [' A B '];
    m.conditions.all.push({ all: [] });
    m.extra = true;
    delete m.metrics;
    const snapshot = JSON.stringify(m);
    const result = parseMessages(deepFreeze([m, m]));
    expect(result.ok).toBe(false);
    expect(JSON.stringify(m)).toBe(snapshot);
  });

  it('returns valid input that needs nothing filled in as is, and new objects where it fills or normalises', () => {
    const input = JSON.parse(SPEC_MESSAGE_JSON) as Json;
    const value = valueOf(parseMessage(input));
    // Nothing to fill in: the very same (readonly) value, no copy allocated.
    expect(value).toBe(input);
    delete input.tags;
    input.response.capture = ['email'];
    input.sendWindow.schedule.holidays = undefined;
    const filled = valueOf(parseMessage(input));
    expect(filled).not.toBe(input);
    expect(filled.tags).toStrictEqual([]);
    expect(filled.response).toBe(input.response);
    expect(filled.sendWindow).not.toBe(input.sendWindow);
    expect(input.tags).toBeUndefined();
    expect(input.sendWindow.schedule.holidays).toBeUndefined();
  });
});

describe('parseSchedule', () => {
  it('accepts 00:00–24:00, overnight intervals and one-day holidays', () => {
    const schedule = {
      timezone: 'America/New_York',
      weekly: [
        { day: 'sat', open: '00:00', close: '24:00' },
        { day: 'fri', open: '22:00', close: '02:00' },
      ],
      holidays: [{ start: '2028-02-29', end: '2028-02-29' }],
    };
    expect(valueOf(parseSchedule(schedule))).toStrictEqual(schedule);
  });
});

// Compile-time: a parsed value is usable as the domain type without casts.
const _typed: (input: unknown) => Message | null = (input) => {
  const result = parseMessage(input);
  return result.ok ? result.value : null;
};
void _typed;

describe('data from another realm (an iframe, a vm context)', () => {
  it('parses as plain objects: their Object.prototype is a root prototype too', async () => {
    const { runInNewContext } = await import('node:vm');
    const foreign = runInNewContext(`(${SPEC_VISITOR_JSON})`) as unknown;
    expect(Object.getPrototypeOf(foreign)).not.toBe(Object.prototype);
    expect(parseVisitor(foreign).ok).toBe(true);
    expect(parseMessage(runInNewContext(`(${SPEC_MESSAGE_JSON})`) as unknown).ok).toBe(true);
  });

  it('still rejects class instances and dates', () => {
    class Custom {
      readonly id = 'x';
    }
    expect(parseSchedule(new Custom())).toMatchObject({ ok: false, issues: [{ code: 'invalidType', params: { expected: 'object' } }] });
    expect(parseSchedule(new Date())).toMatchObject({ ok: false, issues: [{ code: 'invalidType', params: { got: 'date' } }] });
  });
});
