/**
 * The interaction machine as data: one row per meaningful (state, event, flavour) triple.
 * Every other combination is ignored with a reason. `docs/widget-interaction.md` prints the
 * same table, and a test keeps the two equal.
 * @module
 */
import type {
  InteractionEffectType,
  InteractionEventType,
  InteractionFlavour,
  InteractionStatus,
  TerminalStatus,
} from './interaction-types.js';

/** One transition. `when: 'any'` applies to every flavour. */
export interface TransitionRow {
  readonly from: InteractionStatus;
  readonly event: InteractionEventType;
  readonly when: InteractionFlavour | 'any';
  readonly to: InteractionStatus;
  readonly effects: readonly InteractionEffectType[];
}

/** A row written as a tuple (`from, event, when, to, ...effects`): the table below stays compact. */
type RowTuple = readonly [InteractionStatus, InteractionEventType, InteractionFlavour | 'any', InteractionStatus, ...InteractionEffectType[]];

/**
 * Every transition of the interaction reducer. `open + submitDetails` applies only when the
 * details are valid; invalid details keep the state `open` with `fieldErrors` and no effects.
 */
export const INTERACTION_TRANSITIONS: readonly TransitionRow[] = frozen([
  ['hidden', 'show', 'any', 'shown', 'recordDelivery', 'countSent'],
  ['shown', 'open', 'agentWithCapture', 'open', 'countRead'],
  ['shown', 'open', 'agentWithoutCapture', 'handedOff', 'countRead', 'handOffToAgent'],
  ['shown', 'open', 'aiAgent', 'open', 'countRead', 'startAiConversation'],
  ['shown', 'dismiss', 'any', 'dismissed', 'markDelivery'],
  ['shown', 'ignore', 'any', 'ignored'],
  ['open', 'submitDetails', 'agentWithCapture', 'handedOff', 'countReplied', 'handOffToAgent'],
  ['open', 'interactWithAnswer', 'aiAgent', 'aiConversation', 'countReplied'],
  ['open', 'close', 'any', 'closed', 'markDelivery'],
  ['open', 'ignore', 'any', 'ignored'],
]);

/** Builds the frozen rows, so no importer can change the machine's behaviour at run time. */
function frozen(rows: readonly RowTuple[]): readonly TransitionRow[] {
  return Object.freeze(
    rows.map(([from, event, when, to, ...effects]) => Object.freeze({ from, event, when, to, effects: Object.freeze(effects) })),
  );
}

// The lists below are pure (`Object.freeze` of a fresh array): a bundler may drop the unused ones.

/** Every status, in diagram order. */
export const INTERACTION_STATUSES: readonly InteractionStatus[] = /* @__PURE__ */ Object.freeze([
  'hidden',
  'shown',
  'open',
  'handedOff',
  'aiConversation',
  'dismissed',
  'closed',
  'ignored',
]);

/** Every event type. */
export const INTERACTION_EVENT_TYPES: readonly InteractionEventType[] = /* @__PURE__ */ Object.freeze([
  'show',
  'open',
  'dismiss',
  'close',
  'submitDetails',
  'interactWithAnswer',
  'ignore',
]);

/** Statuses from which no event moves the interaction on. */
export const TERMINAL_STATUSES: readonly TerminalStatus[] = /* @__PURE__ */ Object.freeze([
  'handedOff',
  'aiConversation',
  'dismissed',
  'closed',
  'ignored',
]);

/**
 * The row that applies to `(from, event)` for `flavour`, or `undefined` when the event is
 * ignored there.
 * @example
 * ```ts
 * findTransition('hidden', 'show', 'aiAgent')?.to; // 'shown'
 * findTransition('hidden', 'open', 'aiAgent');      // undefined
 * ```
 */
export function findTransition(
  from: InteractionStatus,
  event: InteractionEventType,
  flavour: InteractionFlavour,
): TransitionRow | undefined {
  return INTERACTION_TRANSITIONS.find(
    (row) => row.from === from && row.event === event && (row.when === 'any' || row.when === flavour),
  );
}
