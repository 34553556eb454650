/**
 * The workspace checker, in its own module so that bundles which never parse a workspace (a
 * widget) leave it out.
 * @module
 */
import { MAX_AI_AGENTS, MAX_ANSWERS, MAX_CHANNELS, MAX_CHANNEL_IDS } from '../core/limits.js';
import type { AiAgent, AiAgentAnswer, Channel, Workspace } from '../core/types.js';
import { CHANNEL_TYPES } from '../core/vocabulary.js';
import { bool, list, object, oneOf, opt, unique, withDefault, type Check } from './check.js';
import { id, name, text, url } from './primitives.js';

const channel = /* @__PURE__ */ object<Channel>({
  id,
  type: oneOf(CHANNEL_TYPES),
  brandId: id,
  name,
  defaultSender: object({ name, avatarUrl: opt(url) }),
});

const answer = /* @__PURE__ */ object<AiAgentAnswer>({ id, name, published: bool, text: opt(text) });

const aiAgent = /* @__PURE__ */ object<AiAgent>({
  id,
  brandId: id,
  name,
  published: bool,
  active: bool,
  channelIds: list(id, 0, MAX_CHANNEL_IDS),
  legacy: bool,
  answers: withDefault(list(answer, 0, MAX_ANSWERS, unique((a) => a.id, 'id')), () => []),
  greeting: opt(text),
  avatarUrl: opt(url),
});

/** The account: switches, channels, AI agents and automated-resolution settings. Default: `answers: []`. */
export const workspaceCheck: Check<Workspace> = /* @__PURE__ */ object<Workspace>({
  agentWorkspaceEnabled: bool,
  messagingEnabled: bool,
  channels: list(channel, 0, MAX_CHANNELS, unique((c) => c.id, 'id')),
  aiAgents: list(aiAgent, 0, MAX_AI_AGENTS, unique((a) => a.id, 'id')),
  automatedResolutions: object({ pauseAiAgentFeaturesAtLimit: bool, limitReached: bool }),
});
