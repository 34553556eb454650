/**
 * Visitors with realistic histories: deliveries across earlier visits and page views, some
 * dismissed or closed, one possibly on screen; metadata, languages, device types, URLs and
 * screen names from the pools condition trees draw from.
 * @module
 */
import fc from 'fast-check';
import type { Delivery, MetadataValue, Visitor } from '../core/types.js';
import { CHANNEL_IDS, DEVICE_TYPES, HOSTS, KIT_NOW_MS, LOCALES, METADATA_KEYS, METADATA_VALUES, MOBILE_CHANNEL_IDS, PATHS, SCREENS, THRESHOLD_SECONDS, TITLES } from './pools.js';
import { idArb } from './primitives.js';

const DAY_MS = 86_400_000;

/** Options of {@link visitorArb}. */
export interface VisitorArbOptions {
  /** The instant the visitor is observed at: every timestamp is at or before it. Default 2026-11-23T10:00:00Z. */
  readonly now?: number;
  /** Only this channel (or one of these). Default: the kit's channels. */
  readonly channelId?: string | readonly string[];
  /** Message ids deliveries name. Default `msg_1` … `msg_8` (the ids of {@link messageListArb}). */
  readonly messageIds?: readonly string[];
  /** Most deliveries. Default 6; 0 for a visitor without history. */
  readonly maxDeliveries?: number;
  /** Force `inActiveConversation`. Default: `false` four times in five. */
  readonly inActiveConversation?: boolean;
}

const DEFAULT_MESSAGE_IDS = Array.from({ length: 8 }, (_, i) => `msg_${i + 1}`);

/** Seconds on the page: concentrated just around the trigger and condition thresholds. */
const secondsOnPageArb = fc.oneof(
  { arbitrary: fc.tuple(fc.constantFrom(...THRESHOLD_SECONDS), fc.integer({ min: -2_000, max: 2_000 })).map(([s, d]) => Math.max(0, s * 1000 + d)), weight: 3 },
  { arbitrary: fc.integer({ min: 0, max: 600_000 }), weight: 1 },
);

interface DeliveryPlan {
  readonly messageId: string;
  /** 0: this page view; 1: an earlier page view of this visit; 2: an earlier visit. */
  readonly when: 0 | 1 | 2;
  readonly fraction: number;
  readonly outcome: 'none' | 'dismissed' | 'closed';
  readonly otherVisit: number;
  readonly otherPage: number;
}

/**
 * Valid visitors (they pass `parseVisitor`, and parsing returns the same value). Visit `n`
 * (`visit_n`, 1 = new visitor) with `pageViews` views; the current view `pv_n_k` was entered a few
 * seconds around common thresholds before `now`. Deliveries are in time order, name
 * `messageIds`, and fall in earlier visits, earlier views of this visit, or this view — where only
 * the latest may still be on screen (one message at a time), earlier ones were dismissed or closed. Mobile-SDK visitors have screen names and no metadata.
 * @example
 * ```ts
 * fc.assert(fc.property(visitorArb({ channelId: 'web_main', now }), (visitor) =>
 *   Date.parse(visitor.page.enteredAt) <= now));
 * ```
 */
