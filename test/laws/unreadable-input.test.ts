/**
 * Regressions: functions that once let a value they cannot read through — a throwing getter, a
 * Proxy whose traps throw, a revoked Proxy — now answer as they document, with the issue at the
 * path of the value that could not be read (`invalidType`, `expected: 'json'`).
 */
import { describe, expect, it } from 'vitest';
import {
  addMessage,
  applyTally,
  describeIssue,
  initialInteraction,
  interact,
  metricEventOf,
  present,
  validateDetails,
  availableActions,
  compactDeliveries,
  deleteMessage,
  duplicate,
  edit,
  evaluate,
  explain,
  hasWarningFlag,
  isOpen,
  parseConditions,
  parseMessage,
  parseMessages,
  parseVisitor,
  pause,
  recordDelivery,
  publish,
  reconcile,
  resume,
  sortMessages,
  starterTemplates,
  type Issue,
  type Message,
  type Visitor,
  type Workspace,
} from '../../src/index.js';
import { fresh, SPEC_MESSAGE_JSON, SPEC_VISITOR_JSON, SPEC_WORKSPACE_JSON } from '../parse/fixtures.js';
import { lengthThrows, revoked, throwingAt, trapsThrow } from '../helpers/unreadable.js';
import { kindOf } from '../../src/core/values.js';
import {
  createEngine,
  fromJsonRulesEngine,
  matchingMessageIds,
  ownPropertyPathResolver,
  registerOperators,
  toJsonRulesEngineRule,
} from '../../src/adapters/json-rules-engine/index.js';

const message = fresh<Message>(SPEC_MESSAGE_JSON);
const visitor = fresh<Visitor>(SPEC_VISITOR_JSON);
const workspace = fresh<Workspace>(SPEC_WORKSPACE_JSON);
const draft: Message = { ...message, id: 'msg_draft', status: 'draft' };
const NOW = '2026-11-23T10:00:30Z';
const UNREADABLE = { expected: 'json', got: 'other' };

/** The issues of a failed result as data (without their messages). */
function issuesOf(result: { readonly ok: boolean; readonly issues?: readonly Issue[] }): unknown[] {
  expect(result.ok).toBe(false);
  return (result.issues ?? []).map(({ path, code, params }) => ({ path, code, params }));
}
const paused: Message = { ...message, status: 'paused', pauseReason: 'automatedResolutionLimit' };

describe('a message whose status cannot be read', () => {
  it('availableActions offers no action', () => {
    expect(availableActions(message)).toEqual(['edit', 'duplicate', 'pause', 'delete']);
    for (const unreadable of [throwingAt(message, 'status'), trapsThrow(message), revoked(message)]) expect(availableActions(unreadable)).toEqual([]);
  });

  it('hasWarningFlag is false', () => {
    expect(hasWarningFlag(paused)).toBe(true);
    for (const unreadable of [throwingAt(paused, 'status'), throwingAt(paused, 'pauseReason'), trapsThrow(paused), revoked(paused)]) expect(hasWarningFlag(unreadable)).toBe(false);
  });
});

describe('a message list that cannot be read', () => {
  it('parseMessages: a list whose length throws (or a revoked Proxy) is one invalidType issue at the root', () => {
    for (const list of [lengthThrows([message]), revoked([message])]) {
      const parsed = parseMessages(list);
      expect(parsed).toMatchObject({ ok: false, value: [] });
      expect(parsed.issues.map(({ path, code, params }) => ({ path, code, params }))).toEqual([{ path: [], code: 'invalidType', params: UNREADABLE }]);
    }
  });

  it('parseMessages: an item that cannot be read is an issue at its index; the others parse', () => {
    const parsed = parseMessages(throwingAt([message, draft, message], 0));
    expect(parsed.ok).toBe(false);
    expect(parsed.value.map((m) => m.id)).toEqual(['msg_draft', 'msg_pricing_help']);
    expect(parsed.issues.map(({ path, code, params }) => ({ path, code, params }))).toEqual([{ path: [0], code: 'invalidType', params: UNREADABLE }]);
  });

  it('evaluate and explain: a list whose length throws shows nothing, invalidInput at messages', () => {
    for (const list of [lengthThrows([message]), revoked([message])]) {
      expect(evaluate(visitor, list, NOW)).toMatchObject({ message: null, invalidInput: { path: ['messages'], code: 'invalidType', params: UNREADABLE } });
      expect(explain(visitor, list, NOW)).toEqual([]);
    }
  });
});

