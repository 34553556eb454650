/**
 * The example account's messages: the three starter drafts (exactly as `starterTemplates` makes
 * them for `brand_acme` on `web_main` at 2026-11-01T09:00:00Z), six live messages covering both
 * response types, every send window, frequency and trigger, and one paused message.
 * `examples/messages.json` is this list as JSON (a test keeps the two equal).
 * @module
 */
import type { Message, Schedule } from '../core/types.js';
import { deepFreeze } from '../testing/freeze.js';

/** The shop's business hours in Berlin: Monday–Friday 09:00–18:00, Saturday 10:00–14:00, closed over Christmas and on New Year's Day. */
export const shopHours: Schedule = /* @__PURE__ */ deepFreeze({
  timezone: 'Europe/Berlin',
  weekly: [
    { day: 'mon', open: '09:00', close: '18:00' },
    { day: 'tue', open: '09:00', close: '18:00' },
    { day: 'wed', open: '09:00', close: '18:00' },
    { day: 'thu', open: '09:00', close: '18:00' },
    { day: 'fri', open: '09:00', close: '18:00' },
    { day: 'sat', open: '10:00', close: '14:00' },
  ],
  holidays: [
    { name: 'Christmas', start: '2026-12-24', end: '2026-12-26' },
    { name: 'New Year', start: '2027-01-01', end: '2027-01-01' },
  ],
});

/**
 * Every message of the example account, in list order (deep-frozen: build new objects to vary
 * one). Each needs no default filled in, so `parseMessages(messages).value` holds these very
 * objects.
 * @example
 * ```ts
 * messages.map((m) => m.id).slice(3, 5); // ['msg_delivery_delay', 'msg_pricing_help']
 * ```
 */
