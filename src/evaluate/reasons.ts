/**
 * The gates a message passes through, in order, and the reason code each one reports.
 * @module
 */

/** The gates of `evaluate`, in the order they are checked. */
export const GATES = [
  'status',
  'channel',
  'activeConversation',
  'frequency',
  'sendWindow',
  'trigger',
  'conditions',
] as const;
export type Gate = (typeof GATES)[number];

/** Stable reason codes of `explain` (SPEC §2.2). */
export type ReasonCode =
  | 'notLive'
  | 'otherChannel'
  | 'activeConversation'
  | 'frequencyCapped'
  | 'outsideSendWindow'
  | 'waitingForTrigger'
  | 'conditionsNotMet'
  | 'invalid'
  | 'outranked'
  /** Not a gate: the visitor is malformed or `now` is not an instant, so nothing is shown. */
  | 'invalidInput';

/** The reason code reported when a gate is the first to fail. */
export const REASON_BY_GATE: Readonly<Record<Gate, ReasonCode>> = {
  status: 'notLive',
  channel: 'otherChannel',
  activeConversation: 'activeConversation',
  frequency: 'frequencyCapped',
  sendWindow: 'outsideSendWindow',
  trigger: 'waitingForTrigger',
  conditions: 'conditionsNotMet',
};
