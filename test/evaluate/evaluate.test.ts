import { describe, expect, it } from 'vitest';
import { evaluate, explain, type Message } from '../../src/index.js';
import { T0, deepFreeze, message, visitor } from './fixtures.js';

describe('evaluate: selection', () => {
  it('picks the highest priority; eligible lists every qualifying message in priority order', () => {
    const messages = [message('a', { priority: 1 }), message('b', { priority: 5 }), message('c', { priority: 3 })];
    const d = evaluate(visitor(), messages, T0);
    expect(d.message?.id).toBe('b');
    expect(d.eligible).toEqual(['b', 'c', 'a']);
  });

  it('breaks priority ties by position in the list', () => {
    const messages = [message('x'), message('y'), message('z', { priority: -1 })];
    expect(evaluate(visitor(), messages, T0).eligible).toEqual(['x', 'y', 'z']);
  });

  it('returns the message object itself, not a copy', () => {
    const messages = [message('a')];
    expect(evaluate(visitor(), messages, T0).message).toBe(messages[0]);
  });

  it('returns null and an empty list when nothing qualifies', () => {
    const d = evaluate(visitor(), [message('a', { status: 'paused', pauseReason: 'manual' })], T0);
    expect(d).toMatchObject({ message: null, eligible: [], heldOut: [], reevaluateAt: null });
  });
});

describe('evaluate: gates', () => {
  it.each([
    ['draft', false],
    ['paused', false],
    ['error', false],
    ['live', true],
  ] as const)('status %s qualifies: %s', (status, qualifies) => {
    const d = evaluate(visitor(), [message('a', { status })], T0);
    expect(d.eligible.includes('a')).toBe(qualifies);
  });

  it('ignores messages on other channels', () => {
    const d = evaluate(visitor(), [message('a', { channelId: 'mobile_app' }), message('b')], T0);
    expect(d.eligible).toEqual(['b']);
  });

  it('never sends to a visitor in an active conversation', () => {
    const d = evaluate(visitor({ inActiveConversation: true }), [message('a')], T0);
    expect(d).toMatchObject({ message: null, eligible: [], heldOut: [], reevaluateAt: null });
  });

  it('caps by frequency from the visitor history', () => {
    const v = visitor({
      deliveries: [{ messageId: 'a', at: '2026-11-01T00:00:00Z', visitId: 'visit_1', pageViewId: 'pv_1' }],
    });
    const d = evaluate(v, [message('a', { frequency: 'once' }), message('b', { frequency: 'once' })], T0);
    expect(d.eligible).toEqual(['b']);
  });

  it('waits for a time-on-page trigger and asks to re-evaluate exactly when it fires', () => {
    const messages = [message('a', { trigger: { event: 'timeOnPage', seconds: 30 } })];
    const before = evaluate(visitor(), messages, T0 + 10_000);
    expect(before).toMatchObject({ message: null, eligible: [], heldOut: [], reevaluateAt: T0 + 30_000 });
    const at = evaluate(visitor(), messages, T0 + 30_000);
    expect(at.message?.id).toBe('a');
    expect(at.reevaluateAt).toBeNull();
  });

  it('takes the earliest trigger among several waiting messages', () => {
    const messages = [
      message('a', { trigger: { event: 'timeOnPage', seconds: 60 } }),
      message('b', { trigger: { event: 'timeOnPage', seconds: 20 } }),
    ];
    expect(evaluate(visitor(), messages, T0).reevaluateAt).toBe(T0 + 20_000);
  });

  it('does not schedule a re-evaluation for a trigger of a message that time alone cannot enable', () => {
    const v = visitor({ inActiveConversation: true });
    const messages = [message('a', { trigger: { event: 'timeOnPage', seconds: 60 } })];
    expect(evaluate(v, messages, T0).reevaluateAt).toBeNull();
  });
});

describe('evaluate: the message on screen', () => {
  const shown = (id: string, extra: object = {}) => ({
    messageId: id,
    at: '2026-11-23T10:00:01Z',
    visitId: 'visit_9',
    pageViewId: 'pv_3',
    ...extra,
  });

  it('stays the answer while live, even when a higher priority message now qualifies', () => {
    const messages = [message('low', { priority: 0 }), message('high', { priority: 9 })];
    const d = evaluate(visitor({ deliveries: [shown('low')] }), messages, T0 + 2000);
    expect(d.message?.id).toBe('low');
    expect(d.eligible).toEqual(['low', 'high']);
  });

  it('stops being the answer once dismissed or closed', () => {
    const messages = [message('low', { priority: 0 }), message('high', { priority: 9 })];
    for (const how of ['dismissed', 'closed']) {
      const d = evaluate(visitor({ deliveries: [shown('low', { [how]: true })] }), messages, T0 + 2000);
      expect(d.message?.id).toBe('high');
    }
  });

  it('stops being the answer once it is no longer live', () => {
    const messages = [message('low', { status: 'paused', pauseReason: 'manual' }), message('high', { priority: 9 })];
    expect(evaluate(visitor({ deliveries: [shown('low')] }), messages, T0).message?.id).toBe('high');
  });

  it('is not sticky across page views', () => {
    const v = visitor({ deliveries: [shown('low', { pageViewId: 'pv_2' })] });
    const messages = [message('low'), message('high', { priority: 9 })];
    expect(evaluate(v, messages, T0).message?.id).toBe('high');
  });
});

