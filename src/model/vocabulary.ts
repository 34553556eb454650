/**
 * The closed vocabularies of the wire format (SPEC §4) as runtime lists — one definition read by
 * the schemas, the status machine, the condition catalog and the docs. No zod here, so modules
 * that only need a list (the status machine, the evaluator) do not pull the schemas into a bundle.
 * @module
 */
import type {
  BuiltInFact,
  CaptureField,
  ChannelType,
  DeviceType,
  ErrorReason,
  Frequency,
  MessageStatus,
  Operator,
  PauseReason,
  Weekday,
} from './types.js';

/** Every status, in the order of SPEC §1.1. */
export const MESSAGE_STATUSES = ['draft', 'live', 'paused', 'error'] as const satisfies readonly MessageStatus[];
/** Every pause reason. */
export const PAUSE_REASONS = ['manual', 'automatedResolutionLimit'] as const satisfies readonly PauseReason[];
/** Every {@link ErrorReason}, in the canonical order `errorReasons` are written in. */
export const ERROR_REASONS = [
  'channelDeleted',
  'channelTypeNotAllowed',
  'aiAgentDeleted',
  'aiAgentUnpublished',
  'aiAgentInactive',
  'aiAgentOtherBrand',
  'aiAgentNotOnChannel',
  'answerUnpublished',
] as const satisfies readonly ErrorReason[];
/** Every frequency. */
export const FREQUENCIES = ['once', 'oncePerVisit', 'everyTime'] as const satisfies readonly Frequency[];
/** Visitor details an agent response can ask for. */
export const CAPTURE_FIELDS = ['name', 'email'] as const satisfies readonly CaptureField[];
/** Every built-in fact name of SPEC §4 (plus `metadata.<key>`). */
export const BUILT_IN_FACTS = [
  'pageUrl',
  'pageTitle',
  'visitorType',
  'language',
  'timeOnPage',
  'timeOnSite',
  'pageViews',
  'visitCount',
  'referrer',
  'deviceType',
] as const satisfies readonly BuiltInFact[];
/** Every operator of SPEC §4. */
export const OPERATORS = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'containsAnyOf',
  'doesNotContainAnyOf',
  'startsWith',
  'endsWith',
  'matchesWildcard',
] as const satisfies readonly Operator[];

// Each list must name every member of its union: a missing one fails to compile here.
type Complete<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : never;
export type VocabularyIsComplete = [
  Complete<MessageStatus, (typeof MESSAGE_STATUSES)[number]>,
  Complete<PauseReason, (typeof PAUSE_REASONS)[number]>,
  Complete<ErrorReason, (typeof ERROR_REASONS)[number]>,
  Complete<Frequency, (typeof FREQUENCIES)[number]>,
  Complete<CaptureField, (typeof CAPTURE_FIELDS)[number]>,
  Complete<BuiltInFact, (typeof BUILT_IN_FACTS)[number]>,
  Complete<Operator, (typeof OPERATORS)[number]>,
] extends true[] ? true : never;
const _complete: VocabularyIsComplete = true;
void _complete;

/** Visitor device types. */
export const DEVICE_TYPES = ['desktop', 'mobile', 'tablet'] as const satisfies readonly DeviceType[];

/** Channel types of a workspace. */
export const CHANNEL_TYPES = ['webWidget', 'mobileSdk', 'social', 'thirdPartyBot'] as const satisfies readonly ChannelType[];

/** The weekday keys of `weekly` intervals, Monday first. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const satisfies readonly Weekday[];
