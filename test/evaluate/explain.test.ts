import { describe, expect, it } from 'vitest';
import { evaluate, explain, type Message, type ReasonCode, type Visitor } from '../../src/index.js';
import { T0, deepFreeze, message, visitor } from './fixtures.js';

const berlinMonday9to17 = {
  type: 'businessHours',
  schedule: { timezone: 'Europe/Berlin', weekly: [{ day: 'mon', open: '09:00', close: '17:00' }], holidays: [] },
} as const;

// T0 = Monday 2026-11-23 10:00 UTC = 11:00 in Berlin (CET, +01:00): inside Mon 09:00–17:00.
interface Scenario {
  readonly name: string;
  readonly target: Message;
  readonly visitor?: Visitor;
  readonly others?: readonly Message[];
  readonly now?: number;
  readonly reason: ReasonCode | null;
}

const scenarios: readonly Scenario[] = [
  { name: 'a live message that qualifies is shown', target: message('t'), reason: null },
  { name: 'a draft is notLive', target: message('t', { status: 'draft', publishedAt: undefined }), reason: 'notLive' },
  { name: 'another channel is otherChannel', target: message('t', { channelId: 'app' }), reason: 'otherChannel' },
  {
    name: 'a visitor in a conversation gives activeConversation',
    target: message('t'),
    visitor: visitor({ inActiveConversation: true }),
    reason: 'activeConversation',
  },
  {
    name: 'an earlier delivery of a once message is frequencyCapped',
    target: message('t', { frequency: 'once' }),
    visitor: visitor({ deliveries: [{ messageId: 't', at: '2026-11-01T00:00:00Z', visitId: 'v1', pageViewId: 'p1' }] }),
    reason: 'frequencyCapped',
  },
  {
    name: 'business hours on a Monday at 18:00 Berlin time are outsideSendWindow',
    target: message('t', { sendWindow: berlinMonday9to17 }),
    now: Date.parse('2026-11-23T17:00:00Z'),
    reason: 'outsideSendWindow',
  },
  {
    name: 'outside business hours during them is outsideSendWindow',
    target: message('t', { sendWindow: { ...berlinMonday9to17, type: 'outsideBusinessHours' } }),
    reason: 'outsideSendWindow',
  },
  {
    name: 'ten seconds into a 30-second trigger is waitingForTrigger',
    target: message('t', { trigger: { event: 'timeOnPage', seconds: 30 } }),
    now: T0 + 10_000,
    reason: 'waitingForTrigger',
  },
  {
    name: 'a URL condition that does not match is conditionsNotMet',
    target: message('t', { conditions: { all: [{ fact: 'pageUrl', operator: 'containsAnyOf', value: ['/checkout'] }] } }),
    reason: 'conditionsNotMet',
  },
  {
    name: 'a qualifying message beaten on priority is outranked',
    target: message('t'),
    others: [message('winner', { priority: 5 })],
    reason: 'outranked',
  },
  {
    name: 'a message with an unknown operator is invalid',
    target: message('t', {
      conditions: { all: [{ fact: 'pageUrl', operator: 'like' as never, value: 'x' }] },
    }),
    reason: 'invalid',
  },
];

