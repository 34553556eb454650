/**
 * The condition-tree checker: shape, bounds and meaning in one iterative walk, so a
 * 100,000-deep tree costs no more than the depth limit and never touches the stack.
 *
 * Shape: exactly one of `all` / `any` / `not` per group, never-empty groups, leaves with exactly
 * `fact`, `operator` and `value` (no json-rules-engine `path`, `params` or fact references).
 * Bounds: depth, leaves and nodes of `LIMITS`; a group inside a group only when the tree has at
 * least `LIMITS.nestingMinLeaves` leaves. Meaning: a known fact (own lookups only; reserved
 * metadata keys never resolve), an operator the fact allows, a value typed for the operator as
 * `OPERATOR_SIGNATURES` says (no coercion). The compiler (`conditions/plan.ts`) compiles only
 * trees that passed.
 * @module
 */
import { NO_PARAMS, type IssuePath } from '../core/issues.js';
import { MAX_CONDITION_DEPTH, MAX_CONDITION_LEAVES, MAX_CONDITION_NODES, MAX_CONDITION_VALUES, MAX_CONDITION_VALUE_LENGTH, MAX_FACT_LENGTH, NESTING_MIN_LEAVES } from '../core/limits.js';
import type { ConditionNode, ProactiveChannelType } from '../core/types.js';
import { isFiniteNumber, isJsonArray, isPlainObject, isScalar, RESERVED_KEYS } from '../core/values.js';
import {
  BUILT_IN_FACTS,
  FACTS,
  METADATA_FACT,
  METADATA_PREFIX,
  OPERATOR_SIGNATURES,
  OPERATORS,
  operatorsFor,
  type FactSignature,
  type OperandKind,
  type Operator,
} from '../core/vocabulary.js';
import { BAD, report, wrongType, type Check, type Ctx } from './check.js';

/** What the meaning of a tree may depend on. */
export interface ConditionContext {
  /** The type of the message's channel, when known (metadata facts exist on web widgets only). */
  readonly channelType?: ProactiveChannelType | undefined;
}

/** The facts a leaf may name, for `invalidValue` issues. */
const FACT_NAMES: readonly string[] = [...BUILT_IN_FACTS, `${METADATA_PREFIX}<key>`];
const LEAF_KEYS: ReadonlySet<string> = new Set(['fact', 'operator', 'value']);
const GROUP_KEYS = ['all', 'any', 'not'] as const;
const LANGUAGE_SUBTAG = /^[A-Za-z]{2,8}$/;

/**
 * The signature of a fact name (own lookups only), or `undefined` when it names no fact.
 * @example
 * ```ts
 * factSignature('metadata.plan'); // { kind: 'scalar', channels: ['webWidget'] }
 * factSignature('toString');      // undefined
 * ```
 */
export function factSignature(fact: string): FactSignature | undefined {
  if (fact.startsWith(METADATA_PREFIX)) return fact.length > METADATA_PREFIX.length ? METADATA_FACT : undefined;
  return Object.hasOwn(FACTS, fact) ? (FACTS as Readonly<Record<string, FactSignature>>)[fact] : undefined;
}

/** Checks a value that must be of the fact's own kind (`equal`, the items of `in`). */
function checkSame(fact: FactSignature, value: unknown, ctx: Ctx): void {
  switch (fact.kind) {
    case 'text':
      if (typeof value !== 'string') wrongType(value, 'string', ctx);
      else if (value.length > MAX_CONDITION_VALUE_LENGTH) report(ctx, 'tooBig', { maximum: MAX_CONDITION_VALUE_LENGTH, unit: 'characters' });
      return;
    case 'number':
      if (!isFiniteNumber(value)) wrongType(value, 'number', ctx);
      return;
    case 'enum':
      if (!(fact.values as readonly unknown[]).includes(value)) {
        if (value === undefined) wrongType(value, 'string', ctx);
        else report(ctx, 'invalidValue', { allowed: fact.values as readonly string[] });
      }
      return;
    case 'language':
      if (typeof value !== 'string') wrongType(value, 'string', ctx);
      else if (!LANGUAGE_SUBTAG.test(value.length > 8 ? '' : value)) report(ctx, 'invalidFormat', { format: 'languageSubtag' });
      return;
    case 'scalar':
      if (!isScalar(value)) wrongType(value, 'scalar', ctx);
      else if (typeof value === 'string' && value.length > MAX_CONDITION_VALUE_LENGTH) {
        report(ctx, 'tooBig', { maximum: MAX_CONDITION_VALUE_LENGTH, unit: 'characters' });
      }
      return;
  }
}

