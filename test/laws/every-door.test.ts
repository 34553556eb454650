/**
 * Every door keeps the promises: each exported function of the main entry and of the
 * json-rules-engine sub-path is called with a valid argument list, then with each argument in turn
 * replaced by hostile JSON-like data — wrong types, `null`/`undefined`, NaN, bounds ± 1, holes,
 * `__proto__` keys, a 100,000-deep tree, a 1,000,000-length array-like, a 1,000,000-item array,
 * long strings, arbitrary JSON. On every such call: no throw, no mutation of the (deep-frozen)
 * arguments, no prototype pollution, and bounded work — the suite counts and prints the calls over
 * 50 ms instead of asserting a time (timed assertions flake on shared machines).
 *
 * Then non-JSON input, in every argument: a Proxy whose every trap throws and a revoked Proxy,
 * for the argument and for every object and array inside it, and a copy with a throwing getter on
 * each key the function reads (recorded by watching a call; present in the sample or not) and on
 * each key the sample has. No throw, ever.
 *
 * A new export without an entry in `SAMPLES` fails the suite, so no door is left out.
 */
import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import * as adapter from '../../src/adapters/json-rules-engine/index.js';
import * as lib from '../../src/index.js';
import { deepFreeze } from '../../src/testing/index.js';
import { SPEC_MESSAGE_JSON, SPEC_VISITOR_JSON, SPEC_WORKSPACE_JSON } from '../parse/fixtures.js';
import { revoked, throwingAt, trapsThrow } from '../helpers/unreadable.js';

const message = JSON.parse(SPEC_MESSAGE_JSON) as lib.Message;
const visitor = JSON.parse(SPEC_VISITOR_JSON) as lib.Visitor;
const workspace = JSON.parse(SPEC_WORKSPACE_JSON) as lib.Workspace;
const draft = { ...message, status: 'draft' as const, id: 'msg_draft' };
const schedule = message.sendWindow.type === 'anytime' ? null : message.sendWindow.schedule;
const NOW = '2026-11-23T10:00:30Z';
const tree = message.conditions;
const presented = lib.present(message, workspace);
const presentation = presented.ok ? presented.value : null;
const started = presentation === null ? null : lib.initialInteraction(presentation, 'v_1');
const state = started?.ok === true ? started.value : null;
const facts = lib.readFacts(visitor, Date.parse(NOW));
const engine = adapter.createEngine([message]);

