/**
 * Requirements to publish (SPEC §1.4, §1.5): every unmet one at once, each with a stable code.
 * @module
 */
import type { AiAgent, Channel, ChannelType, ConditionNode, Message, Workspace } from '../model/types.js';
import { issue, type Issue, type IssuePath } from '../model/result.js';
import { parseMessage } from '../model/parse.js';
import { checkConditionSemantics } from '../conditions/validate.js';

/** Channel types that can carry proactive messages (SPEC §1.5). */
export const PROACTIVE_CHANNEL_TYPES = ['webWidget', 'mobileSdk'] as const satisfies readonly ChannelType[];

/**
 * Whether a channel of this type can carry proactive messages (web widget, mobile SDK).
 * @example
 * ```ts
 * isProactiveChannelType('webWidget'); // true
 * isProactiveChannelType('social'); // false
 * ```
 */
export function isProactiveChannelType(type: ChannelType): boolean {
  return (PROACTIVE_CHANNEL_TYPES as readonly ChannelType[]).includes(type);
}

const CHANNEL_PATH: IssuePath = ['channelId'];
const AI_AGENT_PATH: IssuePath = ['response', 'aiAgentId'];
const ANSWER_PATH: IssuePath = ['response', 'answerId'];

/**
 * Every unmet requirement to publish `message` in `workspace`, as a list of issues; an empty
 * list means the message can be published. Paths point into the message; account-level
 * requirements have the empty path `[]`. Returns a plain list (not a `Result`) because "nothing
 * is missing" is the empty list — the same shape as `checkConditionSemantics`.
 *
 * Checks, in this order: agent workspace and messaging enabled; at least one web-widget or
 * mobile-SDK channel in the account; the message's channel is set, exists, has an allowed type
 * and the message's brand; for an AI-agent response, the AI agent exists, is published, active,
 * of the same brand and published on the channel, and a picked answer exists and is published;
 * the content parses (`contentInvalid` wraps each `parseMessage` issue); conditions make sense
 * on the channel (`metadataFactOnMobile`, plus whatever `checkConditionSemantics` reports).
 * @example
 * ```ts
 * checkPublishRequirements({ ...draft, channelId: null }, workspace);
 * // [{ path: ['channelId'], code: 'channelNotSet', message: 'pick a messaging channel' }]
 * ```
 */
export function checkPublishRequirements(message: Message, workspace: Workspace): readonly Issue[] {
  const issues: Issue[] = [];
  if (!workspace.agentWorkspaceEnabled) {
    issues.push(issue([], 'agentWorkspaceDisabled', 'the account does not have the agent workspace enabled'));
  }
  if (!workspace.messagingEnabled) {
    issues.push(issue([], 'messagingDisabled', 'the account does not have messaging enabled'));
  }
  if (!workspace.channels.some((channel) => isProactiveChannelType(channel.type))) {
    issues.push(issue([], 'noEligibleChannelInAccount', 'the account has no web widget or mobile SDK channel'));
  }
  const channel = checkChannel(message, workspace, issues);
  if (message.response.type === 'aiAgent') checkAiAgent(message, workspace, issues);
  checkContent(message, channel?.type, issues);
  return issues;
}

function checkChannel(message: Message, workspace: Workspace, issues: Issue[]): Channel | undefined {
  if (message.channelId === null) {
    issues.push(issue(CHANNEL_PATH, 'channelNotSet', 'pick a messaging channel'));
    return undefined;
  }
  const channel = findChannel(workspace, message.channelId);
  if (channel === undefined) {
    issues.push(issue(CHANNEL_PATH, 'channelNotFound', `channel "${message.channelId}" does not exist`));
    return undefined;
  }
  if (!isProactiveChannelType(channel.type)) {
    issues.push(
      issue(CHANNEL_PATH, 'channelTypeNotAllowed', `channel "${channel.id}" is a ${channel.type} channel; only web widget and mobile SDK channels can send proactive messages`),
    );
  }
  if (channel.brandId !== message.brandId) {
    issues.push(issue(CHANNEL_PATH, 'channelOtherBrand', `channel "${channel.id}" belongs to another brand`));
  }
  return channel;
}