/** Checks a non-empty string operand (`startsWith`, the items of `containsAnyOf`, …). */
function checkNeedle(value: unknown, ctx: Ctx): void {
  if (typeof value !== 'string') wrongType(value, 'string', ctx);
  else if (value.length === 0) report(ctx, 'tooSmall', { minimum: 1, unit: 'characters' });
  else if (value.length > MAX_CONDITION_VALUE_LENGTH) report(ctx, 'tooBig', { maximum: MAX_CONDITION_VALUE_LENGTH, unit: 'characters' });
}

/** Checks a list operand: a list of 1 to `LIMITS.conditionValues` items, each checked by `item`. */
function checkList(value: unknown, ctx: Ctx, item: (value: unknown, ctx: Ctx) => void): void {
  if (!Array.isArray(value)) {
    wrongType(value, 'array', ctx);
    return;
  }
  if (!isJsonArray(value)) report(ctx, 'invalidType', { expected: 'json', got: 'other' });
  else if (value.length === 0) report(ctx, 'tooSmall', { minimum: 1, unit: 'items' });
  else if (value.length > MAX_CONDITION_VALUES) report(ctx, 'tooBig', { maximum: MAX_CONDITION_VALUES, unit: 'items' });
  else {
    // An index loop: a hole is an item too (`undefined`, never a valid value).
    for (let i = 0; i < value.length; i += 1) {
      ctx.path.push(i);
      item(value[i], ctx);
      ctx.path.pop();
    }
  }
}

function checkOperand(operand: OperandKind, fact: FactSignature, value: unknown, ctx: Ctx): void {
  switch (operand) {
    case 'same':
      return checkSame(fact, value, ctx);
    case 'sameList':
      return checkList(value, ctx, (item, c) => checkSame(fact, item, c));
    case 'number':
      if (!isFiniteNumber(value)) wrongType(value, 'number', ctx);
      return;
    case 'needle':
      return checkNeedle(value, ctx);
    case 'needleList':
      return checkList(value, ctx, checkNeedle);
  }
}

function checkLeaf(leaf: Record<string, unknown>, ctx: Ctx, context: ConditionContext): void {
  for (const key of Object.keys(leaf)) {
    if (!LEAF_KEYS.has(key)) report(ctx, RESERVED_KEYS.has(key) ? 'reservedKey' : 'unknownKey', NO_PARAMS, key);
  }
  let signature: FactSignature | undefined;
  // Each key is on the path before it is read: a read that throws is reported at the key.
  ctx.path.push('fact');
  const fact = leaf.fact;
  if (typeof fact !== 'string') wrongType(fact, 'string', ctx);
  else if (fact.length > MAX_FACT_LENGTH) report(ctx, 'tooBig', { maximum: MAX_FACT_LENGTH, unit: 'characters' });
  else if ((signature = factSignature(fact)) === undefined) report(ctx, 'invalidValue', { allowed: FACT_NAMES });
  else if (signature === METADATA_FACT) {
    if (RESERVED_KEYS.has(fact.slice(METADATA_PREFIX.length))) report(ctx, 'reservedKey', NO_PARAMS);
    else if (context.channelType === 'mobileSdk') report(ctx, 'metadataNotOnChannel', NO_PARAMS);
  }
  ctx.path.pop();
  ctx.path.push('operator');
  const operator = leaf.operator;
  // An operator of the table whose fact kinds include this fact's (any, when the fact is not
  // known); the list of the allowed ones is made only to report it.
  const known =
    typeof operator === 'string' &&
    Object.hasOwn(OPERATOR_SIGNATURES, operator) &&
    (signature === undefined || (OPERATOR_SIGNATURES[operator as Operator].facts as readonly string[]).includes(signature.kind));
  if (!known) {
    if (typeof operator !== 'string') wrongType(operator, 'string', ctx);
    else report(ctx, 'invalidValue', { allowed: signature === undefined ? OPERATORS : operatorsFor(signature.kind) });
  }
  ctx.path.pop();
  ctx.path.push('value');
  if (!Object.hasOwn(leaf, 'value')) report(ctx, 'required', NO_PARAMS);
  else if (signature !== undefined && known) checkOperand(OPERATOR_SIGNATURES[operator as Operator].operand, signature, leaf.value, ctx);
  ctx.path.pop();
}

