/**
 * Types of the interaction reducer: states, events, effects and results.
 * @module
 */
import type { CaptureField } from '../core/types.js';
import type { CapturedDetails, FieldErrors } from './details.js';

/**
 * Where one visitor is with one shown message.
 * - `hidden`: not shown yet. `shown`: the bubble is above the launcher.
 * - `open`: the messaging window is open — the capture form (agent) or the answer (AI agent).
 * - `handedOff`: a live agent has the conversation (details shared, or none were asked for).
 * - `aiConversation`: the visitor went on to talk to the AI agent.
 * - `dismissed`: X on the bubble without opening. `closed`: launcher close button after opening.
 * - `ignored`: the host reports the visitor let it be (navigated away, timed out).
 */
export type InteractionStatus =
  | 'hidden'
  | 'shown'
  | 'open'
  | 'handedOff'
  | 'aiConversation'
  | 'dismissed'
  | 'closed'
  | 'ignored';

/** Statuses from which no event moves the interaction on. */
export type TerminalStatus = Extract<InteractionStatus, 'handedOff' | 'aiConversation' | 'dismissed' | 'closed' | 'ignored'>;

/**
 * Which branch of the machine applies, from the presentation: an agent response that asks for
 * details, one that asks for none (opening hands off at once), or an AI-agent response.
 */
export type InteractionFlavour = 'agentWithCapture' | 'agentWithoutCapture' | 'aiAgent';

/** What the reducer remembers of the presentation. */
export type InteractionResponse =
  | {
      readonly type: 'agent';
      readonly capture: readonly CaptureField[];
      readonly followUp: string | null;
      readonly tags: readonly string[];
    }
  | { readonly type: 'aiAgent'; readonly aiAgentId: string; readonly answerId: string | null };

/** The reducer's state: plain, serialisable data. */
export interface InteractionState {
  readonly status: InteractionStatus;
  readonly messageId: string;
  readonly visitorId: string;
  readonly response: InteractionResponse;
  /** The last details submitted, trimmed (kept so the form can be re-filled after an error). */
  readonly details: CapturedDetails;
  /** Per-field errors of the last rejected submission; `{}` otherwise. */
  readonly fieldErrors: FieldErrors;
}

/** Something the widget reports. */
export type InteractionEvent =
  | { readonly type: 'show' }
  | { readonly type: 'open' }
  | { readonly type: 'dismiss' }
  | { readonly type: 'close' }
  | { readonly type: 'submitDetails'; readonly name?: string; readonly email?: string }
  | { readonly type: 'interactWithAnswer' }
  | { readonly type: 'ignore' };
export type InteractionEventType = InteractionEvent['type'];

/** Something the host must do; the reducer never does it itself. */
export type InteractionEffect =
  | { readonly type: 'recordDelivery'; readonly messageId: string }
  | { readonly type: 'countSent'; readonly messageId: string; readonly visitorId: string }
  | { readonly type: 'countRead'; readonly messageId: string; readonly visitorId: string }
  | { readonly type: 'countReplied'; readonly messageId: string; readonly visitorId: string }
  | {
      readonly type: 'handOffToAgent';
      readonly messageId: string;
      readonly tags: readonly string[];
      readonly details: CapturedDetails;
    }
  | {
      readonly type: 'startAiConversation';
      readonly messageId: string;
      readonly aiAgentId: string;
      readonly answerId?: string;
    }
  | { readonly type: 'markDelivery'; readonly messageId: string; readonly outcome: 'dismissed' | 'closed' };
export type InteractionEffectType = InteractionEffect['type'];

/** Why an event was ignored. */
export type IgnoredReason =
  /** The event is not one of the reducer's event types (or not an object). */
  | 'invalidEvent'
  /** The state is not one the reducer made (`initialInteraction`, `interact`). */
  | 'invalidState'
  | 'finished'
  | 'notShown'
  | 'alreadyShown'
  | 'notOpen'
  | 'alreadyOpen'
  | 'notForThisResponseType';

/** An event that made no sense in the current state. */
export interface IgnoredEvent {
  readonly reason: IgnoredReason;
  readonly message: string;
}

/**
 * The reducer's answer. When `ignored` is set, `state` is the very same object that was passed
 * in and `effects` is empty.
 */
export interface InteractionResult {
  readonly state: InteractionState;
  readonly effects: readonly InteractionEffect[];
  readonly ignored: IgnoredEvent | null;
}