describe('evaluate: malformed input fails closed', () => {
  it('skips a malformed message, reports it, and still evaluates the others', () => {
    const broken = { ...message('bad'), trigger: { event: 'never' } } as unknown as Message;
    const d = evaluate(visitor(), [broken, message('good')], T0);
    expect(d.message?.id).toBe('good');
    expect(d.invalid).toHaveLength(1);
    expect(d.invalid[0]).toMatchObject({ index: 0, id: 'bad' });
    expect(d.invalid[0]?.issue).toMatchObject({ path: ['trigger', 'event'], code: 'invalidValue' });
  });

  it.each([
    ['null', null],
    ['a number', 42],
    ['an array', []],
    ['an object without fields', {}],
  ])('survives %s in the message list', (_name, junk) => {
    const d = evaluate(visitor(), [junk as unknown as Message, message('good')], T0);
    expect(d.message?.id).toBe('good');
    expect(d.invalid.map((i) => i.index)).toEqual([0]);
  });

  it('returns an empty decision for a visitor that is not one, or an invalid now', () => {
    expect(evaluate(null as never, [message('a')], T0).message).toBeNull();
    expect(evaluate(visitor(), [message('a')], new Date('nope')).message).toBeNull();
  });

  // The last one has a hole before a real delivery (`new Array(2)` with index 1 set).
  const holey = Object.assign(new Array<unknown>(2), { 1: { messageId: 'a', at: '2026-11-23T10:00:00Z', visitId: 'v', pageViewId: 'p' } });
  it.each([[[null]], [[5]], [['msg']], [holey]])(
    'shows nothing, without throwing, to a visitor whose deliveries hold a non-object (%j): caps cannot be applied',
    (deliveries) => {
      const v = { ...visitor(), deliveries } as never;
      const messages = [message('a'), message('b', { frequency: 'once' })];
      // The same visitor with readable (empty) deliveries would see `a`: the emptiness comes from the bad entry.
      expect(evaluate(visitor(), messages, T0).eligible).toEqual(['a', 'b']);
      expect(evaluate(v, messages, T0)).toEqual({
        message: null,
        onScreen: false,
        eligible: [],
        heldOut: [],
        reevaluateAt: null,
        invalid: [],
        invalidInput: expect.objectContaining({ path: expect.arrayContaining(['visitor', 'deliveries']) }) as unknown,
      });
      expect(explain(v, messages, T0).map((verdict) => verdict.outcome)).not.toContain('shown');
    },
  );
});

describe('evaluate: purity', () => {
  it('does not mutate frozen inputs and is deterministic', () => {
    const v = deepFreeze(visitor());
    const messages = deepFreeze([message('a', { trigger: { event: 'timeOnPage', seconds: 5 } }), message('b')]);
    const first = evaluate(v, messages, T0);
    const second = evaluate(v, [...messages], T0);
    expect(second).toEqual(first);
  });
});

describe('evaluate: facts of unexpected shape', () => {
  const throwingPlan = () =>
    Object.defineProperty({ seats: 3 }, 'plan', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
  const byPlan = [
    message('by_plan', { priority: 9, conditions: { all: [{ fact: 'metadata.plan', operator: 'equal', value: 'trial' }] } }),
    message('not_plan', { priority: 5, conditions: { not: { fact: 'metadata.plan', operator: 'equal', value: 'trial' } } }),
    message('plan_or_seats', {
      priority: 3,
      conditions: { any: [{ fact: 'metadata.plan', operator: 'equal', value: 'trial' }, { fact: 'metadata.seats', operator: 'greaterThan', value: 2 }] },
    }),
    message('plain', { priority: 1 }),
  ];

  it('a metadata value that throws when read is not JSON data: the visitor does not parse, nothing is shown, and the issue says where', () => {
    const hostile = evaluate(visitor({ metadata: throwingPlan() }), byPlan, T0);
    expect(hostile).toMatchObject({ message: null, eligible: [], invalid: [] });
    expect(hostile.invalidInput).toMatchObject({ path: ['visitor', 'metadata', 'plan'], code: 'invalidType', params: { expected: 'json' } });
  });

  it('reads every key of a metadata proxy whose traps throw as missing', () => {
    const metadata = new Proxy(
      {},
      {
        getOwnPropertyDescriptor() {
          throw new Error('boom');
        },
        get() {
          throw new Error('boom');
        },
      },
    );
    const d = evaluate(visitor({ metadata }), byPlan, T0);
    expect(d.eligible).toEqual(['not_plan', 'plain']);
  });
});

describe('evaluate: only the page view\'s latest delivery can be on screen', () => {
  const at = (messageId: string, extra: object = {}) => ({
    messageId,
    at: '2026-11-23T10:00:01Z',
    visitId: 'visit_9',
    pageViewId: 'pv_3',
    ...extra,
  });

  it('dismissing the later of two undismissed deliveries does not bring back the earlier one', () => {
    const messages = [message('a', { frequency: 'oncePerVisit' }), message('b', { frequency: 'oncePerVisit' }), message('c', { priority: -1 })];
    const both = visitor({ deliveries: [at('a'), at('b')] });
    expect(evaluate(both, messages, T0).message?.id).toBe('b');
    const dismissed = visitor({ deliveries: [at('a'), at('b', { dismissed: true })] });
    // a and b are capped for this visit; a is no longer on screen: c is the answer.
    expect(evaluate(dismissed, messages, T0).message?.id).toBe('c');
  });
});
