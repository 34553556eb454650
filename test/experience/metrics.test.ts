import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { applyTally, metricEventOf, tally, type MetricEvent, type MetricType } from '../../src/index.js';
import { agentMessage } from './fixtures.js';
import { deepFreeze } from './helpers.js';

/** Brute-force oracle: for each message and metric, count visitors with at least one such event. */
function bruteForce(events: readonly MetricEvent[]): Map<string, Record<MetricType, number>> {
  const result = new Map<string, Record<MetricType, number>>();
  const messageIds = [...new Set(events.map((event) => event.messageId))];
  for (const messageId of messageIds) {
    const counts: Record<MetricType, number> = { sent: 0, read: 0, replied: 0 };
    for (const type of ['sent', 'read', 'replied'] as const) {
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
  type: fc.constantFrom<MetricType>('sent', 'read', 'replied'),
});

describe('tally', () => {
  it('counts each visitor once per metric per message', () => {
    const counts = tally([
      { messageId: 'm1', visitorId: 'v1', type: 'sent' },
      { messageId: 'm1', visitorId: 'v1', type: 'sent' },
      { messageId: 'm1', visitorId: 'v2', type: 'sent' },
      { messageId: 'm1', visitorId: 'v1', type: 'read' },
      { messageId: 'm1', visitorId: 'v1', type: 'read' },
      { messageId: 'm1', visitorId: 'v1', type: 'replied' },
      { messageId: 'm2', visitorId: 'v1', type: 'sent' },
    ]);
    expect([...counts]).toEqual([
      ['m1', { sent: 2, read: 1, replied: 1 }],
      ['m2', { sent: 1, read: 0, replied: 0 }],
    ]);
  });

  it('is empty for no events', () => {
    expect(tally([]).size).toBe(0);
  });

  test.prop([fc.array(metricEvent, { maxLength: 60 })], { numRuns: 200 })('agrees with a brute-force count', (events) => {
    deepFreeze(events);
    expect(new Map(tally(events))).toEqual(bruteForce(events));
  });

  test.prop([fc.array(metricEvent, { maxLength: 40 })], { numRuns: 100 })('does not depend on event order or duplicates', (events) => {
    const shuffled = [...events].reverse().concat(events);
    expect(new Map(tally(shuffled))).toEqual(new Map(tally(events)));
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
    const updated = applyTally(frozen, tally([{ messageId: agentMessage.id, visitorId: 'v1', type: 'sent' }]));
    expect(updated.metrics).toEqual({ sent: 1, read: 0, replied: 0 });
    expect(frozen.metrics).toEqual({ sent: 9, read: 9, replied: 9 });
    expect({ ...updated, metrics: frozen.metrics }).toEqual(frozen);
  });

  it('returns the same message when it has no tally', () => {
    expect(applyTally(agentMessage, tally([]))).toBe(agentMessage);
  });
});