export function visitorArb(options: VisitorArbOptions = {}): fc.Arbitrary<Visitor> {
  const now = options.now ?? KIT_NOW_MS;
  const channels = options.channelId === undefined ? CHANNEL_IDS : Array.isArray(options.channelId) ? (options.channelId as readonly string[]) : [options.channelId as string];
  const messageIds = options.messageIds ?? DEFAULT_MESSAGE_IDS;
  const maxDeliveries = messageIds.length === 0 ? 0 : (options.maxDeliveries ?? 6);
  const plan: fc.Arbitrary<DeliveryPlan> = fc.record({
    messageId: fc.constantFrom(...(messageIds.length === 0 ? ['msg_none'] : messageIds)),
    when: fc.constantFrom<0 | 1 | 2>(0, 1, 2),
    fraction: fc.double({ min: 0, max: 1, noNaN: true }),
    outcome: fc.constantFrom<'none' | 'dismissed' | 'closed'>('none', 'dismissed', 'closed'),
    otherVisit: fc.nat(),
    otherPage: fc.integer({ min: 1, max: 9 }),
  });
  return fc
    .record({
      id: idArb('v'),
      channelId: fc.constantFrom(...channels),
      visitNumber: fc.oneof(fc.constant(1), fc.integer({ min: 2, max: 6 }), fc.integer({ min: 7, max: 1_000 })),
      pageViews: fc.integer({ min: 1, max: 8 }),
      onPageMs: secondsOnPageArb,
      beforePageMs: fc.integer({ min: 0, max: 3_600_000 }),
      host: fc.constantFrom(...HOSTS),
      path: fc.constantFrom(...PATHS),
      screen: fc.constantFrom(...SCREENS),
      title: fc.constantFrom(...TITLES),
      referrer: fc.option(fc.oneof(fc.constantFrom('https://search.example/', 'https://shop.example/pricing', ''), fc.constant(null)), { nil: undefined }),
      language: fc.option(fc.oneof({ arbitrary: fc.constantFrom(...LOCALES), weight: 5 }, { arbitrary: fc.constant(null), weight: 1 }), { nil: undefined }),
      deviceType: fc.option(fc.oneof({ arbitrary: fc.constantFrom(...DEVICE_TYPES), weight: 5 }, { arbitrary: fc.constant(null), weight: 1 }), { nil: undefined }),
      metadata: fc.option(fc.dictionary(fc.constantFrom(...METADATA_KEYS), fc.constantFrom(...METADATA_VALUES), { maxKeys: 4, noNullPrototype: true }), { nil: undefined }),
      inActiveConversation: options.inActiveConversation === undefined ? fc.integer({ min: 0, max: 4 }).map((n) => n === 0) : fc.constant(options.inActiveConversation),
      plans: fc.array(plan, { maxLength: maxDeliveries }),
    })
    .map((v): Visitor => {
      const mobile = (MOBILE_CHANNEL_IDS as readonly string[]).includes(v.channelId);
      const enteredAt = now - v.onPageMs;
      const startedAt = v.pageViews === 1 ? enteredAt : enteredAt - v.beforePageMs;
      const visitId = `visit_${v.visitNumber}`;
      const viewId = `pv_${v.visitNumber}_${v.pageViews}`;
      const deliveries = v.plans
        .map((p) => toDelivery(p, v.visitNumber, v.pageViews, { now, enteredAt, startedAt }))
        .filter((d): d is { at: number; delivery: Delivery } => d !== null)
        .sort((a, b) => a.at - b.at)
        .map((d) => d.delivery);
      // One message at a time: in this page view only the latest delivery may still be on screen.
      const here = deliveries.map((d, i) => (d.visitId === visitId && d.pageViewId === viewId ? i : -1)).filter((i) => i >= 0);
      for (const i of here.slice(0, -1)) {
        const d = deliveries[i] as Delivery;
        if (d.dismissed !== true && d.closed !== true) deliveries[i] = { ...d, dismissed: true };
      }
      return {
        id: v.id,
        channelId: v.channelId,
        visit: { id: visitId, number: v.visitNumber, startedAt: new Date(startedAt).toISOString(), pageViews: v.pageViews },
        page: {
          viewId,
          url: mobile ? v.screen : v.host + v.path,
          title: v.title,
          ...(v.referrer === undefined || mobile ? {} : { referrer: v.referrer }),
          enteredAt: new Date(enteredAt).toISOString(),
        },
        ...(v.language === undefined ? {} : { language: v.language }),
        ...(v.deviceType === undefined ? {} : { deviceType: mobile && v.deviceType === 'desktop' ? 'mobile' : v.deviceType }),
        ...(v.metadata === undefined || mobile ? {} : { metadata: v.metadata as Record<string, MetadataValue> }),
        inActiveConversation: v.inActiveConversation,
        deliveries,
      };
    });
}

function toDelivery(
  p: DeliveryPlan,
  visitNumber: number,
  pageViews: number,
  t: { now: number; enteredAt: number; startedAt: number },
): { at: number; delivery: Delivery } | null {
  const flags = p.outcome === 'none' ? {} : { [p.outcome]: true };
  let at: number;
  let visitId: string;
  let pageViewId: string;
  if (p.when === 0) {
    at = t.enteredAt + Math.floor((t.now - t.enteredAt) * p.fraction);
    visitId = `visit_${visitNumber}`;
    pageViewId = `pv_${visitNumber}_${pageViews}`;
  } else if (p.when === 1) {
    if (pageViews === 1) return null;
    at = t.startedAt + Math.floor((t.enteredAt - t.startedAt) * p.fraction);
    visitId = `visit_${visitNumber}`;
    pageViewId = `pv_${visitNumber}_${1 + (p.otherPage % (pageViews - 1))}`;
  } else {
    if (visitNumber === 1) return null;
    const earlier = 1 + (p.otherVisit % (visitNumber - 1));
    at = t.startedAt - Math.floor((visitNumber - earlier) * DAY_MS * (0.5 + p.fraction / 2)) - 1;
    visitId = `visit_${earlier}`;
    pageViewId = `pv_${earlier}_${p.otherPage}`;
  }
  return { at, delivery: { messageId: p.messageId, at: new Date(at).toISOString(), visitId, pageViewId, ...flags } };
}
