/**
 * One named bad input per rule, with the issue code, path and parameters it must produce — the
 * readable spec of the checkers. Every code the parsers can report appears here. Each message
 * vector is also a parse ⇔ evaluate check: `evaluate` skips the message with the very issue
 * `parseMessage` reports (one checker, two modes).
 */
import { describe, expect, it } from 'vitest';
import { parseMessage, parseMessages, parseSchedule, parseVisitor, parseWorkspace } from '../../src/parse/parse.js';
import { evaluate, type Issue, type IssueCode, type Visitor } from '../../src/index.js';
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
  /** Parameters the issue must have (checked by hand against the rule). */
  readonly params?: Readonly<Record<string, unknown>>;
}

const vectors: Vector[] = [
  // invalidType
  { name: 'message is not an object', input: 'hello', code: 'invalidType', path: [], params: { expected: 'object', got: 'string' } },
  { name: 'name is a number', input: message((m) => (m.name = 42)), code: 'invalidType', path: ['name'], params: { expected: 'string', got: 'number' } },
  { name: 'priority is not an integer', input: message((m) => (m.priority = 1.5)), code: 'invalidType', path: ['priority'], params: { expected: 'integer', got: 'number' } },
  { name: 'metadata value is an object', parser: 'visitor', input: visitor((v) => (v.metadata.plan = { tier: 1 })), code: 'invalidType', path: ['metadata', 'plan'], params: { expected: 'scalar', got: 'object' } },
  { name: 'leaf value is an object', input: message((m) => (m.conditions.all[0].value = { a: 1 })), code: 'invalidType', path: ['conditions', 'all', 0, 'value'], params: { expected: 'array', got: 'object' } },
  { name: 'message list is not an array', parser: 'messages', input: { id: 'x' }, code: 'invalidType', path: [], params: { expected: 'array', got: 'object' } },
  { name: 'message list is an array-like with a huge length', parser: 'messages', input: { length: 22_567_486.5 }, code: 'invalidType', path: [], params: { expected: 'array', got: 'object' } },
  { name: 'a leaf value is NaN', input: message((m) => (m.conditions = { fact: 'pageViews', operator: 'greaterThan', value: Number.NaN })), code: 'invalidType', path: ['conditions', 'value'], params: { expected: 'number', got: 'nonFiniteNumber' } },
  { name: 'a schedule is not an object', parser: 'schedule', input: [], code: 'invalidType', path: [], params: { expected: 'object', got: 'array' } },
  // required
  { name: 'name is missing', input: message((m) => delete m.name), code: 'required', path: ['name'] },
  { name: 'response type is missing', input: message((m) => delete m.response.type), code: 'required', path: ['response', 'type'] },
  { name: 'paused without pauseReason', input: message((m) => (m.status = 'paused')), code: 'required', path: ['pauseReason'] },
  { name: 'leaf without operator', input: message((m) => delete m.conditions.all[0].operator), code: 'required', path: ['conditions', 'all', 0, 'operator'] },
  { name: 'a hole in the tag list', input: message((m) => (m.tags = [, 'proactive'])), code: 'required', path: ['tags', 0] }, // eslint-disable-line no-sparse-arrays -- the hole is the point
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
  { name: 'a reserved metadata fact', input: message((m) => (m.conditions.all[0] = { fact: 'metadata.__proto__', operator: 'equal', value: 1 })), code: 'reservedKey', path: ['conditions', 'all', 0, 'fact'] },
  // invalidValue
  { name: 'unknown status', input: message((m) => (m.status = 'archived')), code: 'invalidValue', path: ['status'], params: { allowed: ['draft', 'live', 'paused', 'error'] } },
  { name: 'unknown response type', input: message((m) => (m.response.type = 'bot')), code: 'invalidValue', path: ['response', 'type'], params: { allowed: ['agent', 'aiAgent'] } },
  { name: 'unknown trigger event', input: message((m) => (m.trigger = { event: 'scroll' })), code: 'invalidValue', path: ['trigger', 'event'], params: { allowed: ['pageLoad', 'timeOnPage'] } },
  { name: 'unknown capture field', input: message((m) => (m.response.capture = ['phone'])), code: 'invalidValue', path: ['response', 'capture', 0], params: { allowed: ['name', 'email'] } },
  { name: 'unknown device type', parser: 'visitor', input: visitor((v) => (v.deviceType = 'watch')), code: 'invalidValue', path: ['deviceType'], params: { allowed: ['desktop', 'mobile', 'tablet'] } },
  { name: 'unknown channel type', parser: 'workspace', input: workspace((w) => (w.channels[0].type = 'email')), code: 'invalidValue', path: ['channels', 0, 'type'] },
  { name: 'unknown weekday', parser: 'schedule', input: { timezone: 'UTC', weekly: [{ day: 'monday', open: '09:00', close: '17:00' }] }, code: 'invalidValue', path: ['weekly', 0, 'day'] },
  { name: 'unknown fact', input: message((m) => (m.conditions.all[0].fact = 'shoeSize')), code: 'invalidValue', path: ['conditions', 'all', 0, 'fact'] },
  { name: 'unknown operator', input: message((m) => (m.conditions.all[0].operator = 'like')), code: 'invalidValue', path: ['conditions', 'all', 0, 'operator'] },
  { name: 'operator the fact does not allow', input: message((m) => (m.conditions.all[0] = { fact: 'pageUrl', operator: 'lessThan', value: 3 })), code: 'invalidValue', path: ['conditions', 'all', 0, 'operator'], params: { allowed: ['equal', 'notEqual', 'in', 'notIn', 'containsAnyOf', 'doesNotContainAnyOf', 'startsWith', 'endsWith', 'matchesWildcard'] } },
  { name: 'a value outside an enum fact', input: message((m) => (m.conditions.all[1].any[1].value = 'regular')), code: 'invalidValue', path: ['conditions', 'all', 1, 'any', 1, 'value'], params: { allowed: ['new', 'returning'] } },
  // invalidFormat
  { name: 'open at 25:00', input: message((m) => (m.sendWindow.schedule.weekly[0].open = '25:00')), code: 'invalidFormat', path: ['sendWindow', 'schedule', 'weekly', 0, 'open'], params: { format: 'openingTime' } },
  { name: 'open at 24:00', input: message((m) => (m.sendWindow.schedule.weekly[0].open = '24:00')), code: 'invalidFormat', path: ['sendWindow', 'schedule', 'weekly', 0, 'open'], params: { format: 'openingTime' } },
  { name: 'close at 24:30', parser: 'schedule', input: { timezone: 'UTC', weekly: [{ day: 'mon', open: '09:00', close: '24:30' }] }, code: 'invalidFormat', path: ['weekly', 0, 'close'], params: { format: 'time' } },
  { name: 'holiday on 30 February', input: message((m) => (m.sendWindow.schedule.holidays[0].start = '2026-02-30')), code: 'invalidFormat', path: ['sendWindow', 'schedule', 'holidays', 0, 'start'], params: { format: 'date' } },
  { name: 'holiday in year 0999', input: message((m) => (m.sendWindow.schedule.holidays[0].start = '0999-12-24')), code: 'invalidFormat', path: ['sendWindow', 'schedule', 'holidays', 0, 'start'], params: { format: 'date' } },
  { name: 'tag with a comma', input: message((m) => (m.tags = ['a,b'])), code: 'invalidFormat', path: ['tags', 0], params: { format: 'tag' } },
  { name: 'language is not a language tag', parser: 'visitor', input: visitor((v) => (v.language = 'english!')), code: 'invalidFormat', path: ['language'], params: { format: 'language' } },
  { name: 'a region in a language condition', input: message((m) => (m.conditions.all[1].any[0].value = ['en-US'])), code: 'invalidFormat', path: ['conditions', 'all', 1, 'any', 0, 'value', 0], params: { format: 'languageSubtag' } },
  { name: 'unknown time zone', parser: 'schedule', input: { timezone: 'Mars/Olympus', weekly: [] }, code: 'invalidFormat', path: ['timezone'], params: { format: 'timeZone' } },
  { name: 'timestamp without offset', input: message((m) => (m.createdAt = '2026-11-01T09:00:00')), code: 'invalidFormat', path: ['createdAt'], params: { format: 'timestamp' } },
  { name: 'timestamp with a space', input: message((m) => (m.updatedAt = '2026-11-20 12:00:00Z')), code: 'invalidFormat', path: ['updatedAt'], params: { format: 'timestamp' } },
  { name: 'timestamp on 31 April', parser: 'visitor', input: visitor((v) => (v.page.enteredAt = '2026-04-31T10:00:00Z')), code: 'invalidFormat', path: ['page', 'enteredAt'], params: { format: 'timestamp' } },
  { name: 'timestamp without seconds', input: message((m) => (m.createdAt = '2026-11-01T09:00Z')), code: 'invalidFormat', path: ['createdAt'], params: { format: 'timestamp' } },
  { name: 'timestamp in year 275760', input: message((m) => (m.updatedAt = '+275760-09-13T00:00:00.000Z')), code: 'invalidFormat', path: ['updatedAt'], params: { format: 'timestamp' } },
  // invalidRange
  { name: 'holiday ends before it starts', input: message((m) => (m.sendWindow.schedule.holidays[0].end = '2026-12-01')), code: 'invalidRange', path: ['sendWindow', 'schedule', 'holidays', 0, 'end'] },
  // tooSmall
  { name: 'negative trigger seconds', input: message((m) => (m.trigger.seconds = -1)), code: 'tooSmall', path: ['trigger', 'seconds'], params: { minimum: 0, unit: 'value' } },
  { name: 'negative metric', input: message((m) => (m.metrics.sent = -1)), code: 'tooSmall', path: ['metrics', 'sent'], params: { minimum: 0, unit: 'value' } },
  { name: 'visit number 0', parser: 'visitor', input: visitor((v) => (v.visit.number = 0)), code: 'tooSmall', path: ['visit', 'number'], params: { minimum: 1, unit: 'value' } },
  { name: 'empty name', input: message((m) => (m.name = '')), code: 'tooSmall', path: ['name'], params: { minimum: 1, unit: 'characters' } },
  { name: 'empty errorReasons', input: message((m) => { m.status = 'error'; m.errorReasons = []; }), code: 'tooSmall', path: ['errorReasons'], params: { minimum: 1, unit: 'items' } },
  { name: 'blank tag', input: message((m) => (m.tags = ['   '])), code: 'tooSmall', path: ['tags', 0], params: { minimum: 1, unit: 'characters' } },
  { name: 'empty fact', input: message((m) => (m.conditions.all[0].fact = '')), code: 'invalidValue', path: ['conditions', 'all', 0, 'fact'] },
  { name: 'empty all', input: message((m) => (m.conditions = { all: [] })), code: 'tooSmall', path: ['conditions', 'all'], params: { minimum: 1, unit: 'items' } },
  { name: 'empty any inside all', input: message((m) => (m.conditions = { all: [...threeLeaves(), { any: [] }] })), code: 'tooSmall', path: ['conditions', 'all', 3, 'any'], params: { minimum: 1, unit: 'items' } },
  { name: 'empty containsAnyOf list', input: message((m) => (m.conditions.all[0].value = [])), code: 'tooSmall', path: ['conditions', 'all', 0, 'value'], params: { minimum: 1, unit: 'items' } },
  { name: 'empty needle', input: message((m) => (m.conditions.all[0].value = [''])), code: 'tooSmall', path: ['conditions', 'all', 0, 'value', 0], params: { minimum: 1, unit: 'characters' } },
  // tooBig
  { name: 'trigger seconds above a day', input: message((m) => (m.trigger.seconds = 86_401)), code: 'tooBig', path: ['trigger', 'seconds'], params: { maximum: 86_400, unit: 'value' } },
  { name: 'priority above the limit', input: message((m) => (m.priority = 2_000_000)), code: 'tooBig', path: ['priority'], params: { maximum: 1_000_000, unit: 'value' } },
  { name: 'name of 201 characters', input: message((m) => (m.name = 'n'.repeat(201))), code: 'tooBig', path: ['name'], params: { maximum: 200, unit: 'characters' } },
  { name: 'a 100,001-character name', input: message((m) => (m.name = 'x'.repeat(100_001))), code: 'tooBig', path: ['name'], params: { maximum: 200, unit: 'characters' } },
  { name: 'tag of 81 characters', input: message((m) => (m.tags = ['t'.repeat(81)])), code: 'tooBig', path: ['tags', 0], params: { maximum: 80, unit: 'characters' } },
  { name: 'metadata key of 101 characters', parser: 'visitor', input: visitor((v) => (v.metadata = { ['k'.repeat(101)]: 1 })), code: 'tooBig', path: ['metadata', 'k'.repeat(101)], params: { maximum: 100, unit: 'characters' } },
  { name: 'a 1,001-character leaf value', input: message((m) => (m.conditions.all[0].value = ['p'.repeat(1001)])), code: 'tooBig', path: ['conditions', 'all', 0, 'value', 0], params: { maximum: 1000, unit: 'characters' } },
  { name: '51 tags', input: message((m) => (m.tags = Array.from({ length: 51 }, (_, i) => `t${i}`))), code: 'tooBig', path: ['tags'], params: { maximum: 50, unit: 'items' } },
  { name: '10,001 tags', input: message((m) => (m.tags = new Array(10_001).fill('t'))), code: 'tooBig', path: ['tags'], params: { maximum: 50, unit: 'items' } },
  { name: '51 metadata keys', parser: 'visitor', input: visitor((v) => (v.metadata = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i])))), code: 'tooBig', path: ['metadata'], params: { maximum: 50, unit: 'keys' } },
  { name: '101 values in a leaf', input: message((m) => (m.conditions.all[0].value = Array.from({ length: 101 }, (_, i) => `/p${i}`))), code: 'tooBig', path: ['conditions', 'all', 0, 'value'], params: { maximum: 100, unit: 'items' } },
  { name: '71 weekly intervals', input: message((m) => (m.sendWindow.schedule.weekly = Array.from({ length: 71 }, () => ({ day: 'mon', open: '09:00', close: '17:00' })))), code: 'tooBig', path: ['sendWindow', 'schedule', 'weekly'], params: { maximum: 70, unit: 'items' } },
  { name: '401 holidays', input: message((m) => (m.sendWindow.schedule.holidays = Array.from({ length: 401 }, () => ({ start: '2026-12-24', end: '2026-12-24' })))), code: 'tooBig', path: ['sendWindow', 'schedule', 'holidays'], params: { maximum: 400, unit: 'items' } },
  { name: '1,001 deliveries', parser: 'visitor', input: visitor((v) => (v.deliveries = Array.from({ length: 1001 }, () => v.deliveries[0]))), code: 'tooBig', path: ['deliveries'], params: { maximum: 1000, unit: 'items' } },
  { name: 'condition tree of 11 levels', input: message((m) => (m.conditions = nots(10))), code: 'tooBig', path: ['conditions', ...Array<string>(10).fill('not')], params: { maximum: 10, unit: 'levels' } },
  { name: 'a 100,000-deep condition tree', input: message((m) => (m.conditions = nots(100_000))), code: 'tooBig', path: ['conditions', ...Array<string>(10).fill('not')], params: { maximum: 10, unit: 'levels' } },
  { name: '51 leaves', input: message((m) => (m.conditions = { any: Array.from({ length: 51 }, (_, i) => leaf(`/p${i}`)) })), code: 'tooBig', path: ['conditions'], params: { maximum: 50, unit: 'leaves' } },
  { name: '201 nodes', input: message((m) => (m.conditions = { any: Array.from({ length: 40 }, () => nots(4)) })), code: 'tooBig', path: ['conditions'], params: { maximum: 200, unit: 'nodes' } },
  { name: 'a message list longer than the list bound', parser: 'messages', input: new Array(10_001).fill(null), code: 'tooBig', path: [], params: { maximum: 10_000, unit: 'messages' } },
  // nestingNotAllowed
  { name: 'two leaves with a group in a group', input: message((m) => (m.conditions = { all: [leaf(), { any: [leaf('/b')] }] })), code: 'nestingNotAllowed', path: ['conditions', 'all', 1], params: { leaves: 2, minimum: 3 } },
  { name: 'one leaf nested through not', input: message((m) => (m.conditions = { any: [{ not: { all: [leaf()] } }] })), code: 'nestingNotAllowed', path: ['conditions', 'any', 0, 'not'], params: { leaves: 1, minimum: 3 } },
  // emojiNotAllowed
  { name: 'emoji in agent text', input: message((m) => (m.response.text = 'Hi 👋 there')), code: 'emojiNotAllowed', path: ['response', 'text'], params: { emoji: '👋' } },
  { name: 'emoji in agent follow-up', input: message((m) => (m.response.followUp = 'Thanks ❤️')), code: 'emojiNotAllowed', path: ['response', 'followUp'], params: { emoji: '❤️' } },
  // duplicate
  { name: 'capture asks for email twice', input: message((m) => (m.response.capture = ['email', 'email'])), code: 'duplicate', path: ['response', 'capture', 1] },
  { name: 'error reason listed twice', input: message((m) => { m.status = 'error'; m.errorReasons = ['channelDeleted', 'channelDeleted']; }), code: 'duplicate', path: ['errorReasons', 1] },
  { name: 'two channels with one id', parser: 'workspace', input: workspace((w) => w.channels.push({ ...w.channels[0] })), code: 'duplicate', path: ['channels', 1, 'id'] },
  { name: 'two messages with one id', parser: 'messages', input: [message(() => {}), message((m) => (m.name = 'copy'))], code: 'duplicate', path: [1, 'id'] },
  // statusFieldMismatch
  { name: 'pauseReason on a live message', input: message((m) => (m.pauseReason = 'manual')), code: 'statusFieldMismatch', path: ['pauseReason'], params: { status: 'live' } },
  { name: 'errorReasons on a paused message', input: message((m) => { m.status = 'paused'; m.pauseReason = 'manual'; m.errorReasons = ['channelDeleted']; }), code: 'statusFieldMismatch', path: ['errorReasons'], params: { status: 'paused' } },
  { name: 'live message without a channel', input: message((m) => (m.channelId = null)), code: 'statusFieldMismatch', path: ['channelId'], params: { status: 'live' } },
  { name: 'draft with publishedAt', input: message((m) => { m.status = 'draft'; m.publishedAt = '2026-11-02T09:00:00Z'; }), code: 'statusFieldMismatch', path: ['publishedAt'], params: { status: 'draft' } },
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

