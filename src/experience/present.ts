/**
 * `present`: turns a message and its workspace into what a widget renders.
 * @module
 */
import { assertNever, type Result } from '../core/issues.js';
import type { AgentResponse, AiAgent, AiAgentResponse, Channel, Message, Workspace } from '../core/types.js';
import { MAX_NAME_LENGTH } from '../core/limits.js';
import { fail, ok } from '../parse/parse.js';
import { aiAgentOf, channelOf, dependencyIssues } from '../message/dependencies.js';
import { Arguments } from '../message/inputs.js';
import type { AgentPresentation, AiAgentPresentation, AiOpeningContent, Presentation } from './presentation-types.js';

/**
 * The greeting shown when an AI-agent message is opened, no answer is chosen and the AI agent
 * has no `greeting` of its own.
 * @example
 * ```ts
 * fallbackGreeting('Acme Assistant'); // 'Hi, I am Acme Assistant. How can I help?'
 * ```
 */
export function fallbackGreeting(aiAgentName: string): string {
  // Total and bounded: a name is a string of at most `LIMITS.nameLength` characters.
  return typeof aiAgentName === 'string' && aiAgentName.trim() !== ''
    ? `Hi, I am ${aiAgentName.slice(0, MAX_NAME_LENGTH)}. How can I help?`
    : 'Hi! How can I help?';
}

/**
 * What a widget renders for `message`: text, sender, placement above the launcher (replacing
 * launcher text) and what opening it does. Looks up the channel and, for AI-agent responses,
 * the AI agent and chosen answer in `workspace` with the one dependency check that
 * `checkPublishRequirements` and `reconcile` also run: when any dependency is missing or unusable
 * (`channelNotSet`, `channelDeleted`, `channelTypeNotAllowed`, `channelOtherBrand`,
 * `aiAgentDeleted`, `aiAgentUnpublished`, `aiAgentInactive`, `aiAgentOtherBrand`,
 * `aiAgentNotOnChannel`, `answerDeleted`, `answerUnpublished`) the result carries every such issue
 * and no presentation; so do a message or workspace that does not parse. The message's `status`
 * is not looked at: deciding whether to show it is `evaluate`'s job.
 * @example
 * ```ts
 * const result = present(message, workspace);
 * if (result.ok && result.value.type === 'agent') {
 *   renderBubble(result.value.text, result.value.sender.name);
 * }
 * ```
 */
export function present(message: Message, workspace: Workspace): Result<Presentation> {
  const read = new Arguments();
  const m = read.message(message);
  const ws = read.workspace({ workspace });
  if (m === undefined || ws === undefined) return fail(read.issues);
  const problems = dependencyIssues(m, ws);
  const channel = channelOf(m, ws);
  if (problems.length > 0 || channel === undefined) return fail(problems);
  const response = m.response;
  let own: ResponseSpecific;
  switch (response.type) {
    case 'agent':
      own = presentAgent(m, response, channel);
      break;
    case 'aiAgent':
      own = presentAiAgent(response, aiAgentOf(m, ws) as AiAgent);
      break;
    default:
      return assertNever(response, 'response type');
  }
  return ok({
    messageId: m.id,
    channelId: channel.id,
    text: response.text,
    placement: 'aboveLauncher',
    replacesLauncherText: true,
    tags: [...m.tags],
    ...own,
  });
}

/** The part of a presentation that depends on the response type. */
type ResponseSpecific =
  | Pick<AgentPresentation, 'type' | 'sender' | 'onOpen'>
  | Pick<AiAgentPresentation, 'type' | 'sender' | 'onOpen'>;

function presentAgent(message: Message, response: AgentResponse, channel: Channel): ResponseSpecific {
  return {
    type: 'agent',
    sender: {
      kind: 'channelDefaultSender',
      name: channel.defaultSender.name,
      avatarUrl: channel.defaultSender.avatarUrl ?? null,
    },
    onOpen: {
      capture: [...response.capture],
      followUp: response.followUp ?? null,
      handOff: { tags: [...message.tags] },
    },
  };
}

/** The AI-agent part of the presentation (the dependency check has passed). */
function presentAiAgent(response: AiAgentResponse, aiAgent: AiAgent): ResponseSpecific {
  return {
    type: 'aiAgent',
    sender: { kind: 'aiAgent', aiAgentId: aiAgent.id, name: aiAgent.name, avatarUrl: aiAgent.avatarUrl ?? null },
    onOpen: { aiAgentId: aiAgent.id, show: openingContent(response, aiAgent) },
  };
}

function openingContent(response: AiAgentResponse, aiAgent: AiAgent): AiOpeningContent {
  const answer = response.answerId === undefined ? undefined : aiAgent.answers.find((candidate) => candidate.id === response.answerId);
  if (answer !== undefined) return { kind: 'answer', answerId: answer.id, name: answer.name, text: answer.text ?? answer.name };
  const greeting = aiAgent.greeting;
  // A blank greeting would render an empty bubble: treat it like a missing one.
  return greeting === undefined || greeting.trim() === ''
    ? { kind: 'greeting', text: fallbackGreeting(aiAgent.name), fallback: true }
    : { kind: 'greeting', text: greeting, fallback: false };
}
