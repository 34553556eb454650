/**
 * `proactive-messaging/examples`: the example account every guide runs against — its
 * messages, workspace and visitors, typed and deep-frozen — so a sample copied from the docs
 * runs as written. The same data is in `examples/*.json` for the command-line tool (a test keeps
 * the files equal to these values). Pure data: importing it has no effect and needs no peer.
 * @example
 * ```ts
 * import { evaluate } from 'proactive-messaging';
 * import { messages, now, visitor } from 'proactive-messaging/examples';
 *
 * evaluate(visitor, messages, now).message?.id; // 'msg_pricing_help'
 * ```
 * @module
 */
import type { Message, Visitor } from '../core/types.js';
import { messages } from './messages.js';
import { visitors } from './visitors.js';

export { messages, shopHours } from './messages.js';
export { workspace } from './workspace.js';
export { visitors, type ExampleVisitors } from './visitors.js';

/**
 * The instant the guides evaluate at: Monday 2026-11-23 10:00:30 UTC (11:00:30 in Berlin,
 * inside the shop's hours), in epoch milliseconds — 30 s after {@link visitor} entered the
 * pricing page.
 * @example
 * ```ts
 * new Date(now).toISOString(); // '2026-11-23T10:00:30.000Z'
 * ```
 */
export const now: number = /* @__PURE__ */ Date.parse('2026-11-23T10:00:30Z');

/**
 * Anna, the new visitor on the pricing page (`visitors.newOnPricing`).
 * @example
 * ```ts
 * visitor.page.url; // 'https://shop.example/pricing'
 * ```
 */
export const visitor: Visitor = visitors.newOnPricing;

/**
 * "Help on the pricing page" (`msg_pricing_help`): live on the web widget, 30 s on a pricing
 * page, business hours, asks for name and email, once per visit, priority 10.
 * @example
 * ```ts
 * message.frequency; // 'oncePerVisit'
 * ```
 */
export const message: Message = messages[4] as Message;

/**
 * "Welcome new visitors" (`starter_welcome`): the first starter draft, ready to publish.
 * @example
 * ```ts
 * draft.status; // 'draft'
 * ```
 */
export const draft: Message = messages[0] as Message;
