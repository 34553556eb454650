/**
 * The domain model: TypeScript types of the wire format.
 *
 * Parsed values keep the wire shape exactly (timestamps stay ISO-8601 strings), so a parsed
 * message serialises back to the same JSON. All types are deeply readonly: the library never
 * mutates its inputs and returns new objects instead. The closed unions (statuses, facts,
 * operators, …) are derived from the lists of `vocabulary.ts`.
 *
 * Ground floor: imports only from `core/`.
 * @module
 */
import type {
  CaptureField,
  ChannelType,
  DeviceType,
  ErrorReason,
  FactName,
  Frequency,
  MessageStatus,
  Operator,
  PauseReason,
  Period,
  Weekday,
} from './vocabulary.js';

export type {
  BuiltInFact,
  CaptureField,
  ChannelType,
  DeviceType,
  ErrorReason,
  FactKind,
  FactName,
  Frequency,
  Gate,
  MessageStatus,
  MetadataFact,
  Operator,
  PauseReason,
  Period,
  ProactiveChannelType,
  ReasonCode,
  ResponseType,
  SendWindowType,
  TriggerEvent,
  VisitorType,
  Weekday,
} from './vocabulary.js';

/** An ISO-8601 timestamp with an offset or `Z`, e.g. `"2026-11-23T10:00:00Z"`. */
export type IsoTimestamp = string;
/** A local calendar date, `YYYY-MM-DD`. */
export type LocalDate = string;
/** A wall-clock time, `HH:MM` from `00:00` to `24:00`. */
export type WallClockTime = string;
/**
 * An instant: a `Date`, epoch milliseconds, or an ISO-8601 timestamp with seconds and `Z` or an
 * offset. Anything else is an `invalidInstant` issue (see `core/instants.ts`).
 */
export type Instant = Date | number | IsoTimestamp;

// ---------------------------------------------------------------- response

/** A live agent takes over. Plain text only, no emoji. */
export interface AgentResponse {
  readonly type: 'agent';
  readonly text: string;
  /** Subset of `name`/`email`, no duplicates; empty when nothing is asked. */
  readonly capture: readonly CaptureField[];
  /** Shown after the visitor submits their details. */
  readonly followUp?: string;
}

/** An AI agent of the same brand runs the conversation. Emoji allowed. */
export interface AiAgentResponse {
  readonly type: 'aiAgent';
  readonly text: string;
  readonly aiAgentId: string;
  /** Legacy AI agents: a published answer shown as the follow-up. */
  readonly answerId?: string;
}

export type Response = AgentResponse | AiAgentResponse;

// ---------------------------------------------------------------- trigger

/** When a message is checked: on page load, or after N seconds on the page. */
export type Trigger =
  | { readonly event: 'pageLoad' }
  | { readonly event: 'timeOnPage'; readonly seconds: number };

// ---------------------------------------------------------------- conditions

/** A scalar a condition compares with. */
export type ConditionScalar = string | number | boolean | null;
/** The right-hand side of a leaf: a scalar or a list of scalars. */
export type ConditionValue = ConditionScalar | readonly ConditionScalar[];

/** A leaf `{ fact, operator, value }` in json-rules-engine's shape. */
export interface ConditionLeaf {
  readonly fact: FactName;
  readonly operator: Operator;
  readonly value: ConditionValue;
}
export interface AllCondition {
  readonly all: readonly ConditionNode[];
}
export interface AnyCondition {
  readonly any: readonly ConditionNode[];
}
export interface NotCondition {
  readonly not: ConditionNode;
}
/** A condition tree in json-rules-engine's JSON shape. Groups are never empty. */
export type ConditionNode = AllCondition | AnyCondition | NotCondition | ConditionLeaf;

// ---------------------------------------------------------------- schedule

/**
 * A weekly wall-clock interval in the schedule's zone. `close` earlier than or equal to
 * `open` runs past midnight into the next day; `"00:00"`–`"24:00"` is the whole day.
 */
export interface WeeklyInterval {
  readonly day: Weekday;
  readonly open: WallClockTime;
  readonly close: WallClockTime;
}

/** Inclusive local dates, closed all day. */
export interface Holiday {
  readonly name?: string;
  readonly start: LocalDate;
  readonly end: LocalDate;
}

/** Business hours: an IANA zone, weekly intervals and holidays. */
export interface Schedule {
  readonly timezone: string;
  readonly weekly: readonly WeeklyInterval[];
  readonly holidays: readonly Holiday[];
}

export type SendWindow =
  | { readonly type: 'anytime' }
  | { readonly type: 'businessHours'; readonly schedule: Schedule }
  | { readonly type: 'outsideBusinessHours'; readonly schedule: Schedule };

// ---------------------------------------------------------------- message


export interface Metrics {
  readonly sent: number;
  readonly read: number;
  readonly replied: number;
  /** Visitors held out of the message (its hold-out group), counted like `sent`; absent means not counted. */
  readonly heldOut?: number;
}

