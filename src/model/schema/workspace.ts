/**
 * The zod schema of a workspace (SPEC §4).
 * @module
 */
import * as z from 'zod/mini';
import { LIMITS } from '../limits.js';
import { idSchema, nameSchema, textSchema, uniqueBy, urlSchema } from './primitives.js';

import { CHANNEL_TYPES } from '../vocabulary.js';

export { CHANNEL_TYPES };

const senderSchema = z.strictObject({ name: nameSchema, avatarUrl: z.optional(urlSchema) });

const channelSchema = z.strictObject({
  id: idSchema,
  type: z.enum(CHANNEL_TYPES),
  brandId: idSchema,
  name: nameSchema,
  defaultSender: senderSchema,
});

const answerSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  published: z.boolean(),
  text: z.optional(textSchema),
});

const aiAgentSchema = z.strictObject({
  id: idSchema,
  brandId: idSchema,
  name: nameSchema,
  published: z.boolean(),
  active: z.boolean(),
  channelIds: z.array(idSchema).check(z.maxLength(LIMITS.channelIds)),
  legacy: z.boolean(),
  answers: z._default(
    z.array(answerSchema).check(z.maxLength(LIMITS.answers), uniqueBy((answer) => answer.id, 'answer id', 'id')),
    () => [],
  ),
  greeting: z.optional(textSchema),
  avatarUrl: z.optional(urlSchema),
});

/** The account: switches, channels, AI agents and automated-resolution settings. */
export const workspaceSchema = z.strictObject({
  agentWorkspaceEnabled: z.boolean(),
  messagingEnabled: z.boolean(),
  channels: z
    .array(channelSchema)
    .check(z.maxLength(LIMITS.channels), uniqueBy((channel) => channel.id, 'channel id', 'id')),
  aiAgents: z
    .array(aiAgentSchema)
    .check(z.maxLength(LIMITS.aiAgents), uniqueBy((agent) => agent.id, 'AI agent id', 'id')),
  automatedResolutions: z.strictObject({
    pauseAiAgentFeaturesAtLimit: z.boolean(),
    limitReached: z.boolean(),
  }),
});
