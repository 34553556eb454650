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
export const LIMITS = {
  /** Most issues one call reports; the rest are dropped. */
  maxIssues: 100,

  /** Most messages in one list given to `parseMessages` or `evaluate` (bounded work). */
  listMessages: 10_000,
  /** Most proactive messages per account (`addMessage`, and a lint finding). */
  accountMessages: 140,

  /** Ids (`id`, `brandId`, `channelId`, `aiAgentId`, …): 1 to this many characters. */
  idLength: 128,
  /** Names (message, channel, sender, AI agent, answer, holiday): 1 to this many characters. */
  nameLength: 200,
  /** Message text, `followUp`, AI-agent greeting and answer text: 1 to this many characters. */
  textLength: 1_000,
  /** URLs (`page.url`, `page.referrer`, avatar URLs). */
  urlLength: 8_192,
  /** `page.title`. */
  titleLength: 1_000,
  /** Most tags per message (before duplicates, after normalisation, are dropped). */
  tags: 50,
  /** Longest raw tag, before normalisation. */
  rawTagLength: 1_000,
  /** Longest tag, after normalisation. */
  tagLength: 80,
  /** `priority` is an integer in `[-priority, priority]`. */
  priority: 1_000_000,
  /** `trigger.seconds` is an integer in `[0, triggerSeconds]` (one day). */
  triggerSeconds: 86_400,
  /** Counters (`metrics.*`, `visit.number`, `visit.pageViews`) are integers up to this. */
  counter: Number.MAX_SAFE_INTEGER,

  /** Deepest condition tree; the root node is level 1 and a `not` is a level. */
  conditionDepth: 10,
  /** Most leaves in one condition tree. */
  conditionLeaves: 50,
  /** Most nodes (groups, `not`s and leaves) in one condition tree. */
  conditionNodes: 200,
  /** A group inside a group is allowed only when the tree has at least this many leaves. */
  nestingMinLeaves: 3,
  /** Longest `fact` name. */
  factLength: 128,
  /** Most values in a list-valued leaf (`in`, `notIn`, `containsAnyOf`, `doesNotContainAnyOf`). */
  conditionValues: 100,
  /** Longest string value in a leaf. */
  conditionValueLength: 1_000,

  /** Most weekly intervals in a schedule. */
  weeklyIntervals: 70,
  /** Most holiday ranges in a schedule. */
  holidays: 400,
  /** Longest IANA time-zone name. */
  timeZoneLength: 64,

  /** Longest `language` tag. */
  languageLength: 35,
  /** Most keys in `visitor.metadata`. */
  metadataKeys: 50,
  /** Longest metadata key. */
  metadataKeyLength: 100,
  /** Longest metadata string value. */
  metadataValueLength: 1_000,
  /** Most deliveries in a visitor's history (`compactDeliveries` keeps a history far below it). */
  deliveries: 1_000,

  /** Most channels in a workspace. */
  channels: 500,
  /** Most AI agents in a workspace. */
  aiAgents: 200,
  /** Most answers per AI agent. */
  answers: 500,
  /** Most channel ids per AI agent. */
  channelIds: 500,

  /** The data-capture form: longest name a visitor may type, after trimming. */
  detailsNameLength: 200,
  /** The data-capture form: longest email address (RFC 5321 path limit), after trimming. */
  emailLength: 254,

  /** Help-desk schedules: most raw intervals (`fromHelpDeskSchedule`). */
  helpDeskIntervals: 70,
  /** Longest string an issue message quotes from the input (longer ones are cut). */
  quoteLength: 60,
} as const;

/** The type of {@link LIMITS}. */
export type Limits = typeof LIMITS;