function checkAiAgent(message: Message, workspace: Workspace, issues: Issue[]): void {
  if (message.response.type !== 'aiAgent') return;
  const { aiAgentId, answerId } = message.response;
  const agent = findAiAgent(workspace, aiAgentId);
  if (agent === undefined) {
    issues.push(issue(AI_AGENT_PATH, 'aiAgentNotFound', `AI agent "${aiAgentId}" does not exist`));
    return;
  }
  if (!agent.published) issues.push(issue(AI_AGENT_PATH, 'aiAgentUnpublished', `AI agent "${agent.id}" is not published`));
  if (!agent.active) issues.push(issue(AI_AGENT_PATH, 'aiAgentInactive', `AI agent "${agent.id}" is not active`));
  if (agent.brandId !== message.brandId) {
    issues.push(issue(AI_AGENT_PATH, 'aiAgentOtherBrand', `AI agent "${agent.id}" belongs to another brand`));
  }
  if (message.channelId !== null && !agent.channelIds.includes(message.channelId)) {
    issues.push(
      issue(AI_AGENT_PATH, 'aiAgentNotOnChannel', `AI agent "${agent.id}" is not published on channel "${message.channelId}"`),
    );
  }
  if (answerId === undefined) return;
  const answer = agent.answers.find((candidate) => candidate.id === answerId);
  if (answer === undefined) {
    issues.push(issue(ANSWER_PATH, 'answerNotFound', `answer "${answerId}" does not exist on AI agent "${agent.id}"`));
  } else if (!answer.published) {
    issues.push(issue(ANSWER_PATH, 'answerUnpublished', `answer "${answerId}" is not published`));
  }
}

function checkContent(message: Message, channelType: ChannelType | undefined, issues: Issue[]): void {
  const parsed = parseMessage(message);
  if (!parsed.ok) {
    for (const found of parsed.issues) {
      issues.push(issue(found.path, 'contentInvalid', `${found.code}: ${found.message}`));
    }
  }
  if (message.conditions === null) return;
  const seen = new Set<string>();
  const add = (found: Issue): void => {
    const key = `${found.code} ${JSON.stringify(found.path)}`;
    if (seen.has(key)) return;
    seen.add(key);
    issues.push(found);
  };
  if (channelType === 'mobileSdk') {
    for (const path of metadataFactPaths(message.conditions, ['conditions'])) {
      add(issue(path, 'metadataFactOnMobile', 'business metadata facts are available on web widget channels only'));
    }
  }
  const context = channelType === undefined ? {} : { channelType };
  for (const found of checkConditionSemantics(message.conditions, ['conditions'], context)) {
    // The same finding as metadataFactOnMobile above, under the conditions module's own code:
    // publish requirements report it once, with the requirement code the docs list.
    if (found.code !== 'metadataNotOnChannel') add(found);
  }
}

/** Paths of the `fact` of every `metadata.*` leaf, iteratively (no recursion on untrusted depth). */
function metadataFactPaths(tree: ConditionNode, root: IssuePath): IssuePath[] {
  const found: IssuePath[] = [];
  const stack: { node: ConditionNode; path: IssuePath }[] = [{ node: tree, path: root }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { node, path } = next;
    if ('all' in node) node.all.forEach((child, i) => stack.push({ node: child, path: [...path, 'all', i] }));
    else if ('any' in node) node.any.forEach((child, i) => stack.push({ node: child, path: [...path, 'any', i] }));
    else if ('not' in node) stack.push({ node: node.not, path: [...path, 'not'] });
    else if (typeof node.fact === 'string' && node.fact.startsWith('metadata.')) found.push([...path, 'fact']);
  }
  return found.sort((a, b) => comparePaths(a, b));
}

function comparePaths(a: IssuePath, b: IssuePath): number {
  const text = (path: IssuePath): string => path.map((part) => (typeof part === 'number' ? String(part).padStart(10, '0') : part)).join('/');
  return text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0;
}

/**
 * The channel with this id, if any (internal helper).
 * @example
 * ```ts
 * findChannel(workspace, 'web_main')?.type; // 'webWidget'
 * ```
 */
export function findChannel(workspace: Workspace, channelId: string): Channel | undefined {
  return workspace.channels.find((channel) => channel.id === channelId);
}

/**
 * The AI agent with this id, if any (internal helper).
 * @example
 * ```ts
 * findAiAgent(workspace, 'ai_1')?.published; // true
 * ```
 */
export function findAiAgent(workspace: Workspace, aiAgentId: string): AiAgent | undefined {
  return workspace.aiAgents.find((agent) => agent.id === aiAgentId);
}
