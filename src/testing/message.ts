/**
 * Valid messages: every response type, trigger, send window, frequency and status, with the
 * fields that go with the status.
 * @module
 */
import fc from 'fast-check';
import type { ConditionNode, ErrorReason, Frequency, Message, MessageStatus, Metrics, PauseReason, Response, Trigger } from '../core/types.js';
import { MAX_NAME_LENGTH } from '../core/limits.js';
import { ERROR_REASONS, FREQUENCIES, MESSAGE_STATUSES, SEND_WINDOW_TYPES } from '../core/vocabulary.js';
import { AI_AGENT_IDS, ANSWER_IDS, BRAND_IDS, CHANNEL_IDS, KIT_NOW_MS, MOBILE_CHANNEL_IDS, THRESHOLD_SECONDS } from './pools.js';
import { emojiTextArb, idArb, plainTextArb, tagsArb } from './primitives.js';
import { sendWindowArb, type ScheduleArbOptions } from './schedule.js';
import { conditionTreeArb } from './conditions.js';

let treeCache: { webTree: fc.Arbitrary<ConditionNode>; mobileTree: fc.Arbitrary<ConditionNode> } | null = null;

/** Tree arbitraries are costly to build; build them once and share them across messageArb calls. */
function trees(): { webTree: fc.Arbitrary<ConditionNode>; mobileTree: fc.Arbitrary<ConditionNode> } {
  treeCache ??= { webTree: conditionTreeArb(), mobileTree: conditionTreeArb({ metadata: false }) };
  return treeCache;
}

/** Error reasons about the channel (any message) and about the AI agent (AI-agent messages only), from the vocabulary. */
const CHANNEL_ERRORS: readonly ErrorReason[] = ERROR_REASONS.filter((reason) => reason.startsWith('channel'));
const AI_ERRORS: readonly ErrorReason[] = ERROR_REASONS.filter((reason) => !reason.startsWith('channel'));
const DAY_MS = 86_400_000;

/** Options of {@link messageArb}. */
export interface MessageArbOptions {
  /** Fixed id. Default: a random `msg_…` id. */
  readonly id?: string;
  /** Only this status (or one of these). Default: every status. */
  readonly status?: MessageStatus | readonly MessageStatus[];
  /** Only this channel (or one of these). Default: the kit's channels (drafts sometimes `null`). */
  readonly channelId?: string | readonly string[];
  /** Only this brand (or one of these). Default: `brand_1`, `brand_2`. */
  readonly brandId?: string | readonly string[];
  /** Only this response type. */
  readonly responseType?: Response['type'];
  /** Only this frequency (or one of these). */
  readonly frequency?: Frequency | readonly Frequency[];
  /** Only these send-window types. */
  readonly sendWindow?: 'anytime' | 'businessHours' | 'outsideBusinessHours' | readonly ('anytime' | 'businessHours' | 'outsideBusinessHours')[];
  /** `false`: no condition tree (`null`); `true`: always one. Default: sometimes. */
  readonly conditions?: boolean;
  /** Options for schedules of business-hours windows. */
  readonly schedule?: ScheduleArbOptions;
  /** Timestamps (`createdAt`, `publishedAt`, `updatedAt`) are at or before this instant. Default: 2026-11-23T10:00:00Z. */
  readonly now?: number;
  /**
   * `true`: messages sometimes carry the time-aware limits (`activeFrom` / `activeUntil` within
   * hours of `now`, `rolloutPercent`, `holdoutPercent`, `maxDeliveries`, `oncePer`,
   * `snoozeSeconds`, `cooldownSeconds`), each field on its own. Default `false`: none, as every
   * message before they existed.
   */
  readonly limits?: boolean;
}

/** The optional limit fields of a message (each present or not on its own), placed around `now`. */
export type MessageLimitFields = Pick<Message, 'activeFrom' | 'activeUntil' | 'rolloutPercent' | 'holdoutPercent' | 'maxDeliveries' | 'oncePer' | 'snoozeSeconds' | 'cooldownSeconds'>;

/**
 * The limit fields of a message: start and end instants within six hours of `now` (in order),
 * rollout and hold-out percents (the edges 0 and 100 included), a delivery cap of 1–3, a day or
 * week period, snoozes and cooldowns of a minute to two hours (cooldown 0: ignores the account's).
 * @example
 * ```ts
 * fc.sample(limitFieldsArb(KIT_NOW_MS), 1)[0]; // e.g. { rolloutPercent: 30, snoozeSeconds: 600 }
 * ```
 */