/** A proactive message. */
export interface Message {
  readonly id: string;
  readonly name: string;
  readonly brandId: string;
  /** `null` only in an incomplete draft. */
  readonly channelId: string | null;
  readonly status: MessageStatus;
  /** Present only when `status` is `paused`. */
  readonly pauseReason?: PauseReason;
  /** Present only when `status` is `error`. */
  readonly errorReasons?: readonly ErrorReason[];
  /** Set once, on first publish. */
  readonly publishedAt?: IsoTimestamp;
  readonly response: Response;
  readonly trigger: Trigger;
  /** `null`: every visitor qualifies. */
  readonly conditions: ConditionNode | null;
  /** Normalized: lower-case, no spaces, deduplicated. */
  readonly tags: readonly string[];
  readonly sendWindow: SendWindow;
  readonly frequency: Frequency;
  /** Higher wins; ties go to the earlier position in the list. */
  readonly priority: number;
  /** Not shown before this instant (inclusive). */
  readonly activeFrom?: IsoTimestamp;
  /** Not shown from this instant on (exclusive); after `activeFrom`. */
  readonly activeUntil?: IsoTimestamp;
  /** Percent of visitors (0–100, default 100) the message is rolled out to, by a stable hash of visitor and message ids. */
  readonly rolloutPercent?: number;
  /** Percent (0–100, default 0) of the rolled-out visitors held out as a control group: eligible, never shown, reported. */
  readonly holdoutPercent?: number;
  /** At most this many deliveries to one visitor, ever. */
  readonly maxDeliveries?: number;
  /** At most one delivery per calendar day or week (the account's time zone; weeks start on Monday). */
  readonly oncePer?: Period;
  /** After a delivery was dismissed or closed, not again for this many seconds (from that delivery's `at`). */
  readonly snoozeSeconds?: number;
  /**
   * This message's own cooldown, overriding the account's: not shown until this many seconds after
   * the visitor's latest delivery of another message. `0`: ignores the cooldown.
   */
  readonly cooldownSeconds?: number;
  readonly metrics: Metrics;
  readonly createdAt: IsoTimestamp;
  readonly updatedAt: IsoTimestamp;
}

// ---------------------------------------------------------------- visitor

export type MetadataValue = string | number | boolean | null;

/**
 * Account-wide policies `evaluate` and `explain` apply to every message (all optional).
 * @example
 * ```ts
 * evaluate(visitor, messages, now, { cooldownSeconds: 600, timeZone: 'Europe/Berlin' });
 * ```
 */
export interface EvaluateOptions {
  /** After any delivery, no other message for this many seconds (a message's `cooldownSeconds` overrides it). Default 0. */
  readonly cooldownSeconds?: number;
  /** The IANA time zone of `oncePer` days and weeks. Default `UTC`. */
  readonly timeZone?: string;
}

/** One time a message was shown to this visitor. */
export interface Delivery {
  readonly messageId: string;
  readonly at: IsoTimestamp;
  readonly visitId: string;
  readonly pageViewId: string;
  /** The visitor clicked the X on the bubble without opening it. */
  readonly dismissed?: boolean;
  /** The visitor opened it and closed the messaging window with the launcher. */
  readonly closed?: boolean;
}

export interface Visit {
  readonly id: string;
  /** 1 is a new visitor; above 1 returning. */
  readonly number: number;
  readonly startedAt: IsoTimestamp;
  /** Page views in this visit, including the current one. */
  readonly pageViews: number;
}

export interface Page {
  readonly viewId: string;
  /** Web: the page URL. Mobile: the screen name. */
  readonly url: string;
  readonly title: string;
  readonly referrer?: string | null;
  readonly enteredAt: IsoTimestamp;
}

/** A visitor as the widget sees it. */
export interface Visitor {
  readonly id: string;
  readonly channelId: string;
  readonly visit: Visit;
  readonly page: Page;
  readonly language?: string | null;
  readonly deviceType?: DeviceType | null;
  readonly metadata?: Readonly<Record<string, MetadataValue>>;
  readonly inActiveConversation: boolean;
  readonly deliveries: readonly Delivery[];
}

// ---------------------------------------------------------------- workspace


export interface Sender {
  readonly name: string;
  readonly avatarUrl?: string;
}

export interface Channel {
  readonly id: string;
  readonly type: ChannelType;
  readonly brandId: string;
  readonly name: string;
  readonly defaultSender: Sender;
}

export interface AiAgentAnswer {
  readonly id: string;
  readonly name: string;
  readonly published: boolean;
  readonly text?: string;
}

export interface AiAgent {
  readonly id: string;
  readonly brandId: string;
  readonly name: string;
  readonly published: boolean;
  readonly active: boolean;
  readonly channelIds: readonly string[];
  readonly legacy: boolean;
  readonly answers: readonly AiAgentAnswer[];
  /** Shown when an AI-agent message is opened and no answer is picked. */
  readonly greeting?: string;
  readonly avatarUrl?: string;
}

export interface AutomatedResolutions {
  readonly pauseAiAgentFeaturesAtLimit: boolean;
  readonly limitReached: boolean;
}

/** The account, for publishing, reconciling and presenting. */
export interface Workspace {
  readonly agentWorkspaceEnabled: boolean;
  readonly messagingEnabled: boolean;
  readonly channels: readonly Channel[];
  readonly aiAgents: readonly AiAgent[];
  readonly automatedResolutions: AutomatedResolutions;
}
