/**
 * Laws of the life cycle under random action sequences and random workspaces:
 * a published message never returns to draft, status/field combinations stay legal,
 * transitions stay inside the tables, inputs are never mutated, reconcile is idempotent.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AUTOMATIC_TRANSITIONS,
  TRANSITIONS,
  duplicate,
  edit,
  pause,
  publish,
  reconcile,
  resume,
  type AiAgent,
  type Channel,
  type Message,
  type MessageStatus,
  type ReconcileResult,
  type Result,
  type Workspace,
} from '../../src/index.js';
import { NOW, aiAgent, aiDraft, deepFreeze, draft, inStatus, mobileChannel, statusFieldViolations, webChannel, workspace, workspaceAtLimit } from './fixtures.js';

const CHANNEL_POOL: Channel[] = [
  webChannel,
  mobileChannel,
  { ...webChannel, id: 'social_1', type: 'social' },
  { ...webChannel, id: 'web_b2', brandId: 'brand_2' },
];
const CHANNEL_IDS = ['web_main', 'app_main', 'social_1', 'web_b2', 'gone'] as const;
const mostly = fc.constantFrom(true, true, true, false);

const agentArb: fc.Arbitrary<AiAgent> = fc.record({
  published: mostly,
  active: mostly,
  brandId: fc.constantFrom('brand_1', 'brand_1', 'brand_2'),
  channelIds: fc.subarray([...CHANNEL_IDS]),
  answers: fc.constantFrom(aiAgent.answers, [], [{ id: 'ans_published', name: 'Shipping', published: false }]),
}).map((changes) => ({ ...aiAgent, ...changes }));

const randomWorkspace: fc.Arbitrary<Workspace> = fc.record({
  agentWorkspaceEnabled: mostly,
  messagingEnabled: mostly,
  channels: fc.subarray(CHANNEL_POOL),
  aiAgents: fc.oneof(fc.constant([]), agentArb.map((agent) => [agent])),
  automatedResolutions: fc.record({ pauseAiAgentFeaturesAtLimit: fc.boolean(), limitReached: fc.boolean() }),
});
const workspaceArb = fc.oneof(fc.constant(workspace), fc.constant(workspaceAtLimit), randomWorkspace);

const seedArb: fc.Arbitrary<Message> = fc
  .record({
    base: fc.constantFrom(draft, aiDraft),
    channelId: fc.constantFrom<string | null>(...CHANNEL_IDS, null),
    status: fc.constantFrom<MessageStatus>('draft', 'draft', 'live', 'paused', 'error'),
    limitPause: fc.boolean(),
    metadata: fc.boolean(),
  })
  .map(({ base, channelId, status, limitPause, metadata }) => {
    const conditions = metadata ? { all: [{ fact: 'metadata.plan' as const, operator: 'equal' as const, value: 'trial' }] } : base.conditions;
    const message = inStatus({ ...base, channelId: status === 'draft' ? channelId : (channelId ?? 'web_main'), conditions }, status);
    return status === 'paused' && limitPause ? { ...message, pauseReason: 'automatedResolutionLimit' as const } : message;
  });

type Step =
  | { kind: 'publish'; index: number; ws: Workspace }
  | { kind: 'pause'; index: number }
  | { kind: 'resume'; index: number; ws: Workspace | null }
  | { kind: 'duplicate'; index: number }
  | { kind: 'edit'; index: number; channelId: string | null }
  | { kind: 'reconcile'; ws: Workspace };

const index = fc.nat({ max: 20 });
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('publish' as const), index, ws: workspaceArb }),
  fc.record({ kind: fc.constant('pause' as const), index }),
  fc.record({ kind: fc.constant('resume' as const), index, ws: fc.option(workspaceArb, { nil: null }) }),
  fc.record({ kind: fc.constant('duplicate' as const), index }),
  fc.record({ kind: fc.constant('edit' as const), index, channelId: fc.constantFrom<string | null>(...CHANNEL_IDS, null) }),
  fc.record({ kind: fc.constant('reconcile' as const), ws: workspaceArb }),
);

/** SPEC §1.1, written independently of the code: the account pauses this AI-agent message at the limit. */
function limitPauseApplies(message: Message, ws: Workspace): boolean {
  return message.response.type === 'aiAgent' && ws.automatedResolutions.pauseAiAgentFeaturesAtLimit && ws.automatedResolutions.limitReached;
}