export function limitFieldsArb(now: number = KIT_NOW_MS): fc.Arbitrary<MessageLimitFields> {
  const offset = fc.integer({ min: -6 * 3_600_000, max: 6 * 3_600_000 });
  const percent = fc.oneof(fc.constantFrom(0, 30, 50, 100), fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100));
  const seconds = fc.oneof(fc.constantFrom(60, 600, 3_600), fc.integer({ min: 1, max: 7_200 }));
  return fc
    .record(
      {
        from: offset,
        until: offset,
        rolloutPercent: percent,
        holdoutPercent: percent,
        maxDeliveries: fc.integer({ min: 1, max: 3 }),
        oncePer: fc.constantFrom('day' as const, 'week' as const),
        snoozeSeconds: seconds,
        cooldownSeconds: fc.oneof(fc.constant(0), seconds),
      },
      { requiredKeys: [] },
    )
    .map(({ from, until, ...rest }): MessageLimitFields => {
      const iso = (at: number) => new Date(now + at).toISOString();
      // `activeUntil` after `activeFrom`: with both, the later offset ends (and equal ones are one second apart).
      if (from !== undefined && until !== undefined) {
        const [a, b] = from < until ? [from, until] : [until, from + (from === until ? 1000 : 0)];
        return { ...rest, activeFrom: iso(a), activeUntil: iso(b) };
      }
      return { ...rest, ...(from === undefined ? {} : { activeFrom: iso(from) }), ...(until === undefined ? {} : { activeUntil: iso(until) }) };
    });
}

function pick<T>(value: T | readonly T[] | undefined, all: readonly T[]): readonly T[] {
  if (value === undefined) return all;
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}

/**
 * A response: agent (plain text, a subset of name/email to capture, an optional follow-up) or
 * AI agent (text that may hold emoji, an AI agent id, an optional answer id).
 * @example
 * ```ts
 * fc.sample(responseArb('aiAgent'), 1); // [{ type: 'aiAgent', text: 'Hi 👋', aiAgentId: 'ai_1' }]
 * ```
 */
export function responseArb(type?: Response['type']): fc.Arbitrary<Response> {
  const agent = fc
    .record({
      text: plainTextArb(),
      capture: fc.constantFrom<('name' | 'email')[]>([], ['name'], ['email'], ['name', 'email'], ['email', 'name']),
      followUp: fc.option(plainTextArb(), { nil: undefined }),
    })
    .map(({ text, capture, followUp }): Response => ({ type: 'agent', text, capture, ...(followUp === undefined ? {} : { followUp }) }));
  const ai = fc
    .record({ text: emojiTextArb(), aiAgentId: fc.constantFrom(...AI_AGENT_IDS), answerId: fc.option(fc.constantFrom(...ANSWER_IDS), { nil: undefined }) })
    .map(({ text, aiAgentId, answerId }): Response => ({ type: 'aiAgent', text, aiAgentId, ...(answerId === undefined ? {} : { answerId }) }));
  if (type === 'agent') return agent;
  if (type === 'aiAgent') return ai;
  return fc.oneof(agent, ai);
}

/**
 * A trigger: page load, or N seconds on the page (N near common thresholds, up to a day).
 * @example
 * ```ts
 * fc.sample(triggerArb(), 1); // [{ event: 'timeOnPage', seconds: 30 }]
 * ```
 */
export function triggerArb(): fc.Arbitrary<Trigger> {
  return fc.oneof(
    fc.constant<Trigger>({ event: 'pageLoad' }),
    fc
      .oneof({ arbitrary: fc.constantFrom(...THRESHOLD_SECONDS), weight: 3 }, { arbitrary: fc.integer({ min: 0, max: 86_400 }), weight: 1 })
      .map((seconds): Trigger => ({ event: 'timeOnPage', seconds })),
  );
}

