/**
 * Metrics: sent / read / replied per message, from interaction events (SPEC §1.2).
 * @module
 */
import type { Message, Metrics } from '../model/types.js';
import type { InteractionEffect } from './interaction-types.js';

/** Which list column an event counts towards. */
export type MetricType = 'sent' | 'read' | 'replied';

/** One countable interaction event; `countSent`/`countRead`/`countReplied` effects map to it. */
export interface MetricEvent {
  readonly messageId: string;
  readonly visitorId: string;
  readonly type: MetricType;
}

/**
 * The metric event a count effect stands for, or `null` for any other effect.
 * @example
 * ```ts
 * metricEventOf({ type: 'countRead', messageId: 'm', visitorId: 'v' }); // { messageId: 'm', visitorId: 'v', type: 'read' }
 * metricEventOf({ type: 'recordDelivery', messageId: 'm' });             // null
 * ```
 */
export function metricEventOf(effect: InteractionEffect): MetricEvent | null {
  switch (effect.type) {
    case 'countSent':
      return { messageId: effect.messageId, visitorId: effect.visitorId, type: 'sent' };
    case 'countRead':
      return { messageId: effect.messageId, visitorId: effect.visitorId, type: 'read' };
    case 'countReplied':
      return { messageId: effect.messageId, visitorId: effect.visitorId, type: 'replied' };
    default:
      return null;
  }
}

/**
 * Counts, per message id, the distinct visitors behind each metric: **sent** (visitors it was
 * sent to), **read** (visitors who saw it and clicked it), **replied** (visitors who went on to
 * talk to the AI agent or shared the requested details). A visitor counts at most once per
 * metric per message, however many events repeat. Metrics are counted independently (a `read`
 * without a `sent` in `events` still counts). The map lists messages in order of first event.
 * @example
 * ```ts
 * const counts = tally([
 *   { messageId: 'm', visitorId: 'v1', type: 'sent' },
 *   { messageId: 'm', visitorId: 'v1', type: 'sent' },
 *   { messageId: 'm', visitorId: 'v2', type: 'sent' },
 *   { messageId: 'm', visitorId: 'v1', type: 'read' },
 * ]);
 * counts.get('m'); // { sent: 2, read: 1, replied: 0 }
 * ```
 */
export function tally(events: readonly MetricEvent[]): ReadonlyMap<string, Metrics> {
  const seen = new Map<string, { sent: Set<string>; read: Set<string>; replied: Set<string> }>();
  for (const event of events) {
    let visitors = seen.get(event.messageId);
    if (visitors === undefined) {
      visitors = { sent: new Set(), read: new Set(), replied: new Set() };
      seen.set(event.messageId, visitors);
    }
    visitors[event.type].add(event.visitorId);
  }
  const counts = new Map<string, Metrics>();
  for (const [messageId, visitors] of seen) {
    counts.set(messageId, { sent: visitors.sent.size, read: visitors.read.size, replied: visitors.replied.size });
  }
  return counts;
}

/**
 * A copy of `message` whose `metrics` are the counts `tally` found for it. Tallies count
 * distinct visitors, so they must come from the message's whole event history and replace the
 * stored metrics rather than add to them. A message with no entry is returned unchanged (the
 * same object).
 * @example
 * ```ts
 * const updated = applyTally(message, tally(events));
 * updated.metrics; // { sent: 2, read: 1, replied: 0 }
 * ```
 */
export function applyTally(message: Message, tallies: ReadonlyMap<string, Metrics>): Message {
  const counts = tallies.get(message.id);
  if (counts === undefined) return message;
  return { ...message, metrics: { sent: counts.sent, read: counts.read, replied: counts.replied } };
}