function reconciled(messages: readonly Message[], ws: Workspace, now: number): ReconcileResult {
  const result = reconcile(messages, { workspace: ws, now });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

/** The status a manual action may lead to: the table's, or a limit pause where documented. */
function allowedManualTargets(step: Step, message: Message): (MessageStatus | undefined)[] {
  const action = step.kind === 'reconcile' ? 'edit' : step.kind;
  const table = TRANSITIONS[message.status][action] ?? undefined;
  if (step.kind === 'publish' && limitPauseApplies(message, step.ws)) return ['paused'];
  // resume applies the automatic transitions at once: broken dependencies land it in error.
  if (step.kind === 'resume' && step.ws !== null) return limitPauseApplies(message, step.ws) ? ['paused', 'error'] : ['live', 'error'];
  return [table === null ? undefined : table];
}

describe('life-cycle laws', () => {
  it('random action sequences keep every message legal and never bring a published message back to draft', () => {
    fc.assert(
      fc.property(fc.array(seedArb, { minLength: 1, maxLength: 4 }), fc.array(stepArb, { maxLength: 25 }), (seeds, steps) => {
        let messages: readonly Message[] = deepFreeze(seeds.map((seed, i) => ({ ...seed, id: `m${i}` })));
        const everPublished = new Set(messages.filter((m) => m.status !== 'draft').map((m) => m.id));
        let nextId = messages.length;
        let now = NOW;
        for (const step of steps) {
          now += 1000;
          const previous = messages;
          const before = JSON.stringify(previous);
          if (step.kind === 'reconcile') {
            const ws = deepFreeze(step.ws);
            const result = reconciled(messages, ws, now);
            expect(reconciled(messages, ws, now)).toEqual(result);
            const changedIds = new Set(result.changes.map((c) => c.id));
            result.messages.forEach((next, i) => {
              const prev = messages[i];
              if (prev === undefined) throw new Error('length changed');
              if (!changedIds.has(prev.id)) expect(next).toBe(prev);
              else expect(AUTOMATIC_TRANSITIONS.some((t) => t.from === prev.status && t.to === next.status)).toBe(true);
            });
            expect(reconciled(result.messages, ws, now).changes).toEqual([]);
            messages = deepFreeze(result.messages);
          } else {
            const target = messages[step.index % messages.length];
            if (target === undefined) throw new Error('empty list');
            const run = (): Result<Message> => {
              switch (step.kind) {
                case 'publish':
                  return publish(target, { workspace: deepFreeze(step.ws), now });
                case 'pause':
                  return pause(target, { now });
                case 'resume':
                  // `null`: the deprecated form without a workspace (it skips the limit rule).
                  return step.ws === null ? resume(target, now) : resume(target, { workspace: deepFreeze(step.ws), now });
                case 'duplicate':
                  return duplicate(target, { id: `m${nextId}`, now });
                case 'edit':
                  return edit(target, { changes: { channelId: step.channelId }, now });
              }
            };
            const result = run();
            if (result.ok) {
              if (step.kind === 'duplicate') {
                expect(result.value.status).toBe('draft');
                messages = deepFreeze([...messages, result.value]);
                nextId += 1;
              } else {
                expect(allowedManualTargets(step, target)).toContain(result.value.status);
                messages = deepFreeze(messages.map((m) => (m === target ? result.value : m)));
              }
            } else {
              expect(result.issues.length).toBeGreaterThan(0);
            }
          }
          expect(JSON.stringify(previous)).toBe(before);
          for (const message of messages) {
            expect(statusFieldViolations(message), JSON.stringify(message)).toEqual([]);
            if (everPublished.has(message.id)) expect(message.status).not.toBe('draft');
            if (message.status !== 'draft') everPublished.add(message.id);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('reconcile after a successful publish or resume changes nothing (they land where reconcile would)', () => {
    fc.assert(
      fc.property(seedArb, workspaceArb, (seed, ws) => {
        const published = publish(deepFreeze(seed), { workspace: deepFreeze(ws), now: NOW });
        if (published.ok) expect(reconciled([published.value], ws, NOW + 1).changes).toEqual([]);
        const resumed = resume(deepFreeze(seed), { workspace: deepFreeze(ws), now: NOW });
        if (resumed.ok) expect(reconciled([resumed.value], ws, NOW + 1).changes).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('actions never mutate their inputs (deep-frozen inputs, unchanged JSON)', () => {
    fc.assert(
      fc.property(seedArb, workspaceArb, (seed, ws) => {
        const message = deepFreeze(seed);
        const frozenWs = deepFreeze(ws);
        const snapshot = JSON.stringify([message, frozenWs]);
        publish(message, { workspace: frozenWs, now: NOW });
        pause(message, { now: NOW });
        resume(message, { workspace: frozenWs, now: NOW });
        duplicate(message, { id: 'copy', now: NOW });
        edit(message, { changes: { name: 'x' }, now: NOW });
        reconcile([message], { workspace: frozenWs, now: NOW });
        expect(JSON.stringify([message, frozenWs])).toBe(snapshot);
      }),
      { numRuns: 100 },
    );
  });
});
