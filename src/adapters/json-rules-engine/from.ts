/**
 * `fromJsonRulesEngine`: a json-rules-engine rule's conditions (or a bare condition) as a
 * condition tree of this library — what has an exact equivalent is mapped, what has none is a
 * `noEquivalent` issue at its path, and the result is checked by the library's one tree checker
 * (so a tree it returns is one `parseConditions` accepts). The table of mappings is
 * `docs/migrating-from-json-rules-engine.md` (each row is a test vector).
 *
 * Mapped: `all` / `any` / `not` as they are; `all: []` at the root → `null` (every visitor);
 * `contains` / `doesNotContain` on a text fact → `containsAnyOf` / `doesNotContainAnyOf` with one
 * needle; a group of one condition → that condition (below the root, or at the root when the
 * condition is itself a group: `{ all: [leaf] }` is kept); `priority: 1` on a group (what
 * json-rules-engine writes on every group it serialises) → dropped; fact names renamed by
 * `options.facts`. Everything else (operators, values) is passed to the checker unchanged: no
 * coercion, so a `"3"` compared with numbers is refused rather than silently changed.
 * @module
 */
import { issueAt, type IssueData, type IssuePath, type Result } from '../../core/issues.js';
import { MAX_CONDITION_DEPTH, MAX_CONDITION_NODES, MAX_ISSUES } from '../../core/limits.js';
import type { ConditionNode, FactName, Operator, ProactiveChannelType } from '../../core/types.js';
import { isPlainObject, kindOf } from '../../core/values.js';
import type { JsonRulesEngineFeature } from '../../core/vocabulary.js';
import { runCheck } from '../../check/check.js';
import { UNREADABLE } from '../../check/list.js';
import { conditionsCheck, factSignature } from '../../check/conditions.js';
import { fail, ok } from '../../parse/parse.js';

/** Options of {@link fromJsonRulesEngine}. */
export interface FromJsonRulesEngineOptions {
  /**
   * Your fact names → the library's, e.g. `{ url: 'pageUrl', plan: 'metadata.plan' }`. Names
   * not listed must already be the library's (`pageUrl`, `metadata.<key>`, …).
   */
  readonly facts?: Readonly<Record<string, FactName>>;
  /** The channel the rule is for: `metadata.*` facts are refused on a mobile SDK (as in `parseConditions`). */
  readonly channelType?: ProactiveChannelType;
}

const GROUPS = ['all', 'any', 'not'] as const;
const NUMERIC: ReadonlySet<unknown> = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);
const CONTAINS: Readonly<Record<string, Operator>> = { contains: 'containsAnyOf', doesNotContain: 'doesNotContainAnyOf' };
/** `all: []` at the root: every visitor (`conditions: null`). */
const EVERYONE: unique symbol = Symbol('everyone');

type Json = Record<string, unknown>;

/** The state of one conversion. */
interface Conversion {
  readonly facts: Readonly<Record<string, unknown>>;
  /** The `noEquivalent` issues, at paths of the input. */
  readonly issues: IssueData[];
  /** Where the checker's issues repeat a `noEquivalent` one (its path, or the empty group it is in). */
  readonly silenced: IssuePath[];
  /** Each converted node's path in the input (to report the checker's issues there). */
  readonly origin: Map<object, IssuePath>;
  /** Leaves whose value was put in a list (`contains` → `containsAnyOf`): the checker's `value.0` is the input's `value`. */
  readonly wrapped: Set<object>;
  nodes: number;
}

function noEquivalent(c: Conversion, path: IssuePath, feature: JsonRulesEngineFeature, silence: IssuePath = path): void {
  c.issues.push(issueAt(path, 'noEquivalent', { feature }));
  c.silenced.push(silence);
}

/** A string JavaScript compares with numbers as the number it spells (`"3"`, `" 2.5 "`, `"1e3"`). */
function numericString(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value));
}

