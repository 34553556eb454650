/**
 * Hand-built fixtures for the life-cycle tests. They do not rely on the real parser (the
 * parse/validate modules may be stubs in this worktree).
 */
import type { AiAgent, Channel, Message, MessageStatus, Workspace } from '../../src/model/types.js';

export const NOW = Date.UTC(2026, 10, 23, 10, 0, 0);
export const NOW_ISO = '2026-11-23T10:00:00.000Z';
export const EARLIER_ISO = '2026-11-20T12:00:00.000Z';

export const webChannel: Channel = {
  id: 'web_main',
  type: 'webWidget',
  brandId: 'brand_1',
  name: 'Main site',
  defaultSender: { name: 'Acme Support' },
};
export const mobileChannel: Channel = {
  id: 'app_main',
  type: 'mobileSdk',
  brandId: 'brand_1',
  name: 'Acme app',
  defaultSender: { name: 'Acme Support' },
};
export const aiAgent: AiAgent = {
  id: 'ai_1',
  brandId: 'brand_1',
  name: 'Acme Assistant',
  published: true,
  active: true,
  channelIds: ['web_main', 'app_main'],
  legacy: true,
  answers: [
    { id: 'ans_published', name: 'Shipping', published: true, text: 'We ship in 2 days.' },
    { id: 'ans_draft', name: 'Returns', published: false },
  ],
};

/** Every requirement holds; the limit is not reached. */
export const workspace: Workspace = {
  agentWorkspaceEnabled: true,
  messagingEnabled: true,
  channels: [webChannel, mobileChannel],
  aiAgents: [aiAgent],
  automatedResolutions: { pauseAiAgentFeaturesAtLimit: true, limitReached: false },
};
export const workspaceAtLimit: Workspace = {
  ...workspace,
  automatedResolutions: { pauseAiAgentFeaturesAtLimit: true, limitReached: true },
};

/** A valid agent-response draft on the web channel. */
export const draft: Message = {
  id: 'msg_pricing_help',
  name: 'Help on the pricing page',
  brandId: 'brand_1',
  channelId: 'web_main',
  status: 'draft',
  response: { type: 'agent', text: 'Questions about our plans? We are here.', capture: ['name', 'email'], followUp: 'Thanks!' },
  trigger: { event: 'timeOnPage', seconds: 30 },
  conditions: {
    all: [
      { fact: 'pageUrl', operator: 'containsAnyOf', value: ['/pricing'] },
      { any: [{ fact: 'language', operator: 'in', value: ['en', 'de'] }, { fact: 'visitorType', operator: 'equal', value: 'returning' }] },
    ],
  },
  tags: ['proactive', 'pricing'],
  sendWindow: { type: 'anytime' },
  frequency: 'oncePerVisit',
  priority: 0,
  metrics: { sent: 0, read: 0, replied: 0 },
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: EARLIER_ISO,
};

/** A valid AI-agent-response draft on the web channel, with a published legacy answer picked. */
export const aiDraft: Message = {
  ...draft,
  id: 'msg_ai',
  name: 'Shipping help',
  response: { type: 'aiAgent', text: 'Where is my order? 📦 Ask me!', aiAgentId: 'ai_1', answerId: 'ans_published' },
};

/** `message` put into `status` with the fields that status requires (for table tests). */
export function inStatus(message: Message, status: MessageStatus): Message {
  const { pauseReason: _p, errorReasons: _e, publishedAt: _d, ...rest } = message;
  switch (status) {
    case 'draft':
      return { ...rest, status };
    case 'live':
      return { ...rest, status, publishedAt: EARLIER_ISO, metrics: { sent: 40, read: 12, replied: 3 } };
    case 'paused':
      return { ...rest, status, publishedAt: EARLIER_ISO, pauseReason: 'manual', metrics: { sent: 40, read: 12, replied: 3 } };
    case 'error':
      return { ...rest, status, publishedAt: EARLIER_ISO, errorReasons: ['channelDeleted'], metrics: { sent: 40, read: 12, replied: 3 } };
  }
}

/** Freezes a value and everything reachable from it; returns it for chaining. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/** The status/field rules of SPEC §4, written independently of the code: the empty list when they hold. */
export function statusFieldViolations(message: Message): string[] {
  const problems: string[] = [];
  if ((message.pauseReason !== undefined) !== (message.status === 'paused')) problems.push('pauseReason iff paused');
  const hasReasons = message.errorReasons !== undefined && message.errorReasons.length > 0;
  if (hasReasons !== (message.status === 'error')) problems.push('errorReasons iff error');
  if (message.errorReasons !== undefined && message.status !== 'error') problems.push('errorReasons only on error');
  if ((message.publishedAt !== undefined) !== (message.status !== 'draft')) problems.push('publishedAt iff not draft');
  if (message.channelId === null && message.status !== 'draft') problems.push('channel only null in a draft');
  return problems;
}
