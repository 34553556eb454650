import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConditions, parseMessage, parseMessages, parseSchedule, parseVisitor, parseWorkspace } from '../../src/parse/parse.js';
import type { Result } from '../../src/core/issues.js';
import {
  conditionLeafArb,
  conditionTreeArb,
  factsVisitorArb,
  messageArb,
  messageListArb,
  scheduleArb,
  scenarioArb,
  visitorArb,
  workspaceArb,
} from '../../src/testing/index.js';

/** Every generated value parses, and parsing gives back the very same value (nothing to default or normalise). */
function parsesToItself<T>(arb: fc.Arbitrary<T>, parse: (input: unknown) => Result<unknown>, numRuns: number): void {
  fc.assert(
    fc.property(arb, (value) => {
      const result = parse(value);
      if (!result.ok) throw new Error(`parse failed: ${JSON.stringify(result.issues.slice(0, 3))}\n${JSON.stringify(value)}`);
      expect(result.value).toEqual(value);
    }),
    { numRuns },
  );
}

const RUNS = 2_000;

describe('every generated value passes the matching parse*', () => {
  it('messageArb → parseMessage', () => parsesToItself(messageArb(), parseMessage, RUNS));
  // Fixed seeds, enough samples to reach rare draws: seed 157 once drew the name " " (tooSmall) at sample 339.
  it('every sample of messageArb, messageListArb and workspaceArb parses, rare draws included', () => {
    const failed = (issues: readonly unknown[], value: unknown): string | null => (issues.length === 0 ? null : `${JSON.stringify(issues.slice(0, 3))}\n${JSON.stringify(value)}`);
    const issuesOf = (result: Result<unknown>): readonly unknown[] => (result.ok ? [] : result.issues);
    for (const m of fc.sample(messageArb(), { seed: 157, numRuns: 10_000 })) expect(failed(issuesOf(parseMessage(m)), m)).toBeNull();
    for (const list of fc.sample(messageListArb({ maxLength: 12 }), { seed: 20261202, numRuns: 1_000 })) expect(failed(parseMessages(list).issues, list)).toBeNull();
    for (const w of fc.sample(workspaceArb(), { seed: 20261203, numRuns: 2_000 })) expect(failed(issuesOf(parseWorkspace(w)), w)).toBeNull();
  });
  it('conditionTreeArb (as a message tree, depth and leaves up to the limits) → parseMessage', () =>
    parsesToItself(
      fc.tuple(messageArb({ conditions: false }), conditionTreeArb({ maxLeaves: 50 })).map(([m, conditions]) => ({ ...m, channelId: 'web_main', conditions })),
      parseMessage,
      RUNS,
    ));
  it('conditionLeafArb → parseConditions', () => parsesToItself(conditionLeafArb(), (input) => parseConditions(input), RUNS));
  it('conditionTreeArb({ metadata: false }) → parseConditions on a mobile-SDK channel', () =>
    parsesToItself(conditionTreeArb({ metadata: false, maxLeaves: 50 }), (input) => parseConditions(input, { channelType: 'mobileSdk' }), RUNS));
  // evaluate and the json-rules-engine adapter check the visitor: the kit's visitors for condition
  // laws must be visitors they accept (only `hostileMetadataKeys: true` asks for ones they refuse).
  it('factsVisitorArb → parseVisitor', () => parsesToItself(factsVisitorArb(), parseVisitor, RUNS));
  it('messageListArb → parseMessages', () => {
    fc.assert(
      fc.property(messageListArb({ maxLength: 12 }), (messages) => {
        const result = parseMessages(messages);
        expect(result.issues).toEqual([]);
        expect(result.value).toEqual(messages);
      }),
      { numRuns: 300 },
    );
  });
  it('visitorArb → parseVisitor', () => parsesToItself(visitorArb(), parseVisitor, RUNS));
  it('workspaceArb → parseWorkspace', () => parsesToItself(workspaceArb(), parseWorkspace, RUNS));
  it('workspaceArb({ publishable: true }) → parseWorkspace', () => parsesToItself(workspaceArb({ publishable: true }), parseWorkspace, 500));
  it('scheduleArb → parseSchedule', () => parsesToItself(scheduleArb(), parseSchedule, RUNS));
  it('scenarioArb parts → their parsers', () => {
    fc.assert(
      fc.property(scenarioArb(), ({ messages, visitor, workspace }) => {
        expect(parseMessages(messages).issues).toEqual([]);
        expect(parseVisitor(visitor).ok).toBe(true);
        expect(parseWorkspace(workspace).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
