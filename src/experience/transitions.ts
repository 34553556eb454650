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

/**
 * Every transition of the interaction reducer. `open + submitDetails` applies only when the
 * details are valid; invalid details keep the state `open` with `fieldErrors` and no effects.
 */
export const INTERACTION_TRANSITIONS: readonly TransitionRow[] = frozen([
  { from: 'hidden', event: 'show', when: 'any', to: 'shown', effects: ['recordDelivery', 'countSent'] },
  { from: 'shown', event: 'open', when: 'agentWithCapture', to: 'open', effects: ['countRead'] },
  { from: 'shown', event: 'open', when: 'agentWithoutCapture', to: 'handedOff', effects: ['countRead', 'handOffToAgent'] },
  { from: 'shown', event: 'open', when: 'aiAgent', to: 'open', effects: ['countRead', 'startAiConversation'] },
  { from: 'shown', event: 'dismiss', when: 'any', to: 'dismissed', effects: ['markDelivery'] },
  { from: 'shown', event: 'ignore', when: 'any', to: 'ignored', effects: [] },
  { from: 'open', event: 'submitDetails', when: 'agentWithCapture', to: 'handedOff', effects: ['countReplied', 'handOffToAgent'] },
  { from: 'open', event: 'interactWithAnswer', when: 'aiAgent', to: 'aiConversation', effects: ['countReplied'] },
  { from: 'open', event: 'close', when: 'any', to: 'closed', effects: ['markDelivery'] },
  { from: 'open', event: 'ignore', when: 'any', to: 'ignored', effects: [] },
]);

/** Freezes the rows so no importer can change the machine's behaviour at run time. */
function frozen(rows: readonly TransitionRow[]): readonly TransitionRow[] {
  return Object.freeze(rows.map((row) => Object.freeze({ ...row, effects: Object.freeze([...row.effects]) })));
}

/** Every status, in diagram order. */
export const INTERACTION_STATUSES: readonly InteractionStatus[] = Object.freeze([
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
export const INTERACTION_EVENT_TYPES: readonly InteractionEventType[] = Object.freeze([
  'show',
  'open',
  'dismiss',
  'close',
  'submitDetails',
  'interactWithAnswer',
  'ignore',
]);

/** Statuses from which no event moves the interaction on. */
export const TERMINAL_STATUSES: readonly TerminalStatus[] = Object.freeze([
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
