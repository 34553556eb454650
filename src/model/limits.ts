/**
 * Every bound the parsers enforce (SPEC §2.1 "Bounded work"). Documented in `docs/parsing.md`.
 *
 * The first group is a safety pre-pass over any input, run iteratively before schema
 * validation, so crafted input can never overflow the stack or make the validator do
 * unbounded work. The other groups are the per-field limits of the schemas.
 * @module
 */
import { CONDITION_LIMITS } from '../conditions/catalog.js';

export const LIMITS = {
  /** Safety pre-pass: deepest JSON nesting of one document (root is level 1). */
  maxDepth: 32,
  /** Safety pre-pass: most values (objects, arrays, scalars) in one document. */
  maxValues: 250_000,
  /** Safety pre-pass: longest string or object key anywhere, checked before any regex runs. */
  maxStringLength: 100_000,
  /** Safety pre-pass: longest array anywhere. */
  maxArrayLength: 10_000,
  /** Safety pre-pass: most keys of one object. */
  maxObjectKeys: 1_000,
  /** At most this many issues are reported per document; the rest are dropped. */
  maxIssues: 100,

  /** `parseMessages`: most messages in one list (the per-account limit of SPEC §1.5). */
  messages: 140,
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
  /** Most tags per message (after normalisation and deduplication the list can only shrink). */
  tags: 50,
  /** Longest tag, after normalisation. */
  tagLength: 80,
  /** `priority` is an integer in `[-priority, priority]`. */
  priority: 1_000_000,
  /** `trigger.seconds` is an integer in `[0, triggerSeconds]` (one day). */
  triggerSeconds: 86_400,

  /** Deepest condition tree; the root node is level 1 (the compiler's bound, defined once). */
  conditionDepth: CONDITION_LIMITS.maxDepth,
  /** Most leaves in one condition tree (the compiler's bound, defined once). */
  conditionLeaves: CONDITION_LIMITS.maxLeaves,
  /** Most nodes (groups, `not`s and leaves) in one condition tree. */
  conditionNodes: 200,
  /** Longest `fact` name. */
  factLength: 128,
  /** Longest `operator` name. */
  operatorLength: 64,
  /** Most values in a list-valued leaf (`"value": [...]`; the compiler's bound, defined once). */
  conditionValues: CONDITION_LIMITS.maxListItems,
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
  /** Most deliveries in a visitor's history. */
  deliveries: 1_000,

  /** Most channels in a workspace. */
  channels: 500,
  /** Most AI agents in a workspace. */
  aiAgents: 200,
  /** Most answers per AI agent. */
  answers: 500,
  /** Most channel ids per AI agent. */
  channelIds: 500,
} as const;

/** The type of {@link LIMITS}. */
export type Limits = typeof LIMITS;
