/**
 * Requirements to publish: every unmet one at once, each with a stable code.
 * @module
 */
import { issueAt, type Issue, type IssueData } from '../core/issues.js';
import type { Message, Workspace } from '../core/types.js';
import { runCheck } from '../check/check.js';
import { conditionsCheck } from '../check/conditions.js';
import { withMessages } from '../parse/describe.js';
import { channelOf, dependencyIssues, isProactiveChannelType } from './dependencies.js';
import { Arguments } from './inputs.js';

/**
 * Every unmet requirement of a parsed message in a parsed workspace (issue data).
 * @example
 * ```ts
 * checkParsedRequirements(draft, workspace).map((i) => i.code); // ['channelNotSet']
 * ```
 */
export function checkParsedRequirements(message: Message, workspace: Workspace): IssueData[] {
  const issues: IssueData[] = [];
  if (!workspace.agentWorkspaceEnabled) issues.push(issueAt([], 'agentWorkspaceDisabled', {}));
  if (!workspace.messagingEnabled) issues.push(issueAt([], 'messagingDisabled', {}));
  if (!workspace.channels.some((channel) => isProactiveChannelType(channel.type))) issues.push(issueAt([], 'noEligibleChannelInAccount', {}));
  issues.push(...dependencyIssues(message, workspace));
  // Conditions that need the channel's type: business metadata exists on web widgets only.
  const channel = channelOf(message, workspace);
  if (message.conditions !== null && channel !== undefined && channel.type === 'mobileSdk') {
    const checked = runCheck(conditionsCheck({ channelType: 'mobileSdk' }), message.conditions, true, ['conditions']);
    if (!checked.ok) issues.push(...checked.issues);
  }
  return issues;
}

/**
 * Every unmet requirement to publish `message` in `workspace`, as a list of issues; an empty list
 * means the message can be published. Paths point into the message; account-level requirements
 * have the empty path `[]`, workspace issues start with `workspace`.
 *
 * Checks, in this order: the message and the workspace parse (their issues, with their own
 * codes); agent workspace and messaging enabled; at least one web-widget or mobile-SDK channel in
 * the account; the one dependency check (the channel is set, exists, has an allowed type and the
 * message's brand; an AI agent exists, is published, active, of the same brand and on the
 * channel; a picked answer exists and is published); no business-metadata facts on a mobile-SDK
 * channel (`metadataNotOnChannel`).
 * @example
 * ```ts
 * checkPublishRequirements({ ...draft, channelId: null }, workspace);
 * // [{ path: ['channelId'], code: 'channelNotSet', params: {}, message: 'pick a messaging channel' }]
 * ```
 */
export function checkPublishRequirements(message: Message, workspace: Workspace): readonly Issue[] {
  const read = new Arguments();
  const m = read.message(message);
  const ws = read.workspace({ workspace });
  if (m === undefined || ws === undefined) return withMessages(read.issues);
  return withMessages(checkParsedRequirements(m, ws));
}
