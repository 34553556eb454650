/**
 * One dependency check (issue 11): `checkPublishRequirements`, `reconcile` and `present` agree on
 * every dependency problem of a message — channel set, present, of an allowed type and of the
 * message's brand; AI agent present, published, active, of the brand and on the channel; picked
 * answer present and published. In 0.1 `reconcile` and `present` skipped the channel-brand check.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERROR_REASONS, checkPublishRequirements, present, reconcile, type Message, type Workspace } from '../../src/index.js';
import { CHANNEL_IDS, KIT_NOW_MS, messageArb, workspaceArb } from '../../src/testing/index.js';

/** The kit's channels plus its social and bot channels (the kit's messages never use those by default). */
const ANY_CHANNEL = [...CHANNEL_IDS, 'social_fb', 'bot_x'];

/** The codes of the dependency check: what `errorReasons` may hold, plus `channelNotSet` (drafts). */
const DEPENDENCY_CODES: ReadonlySet<string> = new Set(['channelNotSet', ...ERROR_REASONS]);

/** The dependency codes among the publish requirements. */
function requirementCodes(message: Message, workspace: Workspace): string[] {
  return checkPublishRequirements(message, workspace)
    .map((found) => found.code)
    .filter((code) => DEPENDENCY_CODES.has(code));
}

/** The codes `present` fails with (a message and workspace of the kit always parse). */
function presentCodes(message: Message, workspace: Workspace): string[] {
  const result = present(message, workspace);
  return result.ok ? [] : result.issues.map((found) => found.code);
}

/** The `errorReasons` `reconcile` writes for the message (none when it does not move it to error). */
function reconcileReasons(message: Message, workspace: Workspace): readonly string[] {
  const result = reconcile([message], { workspace, now: KIT_NOW_MS });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  const after = result.value.messages[0] as Message;
  return after.status === 'error' ? (after.errorReasons ?? []) : [];
}

/** In the canonical order: `channelNotSet` first, then `ERROR_REASONS`. */
function canonical(codes: readonly string[]): boolean {
  const order = ['channelNotSet', ...ERROR_REASONS];
  return codes.every((code, i) => i === 0 || order.indexOf(codes[i - 1] as string) < order.indexOf(code));
}

describe('one dependency check', () => {
  it('checkPublishRequirements, reconcile (live message → errorReasons) and present report the same dependency codes', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(messageArb({ status: 'live', channelId: ANY_CHANNEL }), workspaceArb(), (message, workspace) => {
        const required = requirementCodes(message, workspace);
        for (const code of required) seen.add(code);
        expect(canonical(required)).toBe(true);
        expect(reconcileReasons(message, workspace)).toEqual(required);
        expect(presentCodes(message, workspace)).toEqual(required);
      }),
      { numRuns: 1_000 },
    );
    // The property met every reason (the channel-brand one included), not just the easy ones.
    expect([...seen].sort()).toEqual([...ERROR_REASONS].sort());
  });

  it('checkPublishRequirements and present agree on drafts too, channelNotSet included', () => {
    fc.assert(
      fc.property(messageArb({ status: 'draft', channelId: ANY_CHANNEL }), workspaceArb(), (message, workspace) => {
        const required = requirementCodes(message, workspace);
        expect(presentCodes(message, workspace)).toEqual(required);
        if (message.channelId === null) expect(required[0]).toBe('channelNotSet');
      }),
      { numRuns: 300 },
    );
  });

  it('a publishable workspace and a message of its brand have no dependency problem', () => {
    fc.assert(
      fc.property(messageArb({ status: 'live', brandId: 'brand_1' }), workspaceArb({ publishable: true }), (message, workspace) => {
        // The kit's publishable AI agents have a subset of the answer pool: a picked answer may be missing.
        const { response } = message;
        fc.pre(response.type !== 'aiAgent' || response.answerId === undefined || workspace.aiAgents.some((agent) => agent.id === response.aiAgentId && agent.answers.some((a) => a.id === response.answerId)));
        expect(requirementCodes(message, workspace)).toEqual([]);
        expect(presentCodes(message, workspace)).toEqual([]);
        expect(reconcileReasons(message, workspace)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