function convertLeaf(node: Json, path: IssuePath, c: Conversion): Json {
  const out: Json = { ...node };
  for (const key of ['path', 'params', 'priority'] as const) if (Object.hasOwn(node, key)) noEquivalent(c, [...path, key], key);
  if (Object.hasOwn(node, 'condition')) {
    noEquivalent(c, path, 'conditionReference');
    return out;
  }
  if (typeof node.fact === 'string' && Object.hasOwn(c.facts, node.fact)) out.fact = c.facts[node.fact];
  const signature = typeof out.fact === 'string' ? factSignature(out.fact) : undefined;
  const { operator, value } = node;
  const reference = isPlainObject(value) && Object.hasOwn(value, 'fact');
  if (reference) noEquivalent(c, [...path, 'value'], 'factReference');
  if (Array.isArray(value)) out.value = [...value];
  if (typeof operator === 'string' && Object.hasOwn(CONTAINS, operator)) {
    // json-rules-engine's own `contains` tests list membership; on a text fact it can only have
    // meant "contains the substring" (with a string-aware operator registered).
    if (signature !== undefined && signature.kind !== 'text') noEquivalent(c, [...path, 'operator'], 'arrayContains');
    else {
      out.operator = CONTAINS[operator];
      if (!reference && Object.hasOwn(node, 'value')) {
        out.value = [value];
        c.wrapped.add(out);
      }
    }
  } else if (NUMERIC.has(operator) && numericString(value)) noEquivalent(c, [...path, 'value'], 'numericString');
  return out;
}

/** One node: converted (a fresh object, its input path recorded), or the input itself when the checker must see it as it is. */
function convert(node: unknown, path: IssuePath, depth: number, c: Conversion): unknown {
  // Past the bounds or not an object: the checker reports it (its path comes through the parent).
  if (depth > MAX_CONDITION_DEPTH || (c.nodes += 1) > MAX_CONDITION_NODES || !isPlainObject(node)) return node;
  const kind = GROUPS.find((key) => Object.hasOwn(node, key));
  const root = depth === 1;
  let out: Json;
  if (kind === undefined) out = convertLeaf(node, path, c);
  else {
    out = { ...node };
    if (Object.hasOwn(node, 'priority')) {
      // json-rules-engine writes `priority: 1` on every group it serialises; any other was chosen.
      if (node.priority === 1) delete out.priority;
      else noEquivalent(c, [...path, 'priority'], 'priority');
    }
    const children = node[kind];
    if (kind === 'not') out.not = convert(children, [...path, 'not'], depth + 1, c);
    else if (Array.isArray(children) && children.length === 0) {
      if (root && kind === 'all' && Object.keys(out).length === 1) return EVERYONE;
      noEquivalent(c, [...path, kind], 'emptyGroup', path); // the group goes: so do the checker's words on it (nesting)
    } else if (Array.isArray(children) && children.length <= MAX_CONDITION_NODES) {
      const converted = children.map((child, i) => convert(child, [...path, kind, i], depth + 1, c));
      out[kind] = converted;
      // A group of one condition is that condition (the root `{ all: [leaf] }` is kept as written).
      const only = converted[0];
      if (converted.length === 1 && Object.keys(out).length === 1 && typeof only === 'object' && only !== null && c.origin.has(only)) {
        if (!root || GROUPS.some((key) => Object.hasOwn(only, key))) return only;
      }
    }
  }
  c.origin.set(out, path);
  return out;
}

/** The input path of a checker issue found at `path` of the converted tree. */
function inputPath(tree: unknown, path: IssuePath, base: IssuePath, c: Conversion): IssuePath {
  let node = tree;
  let last: object | undefined = typeof tree === 'object' && tree !== null && c.origin.has(tree) ? tree : undefined;
  let rest = 0;
  for (let i = 0; i < path.length; i += 1) {
    node = typeof node === 'object' && node !== null ? (node as Record<string | number, unknown>)[path[i] as string | number] : undefined;
    if (typeof node === 'object' && node !== null && c.origin.has(node)) {
      last = node;
      rest = i + 1;
    }
  }
  let tail = path.slice(rest);
  if (last !== undefined && c.wrapped.has(last) && tail[0] === 'value' && tail[1] === 0) tail = ['value', ...tail.slice(2)];
  return [...(last === undefined ? base : (c.origin.get(last) as IssuePath)), ...tail];
}

