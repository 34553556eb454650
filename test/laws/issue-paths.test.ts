/**
 * One path convention: a function of several arguments names the argument first — `visitor`,
 * `messages`, `schedule`, `now`, `messageId` — whichever function reports it. (The life cycle's
 * `action(message, { …options })` is the documented exception: paths into the message, options
 * by their key; see docs/lifecycle.md.)
 */
import { describe, expect, it } from 'vitest';
import { compactDeliveries, evaluate, isOpen, markDelivery, recordDelivery, type Message, type Visitor } from '../../src/index.js';
import { jsonRulesEngineFacts } from '../../src/adapters/json-rules-engine/index.js';
import { fresh, SPEC_MESSAGE_JSON, SPEC_VISITOR_JSON } from '../parse/fixtures.js';

const message = fresh<Message>(SPEC_MESSAGE_JSON);
const visitor = fresh<Visitor>(SPEC_VISITOR_JSON);
const NOW = '2026-11-23T10:00:30Z';
/** A visitor whose page has no `url`: `required` at `['page', 'url']` inside the visitor. */
const broken = { ...visitor, page: { ...visitor.page, url: undefined } } as unknown as Visitor;

function paths(result: { readonly ok: boolean; readonly issues?: readonly { readonly path: readonly (string | number)[] }[] }): unknown[] {
  expect(result.ok).toBe(false);
  return (result.issues ?? []).map((found) => found.path);
}

describe('a multi-argument function names the argument first', () => {
  it('the visitor: evaluate, jsonRulesEngineFacts and the delivery history all report ["visitor", …]', () => {
    expect(evaluate(broken, [message], NOW).invalidInput?.path).toEqual(['visitor', 'page', 'url']);
    expect(paths(jsonRulesEngineFacts(broken, NOW))).toEqual([['visitor', 'page', 'url']]);
    expect(paths(recordDelivery(broken, 'msg_pricing_help', NOW))).toEqual([['visitor', 'page', 'url']]);
    expect(paths(markDelivery(broken, 'msg_pricing_help', 'dismissed'))).toEqual([['visitor', 'page', 'url']]);
    expect(paths(compactDeliveries(broken, [message], NOW))).toEqual([['visitor', 'page', 'url']]);
  });

  it('the other arguments by their names', () => {
    expect(paths(recordDelivery(visitor, '', 'yesterday'))).toEqual([['messageId'], ['now']]);
    expect(paths(markDelivery(visitor, 'msg_pricing_help', 'gone' as never))).toEqual([['outcome']]);
    expect(paths(compactDeliveries(visitor, {} as never, 'yesterday'))).toEqual([['now'], ['messages']]);
    expect(paths(isOpen({ timezone: 'Nowhere/City', weekly: [], holidays: [] }, 'yesterday'))).toEqual([['schedule', 'timezone'], ['now']]);
  });
});
