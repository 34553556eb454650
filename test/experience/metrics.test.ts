import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { applyTally, metricEventOf, tally, type Message, type MetricEvent, type Metrics, type MetricType, type Result } from '../../src/index.js';
import { agentMessage } from './fixtures.js';
import { deepFreeze } from './helpers.js';

/** Brute-force oracle: for each message and metric, count visitors with at least one such event. */
function bruteForce(events: readonly MetricEvent[]): Map<string, Record<MetricType, number>> {
  const result = new Map<string, Record<MetricType, number>>();
  const messageIds = [...new Set(events.map((event) => event.messageId))];
  for (const messageId of messageIds) {
    const counts: Record<MetricType, number> = { sent: 0, read: 0, replied: 0, heldOut: 0 };
    for (const type of ['sent', 'read', 'replied', 'heldOut'] as const) {
      const visitorIds = [...new Set(events.map((event) => event.visitorId))];
      counts[type] = visitorIds.filter((visitorId) =>
        events.some((event) => event.messageId === messageId && event.visitorId === visitorId && event.type === type),
      ).length;
    }
    result.set(messageId, counts);
  }
  return result;
}

const metricEvent = fc.record({
  messageId: fc.constantFrom('m1', 'm2', 'm3', '__proto__', 'constructor'),
  visitorId: fc.constantFrom('v1', 'v2', 'v3', 'v4'),
  type: fc.constantFrom<MetricType>('sent', 'read', 'replied', 'heldOut'),
});

/** `tally(events)`, which must succeed here. */
function counted(events: readonly MetricEvent[]): ReadonlyMap<string, Metrics> {
  const result = tally(events);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

function applied(result: Result<Message>): Message {
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

describe('tally', () => {
  it('counts each visitor once per metric per message', () => {
    const counts = counted([
      { messageId: 'm1', visitorId: 'v1', type: 'sent' },
      { messageId: 'm1', visitorId: 'v1', type: 'sent' },
      { messageId: 'm1', visitorId: 'v2', type: 'sent' },
      { messageId: 'm1', visitorId: 'v1', type: 'read' },
      { messageId: 'm1', visitorId: 'v1', type: 'read' },
      { messageId: 'm1', visitorId: 'v1', type: 'replied' },
      { messageId: 'm2', visitorId: 'v1', type: 'sent' },
    ]);
    expect([...counts]).toEqual([
      ['m1', { sent: 2, read: 1, replied: 1, heldOut: 0 }],
      ['m2', { sent: 1, read: 0, replied: 0, heldOut: 0 }],
    ]);
  });

  it('is empty for no events', () => {
    expect(counted([]).size).toBe(0);
  });

  it('fails with every malformed event, paths starting at its index (0.1 counted what it could)', () => {
    const events = [
      { messageId: 'm1', visitorId: 'v1', type: 'sent' },
      { messageId: 'm1', visitorId: 'v1', type: 'sen' },
      { messageId: 7, visitorId: 'v1', type: 'read' },
      null,
    ] as unknown as MetricEvent[];
    expect(tally(events)).toMatchObject({
      ok: false,
      issues: [
        { path: ['events', 1, 'type'], code: 'invalidValue', params: { allowed: ['sent', 'read', 'replied', 'heldOut'] } },
        { path: ['events', 2, 'messageId'], code: 'invalidType' },
        { path: ['events', 3], code: 'invalidType' },
      ],
    });
  });

  it('fails, without throwing, when events is not a list', () => {
    for (const junk of [null, undefined, 'sent', { length: 1 }]) {
      expect(tally(junk as never), JSON.stringify(junk)).toMatchObject({ ok: false, issues: [{ path: ['events'] }] });
    }
  });

  test.prop([fc.array(metricEvent, { maxLength: 60 })], { numRuns: 200 })('agrees with a brute-force count', (events) => {
    deepFreeze(events);
    expect(new Map(counted(events))).toEqual(bruteForce(events));
  });

  test.prop([fc.array(metricEvent, { maxLength: 40 })], { numRuns: 100 })('does not depend on event order or duplicates', (events) => {
    const shuffled = [...events].reverse().concat(events);
    expect(new Map(counted(shuffled))).toEqual(new Map(counted(events)));
  });
});

describe('metricEventOf', () => {
  it('maps count effects to metric events and other effects to null', () => {
    expect(metricEventOf({ type: 'countSent', messageId: 'm', visitorId: 'v' })).toEqual({ messageId: 'm', visitorId: 'v', type: 'sent' });
    expect(metricEventOf({ type: 'countRead', messageId: 'm', visitorId: 'v' })).toEqual({ messageId: 'm', visitorId: 'v', type: 'read' });
    expect(metricEventOf({ type: 'countReplied', messageId: 'm', visitorId: 'v' })).toEqual({ messageId: 'm', visitorId: 'v', type: 'replied' });
    expect(metricEventOf({ type: 'recordDelivery', messageId: 'm' })).toBeNull();
    expect(metricEventOf({ type: 'markDelivery', messageId: 'm', outcome: 'closed' })).toBeNull();
  });
});

describe('applyTally', () => {
  it('replaces the metrics of a tallied message without mutating it', () => {
    const frozen = deepFreeze({ ...agentMessage, metrics: { sent: 9, read: 9, replied: 9 } });
    const updated = applied(applyTally(frozen, counted([{ messageId: agentMessage.id, visitorId: 'v1', type: 'sent' }])));
    expect(updated.metrics).toEqual({ sent: 1, read: 0, replied: 0, heldOut: 0 });
    expect(frozen.metrics).toEqual({ sent: 9, read: 9, replied: 9 });
    expect({ ...updated, metrics: frozen.metrics }).toEqual(frozen);
  });

  it('returns the same message when it has no tally', () => {
    expect(applied(applyTally(agentMessage, counted([])))).toBe(agentMessage);
  });

  it('fails when tallies is not a Map, when the message does not parse, or when its counts are not counters', () => {
    expect(applyTally(agentMessage, { [agentMessage.id]: { sent: 1, read: 0, replied: 0 } } as never)).toMatchObject({ ok: false, issues: [{ path: ['tallies'], code: 'invalidType' }] });
    expect(applyTally({ ...agentMessage, frequency: 'sometimes' } as never, new Map())).toMatchObject({ ok: false, issues: [{ path: ['frequency'], code: 'invalidValue' }] });
    const bad = new Map([[agentMessage.id, { sent: -1, read: 0, replied: 0 }]]);
    expect(applyTally(agentMessage, bad)).toMatchObject({ ok: false, issues: [{ path: ['tallies', agentMessage.id, 'sent'], code: 'tooSmall' }] });
  });
});
