/**
 * Scenarios: one workspace, a message list and a visitor that meet — the messages run on the
 * workspace's channels, the visitor is on one of them and its deliveries name the messages.
 * @module
 */
import fc from 'fast-check';
import type { EvaluateOptions, Message, Visitor, Workspace } from '../core/types.js';
import { KIT_TIME_ZONES } from './pools.js';
import { messageListArb, type MessageListArbOptions } from './message.js';
import { CHANNEL_IDS, KIT_NOW_MS } from './pools.js';
import { visitorArb, type VisitorArbOptions } from './visitor.js';
import { workspaceArb, type WorkspaceArbOptions } from './workspace.js';

/** What {@link scenarioArb} generates. */
export interface Scenario {
  readonly now: number;
  readonly workspace: Workspace;
  readonly messages: Message[];
  readonly visitor: Visitor;
  /** The account's policies to pass to `evaluate` / `explain` (`undefined`: none). */
  readonly options?: EvaluateOptions;
}

/** Options of {@link scenarioArb}. */
export interface ScenarioArbOptions {
  /** The evaluation instant, or an arbitrary of instants. Default 2026-11-23T10:00:00Z. */
  readonly now?: number | fc.Arbitrary<number>;
  /** Options of the message list (its `channelId` defaults to the visitor's channel most of the time). */
  readonly messages?: Omit<MessageListArbOptions, 'now' | 'channelId'>;
  /** Options of the visitor. */
  readonly visitor?: Omit<VisitorArbOptions, 'now' | 'channelId' | 'messageIds'>;
  /** Options of the workspace. */
  readonly workspace?: WorkspaceArbOptions;
  /** `true`: sometimes an account policy (a cooldown, a time zone for `oncePer`). Default `false`. */
  readonly policy?: boolean;
}

/**
 * Account policies for `evaluate` / `explain`: each key present or not, a cooldown of 0 s to
 * two hours, a time zone of the kit's.
 * @example
 * ```ts
 * fc.sample(evaluateOptionsArb(), 1)[0]; // e.g. { cooldownSeconds: 600, timeZone: 'Asia/Kathmandu' }
 * ```
 */
export function evaluateOptionsArb(): fc.Arbitrary<EvaluateOptions> {
  return fc.record(
    { cooldownSeconds: fc.oneof(fc.constantFrom(0, 60, 600), fc.integer({ min: 0, max: 7_200 })), timeZone: fc.constantFrom(...KIT_TIME_ZONES) },
    { requiredKeys: [] },
  );
}

/**
 * A workspace, messages and a visitor placed around one `now`, sharing one channel: most
 * messages run on the visitor's channel (the rest on other channels), and the visitor's
 * deliveries name messages of the list. The workspace draws on the same channel and AI-agent
 * ids (`workspace: { publishable: true }` holds all of them). The building block of the laws in `docs/property-testing.md`.
 * @example
 * ```ts
 * fc.assert(fc.property(scenarioArb(), ({ visitor, messages, now }) => {
 *   const decision = evaluate(visitor, messages, now);
 *   return decision.message === null || decision.eligible[0] === decision.message.id;
 * }));
 * ```
 */
export function scenarioArb(options: ScenarioArbOptions = {}): fc.Arbitrary<Scenario> {
  const nowArb = options.now === undefined ? fc.constant(KIT_NOW_MS) : typeof options.now === 'number' ? fc.constant(options.now) : options.now;
  const maxMessages = options.messages?.maxLength ?? 6;
  const messageIds = Array.from({ length: Math.max(1, maxMessages) }, (_, i) => `msg_${i + 1}`);
  // Arbitraries are built once per channel (building them per sample is slow); values are made
  // around KIT_NOW_MS and shifted to the drawn `now`.
  const perChannel = CHANNEL_IDS.map((channelId) => {
    const others = CHANNEL_IDS.filter((id) => id !== channelId);
    return fc.record({
      messages: messageListArb({ ...options.messages, maxLength: maxMessages, channelId: [channelId, channelId, channelId, ...others] }),
      visitor: visitorArb({ messageIds, ...options.visitor, channelId }),
    });
  });
  const policy = options.policy === true ? fc.option(evaluateOptionsArb(), { nil: undefined }) : fc.constant(undefined);
  return fc
    .tuple(nowArb, fc.oneof(...perChannel), workspaceArb(options.workspace ?? {}), policy)
    .map(([now, { messages, visitor }, workspace, policyOptions]): Scenario => {
      const shift = now - KIT_NOW_MS;
      // Deliveries name messages of this list (`msg_k` folded onto the list's length).
      const n = messages.length;
      const deliveries = n === 0 ? [] : visitor.deliveries.map((d) => ({ ...d, messageId: `msg_${((Number(d.messageId.slice(4)) - 1) % n) + 1}` }));
      const scenario = { now, workspace, messages: messages.map((m) => shiftMessage(m, shift)), visitor: shiftVisitor({ ...visitor, deliveries }, shift) };
      return policyOptions === undefined ? scenario : { ...scenario, options: policyOptions };
    });
}

function shifted(iso: string, by: number): string {
  return by === 0 ? iso : new Date(Date.parse(iso) + by).toISOString();
}

function shiftMessage(message: Message, by: number): Message {
  return {
    ...message,
    ...(message.publishedAt === undefined ? {} : { publishedAt: shifted(message.publishedAt, by) }),
    ...(message.activeFrom === undefined ? {} : { activeFrom: shifted(message.activeFrom, by) }),
    ...(message.activeUntil === undefined ? {} : { activeUntil: shifted(message.activeUntil, by) }),
    createdAt: shifted(message.createdAt, by),
    updatedAt: shifted(message.updatedAt, by),
  };
}

function shiftVisitor(visitor: Visitor, by: number): Visitor {
  return {
    ...visitor,
    visit: { ...visitor.visit, startedAt: shifted(visitor.visit.startedAt, by) },
    page: { ...visitor.page, enteredAt: shifted(visitor.page.enteredAt, by) },
    deliveries: visitor.deliveries.map((d) => ({ ...d, at: shifted(d.at, by) })),
  };
}

/**
 * Moves a scenario in time so that its `now` becomes `now`: every timestamp of the messages and
 * the visitor shifts by the same amount, so the visitor's time on page, the order of its
 * deliveries and the messages' dates stay as they were. Use it to place a scenario just before a
 * business-hours boundary or a DST transition.
 * @example
 * ```ts
 * const moved = scenarioAt(scenario, Date.parse('2026-03-29T00:59:00Z'));
 * moved.visitor.page.enteredAt; // 2026-03-29T00:5x…, same seconds on page as before
 * ```
 */
export function scenarioAt(scenario: Scenario, now: number): Scenario {
  const by = now - scenario.now;
  return { ...scenario, now, messages: scenario.messages.map((m) => shiftMessage(m, by)), visitor: shiftVisitor(scenario.visitor, by) };
}