/**
 * Walks a tree (at `ctx.path`) and reports every issue (or the first, in first-failure mode).
 * Recursive, but never deeper than `LIMITS.conditionDepth` + 1 calls: a node past the depth is
 * reported before anything inside it is read, so a 100,000-deep tree costs eleven calls. The walk
 * stops at `LIMITS.conditionNodes` nodes or `LIMITS.conditionLeaves` leaves.
 */
function walk(tree: unknown, ctx: Ctx, context: ConditionContext): boolean {
  const before = ctx.issues.length;
  const root = ctx.path;
  let nodes = 0;
  let leaves = 0;
  let firstNested: IssuePath | null = null;
  // A bound of the whole tree: reported at its root, and the walk stops.
  const whole = (maximum: number, unit: 'nodes' | 'leaves'): false => {
    ctx.path = root;
    report(ctx, 'tooBig', { maximum, unit });
    return false;
  };
  const node = (value: unknown, depth: number, inGroup: boolean): boolean => {
    if ((nodes += 1) > MAX_CONDITION_NODES) return whole(MAX_CONDITION_NODES, 'nodes');
    if (depth > MAX_CONDITION_DEPTH) return report(ctx, 'tooBig', { maximum: MAX_CONDITION_DEPTH, unit: 'levels' }) === BAD;
    if (!isPlainObject(value)) return wrongType(value, 'object', ctx) === BAD;
    const kind = GROUP_KEYS.find((key) => Object.hasOwn(value, key));
    if (kind === undefined) {
      if ((leaves += 1) > MAX_CONDITION_LEAVES) return whole(MAX_CONDITION_LEAVES, 'leaves');
      checkLeaf(value, ctx, context);
      return true;
    }
    for (const key of Object.keys(value)) if (key !== kind) report(ctx, RESERVED_KEYS.has(key) ? 'reservedKey' : 'unknownKey', NO_PARAMS, key);
    const here = ctx.path;
    ctx.path = [...here, kind];
    const children = value[kind];
    let going = true;
    if (kind === 'not') going = node(children, depth + 1, inGroup);
    else {
      if (inGroup) firstNested ??= here;
      // More children than a tree may have nodes: reported without looking at them.
      if (!Array.isArray(children)) wrongType(children, 'array', ctx);
      else if (!isJsonArray(children)) report(ctx, 'invalidType', { expected: 'json', got: 'other' });
      else if (children.length === 0) report(ctx, 'tooSmall', { minimum: 1, unit: 'items' });
      else if (children.length > MAX_CONDITION_NODES) going = whole(MAX_CONDITION_NODES, 'nodes');
      else {
        const base = ctx.path;
        for (let i = 0; i < children.length && going; i += 1) {
          ctx.path = [...base, i];
          going = node(children[i], depth + 1, true);
        }
      }
    }
    ctx.path = here;
    return going;
  };
  // Not restored when a read throws: the run ends, and `runCheck` reports where it failed.
  if (node(tree, 1, false) && firstNested !== null && leaves < NESTING_MIN_LEAVES) {
    ctx.path = firstNested;
    report(ctx, 'nestingNotAllowed', { leaves, minimum: NESTING_MIN_LEAVES });
  }
  ctx.path = root;
  return ctx.issues.length === before;
}

/**
 * The tree checker for a channel type (metadata facts are allowed unless the channel is a mobile
 * SDK). Returns the tree itself: trees are not normalised.
 * @example
 * ```ts
 * runCheck(conditionsCheck(), { all: [] }, true).ok; // false: tooSmall at ['all']
 * ```
 */
export function conditionsCheck(context: ConditionContext = {}): Check<ConditionNode> {
  return (value, ctx) => (walk(value, ctx, context) ? (value as ConditionNode) : BAD);
}

/** The tree checker without channel context (what parsing a message runs). */
export const conditionTreeCheck: Check<ConditionNode> = /* @__PURE__ */ conditionsCheck();
