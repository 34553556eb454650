/**
 * The one dependency check: what a message needs from its workspace — its channel (set, present,
 * of a type that carries proactive messages, of the message's brand) and, for an AI-agent
 * response, its AI agent (present, published, active, of the same brand, on the channel) and the
 * picked answer (present, published). `checkPublishRequirements`, `reconcile` and `present` all
 * read it, so they can never disagree about a message's dependencies.
 * @module
 */
import { issueAt, type IssueData } from '../core/issues.js';
import type { AiAgent, Channel, ChannelType, Message, Workspace } from '../core/types.js';
import { PROACTIVE_CHANNEL_TYPES } from '../core/vocabulary.js';

/**
 * Whether a channel of this type can carry proactive messages (web widget, mobile SDK).
 * @example
 * ```ts
 * isProactiveChannelType('webWidget'); // true
 * isProactiveChannelType('social');    // false
 * ```
 */
export function isProactiveChannelType(type: ChannelType): boolean {
  return (PROACTIVE_CHANNEL_TYPES as readonly string[]).includes(type);
}

/** The message's channel in the workspace, if it has one there. */
export function channelOf(message: Message, workspace: Workspace): Channel | undefined {
  const { channelId } = message;
  return channelId === null ? undefined : workspace.channels.find((channel) => channel.id === channelId);
}

/** The AI agent of an AI-agent response in the workspace, if there. */
export function aiAgentOf(message: Message, workspace: Workspace): AiAgent | undefined {
  const { response } = message;
  return response.type === 'aiAgent' ? workspace.aiAgents.find((agent) => agent.id === response.aiAgentId) : undefined;
}

/**
 * Every unmet dependency of a (parsed) message in a (parsed) workspace, in the canonical order of
 * `ERROR_REASONS` (after `channelNotSet`), as issues with paths into the message. Empty: every
 * dependency holds.
 * @example
 * ```ts
 * dependencyIssues(liveMessage, { ...workspace, channels: [] }).map((i) => i.code); // ['channelDeleted']
 * ```
 */
export function dependencyIssues(message: Message, workspace: Workspace): IssueData[] {
  const issues: IssueData[] = [];
  const channelPath = ['channelId'];
  const channel = channelOf(message, workspace);
  if (message.channelId === null) issues.push(issueAt(channelPath, 'channelNotSet', {}));
  else if (channel === undefined) issues.push(issueAt(channelPath, 'channelDeleted', { channelId: message.channelId }));
  else {
    if (!isProactiveChannelType(channel.type)) issues.push(issueAt(channelPath, 'channelTypeNotAllowed', { channelId: channel.id, channelType: channel.type }));
    if (channel.brandId !== message.brandId) issues.push(issueAt(channelPath, 'channelOtherBrand', { channelId: channel.id, brandId: channel.brandId }));
  }
  const { response } = message;
  if (response.type !== 'aiAgent') return issues;
  const agentPath = ['response', 'aiAgentId'];
  const agent = aiAgentOf(message, workspace);
  if (agent === undefined) {
    issues.push(issueAt(agentPath, 'aiAgentDeleted', { aiAgentId: response.aiAgentId }));
    return issues;
  }
  const aiAgentId = agent.id;
  if (!agent.published) issues.push(issueAt(agentPath, 'aiAgentUnpublished', { aiAgentId }));
  if (!agent.active) issues.push(issueAt(agentPath, 'aiAgentInactive', { aiAgentId }));
  if (agent.brandId !== message.brandId) issues.push(issueAt(agentPath, 'aiAgentOtherBrand', { aiAgentId, brandId: agent.brandId }));
  if (message.channelId !== null && !agent.channelIds.includes(message.channelId)) {
    issues.push(issueAt(agentPath, 'aiAgentNotOnChannel', { aiAgentId, channelId: message.channelId }));
  }
  const { answerId } = response;
  if (answerId === undefined) return issues;
  const answer = agent.answers.find((candidate) => candidate.id === answerId);
  if (answer === undefined) issues.push(issueAt(['response', 'answerId'], 'answerDeleted', { answerId }));
  else if (!answer.published) issues.push(issueAt(['response', 'answerId'], 'answerUnpublished', { answerId }));
  return issues;
}

/**
 * Whether the account-level automated-resolution pause applies to this message: it uses an AI
 * agent, the account pauses AI-agent features at the limit, and the limit is reached.
 * @example
 * ```ts
 * limitPauseApplies(aiMessage, { ...workspace, automatedResolutions: { pauseAiAgentFeaturesAtLimit: true, limitReached: true } }); // true
 * ```
 */
export function limitPauseApplies(message: Message, workspace: Workspace): boolean {
  const { pauseAiAgentFeaturesAtLimit, limitReached } = workspace.automatedResolutions;
  return message.response.type === 'aiAgent' && pauseAiAgentFeaturesAtLimit && limitReached;
}

/**
 * The list's warning flag: the message is paused by the automated-resolution limit and will
 * resume by itself when automated resolutions are available again.
 * @example
 * ```ts
 * hasWarningFlag({ ...message, status: 'paused', pauseReason: 'automatedResolutionLimit' }); // true
 * hasWarningFlag({ ...message, status: 'paused', pauseReason: 'manual' });                   // false
 * ```
 */
export function hasWarningFlag(message: Pick<Message, 'status' | 'pauseReason'>): boolean {
  try {
    return typeof message === 'object' && message !== null && message.status === 'paused' && message.pauseReason === 'automatedResolutionLimit';
  } catch {
    // A message that cannot be read (a throwing getter, a Proxy) has no flag.
    return false;
  }
}