/**
 * The options read once — `facts` copied key by key — or the issue of the first that is not an
 * object or cannot be read (`invalidType`, `expected: 'json'`, at its key).
 */
function readOptions(options: unknown): { readonly facts: Readonly<Record<string, unknown>>; readonly channelType: ProactiveChannelType | undefined } | { readonly issue: IssueData } {
  let at: IssuePath = ['facts'];
  try {
    const given = typeof options === 'object' && options !== null ? (options as FromJsonRulesEngineOptions) : {};
    const facts: unknown = given.facts;
    if (facts !== undefined && !isPlainObject(facts)) return { issue: issueAt(['facts'], 'invalidType', { expected: 'object', got: kindOf(facts) }) };
    const copy: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(facts ?? {})) {
      at = ['facts', key];
      copy[key] = (facts as Record<string, unknown>)[key];
    }
    at = ['channelType'];
    return { facts: copy, channelType: given.channelType };
  } catch {
    return { issue: issueAt(at, 'invalidType', UNREADABLE) };
  }
}

const startsWith = (path: IssuePath, prefix: IssuePath): boolean => prefix.length <= path.length && prefix.every((key, i) => path[i] === key);

/**
 * Converts a json-rules-engine rule (`{ conditions, event, … }`: its `conditions`) or a bare
 * condition into this library's condition tree: `null` for `{ all: [] }` (every visitor). What
 * json-rules-engine can say and a tree cannot — `path`, `params`, a fact reference as a value, a
 * `condition` reference, a condition's `priority`, a numeric string compared with numbers,
 * `contains` on a fact that is not text, an empty group below the root — is a `noEquivalent`
 * issue at its path; unknown facts and operators, wrong value types and broken bounds are the tree
 * checker's issues, at their paths in the input. Never throws.
 * @example
 * ```ts
 * fromJsonRulesEngine({
 *   conditions: { all: [{ fact: 'pageUrl', operator: 'contains', value: '/pricing' }, { fact: 'visitCount', operator: 'greaterThan', value: 1 }] },
 *   event: { type: 'show' },
 * });
 * // { ok: true, value: { all: [{ fact: 'pageUrl', operator: 'containsAnyOf', value: ['/pricing'] },
 * //                             { fact: 'visitCount', operator: 'greaterThan', value: 1 }] } }
 * fromJsonRulesEngine({ fact: 'cart', operator: 'lessThan', value: '3' }, { facts: { cart: 'metadata.cartItems' } });
 * // { ok: false, issues: [{ path: ['value'], code: 'noEquivalent', params: { feature: 'numericString' }, … }] }
 * ```
 */
export function fromJsonRulesEngine(rule: unknown, options: FromJsonRulesEngineOptions = {}): Result<ConditionNode | null> {
  const given = readOptions(options);
  if ('issue' in given) return fail([given.issue]);
  const c: Conversion = { facts: given.facts, issues: [], silenced: [], origin: new Map(), wrapped: new Set(), nodes: 0 };
  let base: IssuePath = [];
  try {
    const isRule = isPlainObject(rule) && Object.hasOwn(rule, 'conditions');
    if (isRule) base = ['conditions'];
    const tree = convert(isRule ? rule.conditions : rule, base, 1, c);
    if (tree === EVERYONE) return c.issues.length === 0 ? ok(null) : fail(c.issues);
    const checked = runCheck(conditionsCheck({ channelType: given.channelType }), tree, true);
    const found = checked.ok ? [] : checked.issues.map((issue) => ({ ...issue, path: inputPath(tree, issue.path, base, c) }));
    // One issue per place: where a noEquivalent issue is, the checker's complaints about it are not repeated.
    const issues = [...c.issues, ...found.filter((issue) => !c.silenced.some((path) => startsWith(issue.path, path)))];
    return issues.length === 0 ? ok(tree as ConditionNode) : fail(issues.slice(0, MAX_ISSUES));
  } catch {
    // A value that cannot be read (a throwing getter, a revoked Proxy): not JSON.
    return fail([issueAt(base, 'invalidType', { expected: 'json', got: 'other' })]);
  }
}