/** A valid argument list per exported function (hostile ones are derived from it). */
const SAMPLES: Readonly<Record<string, readonly unknown[]>> = {
  toInstant: [NOW],
  operatorsFor: ['text'],
  describeIssue: [{ path: ['name'], code: 'tooBig', params: { maximum: 200, unit: 'characters' } }],
  parseConditions: [tree, { channelType: 'webWidget' }],
  parseMessage: [message],
  parseMessages: [[message, draft]],
  parseSchedule: [schedule],
  parseVisitor: [visitor],
  parseWorkspace: [workspace],
  evaluate: [visitor, [message, draft], NOW, { cooldownSeconds: 600, timeZone: 'Europe/Berlin' }],
  explain: [visitor, [message, draft], NOW, { cooldownSeconds: 600, timeZone: 'Europe/Berlin' }],
  lint: [[message, draft], workspace, { now: NOW }],
  simulate: [
    [message],
    {
      end: '2026-11-23T10:30:00Z',
      visitors: [{ id: 'v_1', channelId: message.channelId }],
      events: [{ at: '2026-11-23T10:00:00Z', visitor: 'v_1', type: 'arrive', url: 'https://shop.example/pricing', title: 'Pricing' }],
    },
    { workspace },
  ],
  compileMessages: [[message, draft]],
  compactDeliveries: [visitor, [message], NOW],
  markDelivery: [visitor, 'msg_welcome', 'dismissed'],
  bucketOf: ['msg_pricing_help', 'v_123'],
  inRollout: ['msg_pricing_help', 'v_123', 30],
  inHoldout: ['msg_pricing_help', 'v_123', 10],
  recordDelivery: [visitor, 'msg_pricing_help', NOW],
  availableActions: [message],
  pause: [message, { now: NOW }],
  publish: [draft, { workspace, now: NOW }],
  resume: [{ ...message, status: 'paused', pauseReason: 'manual' }, { workspace, now: NOW }],
  checkPublishRequirements: [draft, workspace],
  hasWarningFlag: [message],
  reconcile: [[message, draft], { workspace, now: NOW }],
  duplicate: [message, { id: 'msg_copy', now: NOW }],
  edit: [message, { changes: { name: 'Edited' }, now: NOW }],
  addMessage: [[draft], message],
  deleteMessage: [[message, draft], 'msg_draft'],
  sortMessages: [[message, draft], 'updatedAt', 'desc'],
  starterTemplates: [{ brandId: 'brand_1', now: NOW }],
  fallbackGreeting: ['Acme Assistant'],
  present: [message, workspace],
  initialInteraction: [presentation, 'v_1'],
  interact: [state, { type: 'show' }],
  isValidEmail: ['ada@example.com'],
  validateDetails: [['name', 'email'], { name: 'Ada', email: 'ada@example.com' }],
  applyTally: [message, new Map([['msg_pricing_help', { sent: 2, read: 1, replied: 0 }]])],
  metricEventOf: [{ type: 'countRead', messageId: 'm', visitorId: 'v' }],
  tally: [[{ messageId: 'm', visitorId: 'v', type: 'sent' }]],
  compileSchedule: [schedule],
  isOpen: [schedule, NOW],
  nextChange: [schedule, NOW],
  fromHelpDeskSchedule: [{ time_zone: 'Seoul', intervals: [{ start_time: 1980, end_time: 2460 }] }],
  compileConditions: [tree],
  explainConditions: [tree, facts],
  readFacts: [visitor, Date.parse(NOW)],
  // json-rules-engine sub-path
  toJsonRulesEngineConditions: [tree],
  toJsonRulesEngineRule: [message],
  registerOperators: [engine.ok ? engine.value : null],
  ownPropertyPathResolver: [{ plan: 'pro' }, 'plan'],
  createEngine: [[message]],
  jsonRulesEngineFacts: [visitor, NOW],
  fromJsonRulesEngine: [{ conditions: { all: [{ fact: 'url', operator: 'contains', value: '/pricing' }] }, event: { type: 'show' } }, { facts: { url: 'pageUrl' } }],
  matchingMessageIds: [engine.ok ? engine.value : null, visitor, NOW],
};

/** A `not` chain `levels` deep around one leaf (built iteratively; never printed). */
function deepTree(levels: number): unknown {
  let node: unknown = { fact: 'pageUrl', operator: 'equal', value: '/' };
  for (let i = 0; i < levels; i += 1) node = { not: node };
  return node;
}