describe('addMessage and deleteMessage on a list they cannot read', () => {
  const idThrows = throwingAt(message, 'id');
  it('a message whose id cannot be read: invalidType at its id', () => {
    expect(issuesOf(addMessage([idThrows], draft))).toEqual([{ path: ['messages', 0, 'id'], code: 'invalidType', params: UNREADABLE }]);
    expect(issuesOf(deleteMessage([draft, idThrows], 'msg_draft'))).toEqual([{ path: ['messages', 1, 'id'], code: 'invalidType', params: UNREADABLE }]);
  });

  it('an item that cannot be read: invalidType at its index; a list that cannot be read: at messages', () => {
    expect(issuesOf(addMessage(throwingAt([message], 0), draft))).toEqual([{ path: ['messages', 0], code: 'invalidType', params: UNREADABLE }]);
    expect(issuesOf(deleteMessage(lengthThrows([message]), 'msg_pricing_help'))).toEqual([{ path: ['messages'], code: 'invalidType', params: UNREADABLE }]);
    expect(issuesOf(addMessage(revoked([message]), draft))).toEqual([{ path: ['messages'], code: 'invalidType', params: UNREADABLE }]);
  });

  it('a readable list still works (identity of the other messages kept)', () => {
    const added = addMessage([message], draft);
    expect(added.ok && added.value[0]).toBe(message);
    const deleted = deleteMessage([message, draft], 'msg_draft');
    expect(deleted.ok && deleted.value).toEqual([message]);
  });
});

describe('reconcile and sortMessages on a list they cannot read', () => {
  const broken: Workspace = { ...workspace, channels: [] };

  it('reconcile: a list that cannot be read, or an item of it, is invalidType at its path', () => {
    expect(issuesOf(reconcile(lengthThrows([message]), { workspace, now: NOW }))).toEqual([{ path: ['messages'], code: 'invalidType', params: UNREADABLE }]);
    expect(issuesOf(reconcile(revoked([message]), { workspace, now: NOW }))).toEqual([{ path: ['messages'], code: 'invalidType', params: UNREADABLE }]);
    // The list it returns cannot hold a message it cannot read: the call fails.
    expect(issuesOf(reconcile(throwingAt([message, draft], 1), { workspace, now: NOW }))).toEqual([{ path: ['messages', 1], code: 'invalidType', params: UNREADABLE }]);
  });

  it('reconcile: a message whose fields cannot be read is left as it is and listed in invalid; the others are reconciled', () => {
    const unreadable = throwingAt(draft, 'status');
    const list = [message, unreadable];
    const result = reconcile(list, { workspace: broken, now: NOW });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.changes.map((c) => c.id)).toEqual(['msg_pricing_help']);
    expect(result.value.messages[1]).toBe(unreadable);
    expect(result.value.invalid.map(({ index, issues }) => ({ index, issues: issues.map(({ path, code, params }) => ({ path, code, params })) }))).toEqual([
      { index: 1, issues: [{ path: ['status'], code: 'invalidType', params: UNREADABLE }] },
    ]);
  });

  it('sortMessages: a list that cannot be read is invalidType at messages; an item at its index, the others still checked', () => {
    expect(issuesOf(sortMessages(lengthThrows([message]), 'name', 'asc'))).toEqual([{ path: ['messages'], code: 'invalidType', params: UNREADABLE }]);
    expect(issuesOf(sortMessages(throwingAt([message, draft, { ...draft, name: '' }], 0), 'name', 'asc'))).toEqual([
      { path: [0], code: 'invalidType', params: UNREADABLE },
      { path: [2, 'name'], code: 'tooSmall', params: { minimum: 1, unit: 'characters' } },
    ]);
    const sorted = sortMessages([message, draft], 'name', 'desc');
    expect(sorted.ok && sorted.value).toEqual([message, draft]);
  });
});

