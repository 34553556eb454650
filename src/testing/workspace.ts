/**
 * Workspaces (accounts): switches, channels of every type, AI agents with answers, and the
 * automated-resolution settings. Ids come from the kit's pools so messages meet them.
 * @module
 */
import fc from 'fast-check';
import type { AiAgent, Channel, ChannelType, Workspace } from '../core/types.js';
import { AI_AGENT_IDS, ANSWER_IDS, BRAND_IDS, MOBILE_CHANNEL_IDS, WEB_CHANNEL_IDS } from './pools.js';
import { emojiTextArb } from './primitives.js';

/** Options of {@link workspaceArb}. */
export interface WorkspaceArbOptions {
  /**
   * `true`: every requirement an account can meet holds — switches on, the kit's web and mobile
   * channels present, AI agents (and their answers) published, active and on every channel, all
   * on brand `brand_1` (pair with `messageArb({ brandId: 'brand_1' })`). Default: anything goes.
   */
  readonly publishable?: boolean;
  /** Force the automated-resolution limit state. */
  readonly limitReached?: boolean;
}

const NAMES = ['Main site', 'Help center', 'iOS app', 'Acme Support', 'Acme Assistant', 'Sales bot'];

function brandArb(publishable: boolean): fc.Arbitrary<string> {
  return publishable ? fc.constant<string>(BRAND_IDS[0]) : fc.constantFrom(...BRAND_IDS);
}

function channelArb(id: string, type: fc.Arbitrary<ChannelType>, publishable: boolean): fc.Arbitrary<Channel> {
  return fc
    .record({
      type,
      brandId: brandArb(publishable),
      name: fc.constantFrom(...NAMES),
      sender: fc.constantFrom(...NAMES),
      avatar: fc.option(fc.constant('https://cdn.example/avatar.png'), { nil: undefined }),
    })
    .map(({ type: t, brandId, name, sender, avatar }) => ({
      id,
      type: t,
      brandId,
      name,
      defaultSender: { name: sender, ...(avatar === undefined ? {} : { avatarUrl: avatar }) },
    }));
}

function aiAgentArb(id: string, channelIds: readonly string[], publishable: boolean): fc.Arbitrary<AiAgent> {
  const flag = publishable ? fc.constant(true) : fc.oneof({ arbitrary: fc.constant(true), weight: 3 }, { arbitrary: fc.constant(false), weight: 1 });
  return fc
    .record({
      brandId: brandArb(publishable),
      name: fc.constantFrom(...NAMES),
      published: flag,
      active: flag,
      channelIds: publishable ? fc.constant([...channelIds]) : fc.subarray([...channelIds]),
      legacy: fc.boolean(),
      answers: (publishable ? fc.constant([...ANSWER_IDS]) : fc.subarray([...ANSWER_IDS])).chain((ids) =>
        fc.tuple(...ids.map((answerId) => fc.record({ id: fc.constant(answerId), name: fc.constantFrom('Shipping times', 'Returns'), published: flag }))),
      ),
      greeting: fc.option(emojiTextArb(), { nil: undefined }),
    })
    .map(({ greeting, ...agent }) => ({ id, ...agent, ...(greeting === undefined ? {} : { greeting }) }));
}

/**
 * Valid workspaces (they pass `parseWorkspace`, and parsing returns the same value): unique
 * channel and AI-agent ids from the kit's pools (`web_main`, `web_help`, `app_ios`, plus social
 * and bot channels), AI agents with answers, the automated-resolution switches.
 * @example
 * ```ts
 * fc.assert(fc.property(workspaceArb({ publishable: true }), messageArb({ status: 'draft' }), (workspace, draft) =>
 *   Array.isArray(checkPublishRequirements(draft, workspace))));
 * ```
 */
export function workspaceArb(options: WorkspaceArbOptions = {}): fc.Arbitrary<Workspace> {
  const publishable = options.publishable === true;
  const web = WEB_CHANNEL_IDS.map((id) => channelArb(id, fc.constant<ChannelType>('webWidget'), publishable));
  const mobile = MOBILE_CHANNEL_IDS.map((id) => channelArb(id, fc.constant<ChannelType>('mobileSdk'), publishable));
  const others = [channelArb('social_fb', fc.constant<ChannelType>('social'), publishable), channelArb('bot_x', fc.constant<ChannelType>('thirdPartyBot'), publishable)];
  const all = [...web, ...mobile, ...others];
  const channels = publishable
    ? fc.tuple(...web, ...mobile, fc.subarray(others.map((_, i) => i))).chain(([...items]) => {
        const picked = items.pop() as number[];
        return fc.tuple(...picked.map((i) => others[i] as fc.Arbitrary<Channel>)).map((extra) => [...(items as Channel[]), ...extra]);
      })
    : fc.subarray(all.map((_, i) => i)).chain((indexes) => fc.tuple(...indexes.map((i) => all[i] as fc.Arbitrary<Channel>)));
  return channels.chain((chs) => {
    const ids = chs.map((c) => c.id);
    const agents = publishable
      ? fc.tuple(...AI_AGENT_IDS.map((id) => aiAgentArb(id, ids, true)))
      : fc.subarray([...AI_AGENT_IDS]).chain((agentIds) => fc.tuple(...agentIds.map((id) => aiAgentArb(id, ids, false))));
    return fc.record({
      agentWorkspaceEnabled: publishable ? fc.constant(true) : fc.boolean(),
      messagingEnabled: publishable ? fc.constant(true) : fc.boolean(),
      channels: fc.constant(chs),
      aiAgents: agents,
      automatedResolutions: fc.record({
        pauseAiAgentFeaturesAtLimit: fc.boolean(),
        limitReached: options.limitReached === undefined ? fc.boolean() : fc.constant(options.limitReached),
      }),
    });
  });
}
