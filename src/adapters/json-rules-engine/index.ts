/**
 * `proactive-messaging/json-rules-engine`: the same verdicts through json-rules-engine.
 *
 * Turns condition trees into json-rules-engine rules (values of case-insensitive facts
 * lower-cased, a root leaf wrapped in `all`), registers the library's operators on an `Engine`
 * — built from the library's one operator table, so their semantics cannot drift — and derives
 * the facts of a visitor at `now` with the library's own `readFacts`. Rule data never reaches
 * JSONPath: engines get a plain own-property `pathResolver`, and trees carry no `path` anyway.
 * json-rules-engine is an optional peer dependency of this entry only; the main entry never
 * imports it. Every function checks its input and returns a `Result`.
 * @module
 */
import { Engine, type EngineOptions, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import { issueAt, type Result } from '../../core/issues.js';
import { toInstant } from '../../core/instants.js';
import type { ConditionNode, Instant, Message, Visitor } from '../../core/types.js';
import { kindOf, RESERVED_KEYS } from '../../core/values.js';
import { BUILT_IN_FACTS, OPERATORS, type Operator } from '../../core/vocabulary.js';
import { runCheck } from '../../check/check.js';
import { conditionTreeCheck, factSignature } from '../../check/conditions.js';
import { readList, UNREADABLE, UNREADABLE_ITEM } from '../../check/list.js';
import { id } from '../../check/primitives.js';
import { visitorCheck } from '../../check/visitor.js';
import { readFacts, readMetadata, type FactValue } from '../../conditions/facts.js';
import { OPERATOR_TABLE, normalizeOperand } from '../../conditions/operators.js';
import { fail, ok } from '../../parse/parse.js';

/** A fact value json-rules-engine receives (missing facts are left out). */
export type JsonRulesEngineFacts = Record<string, Exclude<FactValue, undefined>>;

/** The event a message's rule emits on success. */
export const MESSAGE_EVENT_TYPE = 'proactiveMessage';

type JreNode = TopLevelCondition | { fact: string; operator: string; value: unknown };

/** A checked tree in json-rules-engine's shape; depth is bounded by the checker. Fresh objects and lists throughout. */
function convert(node: ConditionNode): JreNode {
  if ('all' in node) return { all: node.all.map(convert) } as JreNode;
  if ('any' in node) return { any: node.any.map(convert) } as JreNode;
  if ('not' in node) return { not: convert(node.not) } as JreNode;
  const kind = factSignature(node.fact)?.kind ?? 'scalar';
  return { fact: node.fact, operator: node.operator, value: normalizeOperand(kind, node.value) };
}

/**
 * The json-rules-engine form of a condition tree: fresh objects (no list is shared with the
 * input). A root leaf is wrapped in `{ all: [leaf] }`; `null` (every visitor) is `{ all: [] }`,
 * which json-rules-engine evaluates as true. Fails with the tree checker's issues.
 * @example
 * ```ts
 * toJsonRulesEngineConditions({ fact: 'pageUrl', operator: 'startsWith', value: 'https://Shop.example' });
 * // { ok: true, value: { all: [{ fact: 'pageUrl', operator: 'startsWith', value: 'https://shop.example' }] } }
 * ```
 */
export function toJsonRulesEngineConditions(tree: ConditionNode | null): Result<TopLevelCondition> {
  if (tree === null) return ok({ all: [] });
  const checked = runCheck(conditionTreeCheck, tree, true);
  if (!checked.ok) return fail(checked.issues);
  const converted = convert(checked.value);
  return ok('fact' in checked.value ? ({ all: [converted] } as TopLevelCondition) : (converted as TopLevelCondition));
}

/**
 * A json-rules-engine rule for one message: named by the message id, emitting
 * `{ type: 'proactiveMessage', params: { messageId } }` when the conditions hold.
 * @example
 * ```ts
 * const rule = toJsonRulesEngineRule(message);
 * if (rule.ok) engine.addRule(rule.value);
 * ```
 */
export function toJsonRulesEngineRule(message: Pick<Message, 'id' | 'conditions'>): Result<RuleProperties> {
  const record = typeof message === 'object' && message !== null ? message : ({} as Partial<Message>);
  // Each key read inside a check: a getter or a Proxy trap that throws is `invalidType` (`json`) at it.
  const name = runCheck((m, ctx) => id((m as Partial<Message>).id, ctx), record, true, ['id']);
  let conditions: Result<TopLevelCondition> | undefined;
  try {
    conditions = toJsonRulesEngineConditions(record.conditions ?? null);
  } catch {
    conditions = fail([issueAt([], 'invalidType', UNREADABLE)]);
  }
  if (!name.ok || !conditions.ok) {
    const issues = [...(name.ok ? [] : name.issues), ...(conditions.ok ? [] : conditions.issues.map(({ message: _m, ...found }) => ({ ...found, path: ['conditions', ...found.path] })))];
    return fail(issues);
  }
  return ok({ name: name.value, conditions: conditions.value, event: { type: MESSAGE_EVENT_TYPE, params: { messageId: name.value } } });
}

/** Compiled operator tests by rule value: lists by identity (rules keep theirs), scalars by value. */
const byList = new WeakMap<object, (factValue: unknown) => boolean>();
const byScalar = new Map<string, (factValue: unknown) => boolean>();

function testFor(operator: Operator, value: unknown): (factValue: unknown) => boolean {
  const identity = (x: unknown): FactValue => x as FactValue;
  if (typeof value === 'object' && value !== null) {
    let hit = byList.get(value);
    if (hit === undefined) byList.set(value, (hit = OPERATOR_TABLE[operator].compile(value, identity)));
    return hit;
  }
  const key = `${operator}\u0000${typeof value}\u0000${String(value)}`;
  let hit = byScalar.get(key);
  if (hit === undefined) {
    if (byScalar.size >= 10_000) byScalar.clear();
    byScalar.set(key, (hit = OPERATOR_TABLE[operator].compile(value, identity)));
  }
  return hit;
}

/**
 * Registers the library's operators on an engine: every operator the table marks `custom`
 * (`containsAnyOf`, `doesNotContainAnyOf`, `startsWith`, `endsWith`, `matchesWildcard`, and the
 * four numeric operators without json-rules-engine's coercion of numeric strings). The ones it
 * marks `builtIn` (`equal`, `notEqual`, `in`, `notIn`) stay json-rules-engine's own: their
 * semantics are already the library's.
 * @example
 * ```ts
 * const engine = registerOperators(new Engine([], ENGINE_OPTIONS));
 * ```
 */
export function registerOperators(engine: Engine): Result<Engine> {
  try {
    if (typeof engine !== 'object' || engine === null || typeof (engine as Partial<Engine>).addOperator !== 'function') {
      return fail([issueAt(['engine'], 'invalidType', { expected: 'object', got: kindOf(engine) })]);
    }
    for (const name of OPERATORS) {
      if (OPERATOR_TABLE[name].jsonRulesEngine === 'custom') engine.addOperator(name, (factValue: unknown, ruleValue: unknown) => testFor(name, ruleValue)(factValue));
    }
  } catch {
    // An engine that cannot be read (a revoked Proxy, a trap that throws).
    return fail([issueAt(['engine'], 'invalidType', UNREADABLE)]);
  }
  return ok(engine);
}

/**
 * A `pathResolver` that reads one own property and nothing else — never JSONPath.
 * @example
 * ```ts
 * ownPropertyPathResolver({ plan: 'pro' }, 'plan');     // 'pro'
 * ownPropertyPathResolver({}, '$..constructor');        // undefined
 * ```
 */
export function ownPropertyPathResolver(value: object, path: string): unknown {
  if (typeof value !== 'object' || value === null || typeof path !== 'string' || RESERVED_KEYS.has(path)) return undefined;
  try {
    return Object.hasOwn(value, path) ? (value as Record<string, unknown>)[path] : undefined;
  } catch {
    // A value that cannot be read resolves nothing, like a missing one.
    return undefined;
  }
}

/** Options every engine for this library needs: undefined facts allowed, no JSONPath. */
export const ENGINE_OPTIONS: EngineOptions = {
  allowUndefinedFacts: true,
  pathResolver: ownPropertyPathResolver,
};

/**
 * A prepared engine: the library's options and operators, one rule per message. Fails with the
 * issues of messages whose rules cannot be built (paths start with the message's index).
 * @example
 * ```ts
 * const engine = createEngine(messages);
 * if (engine.ok) await engine.value.run(facts);
 * ```
 */
export function createEngine(messages: readonly Pick<Message, 'id' | 'conditions'>[] = []): Result<Engine> {
  const { items, issue } = readList(messages, ['messages']);
  if (issue !== null) return fail([issue]);
  const engine = registerOperators(new Engine([], ENGINE_OPTIONS));
  if (!engine.ok) return engine;
  const issues = [];
  for (const [index, message] of items.entries()) {
    if (message === UNREADABLE_ITEM) {
      issues.push(issueAt([index], 'invalidType', UNREADABLE));
      continue;
    }
    const rule = toJsonRulesEngineRule(message as Pick<Message, 'id' | 'conditions'>);
    if (rule.ok) engine.value.addRule(rule.value);
    else issues.push(...rule.issues.map(({ message: _m, ...found }) => ({ ...found, path: [index, ...found.path] })));
  }
  return issues.length > 0 ? fail(issues) : engine;
}

/**
 * The facts of `visitor` at `now` for `engine.run`, derived by the library's `readFacts` (so the
 * values are exactly those the compiled evaluator sees). Missing facts are left out; metadata
 * appears as `metadata.<key>` for own keys other than the reserved ones. The object has no
 * prototype, so json-rules-engine's `for…in` sees only these keys. Fails with the issues of a
 * visitor that does not parse or an invalid `now`.
 * @example
 * ```ts
 * jsonRulesEngineFacts(visitor, '2026-11-23T10:00:45Z');
 * // { ok: true, value: { pageUrl: 'https://shop.example/pricing', language: 'en', timeOnPage: 45, 'metadata.plan': 'trial', … } }
 * ```
 */
export function jsonRulesEngineFacts(visitor: Visitor, now: Instant): Result<JsonRulesEngineFacts> {
  const checked = runCheck(visitorCheck, visitor, true, ['visitor']);
  const at = toInstant(now);
  const issues = [...(checked.ok ? [] : checked.issues), ...(at === undefined ? [issueAt(['now'], 'invalidInstant', { got: kindOf(now) })] : [])];
  if (!checked.ok || at === undefined) return fail(issues);
  const facts = readFacts(checked.value, at);
  const out: JsonRulesEngineFacts = Object.create(null) as JsonRulesEngineFacts;
  for (const name of BUILT_IN_FACTS) {
    const value = facts[name];
    if (value !== undefined) out[name] = value;
  }
  if (facts.metadata !== undefined) {
    for (const key of Object.keys(facts.metadata)) {
      const value = readMetadata(facts.metadata, key);
      if (value !== undefined) out[`metadata.${key}`] = value;
    }
  }
  return ok(out);
}

/**
 * Ids of the messages whose conditions hold, in rule-result order, via `engine.run`.
 * @example
 * ```ts
 * const engine = createEngine(messages);
 * if (engine.ok) await matchingMessageIds(engine.value, visitor, now); // { ok: true, value: ['msg_pricing_help'] }
 * ```
 */
export async function matchingMessageIds(engine: Engine, visitor: Visitor, now: Instant): Promise<Result<string[]>> {
  const facts = jsonRulesEngineFacts(visitor, now);
  if (!facts.ok) return facts;
  let runs: boolean;
  try {
    runs = typeof engine === 'object' && engine !== null && typeof (engine as Partial<Engine>).run === 'function';
  } catch {
    return fail([issueAt(['engine'], 'invalidType', UNREADABLE)]);
  }
  if (!runs) return fail([issueAt(['engine'], 'invalidType', { expected: 'object', got: kindOf(engine) })]);
  const { events } = await engine.run(facts.value);
  return ok(
    events.flatMap((event) => {
      const messageId: unknown = event.params?.messageId;
      return event.type === MESSAGE_EVENT_TYPE && typeof messageId === 'string' ? [messageId] : [];
    }),
  );
}

export { fromJsonRulesEngine, type FromJsonRulesEngineOptions } from './from.js';
export { JSON_RULES_ENGINE_FEATURES, type JsonRulesEngineFeature } from '../../core/vocabulary.js';