describe('the checkers report a value they cannot read at its own path', () => {
  const at = (result: { readonly ok: boolean; readonly issues?: readonly Issue[] }) => issuesOf(result).map((found) => (found as { path: unknown }).path);

  it('object(): a key whose getter throws is reported at the key', () => {
    expect(issuesOf(parseVisitor(throwingAt(visitor, 'page')))).toEqual([{ path: ['page'], code: 'invalidType', params: UNREADABLE }]);
    expect(at(parseVisitor({ ...visitor, page: throwingAt(visitor.page, 'url') }))).toEqual([['page', 'url']]);
    expect(at(parseMessage(throwingAt(message, 'name')))).toEqual([['name']]);
  });

  it('variant(): a tag whose getter throws is reported at the tag', () => {
    expect(at(parseMessage({ ...message, trigger: throwingAt(message.trigger, 'event') }))).toEqual([['trigger', 'event']]);
  });

  it('list(): an item whose getter throws is reported at its index', () => {
    expect(at(parseMessage({ ...message, tags: throwingAt([...message.tags], 1) }))).toEqual([['tags', 1]]);
  });

  it('record(): a value whose getter throws is reported at its key', () => {
    expect(at(parseVisitor({ ...visitor, metadata: throwingAt(visitor.metadata ?? {}, 'plan') }))).toEqual([['metadata', 'plan']]);
  });

  it('the condition tree checker: a fact, an operator or a group whose getter throws is reported at it', () => {
    const leaf = { fact: 'pageUrl', operator: 'containsAnyOf', value: ['/pricing'] };
    expect(at(parseConditions({ all: [throwingAt(leaf, 'fact'), leaf] }))).toEqual([['all', 0, 'fact']]);
    expect(at(parseConditions({ any: [leaf, throwingAt(leaf, 'operator')] }))).toEqual([['any', 1, 'operator']]);
    expect(at(parseConditions({ not: throwingAt(leaf, 'value') }))).toEqual([['not', 'value']]);
    expect(at(parseConditions(throwingAt({ all: [leaf, leaf] }, 'all')))).toEqual([['all']]);
    expect(at(parseMessage({ ...message, conditions: { all: [leaf, throwingAt(leaf, 'fact')] } }))).toEqual([['conditions', 'all', 1, 'fact']]);
  });

  it('a Proxy whose traps throw is reported where it sits', () => {
    expect(at(parseVisitor({ ...visitor, page: trapsThrow(visitor.page) }))).toEqual([['page']]);
    expect(at(parseVisitor({ ...visitor, page: revoked(visitor.page) }))).toEqual([['page']]);
  });
});

describe('first-failure checks (evaluate): a pass without paths, then, on failure, one with them', () => {
  it('an unreadable visitor value is reported at its own path, as parseVisitor reports it', () => {
    expect(evaluate({ ...visitor, page: throwingAt(visitor.page, 'url') }, [message], NOW).invalidInput).toEqual({ path: ['visitor', 'page', 'url'], code: 'invalidType', params: UNREADABLE });
    expect(evaluate({ ...visitor, metadata: throwingAt(visitor.metadata ?? {}, 'plan') }, [message], NOW).invalidInput).toEqual({ path: ['visitor', 'metadata', 'plan'], code: 'invalidType', params: UNREADABLE });
    const wrong = { ...visitor, visit: { ...visitor.visit, number: 'two' } };
    expect(evaluate(wrong as unknown as Visitor, [message], NOW).invalidInput).toEqual({ ...issuesOf(parseVisitor(wrong))[0] as object, path: ['visitor', 'visit', 'number'] });
  });

  it('a value that answers differently when read again still fails, with the first pass’s issue', () => {
    let reads = 0;
    const page = { ...visitor.page };
    Object.defineProperty(page, 'url', { enumerable: true, get: () => (reads++ === 0 ? 42 : visitor.page.url) });
    const decision = evaluate({ ...visitor, page }, [message], NOW);
    // Read by both passes; the second finds nothing wrong, so the first pass's issue (no path below the visitor) stands.
    expect(reads).toBe(2);
    expect(decision.invalidInput).toEqual({ path: ['visitor'], code: 'invalidType', params: { expected: 'string', got: 'number' } });
    expect(decision.eligible).toEqual([]);
  });
});

