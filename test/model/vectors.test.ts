/**
 * One named bad input per rule, with the issue code and path it must produce.
 * Every code in PARSE_ISSUE_CODES (plus `invalidTimeZone`) must appear here.
 */
import { describe, expect, it } from 'vitest';
import { PARSE_ISSUE_CODES } from '../../src/model/codes.js';
import { parseMessage, parseMessages, parseSchedule, parseVisitor, parseWorkspace } from '../../src/model/parse.js';
import type { Issue, IssueCode } from '../../src/index.js';
import { SPEC_MESSAGE_JSON, SPEC_VISITOR_JSON, SPEC_WORKSPACE_JSON, fresh } from './fixtures.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test fixtures are edited freely

function message(edit: (m: Json) => void): Json {
  const m = fresh<Json>(SPEC_MESSAGE_JSON);
  edit(m);
  return m;
}
function visitor(edit: (v: Json) => void): Json {
  const v = fresh<Json>(SPEC_VISITOR_JSON);
  edit(v);
  return v;
}
function workspace(edit: (w: Json) => void): Json {
  const w = fresh<Json>(SPEC_WORKSPACE_JSON);
  edit(w);
  return w;
}
const leaf = (value = '/a') => ({ fact: 'pageUrl', operator: 'startsWith', value });
const threeLeaves = () => [leaf('/a'), leaf('/b'), leaf('/c')];
function nots(levels: number): Json {
  let node: Json = leaf();
  for (let i = 0; i < levels; i += 1) node = { not: node };
  return node;
}

type Parser = 'message' | 'messages' | 'visitor' | 'workspace' | 'schedule';
interface Vector {
  readonly name: string;
  readonly parser?: Parser;
  readonly input: unknown;
  readonly code: IssueCode;
  readonly path: readonly (string | number)[];
}