const metricsArb: fc.Arbitrary<Metrics> = fc
  .tuple(fc.nat({ max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([sent, r, p]) => {
    const read = Math.floor(sent * r);
    return { sent, read, replied: Math.floor(read * p) };
  });

interface StatusFields {
  readonly status: MessageStatus;
  readonly pauseReason?: PauseReason;
  readonly errorReasons?: readonly ErrorReason[];
}

function statusFieldsArb(status: MessageStatus, response: Response): fc.Arbitrary<StatusFields> {
  switch (status) {
    case 'draft':
    case 'live':
      return fc.constant({ status });
    case 'paused':
      // Only AI-agent messages are paused by the automated-resolution limit.
      return fc
        .constantFrom<PauseReason>(...(response.type === 'aiAgent' ? (['manual', 'automatedResolutionLimit'] as const) : (['manual'] as const)))
        .map((pauseReason) => ({ status, pauseReason }));
    case 'error': {
      const reasons = response.type === 'aiAgent' ? [...CHANNEL_ERRORS, ...AI_ERRORS] : CHANNEL_ERRORS;
      return fc.subarray([...reasons], { minLength: 1 }).map((errorReasons) => ({ status, errorReasons }));
    }
  }
}

/**
 * Valid messages (they pass `parseMessage`, and parsing returns the same value): every response
 * type, trigger, send window, frequency and status, with consistent status fields — `pauseReason`
 * only when paused, `errorReasons` only in error, `publishedAt` once published, `channelId` `null`
 * only in a draft — normalized tags, and timestamps in order (`createdAt ≤ publishedAt ≤ updatedAt ≤ now`).
 * Mobile-SDK channels (`app_…`) get trees without `metadata.*` facts.
 * @example
 * ```ts
 * fc.assert(fc.property(messageArb({ status: 'live', channelId: 'web_main' }), (message) =>
 *   availableActions(message).includes('pause')));
 * ```
 */
export function messageArb(options: MessageArbOptions = {}): fc.Arbitrary<Message> {
  const now = options.now ?? KIT_NOW_MS;
  const statuses = pick(options.status, MESSAGE_STATUSES);
  const channelIds = pick(options.channelId, CHANNEL_IDS);
  const windowTypes = pick(options.sendWindow, SEND_WINDOW_TYPES);
  const window = sendWindowArb(options.schedule ?? {}).filter((w) => windowTypes.includes(w.type));
  const base = fc.record({
    id: options.id === undefined ? idArb('msg') : fc.constant(options.id),
    // A name may not be only spaces (`tooSmall`): plain text can be, rarely (a word of spaces).
    name: plainTextArb()
      .map((text) => text.slice(0, MAX_NAME_LENGTH))
      .filter((text) => text.trim() !== ''),
    brandId: fc.constantFrom(...pick<string>(options.brandId, BRAND_IDS)),
    status: fc.constantFrom(...statuses),
    channel: fc.constantFrom(...channelIds),
    nullChannel: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
    response: responseArb(options.responseType),
    trigger: triggerArb(),
    hasConditions: options.conditions === undefined ? fc.boolean() : fc.constant(options.conditions),
    tags: tagsArb(),
    sendWindow: window,
    frequency: fc.constantFrom(...pick(options.frequency, FREQUENCIES)),
    priority: fc.oneof({ arbitrary: fc.integer({ min: -3, max: 3 }), weight: 4 }, { arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000 }), weight: 1 }),
    metrics: metricsArb,
    ages: fc.tuple(fc.nat({ max: 400 * DAY_MS }), fc.nat({ max: 1_000 }), fc.nat({ max: 1_000 })),
    limits: options.limits === true ? fc.option(limitFieldsArb(now), { freq: 2 }) : fc.constant(null),
  });
  const { webTree, mobileTree } = trees();
  const noTree = fc.constant(null);
  return base.chain((b) => {
    const mobile = (MOBILE_CHANNEL_IDS as readonly string[]).includes(b.channel);
    const tree = b.hasConditions ? (mobile ? mobileTree : webTree) : noTree;
    return fc.tuple(statusFieldsArb(b.status, b.response), tree).map(([fields, conditions]): Message => {
      // Split the age into createdAt ≤ publishedAt ≤ updatedAt ≤ now.
      const [age, a, c] = b.ages;
      const createdAt = now - age;
      const publishedAt = createdAt + Math.floor((age * a) / 2_000);
      const updatedAt = publishedAt + Math.floor(((now - publishedAt) * c) / 1_000);
      const channelId = b.status === 'draft' && b.nullChannel ? null : b.channel;
      const metrics = b.status === 'draft' ? { sent: 0, read: 0, replied: 0 } : b.metrics;
      return {
        id: b.id,
        name: b.name,
        brandId: b.brandId,
        channelId,
        ...fields,
        ...(b.status === 'draft' ? {} : { publishedAt: new Date(publishedAt).toISOString() }),
        response: b.response,
        trigger: b.trigger,
        conditions,
        tags: b.tags,
        sendWindow: b.sendWindow,
        frequency: b.frequency,
        priority: b.priority,
        ...(b.limits ?? {}),
        metrics,
        createdAt: new Date(createdAt).toISOString(),
        updatedAt: new Date(updatedAt).toISOString(),
      };
    });
  });
}

/** Options of {@link messageListArb}. */
export interface MessageListArbOptions extends Omit<MessageArbOptions, 'id'> {
  /** Fewest messages. Default 0. */
  readonly minLength?: number;
  /** Most messages. Default 8, at most 140 (the account limit). */
  readonly maxLength?: number;
}

/**
 * Valid message lists (they pass `parseMessages`): ids `msg_1`, `msg_2`, … in order (unique, and
 * the ids {@link visitorArb}'s deliveries name by default), at most 140 messages.
 * @example
 * ```ts
 * fc.assert(fc.property(messageListArb({ status: 'live' }), visitorArb(), (messages, visitor) => {
 *   const { message, eligible } = evaluate(visitor, messages, KIT_NOW_MS);
 *   return message === null || eligible[0] === message.id;
 * }));
 * ```
 */
export function messageListArb(options: MessageListArbOptions = {}): fc.Arbitrary<Message[]> {
  const maxLength = Math.min(options.maxLength ?? 8, 140);
  return fc
    .array(messageArb(options), { minLength: Math.min(options.minLength ?? 0, maxLength), maxLength })
    .map((messages) => messages.map((m, i) => ({ ...m, id: `msg_${i + 1}` })));
}