describe('compactDeliveries on a message list it cannot read', () => {
  it('a list, an item, an id or a frequency that cannot be read is invalidType at its path (its history cannot be decided)', () => {
    expect(issuesOf(compactDeliveries(visitor, lengthThrows([message]), NOW))).toEqual([{ path: ['messages'], code: 'invalidType', params: UNREADABLE }]);
    expect(issuesOf(compactDeliveries(visitor, throwingAt([draft, message], 1), NOW))).toEqual([{ path: ['messages', 1], code: 'invalidType', params: UNREADABLE }]);
    expect(issuesOf(compactDeliveries(visitor, [throwingAt(message, 'id')], NOW))).toEqual([{ path: ['messages', 0, 'id'], code: 'invalidType', params: UNREADABLE }]);
    expect(issuesOf(compactDeliveries(visitor, [draft, throwingAt(message, 'frequency')], NOW))).toEqual([{ path: ['messages', 1, 'frequency'], code: 'invalidType', params: UNREADABLE }]);
    expect(compactDeliveries(visitor, [message, draft], NOW).ok).toBe(true);
  });
});

describe('life-cycle options that cannot be read', () => {
  const at = (key: string) => ({ path: [key], code: 'invalidType', params: UNREADABLE });

  it('publish and pause: an option whose getter throws is invalidType at its key', () => {
    expect(issuesOf(publish(draft, throwingAt({ workspace, now: NOW }, 'now')))).toEqual([at('now')]);
    expect(issuesOf(publish(draft, throwingAt({ workspace, now: NOW }, 'workspace')))).toEqual([at('workspace')]);
    expect(issuesOf(pause(message, throwingAt({ now: NOW }, 'now')))).toEqual([at('now')]);
    expect(publish(draft, { workspace, now: NOW }).ok).toBe(true);
  });

  it('an options object that cannot be read at all: at options (revoked) or at each key read (traps that throw)', () => {
    expect(issuesOf(pause(message, revoked({ now: NOW })))).toEqual([at('options')]);
    expect(issuesOf(publish(draft, trapsThrow({ workspace, now: NOW })))).toEqual([at('now'), at('workspace')]);
    expect(issuesOf(resume({ ...message, status: 'paused', pauseReason: 'manual' }, trapsThrow({ workspace, now: NOW })))).toEqual([at('now'), at('workspace')]);
  });

  it('duplicate, edit and starterTemplates: each option (and each change) at its key', () => {
    expect(issuesOf(duplicate(message, throwingAt({ id: 'msg_copy', now: NOW }, 'id')))).toEqual([at('id')]);
    expect(issuesOf(duplicate(message, throwingAt({ id: 'msg_copy', now: NOW, name: 'Copy' }, 'name')))).toEqual([at('name')]);
    expect(issuesOf(edit(message, throwingAt({ changes: { name: 'Edited' }, now: NOW }, 'changes')))).toEqual([at('changes')]);
    expect(issuesOf(edit(message, { changes: throwingAt({ name: 'Edited', priority: 2 }, 'priority'), now: NOW }))).toEqual([{ path: ['changes', 'priority'], code: 'invalidType', params: UNREADABLE }]);
    expect(issuesOf(edit(message, { changes: revoked({ name: 'Edited' }), now: NOW }))).toEqual([at('changes')]);
    expect(issuesOf(starterTemplates(throwingAt({ brandId: 'brand_1', now: NOW }, 'brandId')))).toEqual([at('brandId')]);
    expect(issuesOf(starterTemplates(throwingAt({ brandId: 'brand_1', now: NOW, channelId: 'web_main' }, 'channelId')))).toEqual([at('channelId')]);
    expect(issuesOf(starterTemplates(throwingAt({ brandId: 'brand_1', now: NOW, ids: ['a', 'b', 'c'] }, 'ids')))).toEqual([at('ids')]);
    expect(edit(message, { changes: { name: 'Edited' }, now: NOW }).ok).toBe(true);
  });

  it('a deprecated positional instant that cannot be read is not taken for one', () => {
    expect(issuesOf(pause(message, revoked(new Date(0))))).toEqual([at('options')]);
  });
});

