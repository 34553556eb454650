/**
 * Metrics: sent / read / replied per message, from interaction events.
 * @module
 */
import type { Result } from '../core/issues.js';
import type { Message, Metrics } from '../core/types.js';
import { list, object, oneOf, runCheck } from '../check/check.js';
import { UNREADABLE } from '../check/list.js';
import { id } from '../check/primitives.js';
import { metricsCheck } from '../check/message.js';
import { fail, ok } from '../parse/parse.js';
import { Arguments } from '../message/inputs.js';
import type { InteractionEffect } from './interaction-types.js';

/** The list columns events count towards (`heldOut`: the host logged that a held-out visitor qualified, see `Decision.heldOut`). */
export const METRIC_TYPES = ['sent', 'read', 'replied', 'heldOut'] as const;
/** Which list column an event counts towards. */
export type MetricType = (typeof METRIC_TYPES)[number];

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
  if (typeof effect !== 'object' || effect === null) return null;
  try {
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
  } catch {
    // An effect that cannot be read (a throwing getter, a Proxy) is none of the count effects.
    return null;
  }
}

/**
 * Counts, per message id, the distinct visitors behind each metric: **sent** (visitors it was
 * sent to), **read** (visitors who saw it and clicked it), **replied** (visitors who went on to
 * talk to the AI agent or shared the requested details), **heldOut** (visitors of its hold-out
 * group who qualified: with `sent`, what lift is measured against). A visitor counts at most once per
 * metric per message, however many events repeat. Metrics are counted independently (a `read`
 * without a `sent` in `events` still counts). The map lists messages in order of first event.
 * Fails with every malformed event (paths start with its index): counts over part of the events
 * would be silently wrong.
 * @example
 * ```ts
 * const counts = tally([
 *   { messageId: 'm', visitorId: 'v1', type: 'sent' },
 *   { messageId: 'm', visitorId: 'v1', type: 'sent' },
 *   { messageId: 'm', visitorId: 'v2', type: 'sent' },
 *   { messageId: 'm', visitorId: 'v1', type: 'read' },
 * ]);
 * if (counts.ok) counts.value.get('m'); // { sent: 2, read: 1, replied: 0, heldOut: 0 }
 * ```
 */
export function tally(events: readonly MetricEvent[]): Result<ReadonlyMap<string, Metrics>> {
  const checked = runCheck(eventsCheck, events, true, ['events']);
  if (!checked.ok) return fail(checked.issues);
  const seen = new Map<string, Record<MetricType, Set<string>>>();
  for (const event of events) {
    let visitors = seen.get(event.messageId);
    if (visitors === undefined) {
      visitors = { sent: new Set(), read: new Set(), replied: new Set(), heldOut: new Set() };
      seen.set(event.messageId, visitors);
    }
    visitors[event.type].add(event.visitorId);
  }
  const counts = new Map<string, Metrics>();
  for (const [messageId, visitors] of seen) {
    counts.set(messageId, { sent: visitors.sent.size, read: visitors.read.size, replied: visitors.replied.size, heldOut: visitors.heldOut.size });
  }
  return ok(counts);
}

/** A list of metric events, of any length (each event is small and checked once). */
const eventsCheck = /* @__PURE__ */ list(object<MetricEvent>({ messageId: id, visitorId: id, type: oneOf(METRIC_TYPES) }), 0, Number.MAX_SAFE_INTEGER);

/**
 * A copy of `message` whose `metrics` are the counts `tally` found for it. Tallies count
 * distinct visitors, so they must come from the message's whole event history and replace the
 * stored metrics rather than add to them. A message with no entry is returned unchanged (the
 * same object). Fails with the issues of a message that does not parse, or when `tallies` is not
 * a `Map`.
 * @example
 * ```ts
 * const counts = tally(events);
 * const updated = counts.ok ? applyTally(message, counts.value) : undefined;
 * if (updated?.ok) updated.value.metrics; // { sent: 2, read: 1, replied: 0, heldOut: 0 }
 * ```
 */
export function applyTally(message: Message, tallies: ReadonlyMap<string, Metrics>): Result<Message> {
  const read = new Arguments();
  const m = read.message(message);
  let isMap: boolean;
  try {
    isMap = tallies instanceof Map;
  } catch {
    isMap = false;
    read.issues.push({ path: ['tallies'], code: 'invalidType', params: UNREADABLE });
  }
  if (!isMap && read.issues.length === 0) read.issues.push({ path: ['tallies'], code: 'invalidType', params: { expected: 'object', got: 'other' } });
  if (m === undefined || read.issues.length > 0) return fail(read.issues);
  let counts: unknown;
  try {
    // `Map.prototype.get` itself: a Proxy of a Map (or a subclass's own `get`) is not read through.
    counts = Map.prototype.get.call(tallies, m.id);
  } catch {
    return fail([{ path: ['tallies'], code: 'invalidType', params: UNREADABLE }]);
  }
  if (counts === undefined) return ok(message);
  const checked = runCheck(metricsCheck, counts, true, ['tallies', m.id]);
  if (!checked.ok) return fail(checked.issues);
  return ok({ ...m, metrics: checked.value });
}
