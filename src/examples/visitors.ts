/**
 * The example visitors, one per situation the guides discuss. `examples/visitors/<name>.json`
 * holds each as JSON (a test keeps them equal).
 * @module
 */
import type { Visitor } from '../core/types.js';
import { deepFreeze } from '../testing/freeze.js';

/** The example visitors by name (the JSON file of each is named in its description). */
export interface ExampleVisitors {
  /** Anna (`v_anna`): a new visitor on the pricing page since 10:00:00 on Monday 2026-11-23, English, desktop, trial plan, no history. `examples/visitors/new-on-pricing.json`. */
  readonly newOnPricing: Visitor;
  /** Jonas (`v_jonas`): visit 3, German, on a product page since 18:30:00 (19:30 in Berlin, after hours); dismissed the pricing help in an earlier visit. `examples/visitors/returning-german.json`. */
  readonly returningGerman: Visitor;
  /** Mia (`v_mia`): the iOS app (`app_ios`), on the Settings screen since 12:15:00, visit 7. `examples/visitors/mobile-app.json`. */
  readonly mobileApp: Visitor;
  /** Carlos (`v_carlos`): visit 2, on the cart since 14:03:00 with a cart of 240; closed the AI onboarding in an earlier visit. `examples/visitors/cart-shopper.json`. */
  readonly cartShopper: Visitor;
  /** Dana (`v_dana`): a new visitor on the pricing page who is already in a messaging conversation. `examples/visitors/in-conversation.json`. */
  readonly inConversation: Visitor;
}

/**
 * Every example visitor (deep-frozen: spread one to vary it). Each needs no default filled in,
 * so `parseVisitor(visitor).value` is the very object.
 * @example
 * ```ts
 * visitors.cartShopper.metadata?.cartValue; // 240
 * ```
 */
export const visitors: ExampleVisitors = /* @__PURE__ */ deepFreeze({
  newOnPricing: {
    id: 'v_anna',
    channelId: 'web_main',
    visit: { id: 'visit_anna_1', number: 1, startedAt: '2026-11-23T09:58:40Z', pageViews: 2 },
    page: {
      viewId: 'pv_anna_2',
      url: 'https://shop.example/pricing',
      title: 'Pricing - Acme',
      referrer: 'https://search.example/?q=acme+plans',
      enteredAt: '2026-11-23T10:00:00Z',
    },
    language: 'en-US',
    deviceType: 'desktop',
    metadata: { plan: 'trial' },
    inActiveConversation: false,
    deliveries: [],
  },
  returningGerman: {
    id: 'v_jonas',
    channelId: 'web_main',
    visit: { id: 'visit_jonas_3', number: 3, startedAt: '2026-11-23T18:25:00Z', pageViews: 4 },
    page: {
      viewId: 'pv_jonas_4',
      url: 'https://shop.example/de/produkte/wanderschuhe',
      title: 'Wanderschuhe - Acme',
      referrer: 'https://shop.example/de/produkte',
      enteredAt: '2026-11-23T18:30:00Z',
    },
    language: 'de-DE',
    deviceType: 'desktop',
    metadata: { plan: 'pro', cartValue: 0 },
    inActiveConversation: false,
    deliveries: [
      {
        messageId: 'msg_pricing_help',
        at: '2026-11-16T11:04:00Z',
        visitId: 'visit_jonas_2',
        pageViewId: 'pv_jonas_2_1',
        dismissed: true,
      },
    ],
  },
  mobileApp: {
    id: 'v_mia',
    channelId: 'app_ios',
    visit: { id: 'visit_mia_7', number: 7, startedAt: '2026-11-23T12:14:00Z', pageViews: 3 },
    page: {
      viewId: 'pv_mia_3',
      url: 'Settings',
      title: 'Settings',
      referrer: null,
      enteredAt: '2026-11-23T12:15:00Z',
    },
    language: 'en-GB',
    deviceType: 'mobile',
    inActiveConversation: false,
    deliveries: [],
  },
  cartShopper: {
    id: 'v_carlos',
    channelId: 'web_main',
    visit: { id: 'visit_carlos_2', number: 2, startedAt: '2026-11-23T14:00:00Z', pageViews: 6 },
    page: {
      viewId: 'pv_carlos_6',
      url: 'https://shop.example/cart',
      title: 'Your cart - Acme',
      referrer: 'https://shop.example/products/trail-runner',
      enteredAt: '2026-11-23T14:03:00Z',
    },
    language: 'es-ES',
    deviceType: 'desktop',
    metadata: { plan: 'pro', cartValue: 240, loyaltyMember: true },
    inActiveConversation: false,
    deliveries: [
      {
        messageId: 'msg_ai_onboarding',
        at: '2026-11-19T16:20:30Z',
        visitId: 'visit_carlos_1',
        pageViewId: 'pv_carlos_1_1',
        closed: true,
      },
    ],
  },
  inConversation: {
    id: 'v_dana',
    channelId: 'web_main',
    visit: { id: 'visit_dana_1', number: 1, startedAt: '2026-11-23T15:00:00Z', pageViews: 2 },
    page: {
      viewId: 'pv_dana_2',
      url: 'https://shop.example/pricing',
      title: 'Pricing - Acme',
      referrer: 'https://shop.example/',
      enteredAt: '2026-11-23T15:01:00Z',
    },
    language: 'en-US',
    deviceType: 'desktop',
    metadata: { plan: 'trial' },
    inActiveConversation: true,
    deliveries: [],
  },
});