describe('an instant that cannot be read', () => {
  it('kindOf is total: what it cannot tell is "other"', () => {
    for (const value of [trapsThrow({}), revoked({}), revoked([]), revoked(new Date(0))]) expect(kindOf(value)).toBe('other');
    expect(kindOf(trapsThrow([]))).toBe('array'); // Array.isArray answers without a trap
    expect([kindOf([]), kindOf(new Date(0)), kindOf({}), kindOf(null)]).toEqual(['array', 'date', 'object', 'null']);
  });

  it('is invalidInstant at now (got: other) wherever a now is taken', () => {
    const invalidNow = { path: ['now'], code: 'invalidInstant', params: { got: 'other' } };
    for (const now of [trapsThrow(new Date(0)), revoked(new Date(0))]) {
      expect(evaluate(visitor, [message], now as never).invalidInput).toEqual(invalidNow);
      expect(issuesOf(recordDelivery(visitor, 'msg_pricing_help', now as never))).toEqual([invalidNow]);
      expect(issuesOf(compactDeliveries(visitor, [message], now as never))).toEqual([invalidNow]);
      expect(issuesOf(isOpen({ timezone: 'UTC', weekly: [], holidays: [] }, now as never))).toEqual([invalidNow]);
      expect(issuesOf(publish(draft, workspace, now as never))).toEqual([invalidNow]);
    }
  });
});

describe('the experience functions on values they cannot read', () => {
  const presented = present(message, workspace);
  const presentation = presented.ok ? presented.value : null;
  const started = presentation === null ? null : initialInteraction(presentation, 'v_1');
  const state = started?.ok === true ? started.value : null;

  it('applyTally: tallies that cannot be read are invalidType at tallies (json)', () => {
    const tallies = new Map([[message.id, { sent: 1, read: 0, replied: 0 }]]);
    expect(applyTally(message, tallies).ok).toBe(true);
    for (const unreadable of [trapsThrow(tallies), revoked(tallies)]) expect(issuesOf(applyTally(message, unreadable))).toEqual([{ path: ['tallies'], code: 'invalidType', params: UNREADABLE }]);
  });

  it('initialInteraction: a presentation that cannot be read is invalidType at presentation (json)', () => {
    expect(presentation).not.toBeNull();
    for (const unreadable of [trapsThrow(presentation as object), revoked(presentation as object)]) {
      expect(issuesOf(initialInteraction(unreadable as never, 'v_1'))).toEqual([{ path: ['presentation'], code: 'invalidType', params: UNREADABLE }]);
    }
  });

  it('interact: an event that cannot be read is ignored (invalidEvent), the state kept', () => {
    expect(state).not.toBeNull();
    for (const event of [trapsThrow({ type: 'show' }), revoked({ type: 'show' }), throwingAt({ type: 'show' }, 'type')]) {
      const result = interact(state as never, event as never);
      expect(result.state).toBe(state);
      expect(result.ignored?.reason).toBe('invalidEvent');
    }
  });

  it('metricEventOf: an effect that cannot be read is no metric event', () => {
    for (const effect of [trapsThrow({ type: 'countRead' }), revoked({}), throwingAt({ type: 'countRead', messageId: 'm', visitorId: 'v' }, 'messageId')]) expect(metricEventOf(effect as never)).toBeNull();
  });

  it('validateDetails: a capture list that cannot be read asks for nothing; details that cannot be read are blank', () => {
    expect(validateDetails(revoked(['name']) as never, { name: 'Ada' })).toEqual({ ok: true, details: {} });
    expect(validateDetails(trapsThrow(['name']) as never, { name: 'Ada' })).toEqual({ ok: true, details: {} });
    expect(validateDetails(['name', 'email'], throwingAt({ name: 'Ada', email: 'ada@example.com' }, 'email'))).toMatchObject({ ok: false, details: { name: 'Ada' }, fieldErrors: { email: { code: 'required' } } });
    expect(validateDetails(['name'], revoked({ name: 'Ada' }))).toMatchObject({ ok: false, fieldErrors: { name: { code: 'required' } } });
  });

  it('describeIssue: an issue that cannot be read is described as such', () => {
    for (const found of [trapsThrow({ path: [], code: 'required', params: {} }), revoked({}), throwingAt({ path: ['a'], code: 'required', params: {} }, 'path')]) {
      expect(describeIssue(found as never)).toBe('not an issue of this library');
    }
  });
});