const vectors: Vector[] = [
  // invalidType
  { name: 'message is not an object', input: 'hello', code: 'invalidType', path: [] },
  { name: 'name is a number', input: message((m) => (m.name = 42)), code: 'invalidType', path: ['name'] },
  { name: 'priority is not an integer', input: message((m) => (m.priority = 1.5)), code: 'invalidType', path: ['priority'] },
  { name: 'metadata value is an object', parser: 'visitor', input: visitor((v) => (v.metadata.plan = { tier: 1 })), code: 'invalidType', path: ['metadata', 'plan'] },
  { name: 'leaf value is an object', input: message((m) => (m.conditions.all[0].value = { a: 1 })), code: 'invalidType', path: ['conditions', 'all', 0, 'value'] },
  { name: 'message list is not an array', parser: 'messages', input: { id: 'x' }, code: 'invalidType', path: [] },
  // required
  { name: 'name is missing', input: message((m) => delete m.name), code: 'required', path: ['name'] },
  { name: 'response type is missing', input: message((m) => delete m.response.type), code: 'required', path: ['response', 'type'] },
  { name: 'paused without pauseReason', input: message((m) => (m.status = 'paused')), code: 'required', path: ['pauseReason'] },
  { name: 'leaf without operator', input: message((m) => delete m.conditions.all[0].operator), code: 'required', path: ['conditions', 'all', 0, 'operator'] },
  // unknownKey
  { name: 'unknown top-level key', input: message((m) => (m.color = 'red')), code: 'unknownKey', path: ['color'] },
  { name: 'json-rules-engine path on a leaf', input: message((m) => (m.conditions.all[0].path = '$.x')), code: 'unknownKey', path: ['conditions', 'all', 0, 'path'] },
  { name: 'json-rules-engine params on a leaf', input: message((m) => (m.conditions.all[0].params = {})), code: 'unknownKey', path: ['conditions', 'all', 0, 'params'] },
  { name: 'name on a group', input: message((m) => (m.conditions.name = 'rule')), code: 'unknownKey', path: ['conditions', 'name'] },
  { name: 'group with both all and any', input: message((m) => (m.conditions.any = threeLeaves())), code: 'unknownKey', path: ['conditions', 'any'] },
  { name: 'unknown key in a visitor page', parser: 'visitor', input: visitor((v) => (v.page.hash = '#x')), code: 'unknownKey', path: ['page', 'hash'] },
  // reservedKey
  { name: '__proto__ key from JSON.parse', input: JSON.parse(SPEC_MESSAGE_JSON.replace('"id":', '"__proto__": {"polluted": true}, "id":')), code: 'reservedKey', path: ['__proto__'] },
  { name: 'constructor key in metadata', parser: 'visitor', input: visitor((v) => (v.metadata = JSON.parse('{"constructor": "x"}'))), code: 'reservedKey', path: ['metadata', 'constructor'] },
  { name: 'prototype key in a leaf', input: message((m) => (m.conditions.all[0].prototype = 1)), code: 'reservedKey', path: ['conditions', 'all', 0, 'prototype'] },
  // invalidEnum
  { name: 'unknown status', input: message((m) => (m.status = 'archived')), code: 'invalidEnum', path: ['status'] },
  { name: 'unknown response type', input: message((m) => (m.response.type = 'bot')), code: 'invalidEnum', path: ['response', 'type'] },
  { name: 'unknown trigger event', input: message((m) => (m.trigger = { event: 'scroll' })), code: 'invalidEnum', path: ['trigger', 'event'] },
  { name: 'unknown capture field', input: message((m) => (m.response.capture = ['phone'])), code: 'invalidEnum', path: ['response', 'capture', 0] },
  { name: 'unknown device type', parser: 'visitor', input: visitor((v) => (v.deviceType = 'watch')), code: 'invalidEnum', path: ['deviceType'] },
  { name: 'unknown channel type', parser: 'workspace', input: workspace((w) => (w.channels[0].type = 'email')), code: 'invalidEnum', path: ['channels', 0, 'type'] },
  // invalidFormat
  { name: 'open at 25:00', input: message((m) => (m.sendWindow.schedule.weekly[0].open = '25:00')), code: 'invalidFormat', path: ['sendWindow', 'schedule', 'weekly', 0, 'open'] },
  { name: 'close at 24:30', parser: 'schedule', input: { timezone: 'UTC', weekly: [{ day: 'mon', open: '09:00', close: '24:30' }] }, code: 'invalidFormat', path: ['weekly', 0, 'close'] },
  { name: 'holiday on 30 February', input: message((m) => (m.sendWindow.schedule.holidays[0].start = '2026-02-30')), code: 'invalidFormat', path: ['sendWindow', 'schedule', 'holidays', 0, 'start'] },
  { name: 'tag with a comma', input: message((m) => (m.tags = ['a,b'])), code: 'invalidFormat', path: ['tags', 0] },
  { name: 'language is not a language tag', parser: 'visitor', input: visitor((v) => (v.language = 'english!')), code: 'invalidFormat', path: ['language'] },
  // invalidTimestamp
  { name: 'timestamp without offset', input: message((m) => (m.createdAt = '2026-11-01T09:00:00')), code: 'invalidTimestamp', path: ['createdAt'] },
  { name: 'timestamp with a space', input: message((m) => (m.updatedAt = '2026-11-20 12:00:00Z')), code: 'invalidTimestamp', path: ['updatedAt'] },
  { name: 'timestamp on 31 April', parser: 'visitor', input: visitor((v) => (v.page.enteredAt = '2026-04-31T10:00:00Z')), code: 'invalidTimestamp', path: ['page', 'enteredAt'] },
  // invalidRange
  { name: 'holiday ends before it starts', input: message((m) => (m.sendWindow.schedule.holidays[0].end = '2026-12-01')), code: 'invalidRange', path: ['sendWindow', 'schedule', 'holidays', 0, 'end'] },
  // outOfRange
  { name: 'negative trigger seconds', input: message((m) => (m.trigger.seconds = -1)), code: 'outOfRange', path: ['trigger', 'seconds'] },
  { name: 'trigger seconds above a day', input: message((m) => (m.trigger.seconds = 86_401)), code: 'outOfRange', path: ['trigger', 'seconds'] },
  { name: 'priority above the limit', input: message((m) => (m.priority = 2_000_000)), code: 'outOfRange', path: ['priority'] },
  { name: 'negative metric', input: message((m) => (m.metrics.sent = -1)), code: 'outOfRange', path: ['metrics', 'sent'] },
  { name: 'visit number 0', parser: 'visitor', input: visitor((v) => (v.visit.number = 0)), code: 'outOfRange', path: ['visit', 'number'] },
  // tooShort
  { name: 'empty name', input: message((m) => (m.name = '')), code: 'tooShort', path: ['name'] },
  { name: 'empty errorReasons', input: message((m) => { m.status = 'error'; m.errorReasons = []; }), code: 'tooShort', path: ['errorReasons'] },
  { name: 'blank tag', input: message((m) => (m.tags = ['   '])), code: 'tooShort', path: ['tags', 0] },
  { name: 'empty fact', input: message((m) => (m.conditions.all[0].fact = '')), code: 'tooShort', path: ['conditions', 'all', 0, 'fact'] },
  // tooLong
  { name: 'name of 201 characters', input: message((m) => (m.name = 'n'.repeat(201))), code: 'tooLong', path: ['name'] },
  { name: 'tag of 81 characters', input: message((m) => (m.tags = ['t'.repeat(81)])), code: 'tooLong', path: ['tags', 0] },
  { name: 'metadata key of 101 characters', parser: 'visitor', input: visitor((v) => (v.metadata = { ['k'.repeat(101)]: 1 })), code: 'tooLong', path: ['metadata', 'k'.repeat(101)] },
  { name: 'string beyond the safety cap', input: message((m) => (m.name = 'x'.repeat(100_001))), code: 'tooLong', path: ['name'] },
  // tooMany
  { name: '51 tags', input: message((m) => (m.tags = Array.from({ length: 51 }, (_, i) => `t${i}`))), code: 'tooMany', path: ['tags'] },
  { name: '51 metadata keys', parser: 'visitor', input: visitor((v) => (v.metadata = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i])))), code: 'tooMany', path: ['metadata'] },
  { name: '101 values in a leaf', input: message((m) => (m.conditions.all[0].value = Array.from({ length: 101 }, (_, i) => `/p${i}`))), code: 'tooMany', path: ['conditions', 'all', 0, 'value'] },
  { name: 'array beyond the safety cap', input: message((m) => (m.tags = new Array(10_001).fill('t'))), code: 'tooMany', path: ['tags'] },
  // tooDeep
  { name: 'condition tree of 11 levels', input: message((m) => (m.conditions = nots(10))), code: 'tooDeep', path: ['conditions', ...Array<string>(10).fill('not')] },
  { name: 'document deeper than the safety cap', input: message((m) => (m.conditions = nots(40))), code: 'tooDeep', path: ['conditions', ...Array<string>(30).fill('not')] },
  // tooManyLeaves
  { name: '51 leaves', input: message((m) => (m.conditions = { any: Array.from({ length: 51 }, (_, i) => leaf(`/p${i}`)) })), code: 'tooManyLeaves', path: ['conditions'] },
  // emptyGroup
  { name: 'empty all', input: message((m) => (m.conditions = { all: [] })), code: 'emptyGroup', path: ['conditions', 'all'] },
  { name: 'empty any inside all', input: message((m) => (m.conditions = { all: [...threeLeaves(), { any: [] }] })), code: 'emptyGroup', path: ['conditions', 'all', 3, 'any'] },
  // nestingNotAllowed
  { name: 'two leaves with a group in a group', input: message((m) => (m.conditions = { all: [leaf(), { any: [leaf('/b')] }] })), code: 'nestingNotAllowed', path: ['conditions', 'all', 1] },
  { name: 'one leaf nested through not', input: message((m) => (m.conditions = { any: [{ not: { all: [leaf()] } }] })), code: 'nestingNotAllowed', path: ['conditions', 'any', 0, 'not'] },
  // emojiNotAllowed
  { name: 'emoji in agent text', input: message((m) => (m.response.text = 'Hi 👋 there')), code: 'emojiNotAllowed', path: ['response', 'text'] },
  { name: 'emoji in agent follow-up', input: message((m) => (m.response.followUp = 'Thanks ❤️')), code: 'emojiNotAllowed', path: ['response', 'followUp'] },
  // duplicateValue
  { name: 'capture asks for email twice', input: message((m) => (m.response.capture = ['email', 'email'])), code: 'duplicateValue', path: ['response', 'capture', 1] },
  { name: 'error reason listed twice', input: message((m) => { m.status = 'error'; m.errorReasons = ['channelDeleted', 'channelDeleted']; }), code: 'duplicateValue', path: ['errorReasons', 1] },
  { name: 'two channels with one id', parser: 'workspace', input: workspace((w) => w.channels.push({ ...w.channels[0] })), code: 'duplicateValue', path: ['channels', 1, 'id'] },
  { name: 'two messages with one id', parser: 'messages', input: [message(() => {}), message((m) => (m.name = 'copy'))], code: 'duplicateValue', path: [1, 'id'] },
  // statusFieldMismatch
  { name: 'pauseReason on a live message', input: message((m) => (m.pauseReason = 'manual')), code: 'statusFieldMismatch', path: ['pauseReason'] },
  { name: 'errorReasons on a paused message', input: message((m) => { m.status = 'paused'; m.pauseReason = 'manual'; m.errorReasons = ['channelDeleted']; }), code: 'statusFieldMismatch', path: ['errorReasons'] },
  { name: 'live message without a channel', input: message((m) => (m.channelId = null)), code: 'statusFieldMismatch', path: ['channelId'] },
  { name: 'draft with publishedAt', input: message((m) => { m.status = 'draft'; m.publishedAt = '2026-11-02T09:00:00Z'; }), code: 'statusFieldMismatch', path: ['publishedAt'] },
  // tooManyMessages
  { name: '141 messages', parser: 'messages', input: Array.from({ length: 141 }, (_, i) => message((m) => (m.id = `m${i}`))), code: 'tooManyMessages', path: [] },
  // invalidTimeZone (code owned by the schedule module, reported by the parser)
  { name: 'unknown time zone', parser: 'schedule', input: { timezone: 'Mars/Olympus', weekly: [] }, code: 'invalidTimeZone', path: ['timezone'] },
];

function issuesOf(parser: Parser, input: unknown): readonly Issue[] {
  switch (parser) {
    case 'message': { const r = parseMessage(input); return r.ok ? [] : r.issues; }
    case 'messages': return parseMessages(input).issues;
    case 'visitor': { const r = parseVisitor(input); return r.ok ? [] : r.issues; }
    case 'workspace': { const r = parseWorkspace(input); return r.ok ? [] : r.issues; }
    case 'schedule': { const r = parseSchedule(input); return r.ok ? [] : r.issues; }
  }
}

describe('issue vectors', () => {
  it.each(vectors)('$name → $code', ({ parser = 'message', input, code, path }) => {
    const issues = issuesOf(parser, input);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code, path });
    expect(issues[0]?.message.length).toBeGreaterThan(10);
  });

  it('covers every parse issue code', () => {
    const covered = new Set(vectors.map((vector) => vector.code));
    for (const code of [...PARSE_ISSUE_CODES, 'invalidTimeZone'] as const) expect(covered, code).toContain(code);
  });
});
