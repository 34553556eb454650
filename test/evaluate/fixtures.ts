import type { ConditionNode, Message, SendWindow, Trigger, Visitor } from '../../src/index.js';

export const T0 = Date.parse('2026-11-23T10:00:00Z');

/** A valid live message on `web_main`, page-load trigger, any time, every time, no conditions. */
export function message(id: string, overrides: Partial<Message> = {}): Message {
  return {
    id,
    name: `Message ${id}`,
    brandId: 'brand_1',
    channelId: 'web_main',
    status: 'live',
    publishedAt: '2026-11-01T09:00:00Z',
    response: { type: 'agent', text: 'Hello there', capture: [] },
    trigger: { event: 'pageLoad' } as Trigger,
    conditions: null as ConditionNode | null,
    tags: [],
    sendWindow: { type: 'anytime' } as SendWindow,
    frequency: 'everyTime',
    priority: 0,
    metrics: { sent: 0, read: 0, replied: 0 },
    createdAt: '2026-11-01T09:00:00Z',
    updatedAt: '2026-11-20T12:00:00Z',
    ...overrides,
  };
}

/** A visitor on `web_main`, visit 2, page view pv_3 entered at T0. */
export function visitor(overrides: Partial<Visitor> = {}): Visitor {
  return {
    id: 'v_123',
    channelId: 'web_main',
    visit: { id: 'visit_9', number: 2, startedAt: '2026-11-23T09:58:00Z', pageViews: 3 },
    page: {
      viewId: 'pv_3',
      url: 'https://shop.example/pricing',
      title: 'Pricing',
      referrer: 'https://search.example/',
      enteredAt: '2026-11-23T10:00:00Z',
    },
    language: 'en-US',
    deviceType: 'desktop',
    metadata: { plan: 'trial', cartValue: 120 },
    inActiveConversation: false,
    deliveries: [],
    ...overrides,
  };
}

/** Recursively freezes a value so any mutation throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
