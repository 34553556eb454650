/**
 * Regression tests of issue 12 ("every door keeps the promises") for the life cycle: one calling
 * convention, one instant guard. In 0.1 an ISO string, `null`, `{}` or a forgotten `now` threw
 * `TypeError: now.getTime is not a function`, NaN made reconcile/starterTemplates/recordDelivery
 * throw `RangeError`, and `now = 8.64e15` made `pause` write a `+275760` timestamp.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_INSTANT,
  duplicate,
  edit,
  parseMessage,
  parseVisitor,
  pause,
  publish,
  reconcile,
  recordDelivery,
  resume,
  starterTemplates,
  type Result,
  type Visitor,
} from '../../src/index.js';
import { draft, inStatus, workspace } from './fixtures.js';

const ISO_NOW = '2026-11-23T10:00:00Z';
/** The same instant as the library writes it back (`toISOString`). */
const WRITTEN = '2026-11-23T10:00:00.000Z';

const live = inStatus(draft, 'live');
const paused = inStatus(draft, 'paused');

/** A visitor of SPEC §4 (hand-built), on the pricing page. */
const visitor: Visitor = {
  id: 'v_123',
  channelId: 'web_main',
  visit: { id: 'visit_9', number: 2, startedAt: '2026-11-23T09:58:00Z', pageViews: 3 },
  page: { viewId: 'pv_3', url: 'https://shop.example/pricing', title: 'Pricing', enteredAt: '2026-11-23T09:59:00Z' },
  inActiveConversation: false,
  deliveries: [],
};

/** `options` with `now` set, or without the key at all (a forgotten `now`). */
function withNow<T extends object>(options: T, now: unknown): T & { now: never } {
  return (now === FORGOTTEN ? { ...options } : { ...options, now }) as T & { now: never };
}
const FORGOTTEN = Symbol('forgotten now');

/** Each life-cycle function that takes time, called with `now` in its documented position. */
const CALLS: Readonly<Record<string, (now: unknown) => Result<unknown>>> = {
  publish: (now) => publish(draft, withNow({ workspace }, now)),
  pause: (now) => pause(live, withNow({}, now)),
  resume: (now) => resume(paused, withNow({ workspace }, now)),
  edit: (now) => edit(draft, withNow({ changes: { name: 'Renamed' } }, now)),
  duplicate: (now) => duplicate(live, withNow({ id: 'msg_copy' }, now)),
  reconcile: (now) => reconcile([live], withNow({ workspace: { ...workspace, channels: [] } }, now)),
  starterTemplates: (now) => starterTemplates(withNow({ brandId: 'brand_1' }, now)),
  recordDelivery: (now) => (now === FORGOTTEN ? (recordDelivery as (v: Visitor, id: string) => Result<Visitor>)(visitor, 'msg_pricing_help') : recordDelivery(visitor, 'msg_pricing_help', now as never)),
};
const NAMES = Object.keys(CALLS);

/** The instant each function wrote, where it writes one. */
function written(name: string, result: Result<unknown>): string | undefined {
  if (!result.ok) return undefined;
  const value = result.value as Record<string, unknown>;
  switch (name) {
    case 'reconcile':
      return ((value.messages as Record<string, unknown>[])[0] as { updatedAt: string }).updatedAt;
    case 'starterTemplates':
      return ((value as unknown as { createdAt: string }[])[0] as { createdAt: string }).createdAt;
    case 'recordDelivery':
      return ((value.deliveries as { at: string }[])[0] as { at: string }).at;
    default:
      return value.updatedAt as string;
  }
}

describe('now as an ISO-8601 string with an offset', () => {
  it.each(NAMES)('%s works with now = "2026-11-23T10:00:00Z" and writes that instant', (name) => {
    const result = (CALLS[name] as (now: unknown) => Result<unknown>)(ISO_NOW);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(written(name, result)).toBe(WRITTEN);
  });

  it.each(NAMES)('%s gives the same result for the string, the epoch ms and the Date of one instant, and for an offset', (name) => {
    const call = CALLS[name] as (now: unknown) => Result<unknown>;
    const expected = call(ISO_NOW);
    for (const now of [Date.UTC(2026, 10, 23, 10), new Date(Date.UTC(2026, 10, 23, 10)), '2026-11-23T11:00:00+01:00', '2026-11-23T10:00:00.000Z']) {
      expect(call(now)).toEqual(expected);
    }
  });
});

describe('an invalid now is an invalidInstant issue at ["now"], never an exception', () => {
  const INVALID: readonly (readonly [string, unknown])[] = [
    ['null', null],
    ['{}', {}],
    ['a forgotten now', FORGOTTEN],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['8.64e15', 8.64e15],
    ['an invalid Date', new Date(Number.NaN)],
    ['a timestamp without an offset', '2026-11-23T10:00:00'],
    ['a timestamp on a date that does not exist', '2026-02-30T10:00:00Z'],
    ['a timestamp without seconds', '2026-11-23T10:00Z'],
    ['one millisecond after 9999-12-31T23:59:59.999Z', MAX_INSTANT + 1],
  ];
  const cells = NAMES.flatMap((name) => INVALID.map(([label, now]) => [name, label, now] as const));

  it.each(cells)('%s with %s', (name, _label, now) => {
    let result: Result<unknown> | undefined;
    expect(() => (result = (CALLS[name] as (now: unknown) => Result<unknown>)(now))).not.toThrow();
    expect(result).toEqual({ ok: false, issues: [expect.objectContaining({ path: ['now'], code: 'invalidInstant' })] });
  });
});

