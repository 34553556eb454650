/**
 * Issue codes for presentation and interaction (owned by the experience module).
 *
 * - `channelNotFound`: the message has no channel, or its channel is not in the workspace.
 * - `channelNotAllowed`: the channel is not a web widget or mobile SDK (SPEC §1.5).
 * - `aiAgentNotFound`: the AI agent of an AI-agent response is not in the workspace.
 * - `aiAgentUnavailable`: the AI agent exists but is unpublished or inactive.
 * - `aiAgentOtherBrand`: the AI agent belongs to another brand than the message.
 * - `aiAgentNotOnChannel`: the AI agent is not published on the message's channel.
 * - `answerNotFound`: the chosen answer (`answerId`) is not one of the AI agent's answers.
 * - `answerUnpublished`: the chosen answer exists but is not published.
 */
export const EXPERIENCE_ISSUE_CODES = [
  'channelNotFound',
  'channelNotAllowed',
  'aiAgentNotFound',
  'aiAgentUnavailable',
  'aiAgentOtherBrand',
  'aiAgentNotOnChannel',
  'answerNotFound',
  'answerUnpublished',
] as const;
export type ExperienceIssueCode = (typeof EXPERIENCE_ISSUE_CODES)[number];
