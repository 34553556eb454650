/**
 * Storage that is blocked, full or holds something the kit did not write never breaks the page:
 * the kit reports the reason once, starts fresh when nothing usable is stored, and keeps working.
 */
import { describe, expect, it } from 'vitest';
import { createVisitorKit, DEFAULT_STORAGE_KEY, type KitStorage, type StorageProblem } from '../../src/browser/index.js';
import { parseVisitor } from '../../src/index.js';
import { countingIds, FakeClock, FakePage, FakeStorage } from './fakes.js';
import { MESSAGES, MINUTE, SHOP, T0 } from './fixtures.js';

function loadWith(storage: KitStorage, clock: FakeClock, url = `${SHOP}/`, newId = countingIds()) {
  const problems: StorageProblem[] = [];
  const page = new FakePage(url);
  const created = createVisitorKit({ channelId: 'web_main', messages: MESSAGES, storage, clock, environment: page, newId, onStorageProblem: (p) => problems.push(p) });
  if (!created.ok) throw new Error('kit');
  const kit = created.value;
  const decision = kit.start();
  return { kit, page, problems, decision };
}

const stored = (storage: FakeStorage): unknown => JSON.parse(storage.data.get(DEFAULT_STORAGE_KEY) ?? 'null');

describe('storage problems', () => {
  it.each([
    ['not JSON', '{"version": 1, "visitor":'],
    ['JSON of another shape', '{"hello": "world"}'],
    ['a visitor that does not parse', JSON.stringify({ version: 1, lastActivityAt: '2026-11-23T09:00:00Z', visitor: { id: 'v_1' } })],
    ['a timestamp without an offset', JSON.stringify({ version: 1, lastActivityAt: '2026-11-23T09:00:00', visitor: {} })],
    ['an array', '[1, 2, 3]'],
    ['a JSON string', '"v_1"'],
    ['prototype pollution', '{"__proto__": {"polluted": true}, "version": 1}'],
    ['a huge value', `"${'x'.repeat(2_000_000)}"`],
  ])('corrupt data (%s): a fresh visitor, reported once as corrupt, then overwritten', (_name, text) => {
    const storage = new FakeStorage();
    storage.data.set(DEFAULT_STORAGE_KEY, text);
    const clock = new FakeClock(T0);
    const { kit, problems, decision } = loadWith(storage, clock);
    expect(problems).toEqual([{ reason: 'corrupt', freshStart: true }]);
    expect(decision.message?.id).toBe('msg_welcome');
    expect(kit.visitor()?.visit).toMatchObject({ number: 1, pageViews: 1 });
    expect(parseVisitor(stored(storage) && (stored(storage) as { visitor: unknown }).visitor).ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // The next page load reads what the kit wrote: no problem, visit continues.
    clock.advance(MINUTE);
    const next = loadWith(storage, clock);
    expect(next.problems).toEqual([]);
    expect(next.kit.visitor()?.visit).toMatchObject({ number: 1, pageViews: 2 });
  });

  it('another version of the stored state: a fresh visitor, reported as unsupportedVersion', () => {
    const storage = new FakeStorage();
    storage.data.set(DEFAULT_STORAGE_KEY, JSON.stringify({ version: 2, visitors: [] }));
    const { problems, kit } = loadWith(storage, new FakeClock(T0));
    expect(problems).toEqual([{ reason: 'unsupportedVersion', freshStart: true }]);
    expect(kit.visitor()?.visit.number).toBe(1);
    expect(stored(storage)).toMatchObject({ version: 1 });
  });

  it('blocked storage (getItem and setItem throw, as with storage disabled): reported once as blocked, the page works in memory', () => {
    const storage = new FakeStorage('blocked');
    const clock = new FakeClock(T0);
    const { kit, page, problems, decision } = loadWith(storage, clock, `${SHOP}/pricing`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ reason: 'blocked', freshStart: true, error: { name: 'SecurityError' } });
    expect(decision.message?.id).toBe('msg_welcome');
    kit.apply([{ type: 'recordDelivery', messageId: 'msg_welcome' }]);
    expect(kit.decision()?.onScreen).toBe(true);
    kit.apply([{ type: 'markDelivery', messageId: 'msg_welcome', outcome: 'dismissed' }]);
    page.history.pushState({}, '', '/orders');
    expect(kit.decision()?.message?.id).toBe('msg_orders');
    expect(kit.visitor()?.deliveries.map((d) => [d.messageId, d.dismissed === true])).toEqual([['msg_welcome', true]]);
    clock.advance(30_000);
    expect(problems).toHaveLength(1);
  });

  it('full storage (setItem throws QuotaExceededError, as in old Safari private mode): reported once as full, the page works in memory', () => {
    const storage = new FakeStorage('full');
    const { kit, page, problems } = loadWith(storage, new FakeClock(T0));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ reason: 'full', freshStart: false, error: { name: 'QuotaExceededError' } });
    kit.apply([{ type: 'recordDelivery', messageId: 'msg_welcome' }]);
    page.history.pushState({}, '', '/a');
    page.history.pushState({}, '', '/b');
    expect(kit.visitor()?.visit.pageViews).toBe(3);
    expect(kit.visitor()?.deliveries.map((d) => d.messageId)).toEqual(['msg_welcome']);
    expect(problems).toHaveLength(1);
  });

  it('storage that fills up later: the page keeps what it knows in memory (no message shown twice)', () => {
    const storage = new FakeStorage();
    const { kit, page, problems } = loadWith(storage, new FakeClock(T0), `${SHOP}/`);
    storage.mode = 'full';
    kit.apply([{ type: 'recordDelivery', messageId: 'msg_welcome' }]);
    expect(problems.map((p) => p.reason)).toEqual(['full']);
    page.history.pushState({}, '', '/help');
    expect(kit.decision()?.eligible).toEqual([]);
    expect(kit.visitor()?.deliveries.map((d) => d.messageId)).toEqual(['msg_welcome']);
  });

  it('a setItem that throws something that is not an object is still classified, not rethrown', () => {
    const storage: KitStorage = {
      getItem: () => null,
      setItem: () => {
        throw null; // what a broken polyfill might do
      },
    };
    const { problems } = loadWith(storage, new FakeClock(T0));
    expect(problems).toEqual([{ reason: 'blocked', freshStart: false, error: null }]);
  });

  it('storage: null keeps the visitor in memory and reports nothing', () => {
    const problems: StorageProblem[] = [];
    const created = createVisitorKit({ channelId: 'web_main', messages: MESSAGES, storage: null, clock: new FakeClock(T0), environment: new FakePage(`${SHOP}/`), onStorageProblem: (p) => problems.push(p) });
    if (!created.ok) throw new Error('kit');
    expect(created.value.start().message?.id).toBe('msg_welcome');
    expect(problems).toEqual([]);
  });

  it('another tab corrupting the key mid-page: reported, this page keeps its visitor and overwrites the value', () => {
    const storage = new FakeStorage();
    const { kit, problems } = loadWith(storage, new FakeClock(T0));
    const id = kit.visitor()?.id;
    storage.data.set(DEFAULT_STORAGE_KEY, 'garbage');
    expect(kit.visitor()?.id).toBe(id);
    expect(problems).toEqual([{ reason: 'corrupt', freshStart: false }]);
    kit.touch();
    expect((stored(storage) as { visitor: { id: string } }).visitor.id).toBe(id);
  });
});