describe('the json-rules-engine adapter on values it cannot read', () => {
  const at = (path: (string | number)[]) => ({ path, code: 'invalidType', params: UNREADABLE });

  it('createEngine: an item or a list that cannot be read is invalidType at its path; the others still checked', () => {
    expect(issuesOf(createEngine(throwingAt([message, { ...draft, id: '' }, draft], 0)))).toEqual([at([0]), { path: [1, 'id'], code: 'tooSmall', params: { minimum: 1, unit: 'characters' } }]);
    expect(issuesOf(createEngine(lengthThrows([message])))).toEqual([at(['messages'])]);
  });

  it('toJsonRulesEngineRule: an id or conditions that cannot be read is invalidType at it', () => {
    expect(issuesOf(toJsonRulesEngineRule(throwingAt(message, 'id')))).toEqual([at(['id'])]);
    expect(issuesOf(toJsonRulesEngineRule(throwingAt(message, 'conditions')))).toEqual([at(['conditions'])]);
    expect(issuesOf(toJsonRulesEngineRule(revoked(message)))).toEqual([at(['id']), at(['conditions'])]);
  });

  it('registerOperators and matchingMessageIds: an engine that cannot be read is invalidType at engine', async () => {
    const engine = createEngine([message]);
    expect(engine.ok).toBe(true);
    if (!engine.ok) return;
    for (const unreadable of [trapsThrow(engine.value), revoked(engine.value)]) {
      expect(issuesOf(registerOperators(unreadable))).toEqual([at(['engine'])]);
      expect(issuesOf(await matchingMessageIds(unreadable, visitor, NOW))).toEqual([at(['engine'])]);
    }
  });

  it('ownPropertyPathResolver: a value that cannot be read resolves nothing', () => {
    expect(ownPropertyPathResolver(trapsThrow({ plan: 'pro' }), 'plan')).toBeUndefined();
    expect(ownPropertyPathResolver(throwingAt({ plan: 'pro' }, 'plan'), 'plan')).toBeUndefined();
    expect(ownPropertyPathResolver(revoked({ plan: 'pro' }), 'plan')).toBeUndefined();
  });

  it('fromJsonRulesEngine: options that cannot be read are invalidType at their key', () => {
    const rule = { conditions: { all: [{ fact: 'url', operator: 'contains', value: '/pricing' }] }, event: { type: 'show' } };
    expect(fromJsonRulesEngine(rule, { facts: { url: 'pageUrl' } as const }).ok).toBe(true);
    expect(issuesOf(fromJsonRulesEngine(rule, throwingAt({ facts: { url: 'pageUrl' } as const }, 'facts')))).toEqual([at(['facts'])]);
    expect(issuesOf(fromJsonRulesEngine(rule, { facts: throwingAt({ url: 'pageUrl' } as const, 'url') }))).toEqual([at(['facts', 'url'])]);
    expect(issuesOf(fromJsonRulesEngine(rule, throwingAt({ channelType: 'webWidget' } as const, 'channelType')))).toEqual([at(['channelType'])]);
    expect(issuesOf(fromJsonRulesEngine(rule, revoked({})))).toEqual([at(['facts'])]);
  });
});

