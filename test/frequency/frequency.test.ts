import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import vectors from './vectors.json' with { type: 'json' };
import {
  frequencyAllows,
  indexDeliveries,
  markDelivery,
  recordDelivery,
  type Delivery,
  type Frequency,
} from '../../src/index.js';
import { T0, deepFreeze, visitor } from '../evaluate/fixtures.js';

function deliveriesOf(rows: readonly (readonly [string, string, boolean])[]): Delivery[] {
  return rows.map(([visitId, pageViewId, dismissed]) => ({
    messageId: 'm',
    at: '2026-11-01T00:00:00Z',
    visitId,
    pageViewId,
    ...(dismissed ? { dismissed: true } : {}),
  }));
}

describe('frequency × history vectors', () => {
  it.each(vectors.cases)('$name → allowed: $allowed', (c) => {
    const v = visitor({ deliveries: deliveriesOf(c.deliveries as [string, string, boolean][]) });
    expect(frequencyAllows(c.frequency as Frequency, indexDeliveries(v).get('m'))).toBe(c.allowed);
  });
});

describe('recordDelivery', () => {
  it('appends a delivery in the current visit and page view without touching the input', () => {
    const v = deepFreeze(visitor());
    const next = recordDelivery(v, 'msg_1', T0 + 5000);
    expect(v.deliveries).toHaveLength(0);
    expect(next.deliveries).toEqual([
      { messageId: 'msg_1', at: '2026-11-23T10:00:05.000Z', visitId: 'visit_9', pageViewId: 'pv_3' },
    ]);
  });

  it('accepts a Date for now', () => {
    const next = recordDelivery(visitor(), 'm', new Date(T0));
    expect(next.deliveries[0]?.at).toBe('2026-11-23T10:00:00.000Z');
  });
});

describe('markDelivery', () => {
  it('marks the latest delivery of the message in this page view and leaves older ones alone', () => {
    const v = deepFreeze(
      visitor({
        deliveries: [
          { messageId: 'm', at: '2026-11-20T00:00:00Z', visitId: 'visit_1', pageViewId: 'pv_3' },
          { messageId: 'm', at: '2026-11-23T10:00:00Z', visitId: 'visit_9', pageViewId: 'pv_3' },
        ],
      }),
    );
    const next = markDelivery(v, 'm', 'dismissed');
    expect(next.deliveries[0]).toEqual(v.deliveries[0]);
    expect(next.deliveries[1]).toMatchObject({ dismissed: true });
    expect(indexDeliveries(next).get('m')?.onScreen).toBe(false);
    expect(indexDeliveries(v).get('m')?.onScreen).toBe(true);
  });

  it('returns the same visitor when there is nothing to mark', () => {
    const v = visitor();
    expect(markDelivery(v, 'm', 'closed')).toBe(v);
  });
});

describe('frequency monotonicity', () => {
  const frequency = fc.constantFrom<Frequency>('once', 'oncePerVisit', 'everyTime');
  const row = fc.tuple(fc.constantFrom('visit_8', 'visit_9'), fc.constantFrom('pv_2', 'pv_3'), fc.boolean());
  it('more deliveries never re-enable a message', () => {
    fc.assert(
      fc.property(frequency, fc.array(row, { maxLength: 5 }), fc.array(row, { maxLength: 5 }), (f, before, extra) => {
        const few = indexDeliveries(visitor({ deliveries: deliveriesOf(before) })).get('m');
        const more = indexDeliveries(visitor({ deliveries: deliveriesOf([...before, ...extra]) })).get('m');
        // allowed(more) ⇒ allowed(few)
        expect(!frequencyAllows(f, more) || frequencyAllows(f, few)).toBe(true);
      }),
    );
  });
});