describe('tabs share the stored history', () => {
  it('a once message recorded in one tab is not shown in another tab of the same visit', () => {
    const storage = new FakeStorage();
    const clock = new FakeClock(T0);
    const ids = countingIds(); // one generator: ids unique across the tabs, as random ones are
    const first = loadWith(storage, clock, `${SHOP}/`, ids);
    first.kit.apply([{ type: 'recordDelivery', messageId: 'msg_welcome' }]);
    clock.advance(1_000);
    const second = loadWith(storage, clock, `${SHOP}/`, ids);
    expect(second.kit.visitor()?.id).toBe(first.kit.visitor()?.id);
    expect(second.decision.eligible).not.toContain('msg_welcome');
    // The first tab sees the second tab's page view in the stored visit, but keeps its own page view.
    expect(first.kit.visitor()?.visit.pageViews).toBe(1);
    expect(second.kit.visitor()?.visit.pageViews).toBe(2);
  });

  it('activity in one tab keeps the visit of another alive; an interaction does not rewind the visit', () => {
    const storage = new FakeStorage();
    const clock = new FakeClock(T0);
    const ids = countingIds();
    const a = loadWith(storage, clock, `${SHOP}/a`, ids);
    clock.advance(20 * MINUTE);
    const b = loadWith(storage, clock, `${SHOP}/b`, ids);
    clock.advance(20 * MINUTE);
    a.kit.touch(); // tab a is still in the visit's first page view: writes activity, not its view
    clock.advance(20 * MINUTE);
    a.page.history.pushState({}, '', '/c');
    expect(a.kit.visitor()?.visit).toMatchObject({ number: 1, pageViews: 3 });
    expect(b.kit.visitor()?.visit.id).toBe(a.kit.visitor()?.visit.id);
  });
});
