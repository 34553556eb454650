/** Hand-built fixtures matching the examples of SPEC §4. */
import type { Message, Workspace } from '../../src/index.js';

/** The workspace of SPEC §4, plus a legacy AI agent, a social channel and an unusable AI agent. */
export const workspace: Workspace = {
  agentWorkspaceEnabled: true,
  messagingEnabled: true,
  channels: [
    { id: 'web_main', type: 'webWidget', brandId: 'brand_1', name: 'Main site', defaultSender: { name: 'Acme Support' } },
    {
      id: 'app_ios',
      type: 'mobileSdk',
      brandId: 'brand_1',
      name: 'iOS app',
      defaultSender: { name: 'Acme in-app', avatarUrl: 'https://cdn.example/acme.png' },
    },
    { id: 'social_fb', type: 'social', brandId: 'brand_1', name: 'Facebook', defaultSender: { name: 'Acme' } },
  ],
  aiAgents: [
    {
      id: 'ai_1',
      brandId: 'brand_1',
      name: 'Acme Assistant',
      published: true,
      active: true,
      channelIds: ['web_main'],
      legacy: false,
      answers: [],
    },
    {
      id: 'ai_legacy',
      brandId: 'brand_1',
      name: 'Order Bot',
      published: true,
      active: true,
      channelIds: ['web_main', 'app_ios'],
      legacy: true,
      greeting: 'Hello! Ask me about your order.',
      avatarUrl: 'https://cdn.example/bot.png',
      answers: [
        { id: 'ans_track', name: 'Track my order', published: true, text: 'You can track your order from the Orders page.' },
        { id: 'ans_draft', name: 'Returns (draft)', published: false, text: 'Returns are free.' },
        { id: 'ans_untitled', name: 'Shipping times', published: true },
      ],
    },
    {
      id: 'ai_off',
      brandId: 'brand_1',
      name: 'Retired Bot',
      published: true,
      active: false,
      channelIds: ['web_main'],
      legacy: false,
      answers: [],
    },
    {
      id: 'ai_brand2',
      brandId: 'brand_2',
      name: 'Other Brand Bot',
      published: true,
      active: true,
      channelIds: ['web_main'],
      legacy: false,
      answers: [],
    },
  ],
  automatedResolutions: { pauseAiAgentFeaturesAtLimit: true, limitReached: false },
};

/** The agent message of SPEC §4 (send window simplified to a small schedule). */
export const agentMessage: Message = {
  id: 'msg_pricing_help',
  name: 'Help on the pricing page',
  brandId: 'brand_1',
  channelId: 'web_main',
  status: 'live',
  publishedAt: '2026-11-02T09:00:00Z',
  response: {
    type: 'agent',
    text: 'Questions about our plans? We are here.',
    capture: ['name', 'email'],
    followUp: 'Thanks! An agent will join you shortly.',
  },
  trigger: { event: 'timeOnPage', seconds: 30 },
  conditions: {
    all: [
      { fact: 'pageUrl', operator: 'containsAnyOf', value: ['/pricing'] },
      {
        any: [
          { fact: 'language', operator: 'in', value: ['en', 'de'] },
          { fact: 'visitorType', operator: 'equal', value: 'returning' },
        ],
      },
    ],
  },
  tags: ['proactive', 'pricing'],
  sendWindow: {
    type: 'businessHours',
    schedule: {
      timezone: 'Europe/Berlin',
      weekly: [
        { day: 'mon', open: '09:00', close: '17:00' },
        { day: 'fri', open: '22:00', close: '02:00' },
      ],
      holidays: [{ name: 'Christmas', start: '2026-12-24', end: '2026-12-26' }],
    },
  },
  frequency: 'oncePerVisit',
  priority: 0,
  metrics: { sent: 0, read: 0, replied: 0 },
  createdAt: '2026-11-01T09:00:00Z',
  updatedAt: '2026-11-20T12:00:00Z',
};

/** An agent message that asks for nothing: opening hands off at once. */
export const agentMessageWithoutCapture: Message = {
  ...agentMessage,
  id: 'msg_talk_now',
  name: 'Talk to us now',
  response: { type: 'agent', text: 'Need a hand? Chat with us.', capture: [] },
  tags: ['proactive'],
};

/** An AI-agent message with no chosen answer: the AI agent's greeting is shown. */
export const aiMessage: Message = {
  ...agentMessage,
  id: 'msg_ai_welcome',
  name: 'AI welcome',
  response: { type: 'aiAgent', text: 'Hi there 👋 Need help finding a plan?', aiAgentId: 'ai_1' },
  tags: ['proactive', 'ai'],
  frequency: 'once',
  sendWindow: { type: 'anytime' },
};

/** An AI-agent message for a legacy AI agent with a chosen, published answer. */
export const aiMessageWithAnswer: Message = {
  ...aiMessage,
  id: 'msg_ai_orders',
  name: 'Order tracking',
  response: { type: 'aiAgent', text: 'Where is my order? 📦', aiAgentId: 'ai_legacy', answerId: 'ans_track' },
  tags: ['orders'],
};
