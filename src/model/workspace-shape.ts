/**
 * The workspace as a runtime check (see `shapes.ts`), in its own module so that bundles which
 * never parse a workspace (a widget) leave it out.
 * @module
 */
import { array, boolean, object, oneOf, optional, unique, withDefault, type Check } from './check.js';
import { id, name, text, url } from './shapes.js';
import { LIMITS } from './limits.js';
import type { Workspace } from './types.js';
import { CHANNEL_TYPES } from './vocabulary.js';

/** The account: switches, channels, AI agents and automated-resolution settings. */
export const workspaceCheck: Check<Workspace> = object<Workspace>({
  agentWorkspaceEnabled: boolean,
  messagingEnabled: boolean,
  channels: array(
    object({
      id,
      type: oneOf(CHANNEL_TYPES),
      brandId: id,
      name,
      defaultSender: object({ name, avatarUrl: optional(url) }),
    }),
    0,
    LIMITS.channels,
    unique((channel) => channel.id, 'channel id', 'id'),
  ),
  aiAgents: array(
    object({
      id,
      brandId: id,
      name,
      published: boolean,
      active: boolean,
      channelIds: array(id, 0, LIMITS.channelIds),
      legacy: boolean,
      answers: withDefault(
        array(
          object({ id, name, published: boolean, text: optional(text) }),
          0,
          LIMITS.answers,
          unique((answer) => answer.id, 'answer id', 'id'),
        ),
        () => [],
      ),
      greeting: optional(text),
      avatarUrl: optional(url),
    }),
    0,
    LIMITS.aiAgents,
    unique((agent) => agent.id, 'AI agent id', 'id'),
  ),
  automatedResolutions: object({ pauseAiAgentFeaturesAtLimit: boolean, limitReached: boolean }),
});
