/**
 * What a published message depends on, and how it can break (the `error` status, SPEC §1.1).
 * @module
 */
import type { ErrorReason, Message, Workspace } from '../model/types.js';
import { findAiAgent, findChannel, isProactiveChannelType } from './requirements.js';

export { ERROR_REASONS } from '../model/vocabulary.js';

/**
 * Why a published message can no longer run in `workspace`: its channel or AI agent was deleted
 * or became invalid. Empty when every dependency holds. Reasons come in {@link ERROR_REASONS}
 * order. A picked answer that was deleted reports `answerUnpublished` (there is no separate
 * code: either way the answer can no longer be shown). Account-level switches (agent workspace,
 * messaging) are not dependency errors: they stop every message alike and are reported by
 * `checkPublishRequirements`.
 * @example
 * ```ts
 * dependencyErrors(liveMessage, { ...workspace, channels: [] }); // ['channelDeleted']
 * ```
 */
export function dependencyErrors(message: Message, workspace: Workspace): readonly ErrorReason[] {
  const reasons: ErrorReason[] = [];
  const channel = message.channelId === null ? undefined : findChannel(workspace, message.channelId);
  if (channel === undefined) reasons.push('channelDeleted');
  else if (!isProactiveChannelType(channel.type)) reasons.push('channelTypeNotAllowed');
  if (message.response.type === 'aiAgent') {
    const { aiAgentId, answerId } = message.response;
    const agent = findAiAgent(workspace, aiAgentId);
    if (agent === undefined) {
      reasons.push('aiAgentDeleted');
    } else {
      if (!agent.published) reasons.push('aiAgentUnpublished');
      if (!agent.active) reasons.push('aiAgentInactive');
      if (agent.brandId !== message.brandId) reasons.push('aiAgentOtherBrand');
      if (message.channelId !== null && !agent.channelIds.includes(message.channelId)) reasons.push('aiAgentNotOnChannel');
      if (answerId !== undefined && agent.answers.find((answer) => answer.id === answerId)?.published !== true) {
        reasons.push('answerUnpublished');
      }
    }
  }
  return reasons;
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
 * The list's warning flag (SPEC §1.1): the message is paused by the automated-resolution limit
 * and will resume by itself when automated resolutions are available again.
 * @example
 * ```ts
 * hasWarningFlag({ ...message, status: 'paused', pauseReason: 'automatedResolutionLimit' }); // true
 * hasWarningFlag({ ...message, status: 'paused', pauseReason: 'manual' }); // false
 * ```
 */
export function hasWarningFlag(message: Pick<Message, 'status' | 'pauseReason'>): boolean {
  return message.status === 'paused' && message.pauseReason === 'automatedResolutionLimit';
}
