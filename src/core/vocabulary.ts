/**
 * Every closed vocabulary of the library, each defined once: the wire format's enumerations,
 * the fact catalog and the operator signatures, the explain reason codes. Types are derived
 * from the lists, so a list and its type can never disagree. Everything else — the checkers,
 * the compiler, the status machine, the testing kit, the CLI, the docs tables and the JSON
 * Schema — reads these.
 *
 * Ground floor: this folder imports nothing from the rest of the library.
 * @module
 */

/** Every status, in the order of the life-cycle table. */
export const MESSAGE_STATUSES = ['draft', 'live', 'paused', 'error'] as const;
/** Life-cycle status of a message. */
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** Why a message is paused. */
export const PAUSE_REASONS = ['manual', 'automatedResolutionLimit'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

/**
 * What a published message depends on that is missing or invalid, in the canonical order
 * `errorReasons` are written in. These are also the issue codes of the one dependency check
 * (`checkPublishRequirements`, `reconcile` and `present` all report them).
 */
export const ERROR_REASONS = [
  'channelDeleted',
  'channelTypeNotAllowed',
  'channelOtherBrand',
  'aiAgentDeleted',
  'aiAgentUnpublished',
  'aiAgentInactive',
  'aiAgentOtherBrand',
  'aiAgentNotOnChannel',
  'answerDeleted',
  'answerUnpublished',
] as const;
export type ErrorReason = (typeof ERROR_REASONS)[number];

/** `once`: never again after one delivery; `oncePerVisit`; `everyTime`: each new page view. */
export const FREQUENCIES = ['once', 'oncePerVisit', 'everyTime'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** Calendar periods of a message's `oncePer` cap, in the account's time zone (weeks start on Monday). */
export const PERIODS = ['day', 'week'] as const;
export type Period = (typeof PERIODS)[number];

/** Visitor details an agent response can ask for. */
export const CAPTURE_FIELDS = ['name', 'email'] as const;
export type CaptureField = (typeof CAPTURE_FIELDS)[number];

/** Response types: a live agent takes over, or an AI agent runs the conversation. */
export const RESPONSE_TYPES = ['agent', 'aiAgent'] as const;
export type ResponseType = (typeof RESPONSE_TYPES)[number];

/** When a message is checked. */
export const TRIGGER_EVENTS = ['pageLoad', 'timeOnPage'] as const;
export type TriggerEvent = (typeof TRIGGER_EVENTS)[number];

/** Send windows. */
export const SEND_WINDOW_TYPES = ['anytime', 'businessHours', 'outsideBusinessHours'] as const;
export type SendWindowType = (typeof SEND_WINDOW_TYPES)[number];

/** Visitor device types. */
export const DEVICE_TYPES = ['desktop', 'mobile', 'tablet'] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];

/** Visit history: visit number 1 is `new`, above 1 `returning`. */
export const VISITOR_TYPES = ['new', 'returning'] as const;
export type VisitorType = (typeof VISITOR_TYPES)[number];

/** Channel types of a workspace. */
export const CHANNEL_TYPES = ['webWidget', 'mobileSdk', 'social', 'thirdPartyBot'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

/** The channel types that can carry proactive messages (never social or third-party bots). */
export const PROACTIVE_CHANNEL_TYPES = ['webWidget', 'mobileSdk'] as const satisfies readonly ChannelType[];
export type ProactiveChannelType = (typeof PROACTIVE_CHANNEL_TYPES)[number];

/** The weekday keys of `weekly` intervals, Monday first. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

// ---------------------------------------------------------------- facts and operators

/**
 * How a fact's values are typed and compared:
 * `text` free text, lower-cased on both sides; `number` a finite number; `enum` one of a closed
 * set of words; `language` an ISO 639 primary language subtag, lower-cased (`en-US` → `en`);
 * `scalar` host-supplied metadata (string, number, boolean or null), compared exactly.
 */
export const FACT_KINDS = ['text', 'number', 'enum', 'language', 'scalar'] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/** One built-in fact: its kind, its values (enum facts), and the instant it counts from (time facts). */
export interface FactSignature {
  readonly kind: FactKind;
  /** Allowed values of an `enum` fact. */
  readonly values?: readonly string[];
  /** Time facts count whole seconds since `page.enteredAt` (`page`) or `visit.startedAt` (`visit`). */
  readonly since?: 'page' | 'visit';
}

/** The built-in facts (`metadata.<key>` is {@link METADATA_FACT}), in the order `Facts.values` holds them. */
export const FACTS = {
  pageUrl: { kind: 'text' },
  pageTitle: { kind: 'text' },
  referrer: { kind: 'text' },
  visitorType: { kind: 'enum', values: VISITOR_TYPES },
  language: { kind: 'language' },
  deviceType: { kind: 'enum', values: DEVICE_TYPES },
  timeOnPage: { kind: 'number', since: 'page' },
  timeOnSite: { kind: 'number', since: 'visit' },
  pageViews: { kind: 'number' },
  visitCount: { kind: 'number' },
} as const satisfies Readonly<Record<string, FactSignature>>;
export type BuiltInFact = keyof typeof FACTS;
/** Every built-in fact name, in catalog order. */
export const BUILT_IN_FACTS = /* @__PURE__ */ Object.keys(FACTS) as readonly BuiltInFact[];

/** The prefix of host-supplied business metadata facts: `metadata.<key>`. */
export const METADATA_PREFIX = 'metadata.';
export type MetadataFact = `metadata.${string}`;
export type FactName = BuiltInFact | MetadataFact;
/** `metadata.<key>`: host-supplied business metadata, web-widget channels only. */
export const METADATA_FACT = { kind: 'scalar', channels: ['webWidget'] } as const satisfies FactSignature & {
  readonly channels: readonly ProactiveChannelType[];
};

/**
 * What an operator compares with:
 * `same` a value of the fact's own kind; `sameList` a list of those; `number` a finite number;
 * `needle` a non-empty string; `needleList` a list of those.
 */
export type OperandKind = 'same' | 'sameList' | 'number' | 'needle' | 'needleList';

/** Which facts an operator applies to and what its value is. Semantics live in `conditions/operators.ts`. */
export interface OperatorSignature {
  readonly facts: readonly FactKind[];
  readonly operand: OperandKind;
}

const ALL_KINDS = FACT_KINDS;
const NUMERIC_KINDS = ['number', 'scalar'] as const satisfies readonly FactKind[];
const TEXT_KINDS = ['text'] as const satisfies readonly FactKind[];

/**
 * Every operator: json-rules-engine's names (`equal` … `greaterThanInclusive`, no type coercion)
 * plus the library's own text operators. Adding one: a line here and an entry in
 * `conditions/operators.ts` (see docs/contributing.md).
 */
export const OPERATOR_SIGNATURES = {
  equal: { facts: ALL_KINDS, operand: 'same' },
  notEqual: { facts: ALL_KINDS, operand: 'same' },
  in: { facts: ALL_KINDS, operand: 'sameList' },
  notIn: { facts: ALL_KINDS, operand: 'sameList' },
  lessThan: { facts: NUMERIC_KINDS, operand: 'number' },
  lessThanInclusive: { facts: NUMERIC_KINDS, operand: 'number' },
  greaterThan: { facts: NUMERIC_KINDS, operand: 'number' },
  greaterThanInclusive: { facts: NUMERIC_KINDS, operand: 'number' },
  containsAnyOf: { facts: TEXT_KINDS, operand: 'needleList' },
  doesNotContainAnyOf: { facts: TEXT_KINDS, operand: 'needleList' },
  startsWith: { facts: TEXT_KINDS, operand: 'needle' },
  endsWith: { facts: TEXT_KINDS, operand: 'needle' },
  matchesWildcard: { facts: TEXT_KINDS, operand: 'needle' },
} as const satisfies Readonly<Record<string, OperatorSignature>>;
export type Operator = keyof typeof OPERATOR_SIGNATURES;
/** Every operator name, in table order. */
export const OPERATORS = /* @__PURE__ */ Object.keys(OPERATOR_SIGNATURES) as readonly Operator[];

/** The operators a fact of this kind allows, in table order. */
export function operatorsFor(kind: FactKind): readonly Operator[] {
  return OPERATORS.filter((name) => (OPERATOR_SIGNATURES[name].facts as readonly FactKind[]).includes(kind));
}

// ---------------------------------------------------------------- json-rules-engine

/**
 * What a json-rules-engine condition can say that a condition tree cannot (the `noEquivalent`
 * issue of `fromJsonRulesEngine`): `path` (JSONPath into a fact), `params` (arguments of a dynamic
 * fact), `factReference` (a value `{ fact: … }` read from another fact), `conditionReference`
 * (`{ condition: name }`, a shared condition), `priority` on a condition (evaluation order),
 * `numericString` (a string such as `"3"` compared with numbers, which JavaScript coerces),
 * `arrayContains` (`contains`/`doesNotContain` on a fact that is not text: json-rules-engine's
 * array membership), `emptyGroup` (`all: []` below the root, `any: []`: always true or false).
 */
export const JSON_RULES_ENGINE_FEATURES = [
  'path',
  'params',
  'factReference',
  'conditionReference',
  'priority',
  'numericString',
  'arrayContains',
  'emptyGroup',
] as const;
export type JsonRulesEngineFeature = (typeof JSON_RULES_ENGINE_FEATURES)[number];

// ---------------------------------------------------------------- explain

/** The gates of `evaluate`, in the order they are checked, with the reason code each reports. */
export const GATE_REASONS = {
  status: 'notLive',
  channel: 'otherChannel',
  activeConversation: 'activeConversation',
  activeFrom: 'notStarted',
  activeUntil: 'ended',
  rollout: 'notInRollout',
  frequency: 'frequencyCapped',
  maxDeliveries: 'deliveryLimitReached',
  oncePer: 'periodCapped',
  snooze: 'snoozed',
  cooldown: 'coolingDown',
  sendWindow: 'outsideSendWindow',
  trigger: 'waitingForTrigger',
  conditions: 'conditionsNotMet',
  holdout: 'heldOut',
} as const;
export type Gate = keyof typeof GATE_REASONS;
/** Every gate, in evaluation order. */
export const GATES = /* @__PURE__ */ Object.keys(GATE_REASONS) as readonly Gate[];

/**
 * Every reason code of `explain`: one per gate, plus `invalid` (the message is malformed),
 * `outranked` (it qualifies but another one is shown) and `invalidInput` (the visitor, the
 * message list or `now` cannot be used, so nothing is shown).
 */
export const REASON_CODES = /* @__PURE__ */ Object.values(GATE_REASONS).concat(['invalid', 'outranked', 'invalidInput'] as never[]) as readonly (
  | (typeof GATE_REASONS)[Gate]
  | 'invalid'
  | 'outranked'
  | 'invalidInput'
)[];
export type ReasonCode = (typeof REASON_CODES)[number];
