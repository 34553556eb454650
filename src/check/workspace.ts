/**
 * The workspace checker, in its own module so that bundles which never parse a workspace (a
 * widget) leave it out.
 * @module
 */
import { LIMITS } from '../core/limits.js';
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
  channelIds: list(id, 0, LIMITS.channelIds),
  legacy: bool,
  answers: withDefault(list(answer, 0, LIMITS.answers, unique((a) => a.id, 'id')), () => []),
  greeting: opt(text),
  avatarUrl: opt(url),
});

/** The account: switches, channels, AI agents and automated-resolution settings. Default: `answers: []`. */
export const workspaceCheck: Check<Workspace> = /* @__PURE__ */ object<Workspace>({
  agentWorkspaceEnabled: bool,
  messagingEnabled: bool,
  channels: list(channel, 0, LIMITS.channels, unique((c) => c.id, 'id')),
  aiAgents: list(aiAgent, 0, LIMITS.aiAgents, unique((a) => a.id, 'id')),
  automatedResolutions: object({ pauseAiAgentFeaturesAtLimit: bool, limitReached: bool }),
});