describe('explain: the first failing gate as a reason code', () => {
  it.each(scenarios)('$name', (s) => {
    const messages = [s.target, ...(s.others ?? [])];
    const verdicts = explain(s.visitor ?? visitor(), messages, s.now ?? T0);
    expect(verdicts).toHaveLength(messages.length);
    expect(verdicts[0]?.id).toBe('t');
    expect(verdicts[0]?.reason).toBe(s.reason);
  });

  it('reports every gate, not only the first failure', () => {
    const target = message('t', {
      status: 'paused',
      pauseReason: 'manual',
      trigger: { event: 'timeOnPage', seconds: 30 },
    });
    const [v] = explain(visitor(), [target], T0 + 1000);
    expect(v?.reason).toBe('notLive');
    // A message without limits passes every limit gate.
    expect(v?.gates.map((g) => [g.gate, g.passed])).toEqual([
      ['status', false],
      ['channel', true],
      ['activeConversation', true],
      ['activeFrom', true],
      ['activeUntil', true],
      ['rollout', true],
      ['frequency', true],
      ['maxDeliveries', true],
      ['oncePer', true],
      ['snooze', true],
      ['cooldown', true],
      ['sendWindow', true],
      ['trigger', false],
      ['conditions', true],
      ['holdout', true],
    ]);
    const trigger = v?.gates.find((g) => g.gate === 'trigger');
    expect(trigger).toMatchObject({ firesAt: T0 + 30_000 });
  });

  it('annotates the condition tree with each leaf result and the fact value it saw', () => {
    const target = message('t', {
      conditions: {
        all: [
          { fact: 'language', operator: 'in', value: ['de'] },
          { fact: 'pageUrl', operator: 'containsAnyOf', value: ['/pricing'] },
          { fact: 'visitCount', operator: 'greaterThan', value: 1 },
        ],
      },
    });
    const [v] = explain(visitor(), [target], T0);
    const gate = v?.gates.find((g) => g.gate === 'conditions');
    expect(gate?.passed).toBe(false);
    const json = JSON.stringify(gate && 'tree' in gate ? gate.tree : null);
    // The visitor's language is en-US, compared by primary subtag: "en" was seen and failed.
    expect(json).toContain('"factValue":"en"');
    expect(json).toContain('"outcome":"failed"');
  });

  it('marks the message on screen', () => {
    const v = visitor({
      deliveries: [{ messageId: 'low', at: '2026-11-23T10:00:01Z', visitId: 'visit_9', pageViewId: 'pv_3' }],
    });
    const verdicts = explain(v, [message('low'), message('high', { priority: 9 })], T0 + 2000);
    expect(verdicts.map((x) => [x.id, x.outcome, x.onScreen])).toEqual([
      ['low', 'shown', true],
      ['high', 'outranked', false],
    ]);
  });

  it('carries the issues of an invalid message and keeps explaining the others', () => {
    const broken = { ...message('bad'), frequency: 'sometimes' } as unknown as Message;
    const verdicts = explain(visitor(), [broken, message('ok')], T0);
    expect(verdicts[0]).toMatchObject({ outcome: 'invalid', reason: 'invalid' });
    expect(verdicts[0]?.issues[0]?.path).toEqual(['frequency']);
    expect(verdicts[1]).toMatchObject({ id: 'ok', outcome: 'shown' });
  });
});

describe('explain agrees with evaluate', () => {
  it('the shown verdict is the decision, shown + outranked are exactly eligible', () => {
    const messages = deepFreeze([
      message('a', { priority: 1, trigger: { event: 'timeOnPage', seconds: 5 } }),
      message('b', { priority: 3, conditions: { all: [{ fact: 'deviceType', operator: 'equal', value: 'mobile' }] } }),
      message('c', { priority: 2 }),
      message('d', { priority: 2, sendWindow: berlinMonday9to17 }),
      message('e', { status: 'draft', publishedAt: undefined }),
    ]);
    for (const t of [T0, T0 + 5000, Date.parse('2026-11-23T16:30:00Z')]) {
      const decision = evaluate(visitor(), messages, t);
      const verdicts = explain(visitor(), messages, t);
      expect(verdicts.find((v) => v.outcome === 'shown')?.id ?? null).toBe(decision.message?.id ?? null);
      const listed = verdicts.filter((v) => v.outcome === 'shown' || v.outcome === 'outranked').map((v) => v.id);
      expect(new Set(listed)).toEqual(new Set(decision.eligible));
    }
  });
});

describe('explain: a visitor or now that cannot be used', () => {
  const messages = [message('live_one'), message('draft_one', { status: 'draft', publishedAt: undefined }), { id: 'broken' } as unknown as Message];
  it.each([
    ['not an object', null as unknown as Visitor, T0],
    ['a null delivery', { ...visitor(), deliveries: [null] } as unknown as Visitor, T0],
    ['no page', { ...visitor(), page: undefined } as unknown as Visitor, T0],
    ['an invalid date', visitor(), new Date('nope')],
  ])('%s: every valid message is blocked with invalidInput, the malformed one stays invalid', (_name, v, now) => {
    expect(evaluate(v, messages, now).eligible).toEqual([]);
    const verdicts = explain(v, messages, now);
    expect(verdicts.map((x) => [x.id, x.outcome, x.reason, x.gates.length])).toEqual([
      ['live_one', 'blocked', 'invalidInput', 0],
      ['draft_one', 'blocked', 'invalidInput', 0],
      ['broken', 'invalid', 'invalid', 0],
    ]);
    // The blocked ones carry the input's issue (the same one evaluate reports), the invalid one its own.
    const inputIssue = evaluate(v, messages, now).invalidInput;
    expect(inputIssue).not.toBeNull();
    expect(verdicts[0]?.issues).toStrictEqual([inputIssue]);
    expect(verdicts[2]?.issues.length).toBeGreaterThan(0);
  });
});