/** Hostile JSON-like values, each also tried inside the sample where it fits. */
const HOSTILE: readonly unknown[] = [
  undefined,
  null,
  true,
  0,
  -1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  8.64e15,
  '',
  ' ',
  'x'.repeat(100_001),
  '2026-11-23T10:00:00',
  '2026-02-30T10:00:00Z',
  [],
  [null],
  [, 'x'], // eslint-disable-line no-sparse-arrays -- a hole
  {},
  JSON.parse('{"__proto__": {"polluted": true}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
  { length: 1_000_000 },
  { length: 22_567_486.5 },
  new Array(1_000_000).fill(0),
  deepTree(100_000),
  { all: [] },
  { type: 'shwo' },
];

/** Arrays and plain objects: the data an unreadable value can hide in. */
function isData(value: unknown): value is Record<string | number, unknown> {
  if (Array.isArray(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || proto === Object.prototype;
}

/** `root` with the node at `path` replaced by `replace(node)`; the copies along the path are frozen. */
function replaceAt(root: unknown, path: readonly (string | number)[], replace: (node: Record<string | number, unknown>) => unknown): unknown {
  if (path.length === 0) return replace(root as Record<string | number, unknown>);
  const node = root as Record<string | number, unknown>;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(node) ? [...node] : { ...node }) as Record<string | number, unknown>;
  copy[key] = replaceAt(node[key], rest, replace);
  return Object.freeze(copy);
}

type At = readonly (string | number)[];

/** A place a getter can throw: the key `key` of the object or array at `at` inside an argument. */
interface Read {
  readonly at: At;
  readonly key: string | number;
}

/**
 * The keys `fn` reads on the argument at `position` — on it and on every object and array inside
 * it, present or not (`Object.hasOwn`, `in` and property reads all count) — recorded through
 * Proxies that only watch, on an unfrozen copy (a Proxy of a frozen object must return its values).
 * Members the prototype has (an array's `map`, `toString`) are the language's, not keys of the
 * data: JSON cannot shadow them.
 */
async function keysRead(fn: (...args: unknown[]) => unknown, sample: readonly unknown[], position: number): Promise<Read[]> {
  const reads: Read[] = [];
  const note = (at: At, key: string | symbol, target: object): void => {
    if (typeof key === 'string' && (Object.hasOwn(target, key) || !Reflect.has(Object.getPrototypeOf(target) ?? {}, key))) reads.push({ at, key });
  };
  const watch = (value: unknown, at: At): unknown => {
    if (!isData(value)) return value;
    return new Proxy(value, {
      get(target, key, receiver) {
        note(at, key, target);
        const child: unknown = Reflect.get(target, key, receiver);
        return typeof key === 'string' && Object.hasOwn(target, key) ? watch(child, [...at, key]) : child;
      },
      has(target, key) {
        note(at, key, target);
        return Reflect.has(target, key);
      },
      getOwnPropertyDescriptor(target, key) {
        note(at, key, target);
        return Reflect.getOwnPropertyDescriptor(target, key);
      },
    });
  };
  const args = [...sample];
  if (!isData(args[position])) return [];
  args[position] = watch(structuredClone(args[position]), []);
  try {
    const outcome = fn(...args);
    if (outcome instanceof Promise) await outcome;
  } catch {
    // What it read until then is what it reads.
  }
  return reads;
}

/**
 * Unreadable stand-ins for a sample argument: a Proxy whose every trap throws and a revoked Proxy
 * (of an object and of an array) for the argument itself; inside it, every object and array it
 * holds replaced by a throwing or a revoked Proxy; and a copy with a throwing getter on each key
 * the function reads (`reads`) and on each key the sample has.
 */
function unreadableVariants(sample: unknown, reads: readonly Read[]): unknown[] {
  const variants: unknown[] = [trapsThrow({}), trapsThrow([]), revoked({}), revoked([])];
  if (!isData(sample)) return variants;
  const root = deepFreeze(structuredClone(sample));
  const getters = new Map<string, Read>();
  const add = (read: Read): void => {
    getters.set(JSON.stringify([read.at, read.key]), read);
  };
  const stack: { node: Record<string | number, unknown>; at: (string | number)[] }[] = [{ node: root, at: [] }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { node, at } = next;
    if (at.length > 0) {
      variants.push(replaceAt(root, at, (found) => trapsThrow(found)));
      variants.push(replaceAt(root, at, (found) => revoked(found)));
    }
    for (const key of Object.keys(node)) {
      add({ at, key });
      const child = node[key];
      if (isData(child)) stack.push({ node: child, at: [...at, key] });
    }
  }
  // A read key the sample does not have (an option left out, `toJSON`, …) gets a getter too; an
  // array's `length` cannot (it is not configurable: the Proxies above stand for it).
  for (const read of reads) if (!(read.key === 'length' && Array.isArray(valueAt(root, read.at)))) add(read);
  for (const { at, key } of getters.values()) variants.push(replaceAt(root, at, (found) => Object.freeze(throwingAt(found, key))));
  return variants;
}

/** The value at `at` inside `root`. */
function valueAt(root: unknown, at: At): unknown {
  let node = root;
  for (const key of at) node = (node as Record<string | number, unknown>)[key];
  return node;
}

function exportedFunctions(): [string, (...args: unknown[]) => unknown][] {
  const entries = [...Object.entries(lib), ...Object.entries(adapter)];
  return entries.filter((entry): entry is [string, (...args: unknown[]) => unknown] => typeof entry[1] === 'function');
}

interface Slow {
  readonly fn: string;
  readonly position: number;
  readonly ms: number;
}

const slow: Slow[] = [];
const thrown = new Map<string, string>();
let calls = 0;

async function call(name: string, fn: (...args: unknown[]) => unknown, args: readonly unknown[], position: number): Promise<void> {
  // Data is frozen; stateful objects the caller owns (an Engine, a Map of tallies) are not data.
  const frozen = args.map((arg) => (arg instanceof Map || arg instanceof Engine ? arg : deepFreeze(arg)));
  const before = performance.now();
  let outcome: unknown;
  try {
    outcome = fn(...frozen);
    if (outcome instanceof Promise) outcome = await outcome;
  } catch (error) {
    const key = `${name}@${position}`;
    if (!thrown.has(key)) thrown.set(key, error instanceof Error ? error.message : String(error));
    return;
  }
  const ms = performance.now() - before;
  calls += 1;
  if (ms > 50) slow.push({ fn: name, position, ms });
}

describe('every door keeps the promises', () => {
  it('every exported function has a sample argument list (a new door cannot be left out)', () => {
    const missing = exportedFunctions().map(([name]) => name).filter((name) => !Object.hasOwn(SAMPLES, name));
    expect(missing).toStrictEqual([]);
  });

  it('no exported function throws on hostile JSON at any argument position, mutates it or pollutes a prototype', async () => {
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    for (const [name, fn] of exportedFunctions()) {
      const sample = SAMPLES[name] as readonly unknown[];
      await call(name, fn, sample, -1);
      // At least one more position than the sample has: a forgotten argument is hostile too.
      for (let position = 0; position <= sample.length; position += 1) {
        for (const value of HOSTILE) {
          const args = [...sample];
          args[position] = value;
          await call(name, fn, args, position);
        }
      }
    }
    // Arbitrary JSON at every position, sampled (fast-check, fixed seed so the run is reproducible).
    const json = fc.sample(fc.jsonValue({ maxDepth: 4 }), { numRuns: 40, seed: 20261201 });
    for (const [name, fn] of exportedFunctions()) {
      const sample = SAMPLES[name] as readonly unknown[];
      for (let position = 0; position < Math.max(1, sample.length); position += 1) {
        for (const value of json) {
          const args = [...sample];
          args[position] = value;
          await call(name, fn, args, position);
        }
      }
    }
    expect(Object.fromEntries(thrown)).toStrictEqual({});
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toStrictEqual(prototypeKeys);
    console.log(`[every door] ${calls} calls, ${slow.length} over 50 ms${slow.length > 0 ? `: ${slow.map((s) => `${s.fn}@${s.position} ${s.ms.toFixed(0)} ms`).join(', ')}` : ''}`);
    expect(calls).toBeGreaterThan(2_000);
  });

  it('no exported function throws on non-JSON input: a throwing getter on each key it reads, a Proxy whose every trap throws, a revoked Proxy', async () => {
    const unreadable = new Map<string, string>();
    let tried = 0;
    for (const [name, fn] of exportedFunctions()) {
      const sample = SAMPLES[name] as readonly unknown[];
      for (let position = 0; position <= sample.length; position += 1) {
        const reads = await keysRead(fn, sample, position);
        for (const value of unreadableVariants(sample[position], reads)) {
          const args = sample.map((arg) => (arg instanceof Map || arg instanceof Engine ? arg : deepFreeze(arg)));
          args[position] = value;
          try {
            const outcome = fn(...args);
            if (outcome instanceof Promise) await outcome;
          } catch (error) {
            const key = `${name}@${position}`;
            if (!unreadable.has(key)) unreadable.set(key, error instanceof Error ? error.message : String(error));
          }
          tried += 1;
        }
      }
    }
    expect(Object.fromEntries(unreadable)).toStrictEqual({});
    console.log(`[every door] ${tried} calls with unreadable input`);
  });
});
