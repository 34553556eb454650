/**
 * Messages and a workspace for the browser-kit tests: one message per frequency and trigger,
 * so page views, visits, time on page and dismissals all change the decision.
 */
import type { ConditionNode, Frequency, Message, Trigger, Workspace } from '../../src/index.js';

/** 2026-11-23T10:00:00Z, a Monday. */
export const T0 = Date.UTC(2026, 10, 23, 10, 0, 0);
export const MINUTE = 60_000;
export const SHOP = 'https://shop.example';

function message(id: string, priority: number, frequency: Frequency, trigger: Trigger, conditions: ConditionNode | null): Message {
  return {
    id,
    name: id,
    brandId: 'brand_1',
    channelId: 'web_main',
    status: 'live',
    publishedAt: '2026-11-01T09:00:00Z',
    response: { type: 'agent', text: `Hello from ${id}`, capture: ['email'] },
    trigger,
    conditions,
    tags: [],
    sendWindow: { type: 'anytime' },
    frequency,
    priority,
    metrics: { sent: 0, read: 0, replied: 0 },
    createdAt: '2026-11-01T09:00:00Z',
    updatedAt: '2026-11-01T09:00:00Z',
  };
}

/**
 * - `msg_orders` (priority 10, every page view): on /orders at page load;
 * - `msg_pricing` (5, once per visit): on /pricing after 30 s on the page;
 * - `msg_returning` (3, once per visit): a returning visitor, at page load;
 * - `msg_welcome` (1, once ever): a new visitor, at page load;
 * - `msg_long_visit` (0, once ever): after 2 minutes on the site.
 */
export const MESSAGES: readonly Message[] = [
  message('msg_orders', 10, 'everyTime', { event: 'pageLoad' }, { fact: 'pageUrl', operator: 'containsAnyOf', value: ['/orders'] }),
  message('msg_pricing', 5, 'oncePerVisit', { event: 'timeOnPage', seconds: 30 }, { all: [{ fact: 'pageUrl', operator: 'containsAnyOf', value: ['/pricing'] }] }),
  message('msg_returning', 3, 'oncePerVisit', { event: 'pageLoad' }, { fact: 'visitorType', operator: 'equal', value: 'returning' }),
  message('msg_welcome', 1, 'once', { event: 'pageLoad' }, { fact: 'visitorType', operator: 'equal', value: 'new' }),
  message('msg_long_visit', 0, 'once', { event: 'pageLoad' }, { fact: 'timeOnSite', operator: 'greaterThanInclusive', value: 120 }),
];

export const WORKSPACE: Workspace = {
  agentWorkspaceEnabled: true,
  messagingEnabled: true,
  channels: [{ id: 'web_main', type: 'webWidget', brandId: 'brand_1', name: 'Main site', defaultSender: { name: 'Acme Support' } }],
  aiAgents: [],
  automatedResolutions: { pauseAiAgentFeaturesAtLimit: false, limitReached: false },
};