export const messages: readonly Message[] = /* @__PURE__ */ deepFreeze([
  {
    id: 'starter_welcome',
    name: 'Welcome new visitors',
    brandId: 'brand_acme',
    channelId: 'web_main',
    status: 'draft',
    response: { type: 'agent', text: 'Hi there! Have a question? We are happy to help.', capture: [] },
    trigger: { event: 'timeOnPage', seconds: 10 },
    conditions: { all: [{ fact: 'visitorType', operator: 'equal', value: 'new' }] },
    tags: ['proactive', 'welcome'],
    sendWindow: { type: 'anytime' },
    frequency: 'once',
    priority: 0,
    metrics: { sent: 0, read: 0, replied: 0 },
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
  },
  {
    id: 'starter_pricing_help',
    name: 'Help on the pricing page',
    brandId: 'brand_acme',
    channelId: 'web_main',
    status: 'draft',
    response: {
      type: 'agent',
      text: 'Questions about our plans? We are here.',
      capture: ['name', 'email'],
      followUp: 'Thanks! An agent will join you shortly.',
    },
    trigger: { event: 'timeOnPage', seconds: 30 },
    conditions: { all: [{ fact: 'pageUrl', operator: 'containsAnyOf', value: ['/pricing'] }] },
    tags: ['proactive', 'pricing'],
    sendWindow: { type: 'anytime' },
    frequency: 'oncePerVisit',
    priority: 1,
    metrics: { sent: 0, read: 0, replied: 0 },
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
  },
  {
    id: 'starter_out_of_hours',
    name: 'Out-of-hours notice',
    brandId: 'brand_acme',
    channelId: 'web_main',
    status: 'draft',
    response: {
      type: 'agent',
      text: 'We are away right now. Leave your email and we will get back to you.',
      capture: ['email'],
      followUp: 'Thanks! We will reply by email when we are back.',
    },
    trigger: { event: 'pageLoad' },
    conditions: null,
    tags: ['proactive', 'outofhours'],
    sendWindow: {
      type: 'outsideBusinessHours',
      schedule: {
        timezone: 'UTC',
        weekly: [
          { day: 'mon', open: '09:00', close: '17:00' },
          { day: 'tue', open: '09:00', close: '17:00' },
          { day: 'wed', open: '09:00', close: '17:00' },
          { day: 'thu', open: '09:00', close: '17:00' },
          { day: 'fri', open: '09:00', close: '17:00' },
        ],
        holidays: [],
      },
    },
    frequency: 'oncePerVisit',
    priority: 0,
    metrics: { sent: 0, read: 0, replied: 0 },
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
  },
  {
    id: 'msg_delivery_delay',
    name: 'Delivery delay notice',
    brandId: 'brand_acme',
    channelId: 'web_main',
    status: 'live',
    publishedAt: '2026-11-02T08:00:00Z',
    response: {
      type: 'agent',
      text: 'Heads up: deliveries are running one to two days late this week. Questions about your order? Ask us here.',
      capture: [],
    },
    trigger: { event: 'pageLoad' },
    conditions: {
      any: [
        { fact: 'pageUrl', operator: 'containsAnyOf', value: ['/orders', '/bestellungen', '/tracking'] },
        { fact: 'pageTitle', operator: 'containsAnyOf', value: ['order status', 'bestellstatus'] },
      ],
    },
    tags: ['proactive', 'delivery'],
    sendWindow: { type: 'anytime' },
    frequency: 'everyTime',
    priority: 20,
    metrics: { sent: 412, read: 57, replied: 31 },
    createdAt: '2026-10-28T14:00:00Z',
    updatedAt: '2026-11-20T12:00:00Z',
  },
  {
    id: 'msg_pricing_help',
    name: 'Help on the pricing page',
    brandId: 'brand_acme',
    channelId: 'web_main',
    status: 'live',
    publishedAt: '2026-11-02T08:00:00Z',
    response: {
      type: 'agent',
      text: 'Questions about our plans? We are here.',
      capture: ['name', 'email'],
      followUp: 'Thanks! An agent will join you shortly.',
    },
    trigger: { event: 'timeOnPage', seconds: 30 },
    conditions: {
      all: [
        { fact: 'pageUrl', operator: 'containsAnyOf', value: ['/pricing', '/preise'] },
        {
          any: [
            { fact: 'language', operator: 'in', value: ['en', 'de'] },
            { fact: 'visitorType', operator: 'equal', value: 'returning' },
          ],
        },
      ],
    },
    tags: ['proactive', 'pricing'],
    sendWindow: { type: 'businessHours', schedule: shopHours },
    frequency: 'oncePerVisit',
    priority: 10,
    metrics: { sent: 1290, read: 210, replied: 64 },
    createdAt: '2026-10-28T14:00:00Z',
    updatedAt: '2026-11-20T12:00:00Z',
  },
  {
    id: 'msg_cart_free_shipping',
    name: 'Free shipping hint for full carts',
    brandId: 'brand_acme',
    channelId: 'web_main',
    status: 'live',
    publishedAt: '2026-11-02T08:00:00Z',
    response: {
      type: 'aiAgent',
      text: 'Your cart qualifies for free shipping 🚚 Want to know more?',
      aiAgentId: 'ai_faq',
      answerId: 'ans_free_shipping',
    },
    trigger: { event: 'timeOnPage', seconds: 20 },
    conditions: {
      all: [
        { fact: 'metadata.cartValue', operator: 'greaterThanInclusive', value: 100 },
        {
          any: [
            { fact: 'pageUrl', operator: 'matchesWildcard', value: 'https://shop.example/*cart*' },
            { fact: 'pageUrl', operator: 'endsWith', value: '/checkout' },
          ],
        },
        { fact: 'timeOnSite', operator: 'greaterThan', value: 120 },
        { not: { fact: 'metadata.plan', operator: 'equal', value: 'enterprise' } },
      ],
    },
    tags: ['proactive', 'conversion', 'shipping'],
    sendWindow: { type: 'businessHours', schedule: shopHours },
    frequency: 'everyTime',
    priority: 15,
    metrics: { sent: 388, read: 95, replied: 40 },
    createdAt: '2026-10-28T14:00:00Z',
    updatedAt: '2026-11-20T12:00:00Z',
  },
  {
    id: 'msg_ai_onboarding',
    name: 'AI onboarding for new visitors',
    brandId: 'brand_acme',
    channelId: 'web_main',
    status: 'live',
    publishedAt: '2026-11-02T08:00:00Z',
    response: { type: 'aiAgent', text: '👋 New here? I can show you around in a minute.', aiAgentId: 'ai_assistant' },
    trigger: { event: 'timeOnPage', seconds: 30 },
    conditions: {
      all: [
        { fact: 'visitorType', operator: 'equal', value: 'new' },
        { fact: 'deviceType', operator: 'in', value: ['desktop', 'tablet'] },
        {
          any: [
            { fact: 'pageViews', operator: 'lessThanInclusive', value: 3 },
            { fact: 'timeOnSite', operator: 'lessThan', value: 600 },
          ],
        },
      ],
    },
    tags: ['proactive', 'onboarding'],
    sendWindow: { type: 'anytime' },
    frequency: 'once',
    priority: 5,
    metrics: { sent: 2034, read: 301, replied: 122 },
    createdAt: '2026-10-28T14:00:00Z',
    updatedAt: '2026-11-20T12:00:00Z',
  },
  {
    id: 'msg_de_after_hours',
    name: 'Returning German visitors after hours',
    brandId: 'brand_acme',
    channelId: 'web_main',
    status: 'live',
    publishedAt: '2026-11-02T08:00:00Z',
    response: {
      type: 'agent',
      text: 'Willkommen zurück! Wir sind gerade nicht im Büro. Hinterlassen Sie Ihre E-Mail-Adresse, wir melden uns morgen früh.',
      capture: ['email'],
      followUp: 'Danke! Wir antworten Ihnen per E-Mail.',
    },
    trigger: { event: 'timeOnPage', seconds: 15 },
    conditions: {
      all: [
        { fact: 'language', operator: 'equal', value: 'de' },
        { fact: 'visitorType', operator: 'equal', value: 'returning' },
        { fact: 'referrer', operator: 'doesNotContainAnyOf', value: ['partner.example'] },
      ],
    },
    tags: ['proactive', 'afterhours', 'de'],
    sendWindow: { type: 'outsideBusinessHours', schedule: shopHours },
    frequency: 'oncePerVisit',
    priority: 3,
    metrics: { sent: 96, read: 12, replied: 9 },
    createdAt: '2026-10-28T14:00:00Z',
    updatedAt: '2026-11-20T12:00:00Z',
  },
  {
    id: 'msg_app_settings_help',
    name: 'Help on the app settings screen',
    brandId: 'brand_acme',
    channelId: 'app_ios',
    status: 'live',
    publishedAt: '2026-11-02T08:00:00Z',
    response: { type: 'agent', text: 'Looking for a setting? Tap here and we will point you to it.', capture: [] },
    trigger: { event: 'pageLoad' },
    conditions: {
      all: [
        { fact: 'pageUrl', operator: 'equal', value: 'Settings' },
        { fact: 'deviceType', operator: 'in', value: ['mobile', 'tablet'] },
      ],
    },
    tags: ['proactive', 'app'],
    sendWindow: { type: 'anytime' },
    frequency: 'once',
    priority: 0,
    metrics: { sent: 150, read: 41, replied: 17 },
    createdAt: '2026-10-28T14:00:00Z',
    updatedAt: '2026-11-20T12:00:00Z',
  },
  {
    id: 'msg_black_friday',
    name: 'Black Friday preview',
    brandId: 'brand_acme',
    channelId: 'web_main',
    status: 'paused',
    publishedAt: '2026-11-02T08:00:00Z',
    pauseReason: 'manual',
    response: {
      type: 'aiAgent',
      text: '🎉 Black Friday starts soon. Want a sneak peek at the deals?',
      aiAgentId: 'ai_assistant',
    },
    trigger: { event: 'pageLoad' },
    conditions: { fact: 'visitCount', operator: 'greaterThanInclusive', value: 2 },
    tags: ['proactive', 'promo'],
    sendWindow: { type: 'anytime' },
    frequency: 'oncePerVisit',
    priority: 30,
    metrics: { sent: 77, read: 8, replied: 2 },
    createdAt: '2026-10-28T14:00:00Z',
    updatedAt: '2026-11-20T12:00:00Z',
  },
]);

