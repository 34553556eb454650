/**
 * The example account's workspace: a web widget, a mobile SDK and a social channel of
 * `brand_acme`, two AI agents (one legacy, with answers), automated resolutions below the limit.
 * `examples/workspace.json` is this object as JSON (a test keeps the two equal).
 * @module
 */
import type { Workspace } from '../core/types.js';
import { deepFreeze } from '../testing/freeze.js';

/**
 * The example workspace: every publish requirement of the example messages holds in it
 * (deep-frozen: spread it to vary one field).
 * @example
 * ```ts
 * workspace.channels.map((c) => c.id); // ['web_main', 'app_ios', 'social_fb']
 * ```
 */
export const workspace: Workspace = /* @__PURE__ */ deepFreeze({
  agentWorkspaceEnabled: true,
  messagingEnabled: true,
  channels: [
    {
      id: 'web_main',
      type: 'webWidget',
      brandId: 'brand_acme',
      name: 'Acme web shop',
      defaultSender: { name: 'Acme Support', avatarUrl: 'https://shop.example/img/support.png' },
    },
    {
      id: 'app_ios',
      type: 'mobileSdk',
      brandId: 'brand_acme',
      name: 'Acme iOS app',
      defaultSender: { name: 'Acme Support' },
    },
    {
      id: 'social_fb',
      type: 'social',
      brandId: 'brand_acme',
      name: 'Acme on social media',
      defaultSender: { name: 'Acme' },
    },
  ],
  aiAgents: [
    {
      id: 'ai_assistant',
      brandId: 'brand_acme',
      name: 'Acme Assistant',
      published: true,
      active: true,
      channelIds: ['web_main', 'app_ios'],
      legacy: false,
      answers: [],
      greeting: 'Hi, I am the Acme Assistant. What are you looking for today?',
    },
    {
      id: 'ai_faq',
      brandId: 'brand_acme',
      name: 'Acme FAQ bot',
      published: true,
      active: true,
      channelIds: ['web_main'],
      legacy: true,
      answers: [
        {
          id: 'ans_free_shipping',
          name: 'Free shipping',
          published: true,
          text: 'Orders over 100 EUR ship free within Germany and Austria, and arrive in two to four days.',
        },
        {
          id: 'ans_returns',
          name: 'Returns',
          published: true,
          text: 'You can return anything within 30 days.',
        },
      ],
    },
  ],
  automatedResolutions: { pauseAiAgentFeaturesAtLimit: true, limitReached: false },
});

