/**
 * The script format: a script that does not check is refused with issues that have paths into it
 * (worked out by hand, one rule per case); defaults are filled.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate, type Message, type SimulationScript, type Workspace } from '../../src/index.js';
import { runCheck } from '../../src/check/check.js';
import { scriptCheck } from '../../src/simulate/script.js';

const root = new URL('../../', import.meta.url);
const json = (path: string): unknown => JSON.parse(readFileSync(new URL(path, root), 'utf8')) as unknown;
const messages = json('examples/messages.json') as Message[];
const workspace = json('examples/workspace.json') as Workspace;

const valid = {
  end: '2026-11-23T11:00:00Z',
  visitors: [{ id: 'v_a', channelId: 'web_main' }],
  events: [
    { at: '2026-11-23T10:00:00Z', visitor: 'v_a', type: 'arrive', url: 'https://shop.example/pricing', title: 'Pricing' },
    { at: '2026-11-23T10:01:00Z', visitor: 'v_a', type: 'leave' },
  ],
};

function issues(script: unknown, withWorkspace = true): [string, string][] {
  const result = simulate(messages, script as SimulationScript, withWorkspace ? { workspace } : {});
  return result.ok ? [] : result.issues.map((issue) => [issue.code, issue.path.join('.')]);
}

describe('simulation scripts', () => {
  it('a valid script runs; defaults are filled', () => {
    expect(issues(valid)).toEqual([]);
    const checked = runCheck(scriptCheck, valid, true);
    expect(checked.ok && checked.value.visitors[0]).toEqual({ id: 'v_a', channelId: 'web_main', previousVisits: 0, deliveries: [] });
  });

  it.each<[string, unknown, [string, string][]]>([
    ['no end', { ...valid, end: undefined }, [['required', 'script.end']]],
    ['an end without an offset', { ...valid, end: '2026-11-23T11:00:00' }, [['invalidFormat', 'script.end']]],
    ['no visitors', { ...valid, visitors: [] }, [['tooSmall', 'script.visitors']]],
    ['two visitors with one id', { ...valid, visitors: [valid.visitors[0], valid.visitors[0]] }, [['duplicate', 'script.visitors.1.id']]],
    ['a visitor without a channel', { ...valid, visitors: [{ id: 'v_a' }] }, [['required', 'script.visitors.0.channelId']]],
    ['a visitor language that is no language tag', { ...valid, visitors: [{ id: 'v_a', channelId: 'web_main', language: 'english!' }] }, [['invalidFormat', 'script.visitors.0.language']]],
    ['a reserved metadata key', { ...valid, visitors: [{ id: 'v_a', channelId: 'web_main', metadata: JSON.parse('{"__proto__": 1}') }] }, [['reservedKey', 'script.visitors.0.metadata.__proto__']]],
    ['negative previous visits', { ...valid, visitors: [{ id: 'v_a', channelId: 'web_main', previousVisits: -1 }] }, [['tooSmall', 'script.visitors.0.previousVisits']]],
    ['an unknown key on a visitor', { ...valid, visitors: [{ id: 'v_a', channelId: 'web_main', page: {} }] }, [['unknownKey', 'script.visitors.0.page']]],
    ['an unknown event type', { ...valid, events: [{ ...valid.events[0], type: 'jump' }] }, [['invalidValue', 'script.events.0.type']]],
    ['an event for an unknown visitor', { ...valid, events: [{ ...valid.events[0], visitor: 'v_b' }] }, [['invalidValue', 'script.events.0.visitor']]],
    ['events out of time order', { ...valid, events: [valid.events[1], valid.events[0]] }, [['visitorNotOnSite', 'script.events.0.visitor'], ['invalidRange', 'script.events.1.at']]],
    ['an event after the end', { ...valid, end: '2026-11-23T10:00:30Z' }, [['invalidRange', 'script.events.1.at']]],
    ['a page view before arriving', { ...valid, events: [{ at: '2026-11-23T10:00:00Z', visitor: 'v_a', type: 'navigate', url: 'https://shop.example/', title: '' }] }, [['visitorNotOnSite', 'script.events.0.visitor']]],
    ['a dismissal after leaving', { ...valid, events: [...valid.events, { at: '2026-11-23T10:02:00Z', visitor: 'v_a', type: 'dismiss' }] }, [['visitorNotOnSite', 'script.events.2.visitor']]],
    ['an arrival without a URL', { ...valid, events: [{ at: '2026-11-23T10:00:00Z', visitor: 'v_a', type: 'arrive', title: '' }] }, [['required', 'script.events.0.url']]],
    ['an update with a bad device', { ...valid, events: [valid.events[0], { at: '2026-11-23T10:00:10Z', visitor: 'v_a', type: 'update', deviceType: 'watch' }] }, [['invalidValue', 'script.events.1.deviceType']]],
    ['details that are not text', { ...valid, events: [valid.events[0], { at: '2026-11-23T10:00:10Z', visitor: 'v_a', type: 'submitDetails', email: 42 }] }, [['invalidType', 'script.events.1.email']]],
    ['a script that is not an object', [], [['invalidType', 'script']]],
  ])('%s', (_name, script, expected) => {
    expect(issues(script)).toEqual(expected);
  });

  it('needs a workspace: the option, or the script\u2019s own', () => {
    expect(issues(valid, false)).toEqual([['required', 'script.workspace']]);
    expect(issues({ ...valid, workspace }, false)).toEqual([]);
    expect(issues({ ...valid, workspace: { channels: 3 } }, false).map(([code]) => code)).toContain('required');
    const bad = simulate(messages, valid as SimulationScript, { workspace: { channels: [] } as unknown as Workspace });
    expect(bad.ok ? [] : bad.issues.map((i) => i.path.slice(0, 2).join('.'))).toContain('options.workspace');
  });

  it('a message list that is not a list is refused; bad messages are skipped and reported', () => {
    const refused = simulate({} as never, valid as SimulationScript, { workspace });
    expect(refused.ok ? [] : refused.issues.map((i) => [i.code, i.path.join('.')])).toEqual([['invalidType', 'messages']]);
    const partly = simulate([...messages, { id: 'broken' }] as never, valid as SimulationScript, { workspace });
    expect(partly.ok && partly.value.skipped.every((issue) => issue.path[0] === messages.length)).toBe(true);
    expect(partly.ok && partly.value.skipped.length).toBeGreaterThan(0);
  });

  it('never throws on any JSON script', async () => {
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (script) => {
        const result = simulate(messages, script as never, { workspace });
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});

describe('options that cannot be read', () => {
  it('an option whose getter throws is invalidType (json) at its key, and nothing else is reported for it', () => {
    const throwing = (key: string): object =>
      Object.defineProperty({}, key, {
        enumerable: true,
        get() {
          throw new Error('no');
        },
      });
    const w = simulate(messages, valid as SimulationScript, throwing('workspace') as never);
    expect(w.ok ? [] : w.issues.map((i) => [i.code, i.path.join('.'), i.params])).toStrictEqual([['invalidType', 'options.workspace', { expected: 'json', got: 'other' }]]);
    const p = simulate(messages, valid as SimulationScript, { workspace, get policy(): never { throw new Error('no'); } } as never);
    expect(p.ok ? [] : p.issues.map((i) => [i.code, i.path.join('.')])).toStrictEqual([['invalidType', 'options.policy']]);
  });
});