describe('reconcile and starterTemplates never throw', () => {
  it('reconcile returns a failed Result for junk in any argument', () => {
    const junk: unknown[][] = [
      [null, { workspace, now: ISO_NOW }],
      [5, { workspace, now: ISO_NOW }],
      ['abc', { workspace, now: ISO_NOW }],
      [{ length: 22_567_486.5 }, { workspace, now: ISO_NOW }],
      [[live], null],
      [[live], 'soon'],
      [[live], { now: ISO_NOW }],
      [[live], { workspace: { channels: 'none' }, now: ISO_NOW }],
      [[live]],
    ];
    for (const args of junk) {
      let result: Result<unknown> | undefined;
      expect(() => (result = (reconcile as (...a: unknown[]) => Result<unknown>)(...args)), JSON.stringify(args)).not.toThrow();
      expect(result?.ok, JSON.stringify(args)).toBe(false);
    }
  });

  it('reconcile reports the messages argument at ["messages"] and a bad message at its index', () => {
    expect(reconcile(null as never, { workspace, now: ISO_NOW })).toMatchObject({ ok: false, issues: [{ path: ['messages'], code: 'invalidType' }] });
    // One bad message stops no other: it is left as it is and reported under its index.
    const bad = { ...live, frequency: 'sometimes' };
    const result = reconcile([live, bad as never], { workspace, now: ISO_NOW });
    expect(result).toMatchObject({ ok: true, value: { invalid: [{ index: 1, issues: [{ path: ['frequency'], code: 'invalidValue' }] }] } });
    if (result.ok) expect(result.value.messages[1]).toBe(bad);
  });

  it('starterTemplates returns a failed Result for junk options', () => {
    const junk: unknown[] = [
      undefined,
      null,
      5,
      'brand_1',
      [],
      { now: ISO_NOW },
      { brandId: 5, now: ISO_NOW },
      { brandId: '', now: ISO_NOW },
      { brandId: 'b', now: ISO_NOW, ids: ['a'] },
      { brandId: 'b', now: ISO_NOW, ids: 'abc' },
      { brandId: 'b', now: ISO_NOW, channelId: 7 },
    ];
    for (const options of junk) {
      let result: Result<unknown> | undefined;
      expect(() => (result = starterTemplates(options as never)), JSON.stringify(options)).not.toThrow();
      expect(result?.ok, JSON.stringify(options)).toBe(false);
    }
  });

  it('never throw on anything at all (property)', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (a, b, c) => {
        const results = [
          (reconcile as (...x: unknown[]) => Result<unknown>)(a, b, c),
          (reconcile as (...x: unknown[]) => Result<unknown>)(a, b),
          starterTemplates(a as never),
          starterTemplates({ brandId: 'b', now: a, ids: b, channelId: c } as never),
        ];
        for (const result of results) expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});

describe('the options argument', () => {
  const WITH_OPTIONS: Readonly<Record<string, (options: unknown) => Result<unknown>>> = {
    publish: (options) => publish(draft, options as never),
    pause: (options) => pause(live, options as never),
    resume: (options) => resume(paused, options as never),
    edit: (options) => edit(draft, options as never),
    duplicate: (options) => duplicate(live, options as never),
    reconcile: (options) => reconcile([live], options as never),
    starterTemplates: (options) => starterTemplates(options as never),
  };

  it.each(Object.keys(WITH_OPTIONS))('%s needs an object: anything else is one issue at ["options"]', (name) => {
    for (const options of [null, true, [], undefined]) {
      const result = (WITH_OPTIONS[name] as (options: unknown) => Result<unknown>)(options);
      expect(result, String(options)).toEqual({ ok: false, issues: [expect.objectContaining({ path: ['options'] })] });
    }
  });
});

describe('resume needs the workspace', () => {
  it('resume(message, { now }) without a workspace is an issue at ["workspace"] (0.1 silently skipped the limit rule)', () => {
    expect(resume(paused, { now: ISO_NOW } as never)).toEqual({ ok: false, issues: [expect.objectContaining({ path: ['workspace'], code: 'required' })] });
  });
});

describe('the last instant the library accepts', () => {
  it('pause at now = 9999-12-31T23:59:59.999Z writes an updatedAt that parseMessage accepts', () => {
    for (const now of ['9999-12-31T23:59:59.999Z', MAX_INSTANT, new Date(MAX_INSTANT)]) {
      const result = pause(live, { now });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.value.updatedAt).toBe('9999-12-31T23:59:59.999Z');
      expect(parseMessage(result.value)).toEqual({ ok: true, value: result.value });
    }
  });

  it('recordDelivery at the last instant writes a delivery that parseVisitor accepts', () => {
    const result = recordDelivery(visitor, 'msg_pricing_help', MAX_INSTANT);
    expect(result.ok).toBe(true);
    if (result.ok) expect(parseVisitor(result.value).ok).toBe(true);
  });
});
