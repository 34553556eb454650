/**
 * `present`: turns a message and its workspace into what a widget renders (SPEC §1.6).
 * @module
 */
import type {
  AgentResponse,
  AiAgent,
  AiAgentResponse,
  Channel,
  Message,
  Workspace,
} from '../model/types.js';
import { assertNever, fail, issue, ok, type Issue, type Result } from '../model/result.js';
import { isProactiveChannelType } from '../message/requirements.js';
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
  return `Hi, I am ${aiAgentName}. How can I help?`;
}

/**
 * What a widget renders for `message`: text, sender, placement above the launcher (replacing
 * launcher text) and what opening it does. Looks up the channel and, for AI-agent responses,
 * the AI agent and chosen answer in `workspace`. When any of them is missing or unusable the
 * result carries every such issue (codes `channelNotFound`, `channelNotAllowed`,
 * `aiAgentNotFound`, `aiAgentUnavailable`, `aiAgentOtherBrand`, `aiAgentNotOnChannel`,
 * `answerNotFound`, `answerUnpublished`) and no presentation. The message's `status` is not
 * looked at: deciding whether to show it is `evaluate`'s job.
 * @example
 * ```ts
 * const result = present(message, workspace);
 * if (result.ok && result.value.type === 'agent') {
 *   renderBubble(result.value.text, result.value.sender.name);
 * }
 * ```
 */
export function present(message: Message, workspace: Workspace): Result<Presentation> {
  const issues: Issue[] = [];
  const channel = findChannel(message, workspace, issues);
  const response = message.response;
  let own: ResponseSpecific | undefined;
  switch (response.type) {
    case 'agent':
      own = channel && presentAgent(message, response, channel);
      break;
    case 'aiAgent':
      own = presentAiAgent(message, response, workspace, issues);
      break;
    default:
      return assertNever(response, 'response type');
  }
  if (channel === undefined || own === undefined) return fail(issues);
  return ok({
    messageId: message.id,
    channelId: channel.id,
    text: response.text,
    placement: 'aboveLauncher',
    replacesLauncherText: true,
    tags: [...message.tags],
    ...own,
  });
}

/** The part of a presentation that depends on the response type. */
type ResponseSpecific =
  | Pick<AgentPresentation, 'type' | 'sender' | 'onOpen'>
  | Pick<AiAgentPresentation, 'type' | 'sender' | 'onOpen'>;

function findChannel(message: Message, workspace: Workspace, issues: Issue[]): Channel | undefined {
  const channelId = message.channelId;
  if (channelId === null) {
    issues.push(issue(['channelId'], 'channelNotFound', 'the message has no channel'));
    return undefined;
  }
  const channel = workspace.channels.find((candidate) => candidate.id === channelId);
  if (channel === undefined) {
    issues.push(issue(['channelId'], 'channelNotFound', `channel "${channelId}" is not in the workspace`));
    return undefined;
  }
  if (!isProactiveChannelType(channel.type)) {
    issues.push(
      issue(['channelId'], 'channelNotAllowed', `channel "${channelId}" is a ${channel.type} channel, which cannot carry proactive messages`),
    );
    return undefined;
  }
  return channel;
}

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

/** Checks the AI agent and answer; returns the AI-agent part of the presentation, or `undefined`. */
function presentAiAgent(
  message: Message,
  response: AiAgentResponse,
  workspace: Workspace,
  issues: Issue[],
): ResponseSpecific | undefined {
  const aiAgent = workspace.aiAgents.find((candidate) => candidate.id === response.aiAgentId);
  const path = ['response', 'aiAgentId'];
  if (aiAgent === undefined) {
    issues.push(issue(path, 'aiAgentNotFound', `AI agent "${response.aiAgentId}" is not in the workspace`));
    return undefined;
  }
  const before = issues.length;
  if (!aiAgent.published || !aiAgent.active) {
    const state = !aiAgent.published ? 'not published' : 'not active';
    issues.push(issue(path, 'aiAgentUnavailable', `AI agent "${aiAgent.id}" is ${state}`));
  }
  if (aiAgent.brandId !== message.brandId) {
    issues.push(
      issue(path, 'aiAgentOtherBrand', `AI agent "${aiAgent.id}" belongs to brand "${aiAgent.brandId}", not "${message.brandId}"`),
    );
  }
  if (message.channelId !== null && !aiAgent.channelIds.includes(message.channelId)) {
    issues.push(
      issue(path, 'aiAgentNotOnChannel', `AI agent "${aiAgent.id}" is not published on channel "${message.channelId}"`),
    );
  }
  const show = openingContent(response, aiAgent, issues);
  if (show === undefined || issues.length > before) return undefined;
  return {
    type: 'aiAgent',
    sender: { kind: 'aiAgent', aiAgentId: aiAgent.id, name: aiAgent.name, avatarUrl: aiAgent.avatarUrl ?? null },
    onOpen: { aiAgentId: aiAgent.id, show },
  };
}

function openingContent(response: AiAgentResponse, aiAgent: AiAgent, issues: Issue[]): AiOpeningContent | undefined {
  const answerId = response.answerId;
  if (answerId === undefined) {
    const greeting = aiAgent.greeting;
    // A blank greeting would render an empty bubble: treat it like a missing one.
    return greeting === undefined || greeting.trim() === ''
      ? { kind: 'greeting', text: fallbackGreeting(aiAgent.name), fallback: true }
      : { kind: 'greeting', text: greeting, fallback: false };
  }
  const path = ['response', 'answerId'];
  const answer = aiAgent.answers.find((candidate) => candidate.id === answerId);
  if (answer === undefined) {
    issues.push(issue(path, 'answerNotFound', `answer "${answerId}" is not one of AI agent "${aiAgent.id}"'s answers`));
    return undefined;
  }
  if (!answer.published) {
    issues.push(issue(path, 'answerUnpublished', `answer "${answerId}" is not published`));
    return undefined;
  }
  return { kind: 'answer', answerId: answer.id, name: answer.name, text: answer.text ?? answer.name };
}
