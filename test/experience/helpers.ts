/** Shared helpers for the experience tests. */
import {
  initialInteraction,
  present,
  type InteractionEvent,
  type InteractionEventType,
  type InteractionFlavour,
  type InteractionState,
  type Message,
  type Presentation,
} from '../../src/index.js';
import { agentMessage, agentMessageWithoutCapture, aiMessageWithAnswer, workspace } from './fixtures.js';

const MESSAGE_BY_FLAVOUR: Record<InteractionFlavour, Message> = {
  agentWithCapture: agentMessage,
  agentWithoutCapture: agentMessageWithoutCapture,
  aiAgent: aiMessageWithAnswer,
};

/** The presentation of the fixture message of a flavour (fails loudly if the fixture breaks). */
export function presentationFor(flavour: InteractionFlavour): Presentation {
  const result = present(MESSAGE_BY_FLAVOUR[flavour], workspace);
  if (!result.ok) throw new Error(`fixture for ${flavour} does not present: ${JSON.stringify(result.issues)}`);
  return result.value;
}

/** The initial state of a presentation (fails loudly if `initialInteraction` refuses it). */
export function startOf(presentation: Presentation, visitorId: string): InteractionState {
  const result = initialInteraction(presentation, visitorId);
  if (!result.ok) throw new Error(`initialInteraction refused the presentation: ${JSON.stringify(result.issues)}`);
  return result.value;
}

/** A state of the given flavour, forced into `status` (as a widget restoring saved state would). */
export function stateAt(flavour: InteractionFlavour, status: InteractionState['status']): InteractionState {
  return { ...startOf(presentationFor(flavour), 'v_123'), status };
}

/** An event of the given type; `submitDetails` carries valid details. */
export function eventOf(type: InteractionEventType): InteractionEvent {
  return type === 'submitDetails' ? { type, name: 'Ada Lovelace', email: 'ada@example.com' } : { type };
}

/** Recursively freezes a value so any mutation throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
