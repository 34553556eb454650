/**
 * What a widget renders for one proactive message: the output of `present`.
 * A discriminated union on `type` (the response type), so a renderer switches once.
 * @module
 */
import type { CaptureField } from '../core/types.js';

/** Fields every presentation has, whatever the response type. */
export interface PresentationCommon {
  readonly messageId: string;
  readonly channelId: string;
  /** The message text, shown in the bubble. */
  readonly text: string;
  /** The bubble sits above the messaging launcher button. */
  readonly placement: 'aboveLauncher';
  /** The bubble replaces any launcher text while it is shown. */
  readonly replacesLauncherText: true;
  /** The message's tags, added to any ticket created from the conversation. */
  readonly tags: readonly string[];
}

/** The channel's default sender, who sends agent responses. */
export interface ChannelSender {
  readonly kind: 'channelDefaultSender';
  readonly name: string;
  readonly avatarUrl: string | null;
}

/** The AI agent, who sends AI-agent responses. */
export interface AiAgentSender {
  readonly kind: 'aiAgent';
  readonly aiAgentId: string;
  readonly name: string;
  readonly avatarUrl: string | null;
}

/**
 * What opening an agent message does, in order: show a form for `capture` (skipped when
 * empty), then show `followUp` (when set), then hand the conversation to a live agent with
 * `handOff.tags`.
 */
export interface AgentOpening {
  readonly capture: readonly CaptureField[];
  readonly followUp: string | null;
  readonly handOff: { readonly tags: readonly string[] };
}

/** The content shown when an AI-agent message is opened. */
export type AiOpeningContent =
  | {
      /** The answer chosen in the message's configuration (legacy AI agents). */
      readonly kind: 'answer';
      readonly answerId: string;
      readonly name: string;
      /** The answer's text; its name when the answer has no text. */
      readonly text: string;
    }
  | {
      /** No answer chosen: the AI agent greets the visitor. */
      readonly kind: 'greeting';
      readonly text: string;
      /** `true` when the AI agent has no `greeting` and {@link fallbackGreeting} was used. */
      readonly fallback: boolean;
    };

/** What opening an AI-agent message does: show `show`; the AI agent then runs the conversation. */
export interface AiAgentOpening {
  readonly aiAgentId: string;
  readonly show: AiOpeningContent;
}

/** A message with an agent response, ready to render. */
export interface AgentPresentation extends PresentationCommon {
  readonly type: 'agent';
  readonly sender: ChannelSender;
  readonly onOpen: AgentOpening;
}

/** A message with an AI-agent response, ready to render. */
export interface AiAgentPresentation extends PresentationCommon {
  readonly type: 'aiAgent';
  readonly sender: AiAgentSender;
  readonly onOpen: AiAgentOpening;
}

/** What a widget renders for one message; switch on `type`. */
export type Presentation = AgentPresentation | AiAgentPresentation;