/** The codes the parsers can report (the others belong to the life cycle and the dependency check). */
const PARSE_CODES: readonly IssueCode[] = [
  'invalidType', 'required', 'unknownKey', 'reservedKey', 'invalidValue', 'invalidFormat', 'tooSmall', 'tooBig',
  'duplicate', 'invalidRange', 'emojiNotAllowed', 'nestingNotAllowed', 'statusFieldMismatch',
];

const VISITOR = JSON.parse(SPEC_VISITOR_JSON) as Visitor;
const NOW = '2026-11-23T10:00:30Z';

describe('issue vectors', () => {
  it.each(vectors)('$name → $code', ({ parser = 'message', input, code, path, params }) => {
    const issues = issuesOf(parser, input);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code, path, ...(params === undefined ? {} : { params }) });
    expect(issues[0]?.message.length).toBeGreaterThan(10);
    // Bounded text, whatever the input: no message quotes more than a short excerpt.
    expect(issues[0]?.message.length).toBeLessThan(600);
  });

  it.each(vectors.filter((vector) => (vector.parser ?? 'message') === 'message'))('evaluate skips "$name" with the same first issue', ({ input }) => {
    const parsed = parseMessage(input);
    const decision = evaluate(VISITOR, [input as never], NOW);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const { message: _text, ...first } = parsed.issues[0] as Issue;
    expect(decision.invalid).toHaveLength(1);
    expect(decision.invalid[0]?.issue).toStrictEqual(first);
  });

  it('covers every code the parsers can report', () => {
    const covered = new Set(vectors.map((vector) => vector.code));
    for (const code of PARSE_CODES) expect(covered, code).toContain(code);
  });
});
