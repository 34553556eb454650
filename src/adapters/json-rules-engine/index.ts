/**
 * `proactive-messaging/json-rules-engine`: the same verdicts through json-rules-engine.
 *
 * Turns condition trees into json-rules-engine rules (values of case-insensitive facts
 * lower-cased, a root leaf wrapped in `all`), registers the library's operators on an
 * `Engine`, and derives the facts of a visitor at `now` with the library's own
 * {@link readFacts}. Rule data never reaches JSONPath: engines get a plain own-property
 * `pathResolver`, and trees carry no `path` anyway. json-rules-engine is an optional peer
 * dependency of this entry only; the main entry never imports it.
 * @module
 */
import { Engine, type EngineOptions, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import type { ConditionLeaf, ConditionNode, Instant, Message, Visitor } from '../../model/types.js';
import { toEpochMs } from '../../model/time.js';
import { FACT_CATALOG, isReservedMetadataKey } from '../../conditions/catalog.js';
import { readFacts, readMetadata, type FactValue } from '../../conditions/facts.js';
import { normalizeConditionValue, OPERATOR_FUNCTIONS, SHARED_BUILT_IN_OPERATORS } from '../../conditions/operators.js';
import { nodeKind } from '../../conditions/validate.js';
import type { BuiltInFact, Operator } from '../../model/types.js';

/** A fact value json-rules-engine receives (missing facts are left out). */
export type JsonRulesEngineFacts = Record<string, Exclude<FactValue, undefined>>;

/** The event a message's rule emits on success. */
export const MESSAGE_EVENT_TYPE = 'proactiveMessage';

type JreNode = TopLevelCondition | { fact: string; operator: string; value: unknown };

function convert(node: ConditionNode): JreNode {
  switch (nodeKind(node)) {
    case 'all':
      return { all: (node as { all: readonly ConditionNode[] }).all.map(convert) };
    case 'any':
      return { any: (node as { any: readonly ConditionNode[] }).any.map(convert) };
    case 'not':
      return { not: convert((node as { not: ConditionNode }).not) };
    default: {
      const leaf = node as ConditionLeaf;
      return { fact: leaf.fact, operator: leaf.operator, value: normalizeConditionValue(leaf.fact, leaf.value) };
    }
  }
}

/**
 * The json-rules-engine form of a condition tree (a fresh object; the input is not shared or
 * mutated). A root leaf is wrapped in `{ all: [leaf] }`; `null` (every visitor) is `{ all: [] }`,
 * which json-rules-engine evaluates as true. Pass a tree that parsed.
 * @example
 * ```ts
 * toJsonRulesEngineConditions({ fact: 'pageUrl', operator: 'startsWith', value: 'https://Shop.example' });
 * // { all: [{ fact: 'pageUrl', operator: 'startsWith', value: 'https://shop.example' }] }
 * ```
 */
export function toJsonRulesEngineConditions(tree: ConditionNode | null): TopLevelCondition {
  if (tree === null) return { all: [] };
  const converted = convert(tree);
  return nodeKind(tree) === 'leaf' ? { all: [converted as never] } : (converted as TopLevelCondition);
}

/**
 * A json-rules-engine rule for one message: named by the message id, emitting
 * `{ type: 'proactiveMessage', params: { messageId } }` when the conditions hold.
 * @example
 * ```ts
 * engine.addRule(toJsonRulesEngineRule(message));
 * ```
 */
export function toJsonRulesEngineRule(message: Pick<Message, 'id' | 'conditions'>): RuleProperties {
  return {
    name: message.id,
    conditions: toJsonRulesEngineConditions(message.conditions),
    event: { type: MESSAGE_EVENT_TYPE, params: { messageId: message.id } },
  };
}

/**
 * Registers the library's operators on an engine: `containsAnyOf`, `doesNotContainAnyOf`,
 * `startsWith`, `endsWith`, `matchesWildcard`, and the four numeric operators without the
 * built-ins' coercion of numeric strings. `equal`/`notEqual`/`in`/`notIn` stay built-in: their
 * semantics are already the library's. Returns the engine.
 * @example
 * ```ts
 * registerOperators(new Engine([], { allowUndefinedFacts: true }));
 * ```
 */
export function registerOperators(engine: Engine): Engine {
  for (const name of Object.keys(OPERATOR_FUNCTIONS) as Operator[]) {
    if (!SHARED_BUILT_IN_OPERATORS.includes(name)) engine.addOperator(name, OPERATOR_FUNCTIONS[name]);
  }
  return engine;
}

/**
 * A `pathResolver` that reads one own property and nothing else — never JSONPath.
 * @example
 * ```ts
 * ownPropertyPathResolver({ plan: 'pro' }, 'plan');      // 'pro'
 * ownPropertyPathResolver({}, '$..constructor');        // undefined
 * ```
 */
export function ownPropertyPathResolver(value: object, path: string): unknown {
  if (isReservedMetadataKey(path) || !Object.hasOwn(value, path)) return undefined;
  return (value as Record<string, unknown>)[path];
}

/** Options every engine for this library needs: undefined facts allowed, no JSONPath. */
export const ENGINE_OPTIONS: EngineOptions = {
  allowUndefinedFacts: true,
  pathResolver: ownPropertyPathResolver,
};

/**
 * A prepared engine: the library's options and operators, one rule per message.
 * @example
 * ```ts
 * const engine = createEngine(messages);
 * const { events } = await engine.run(jsonRulesEngineFacts(visitor, now));
 * ```
 */
export function createEngine(messages: readonly Pick<Message, 'id' | 'conditions'>[] = []): Engine {
  const engine = registerOperators(new Engine([], ENGINE_OPTIONS));
  for (const message of messages) engine.addRule(toJsonRulesEngineRule(message));
  return engine;
}

/**
 * The facts of `visitor` at `now` for `engine.run`, derived by the library's {@link readFacts}
 * (so the values are exactly those the compiled evaluator sees). Missing facts are left out;
 * metadata appears as `metadata.<key>` for own keys other than the reserved ones. The object
 * has no prototype, so json-rules-engine's `for…in` sees only these keys.
 * @example
 * ```ts
 * jsonRulesEngineFacts(visitor, now);
 * // { pageUrl: 'https://shop.example/pricing', language: 'en', timeOnPage: 45, 'metadata.plan': 'trial', … }
 * ```
 */
export function jsonRulesEngineFacts(visitor: Visitor, now: Instant): JsonRulesEngineFacts {
  const facts = readFacts(visitor, toEpochMs(now));
  const out: JsonRulesEngineFacts = Object.create(null) as JsonRulesEngineFacts;
  for (const name of Object.keys(FACT_CATALOG) as BuiltInFact[]) {
    const value = facts[name];
    if (value !== undefined) out[name] = value;
  }
  if (facts.metadata !== undefined) {
    for (const key of Object.keys(facts.metadata)) {
      const value = readMetadata(facts.metadata, key);
      if (value !== undefined) out[`metadata.${key}`] = value;
    }
  }
  return out;
}

/**
 * Ids of the messages whose conditions hold, in rule-result order, via `engine.run`.
 * @example
 * ```ts
 * await matchingMessageIds(createEngine(messages), visitor, now); // ['msg_pricing_help']
 * ```
 */
export async function matchingMessageIds(engine: Engine, visitor: Visitor, now: Instant): Promise<string[]> {
  const { events } = await engine.run(jsonRulesEngineFacts(visitor, now));
  return events.flatMap((event) => {
    const id: unknown = event.params?.messageId;
    return event.type === MESSAGE_EVENT_TYPE && typeof id === 'string' ? [id] : [];
  });
}
