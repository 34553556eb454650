/**
 * Every bound of the library, each defined once. The checkers enforce them (so `parse*` and
 * `evaluate` agree on them), the testing kit generates within them, and `docs/parsing.md`
 * prints them. Deep or huge input meets one of these before any costly work: the checkers never
 * descend further than the format's own depth and check a list's length or a string's length
 * before looking inside.
 *
 * Ground floor: imports nothing.
 * @module
 */
/** Most issues one call reports; the rest are dropped. */
export const MAX_ISSUES = 100;

/** Most messages in one list given to `parseMessages` or `evaluate` (bounded work). */
export const MAX_LIST_MESSAGES = 10_000;
/** Most proactive messages per account (`addMessage`, and a lint finding). */
export const MAX_ACCOUNT_MESSAGES = 140;

/** Ids (`id`, `brandId`, `channelId`, `aiAgentId`, …): 1 to this many characters. */
export const MAX_ID_LENGTH = 128;
/** Names (message, channel, sender, AI agent, answer, holiday): 1 to this many characters. */
export const MAX_NAME_LENGTH = 200;
/** Message text, `followUp`, AI-agent greeting and answer text: 1 to this many characters. */
export const MAX_TEXT_LENGTH = 1_000;
/** URLs (`page.url`, `page.referrer`, avatar URLs). */
export const MAX_URL_LENGTH = 8_192;
/** `page.title`. */
export const MAX_TITLE_LENGTH = 1_000;
/** Most tags per message (before duplicates, after normalisation, are dropped). */
export const MAX_TAGS = 50;
/** Longest raw tag, before normalisation. */
export const MAX_RAW_TAG_LENGTH = 1_000;
/** Longest tag, after normalisation. */
export const MAX_TAG_LENGTH = 80;
/** `priority` is an integer in `[-priority, priority]`. */
export const MAX_PRIORITY = 1_000_000;
/** `trigger.seconds` is an integer in `[0, triggerSeconds]` (one day). */
export const MAX_TRIGGER_SECONDS = 86_400;
/** Counters (`metrics.*`, `visit.number`, `visit.pageViews`) are integers up to this. */
export const MAX_COUNTER = Number.MAX_SAFE_INTEGER;

/** Deepest condition tree; the root node is level 1 and a `not` is a level. */
export const MAX_CONDITION_DEPTH = 10;
/** Most leaves in one condition tree. */
export const MAX_CONDITION_LEAVES = 50;
/** Most nodes (groups, `not`s and leaves) in one condition tree. */
export const MAX_CONDITION_NODES = 200;
/** A group inside a group is allowed only when the tree has at least this many leaves. */
export const NESTING_MIN_LEAVES = 3;
/** Longest `fact` name. */
export const MAX_FACT_LENGTH = 128;
/** Most values in a list-valued leaf (`in`, `notIn`, `containsAnyOf`, `doesNotContainAnyOf`). */
export const MAX_CONDITION_VALUES = 100;
/** Longest string value in a leaf. */
export const MAX_CONDITION_VALUE_LENGTH = 1_000;

/** Most weekly intervals in a schedule. */
export const MAX_WEEKLY_INTERVALS = 70;
/** Most holiday ranges in a schedule. */
export const MAX_HOLIDAYS = 400;
/** Longest IANA time-zone name. */
export const MAX_TIME_ZONE_LENGTH = 64;

/** Longest `language` tag. */
export const MAX_LANGUAGE_LENGTH = 35;
/** Most keys in `visitor.metadata`. */
export const MAX_METADATA_KEYS = 50;
/** Longest metadata key. */
export const MAX_METADATA_KEY_LENGTH = 100;
/** Longest metadata string value. */
export const MAX_METADATA_VALUE_LENGTH = 1_000;
/** Most deliveries in a visitor's history (`compactDeliveries` keeps a history far below it). */
export const MAX_DELIVERIES = 1_000;

/** Longest cooldown or snooze, in seconds (366 days). */
export const MAX_DURATION_SECONDS = 31_622_400;

/** Most deliveries a `maxDeliveries` cap may allow: the deliveries per message a history always keeps. */
export const MAX_DELIVERIES_CAP = 20;

/** Most channels in a workspace. */
export const MAX_CHANNELS = 500;
/** Most AI agents in a workspace. */
export const MAX_AI_AGENTS = 200;
/** Most answers per AI agent. */
export const MAX_ANSWERS = 500;
/** Most channel ids per AI agent. */
export const MAX_CHANNEL_IDS = 500;

/** The data-capture form: longest name a visitor may type, after trimming. */
export const MAX_DETAILS_NAME_LENGTH = 200;
/** The data-capture form: longest email address (RFC 5321 path limit), after trimming. */
export const MAX_EMAIL_LENGTH = 254;

/** Help-desk schedules: most raw intervals (`fromHelpDeskSchedule`). */
export const MAX_HELP_DESK_INTERVALS = 70;
/** Longest string an issue message quotes from the input (longer ones are cut). */
export const QUOTE_LENGTH = 60;


/**
 * Every bound by name, for callers and docs (`docs/parsing.md` prints them). The library reads the
 * constants above, which bundlers inline and drop when unused.
 */
export const LIMITS = {
  maxIssues: MAX_ISSUES,
  listMessages: MAX_LIST_MESSAGES,
  accountMessages: MAX_ACCOUNT_MESSAGES,
  idLength: MAX_ID_LENGTH,
  nameLength: MAX_NAME_LENGTH,
  textLength: MAX_TEXT_LENGTH,
  urlLength: MAX_URL_LENGTH,
  titleLength: MAX_TITLE_LENGTH,
  tags: MAX_TAGS,
  rawTagLength: MAX_RAW_TAG_LENGTH,
  tagLength: MAX_TAG_LENGTH,
  priority: MAX_PRIORITY,
  triggerSeconds: MAX_TRIGGER_SECONDS,
  counter: MAX_COUNTER,
  conditionDepth: MAX_CONDITION_DEPTH,
  conditionLeaves: MAX_CONDITION_LEAVES,
  conditionNodes: MAX_CONDITION_NODES,
  nestingMinLeaves: NESTING_MIN_LEAVES,
  factLength: MAX_FACT_LENGTH,
  conditionValues: MAX_CONDITION_VALUES,
  conditionValueLength: MAX_CONDITION_VALUE_LENGTH,
  weeklyIntervals: MAX_WEEKLY_INTERVALS,
  holidays: MAX_HOLIDAYS,
  timeZoneLength: MAX_TIME_ZONE_LENGTH,
  languageLength: MAX_LANGUAGE_LENGTH,
  metadataKeys: MAX_METADATA_KEYS,
  metadataKeyLength: MAX_METADATA_KEY_LENGTH,
  metadataValueLength: MAX_METADATA_VALUE_LENGTH,
  deliveries: MAX_DELIVERIES,
  durationSeconds: MAX_DURATION_SECONDS,
  deliveriesCap: MAX_DELIVERIES_CAP,
  channels: MAX_CHANNELS,
  aiAgents: MAX_AI_AGENTS,
  answers: MAX_ANSWERS,
  channelIds: MAX_CHANNEL_IDS,
  detailsNameLength: MAX_DETAILS_NAME_LENGTH,
  emailLength: MAX_EMAIL_LENGTH,
  helpDeskIntervals: MAX_HELP_DESK_INTERVALS,
  quoteLength: QUOTE_LENGTH,
} as const;

/** The type of {@link LIMITS}. */
export type Limits = typeof LIMITS;