describe('a value that answers once and something else on a later read', () => {
  // The checkers read each field once; `evaluate` and `explain` read a delivery's `at` again for
  // the history's times (a cooldown, a cap). A getter that answers a timestamp to the check and
  // something else then is outside what the library promises to decide on, but it must not throw.
  const later: unknown[] = [{}, [], 42, -1, true, null, undefined, Symbol('later'), 'garbage'];
  const withAt = (value: unknown): Visitor => {
    const first = visitor.deliveries[0] as Visitor['deliveries'][number];
    let reads = 0;
    const delivery = Object.defineProperty({ ...first }, 'at', {
      enumerable: true,
      get() {
        reads += 1;
        return reads === 1 ? first.at : value;
      },
    });
    return { ...visitor, deliveries: [delivery] };
  };
  it('evaluate and explain: a delivery `at` that is no longer a timestamp when the history reads it', () => {
    const limited: Message = { ...message, maxDeliveries: 3, snoozeSeconds: 600 } as Message;
    for (const value of later) {
      for (const options of [undefined, { cooldownSeconds: 600 }]) {
        for (const list of [[message], [limited]]) {
          const d = evaluate(withAt(value), list, NOW, options);
          expect(d.invalidInput).toBeNull();
          expect(d.reevaluateAt === null || Number.isFinite(d.reevaluateAt)).toBe(true);
          expect(() => explain(withAt(value), list, NOW, options)).not.toThrow();
        }
      }
    }
  });
});

describe('arrays JSON cannot hold (an own toJSON, a subclass): refused by the checkers, so no cache key stringifies them', () => {
  const withToJson = <T extends unknown[]>(items: T): T => throwingAt(items, 'toJSON' as never);
  class Tags extends Array<string> {}
  const leaf = { fact: 'pageUrl', operator: 'containsAnyOf', value: ['/pricing'] };

  it('parseMessage reports them at their path; evaluate skips the message instead of throwing', () => {
    const json = (path: (string | number)[]) => ({ path, code: 'invalidType', params: UNREADABLE });
    const inTree = { ...message, conditions: { all: [{ ...leaf, value: withToJson(['/pricing']) }, leaf] } };
    const inSchedule = { ...message, sendWindow: { type: 'businessHours' as const, schedule: { timezone: 'UTC', weekly: withToJson([{ day: 'mon' as const, open: '09:00', close: '17:00' }]), holidays: [] } } };
    const inGroup = { ...message, conditions: { all: withToJson([leaf, leaf]) } };
    expect(issuesOf(parseMessage(inTree))).toEqual([json(['conditions', 'all', 0, 'value'])]);
    expect(issuesOf(parseMessage(inSchedule))).toEqual([json(['sendWindow', 'schedule', 'weekly'])]);
    expect(issuesOf(parseMessage(inGroup))).toEqual([json(['conditions', 'all'])]);
    expect(issuesOf(parseMessage({ ...message, tags: Tags.from(message.tags) }))).toEqual([json(['tags'])]);
    for (const m of [inTree, inSchedule, inGroup]) {
      const decision = evaluate(visitor, [m as Message, draft], NOW);
      expect(decision.invalid.map((entry) => entry.index)).toEqual([0]);
    }
  });
});
