/**
 * Issue codes for the life cycle: transitions, publish requirements, list limits
 * (owned by the message module). `docs/lifecycle.md` explains each one.
 */
export const LIFECYCLE_ISSUE_CODES = [
  // transitions
  'actionNotAllowed',
  'invalidInstant',
  'automatedResolutionLimitReached',
  'invalidMessageId',
  'invalidName',
  // publish requirements (SPEC §1.4, §1.5)
  'agentWorkspaceDisabled',
  'messagingDisabled',
  'noEligibleChannelInAccount',
  'channelNotSet',
  'channelNotFound',
  'channelTypeNotAllowed',
  'channelOtherBrand',
  'aiAgentNotFound',
  'aiAgentUnpublished',
  'aiAgentInactive',
  'aiAgentOtherBrand',
  'aiAgentNotOnChannel',
  'answerNotFound',
  'answerUnpublished',
  'contentInvalid',
  'metadataFactOnMobile',
  // the list
  'messageLimitReached',
  'duplicateMessageId',
  'messageNotFound',
] as const;
export type LifecycleIssueCode = (typeof LIFECYCLE_ISSUE_CODES)[number];
