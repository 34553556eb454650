/**
 * The browser visitor kit in Node, with a fake page, storage, clock and ids: page views, visits,
 * the one timer, visibility, recording from the interaction reducer's effects, and the options.
 * Every step is also checked against the hand-written model (session.ts), whose decisions come
 * from `evaluate` on the complete history.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createVisitorKit, DEFAULT_INACTIVITY_MS, DEFAULT_STORAGE_KEY } from '../../src/browser/index.js';
import { parseVisitor, type Decision } from '../../src/index.js';
import { countingIds, FakeClock, FakePage, FakeStorage } from './fakes.js';
import { MESSAGES, MINUTE, SHOP, T0 } from './fixtures.js';
import { Session } from './session.js';

afterEach(() => {
  vi.restoreAllMocks();
});

const ids = (decision: Decision | null): string | null => decision?.message?.id ?? null;

describe('a browsing session (checked against the model at every step)', () => {
  it('first page load: a new visitor, visit 1, the welcome message shown and recorded once', () => {
    const s = new Session({ messages: MESSAGES });
    s.load(`${SHOP}/`);
    s.check();
    expect(s.widget.showing()).toEqual({ messageId: 'msg_welcome', status: 'shown' });
    const visitor = s.kit.visitor();
    expect(visitor?.visit).toMatchObject({ number: 1, pageViews: 1, startedAt: new Date(T0).toISOString() });
    expect(visitor?.deliveries.map((d) => d.messageId)).toEqual(['msg_welcome']);
    // The next decision has it on screen: no second delivery.
    expect(s.kit.refresh()?.onScreen).toBe(true);
    expect(s.kit.visitor()?.deliveries).toHaveLength(1);
    expect(s.ids.made).toEqual(['visit_1', 'pv_1', 'v_1']);
  });

  it('a reload within the inactivity gap continues the visit; one at the gap begins visit 2', () => {
    const s = new Session({ messages: MESSAGES });
    s.load(`${SHOP}/`);
    s.load(`${SHOP}/help`, 10 * MINUTE);
    s.check();
    expect(s.kit.visitor()?.visit).toMatchObject({ number: 1, pageViews: 2 });
    // msg_welcome is `once`: not again; ten minutes on the site bring msg_long_visit.
    expect(s.kit.decision()?.eligible).toEqual(['msg_long_visit']);
    s.load(`${SHOP}/help`, DEFAULT_INACTIVITY_MS);
    s.check();
    expect(s.kit.visitor()?.visit).toMatchObject({ number: 2, pageViews: 1, startedAt: new Date(T0 + 10 * MINUTE + DEFAULT_INACTIVITY_MS).toISOString() });
    expect(ids(s.kit.decision())).toBe('msg_returning');
  });

  it('one minute short of the gap is the same visit (the gap counts from the last activity, not the visit start)', () => {
    const s = new Session({ messages: MESSAGES });
    s.load(`${SHOP}/`);
    for (let i = 0; i < 4; i += 1) s.load(`${SHOP}/p${i}`, DEFAULT_INACTIVITY_MS - MINUTE);
    s.check();
    expect(s.kit.visitor()?.visit).toMatchObject({ number: 1, pageViews: 5 });
  });

  it("passes the account's policy to evaluate: a cooldown holds the next message back after the welcome", () => {
    const plain = new Session({ messages: MESSAGES });
    plain.load(`${SHOP}/`);
    plain.load(`${SHOP}/help`, 10 * MINUTE);
    // Without a cooldown, ten minutes on the site bring msg_long_visit (as above).
    expect(plain.kit.decision()?.eligible).toEqual(['msg_long_visit']);
    const s = new Session({ messages: MESSAGES, kitOptions: { policy: { cooldownSeconds: 3_600 } } });
    s.load(`${SHOP}/`);
    s.load(`${SHOP}/help`, 10 * MINUTE);
    s.check();
    // msg_welcome was delivered at T0: nothing else until T0 + 1 h.
    expect(s.kit.decision()?.eligible).toEqual([]);
    expect(s.kit.decision()?.reevaluateAt).toBe(T0 + 60 * MINUTE);
  });

  it('refuses a bad policy with its path', () => {
    const created = createVisitorKit({ channelId: 'web_main', policy: { cooldownSeconds: -5 }, environment: new FakePage(`${SHOP}/`) });
    expect(created.ok ? [] : created.issues.map((i) => [i.path, i.code])).toEqual([[['policy', 'cooldownSeconds'], 'tooSmall']]);
  });

  it('inactivityMs is configurable', () => {
    const s = new Session({ messages: MESSAGES, inactivityMs: 5 * MINUTE });
    s.load(`${SHOP}/`);
    s.load(`${SHOP}/`, 5 * MINUTE);
    s.check();
    expect(s.kit.visitor()?.visit.number).toBe(2);
  });

  it('SPA navigations (pushState, replaceState, popstate, hashchange) each begin a page view with the previous URL as referrer', () => {
    const s = new Session({ messages: MESSAGES });
    s.load(`${SHOP}/`, 0, 'https://search.example/');
    expect(s.kit.visitor()?.page.referrer).toBe('https://search.example/');
    s.navigate('/orders');
    s.check();
    expect(s.kit.visitor()?.page).toMatchObject({ url: `${SHOP}/orders`, referrer: `${SHOP}/` });
    expect(ids(s.kit.decision())).toBe('msg_orders');
    s.navigate('/orders?page=2', 'replace');
    s.check();
    s.navigate(`${SHOP}/orders`, 'back');
    s.check();
    s.navigate('#details', 'hash');
    s.check();
    expect(s.kit.visitor()?.visit.pageViews).toBe(5);
    // msg_orders is `everyTime`: shown again on each of those page views.
    expect(s.kit.visitor()?.deliveries.filter((d) => d.messageId === 'msg_orders')).toHaveLength(4);
  });

  it('a history call that keeps the URL, and hashchange after popstate for the same URL, begin no page view', () => {
    const s = new Session({ messages: MESSAGES });
    s.load(`${SHOP}/a`);
    s.page.history.replaceState({ scroll: 10 }, '');
    s.page.history.pushState({}, '', `${SHOP}/a`);
    s.page.dispatch('hashchange');
    expect(s.kit.visitor()?.visit.pageViews).toBe(1);
    s.check();
  });

  it('a page restored from the back/forward cache is a new page view of the same URL', () => {
    const s = new Session({ messages: MESSAGES });
    s.load(`${SHOP}/orders`);
    const first = s.kit.visitor()?.page.viewId;
    s.page.dispatch('pageshow', { persisted: false });
    expect(s.kit.visitor()?.page.viewId).toBe(first);
    s.model.pageView(s.clock.now(), `${SHOP}/orders`, `${SHOP}/orders`);
    s.page.dispatch('pageshow', { persisted: true });
    expect(s.kit.visitor()?.page.viewId).not.toBe(first);
    s.check();
  });

  it('navigate() begins a page view for routers that bypass the history API', () => {
    const s = new Session({ messages: MESSAGES });
    s.load(`${SHOP}/a`);
    s.model.pageView(s.clock.now(), `${SHOP}/a`, `${SHOP}/a`);
    s.kit.navigate();
    s.check();
    expect(s.kit.visitor()?.visit.pageViews).toBe(2);
  });

  it('one timer for reevaluateAt: time on page shows msg_pricing at exactly 30 s, time on site msg_long_visit at 120 s', () => {
    const s = new Session({ messages: MESSAGES });
    s.load(`${SHOP}/pricing`);
    s.ui({ type: 'dismiss' }); // the welcome message
    s.check();
    expect(s.clock.pending()).toEqual([T0 + 30_000]);
    s.wait(29_999);
    expect(ids(s.kit.decision())).toBeNull();
    s.wait(1);
    s.check();
    expect(ids(s.kit.decision())).toBe('msg_pricing');
    expect(s.kit.visitor()?.deliveries.at(-1)).toMatchObject({ messageId: 'msg_pricing', at: new Date(T0 + 30_000).toISOString() });
    s.ui({ type: 'open' });
    s.ui({ type: 'close' });
    s.check();
    expect(s.kit.visitor()?.deliveries.at(-1)).toMatchObject({ messageId: 'msg_pricing', closed: true });
    s.wait(90_000);
    s.check();
    expect(ids(s.kit.decision())).toBe('msg_long_visit');
    expect(s.clock.pending()).toEqual([]);
  });

  it('dismissing marks the delivery from the reducer’s effect; the message leaves the screen and the next one in priority shows', () => {
    const s = new Session({ messages: MESSAGES });
    s.load(`${SHOP}/`, 0);
    s.load(`${SHOP}/orders`, DEFAULT_INACTIVITY_MS); // visit 2: orders (10) and returning (3) qualify
    expect(s.kit.decision()?.eligible).toEqual(['msg_orders', 'msg_returning']);
    s.ui({ type: 'dismiss' });
    s.check();
    const orders = s.kit.visitor()?.deliveries.filter((d) => d.messageId === 'msg_orders');
    expect(orders).toEqual([expect.objectContaining({ dismissed: true })]);
    expect(s.widget.showing()).toEqual({ messageId: 'msg_returning', status: 'shown' });
  });

  it('a recordDelivery effect for a message already on screen, or not the decided one, records nothing', () => {
    const s = new Session({ messages: MESSAGES });
    s.load(`${SHOP}/`);
    const before = s.kit.visitor()?.deliveries.length;
    s.kit.apply([{ type: 'recordDelivery', messageId: 'msg_welcome' }]);
    s.kit.apply([{ type: 'recordDelivery', messageId: 'msg_orders' }]);
    expect(s.kit.visitor()?.deliveries.length).toBe(before);
    expect(s.kit.decision()?.onScreen).toBe(true);
  });

  it('while hidden: no timer and no decisions; visible again: evaluates at once', () => {
    const s = new Session({ messages: MESSAGES });
    s.load(`${SHOP}/pricing`);
    s.ui({ type: 'dismiss' });
    const pushes = s.widget.log.length;
    s.page.setVisibility('hidden');
    expect(s.clock.pending()).toEqual([]);
    s.clock.advance(45_000);
    expect(s.widget.log.length).toBe(pushes);
    s.model.becameVisible(s.clock.now());
    s.page.setVisibility('visible');
    s.check();
    // One decision when visible (msg_pricing, new), one after its delivery was recorded (on screen).
    expect(s.widget.log.slice(pushes).map((entry) => [entry.now, ids(entry.decision), entry.decision.onScreen])).toEqual([
      [T0 + 45_000, 'msg_pricing', false],
      [T0 + 45_000, 'msg_pricing', true],
    ]);
  });

  it('visible again after the inactivity gap: a new visit with a new page view of the same URL', () => {
    const s = new Session({ messages: MESSAGES });
    s.load(`${SHOP}/orders`);
    s.away(DEFAULT_INACTIVITY_MS + 1);
    s.check();
    expect(s.kit.visitor()?.visit).toMatchObject({ number: 2, pageViews: 1 });
    expect(s.kit.visitor()?.page.url).toBe(`${SHOP}/orders`);
    s.away(MINUTE);
    s.check();
    expect(s.kit.visitor()?.visit).toMatchObject({ number: 2, pageViews: 1 });
  });

  it('a page that loads hidden (a background tab) shows nothing until it is visible', () => {
    const clock = new FakeClock(T0);
    const page = new FakePage(`${SHOP}/`, { visibility: 'hidden' });
    const seen: string[] = [];
    const kit = createVisitorKit({ channelId: 'web_main', messages: MESSAGES, clock, environment: page, storage: null, onDecision: (d) => seen.push(ids(d) ?? '-') });
    if (!kit.ok) throw new Error('kit');
    expect(ids(kit.value.start())).toBe('msg_welcome');
    expect(seen).toEqual([]);
    page.setVisibility('visible');
    expect(seen).toEqual(['msg_welcome']);
  });

  it('stop() removes every listener, restores the history API and clears the timer', () => {
    const s = new Session({ messages: MESSAGES });
    s.load(`${SHOP}/pricing`);
    expect(s.page.listenerCount()).toBe(4);
    expect(s.clock.pending()).toHaveLength(1);
    s.kit.stop();
    expect(s.page.listenerCount()).toBe(0);
    expect(s.clock.pending()).toEqual([]);
    const views = s.kit.visitor()?.visit.pageViews;
    s.page.history.pushState({}, '', '/orders');
    expect(s.kit.visitor()?.visit.pageViews).toBe(views);
  });

  it('stop() puts back the very history methods it found, own or inherited', () => {
    const page = new FakePage(`${SHOP}/`);
    const ownPush = page.history.pushState;
    const kit = createVisitorKit({ channelId: 'web_main', environment: page, storage: null, clock: new FakeClock(T0) });
    if (!kit.ok) throw new Error('kit');
    kit.value.start();
    expect(page.history.pushState).not.toBe(ownPush);
    kit.value.stop();
    expect(page.history.pushState).toBe(ownPush);

    class History {
      pushState(): void {}
      replaceState(): void {}
    }
    const inherited = new History();
    const other = Object.assign(new FakePage(`${SHOP}/`), { history: inherited });
    const second = createVisitorKit({ channelId: 'web_main', environment: other, storage: null, clock: new FakeClock(T0) });
    if (!second.ok) throw new Error('kit');
    second.value.start();
    expect(Object.hasOwn(inherited, 'pushState')).toBe(true);
    second.value.stop();
    expect(Object.hasOwn(inherited, 'pushState')).toBe(false);
  });

  it('an error thrown by onDecision during a pushState does not break the router call', async () => {
    const page = new FakePage(`${SHOP}/`);
    let calls = 0;
    const kit = createVisitorKit({
      channelId: 'web_main',
      environment: page,
      storage: null,
      clock: new FakeClock(T0),
      onDecision: () => {
        calls += 1;
        if (calls > 1) throw new Error('host bug');
      },
    });
    if (!kit.ok) throw new Error('kit');
    kit.value.start();
    const reported = new Promise<unknown>((resolve) => process.once('uncaughtException', resolve));
    expect(() => page.history.pushState({}, '', '/next')).not.toThrow();
    expect(page.location.href).toBe(`${SHOP}/next`);
    expect(await reported).toMatchObject({ message: 'host bug' });
  });
});

describe('the visitor the kit builds', () => {
  it('passes parseVisitor, with language from navigator.language and the device type from the user agent', () => {
    const page = new FakePage(`${SHOP}/`, { language: 'de-CH', userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148' });
    const kit = createVisitorKit({ channelId: 'web_main', environment: page, storage: null, clock: new FakeClock(T0), metadata: { plan: 'pro' } });
    if (!kit.ok) throw new Error('kit');
    kit.value.start();
    const visitor = kit.value.visitor();
    expect(parseVisitor(visitor).ok).toBe(true);
    expect(visitor).toMatchObject({ channelId: 'web_main', language: 'de-CH', deviceType: 'mobile', metadata: { plan: 'pro' }, inActiveConversation: false });
  });

  it('a language tag the format rejects is left out (null), and so is an invalid injected device type', () => {
    const page = new FakePage(`${SHOP}/`, { language: 'not a language!' });
    const kit = createVisitorKit({ channelId: 'web_main', environment: page, storage: null, clock: new FakeClock(T0), deviceType: 'fridge' as never });
    if (!kit.ok) throw new Error('kit');
    expect(kit.value.start().invalidInput).toBeNull();
    expect(kit.value.visitor()).toMatchObject({ language: null, deviceType: null });
  });

  it('language and device type can be injected', () => {
    const kit = createVisitorKit({ channelId: 'web_main', environment: new FakePage(`${SHOP}/`), storage: null, clock: new FakeClock(T0), language: 'fr', deviceType: 'tablet' });
    if (!kit.ok) throw new Error('kit');
    kit.value.start();
    expect(kit.value.visitor()).toMatchObject({ language: 'fr', deviceType: 'tablet' });
  });

  it('a URL, title and referrer longer than the format allows are cut to LIMITS, not rejected', () => {
    const long = `${SHOP}/${'x'.repeat(9_000)}`;
    const page = new FakePage(long, { referrer: long, title: 't'.repeat(2_000) });
    const kit = createVisitorKit({ channelId: 'web_main', environment: page, storage: null, clock: new FakeClock(T0) });
    if (!kit.ok) throw new Error('kit');
    kit.value.start();
    const visitor = kit.value.visitor();
    expect(parseVisitor(visitor).ok).toBe(true);
    expect([visitor?.page.url.length, visitor?.page.title.length, visitor?.page.referrer?.length]).toEqual([8_192, 1_000, 8_192]);
  });

  it('the page title is read at each evaluation (titles set after a navigation are seen by refresh)', () => {
    const page = new FakePage(`${SHOP}/`, { title: 'Loading…' });
    const kit = createVisitorKit({ channelId: 'web_main', environment: page, storage: null, clock: new FakeClock(T0) });
    if (!kit.ok) throw new Error('kit');
    kit.value.start();
    page.document.title = 'Pricing';
    expect(kit.value.visitor()?.page.title).toBe('Pricing');
  });

  it('setMetadata and setInActiveConversation re-evaluate; during a conversation nothing is shown', () => {
    const kit = createVisitorKit({ channelId: 'web_main', messages: MESSAGES, environment: new FakePage(`${SHOP}/`), storage: null, clock: new FakeClock(T0) });
    if (!kit.ok) throw new Error('kit');
    expect(kit.value.setInActiveConversation(true)).toBeNull(); // not started yet
    expect(ids(kit.value.start())).toBeNull();
    expect(ids(kit.value.setInActiveConversation(false))).toBe('msg_welcome');
    expect(kit.value.setMetadata({ cart: 1 })?.invalidInput).toBeNull();
    expect(kit.value.visitor()?.metadata).toEqual({ cart: 1 });
    expect(ids(kit.value.setMessages([]))).toBeNull();
  });

  it('reads neither Date.now nor Math.random nor crypto when clock and ids are injected', () => {
    const now = vi.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('Date.now read');
    });
    const random = vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random read');
    });
    const uuid = vi.spyOn(globalThis.crypto, 'randomUUID').mockImplementation(() => {
      throw new Error('crypto read');
    });
    const s = new Session({ messages: MESSAGES });
    s.load(`${SHOP}/pricing`);
    s.navigate('/orders');
    s.ui({ type: 'dismiss' });
    s.wait(3 * MINUTE);
    s.load(`${SHOP}/`, 2 * DEFAULT_INACTIVITY_MS);
    s.check();
    expect([now, random, uuid].map((spy) => spy.mock.calls.length)).toEqual([0, 0, 0]);
  });

  it('with the default ids: crypto.randomUUID with a prefix per kind', () => {
    const kit = createVisitorKit({ channelId: 'web_main', environment: new FakePage(`${SHOP}/`), storage: null, clock: new FakeClock(T0) });
    if (!kit.ok) throw new Error('kit');
    kit.value.start();
    const visitor = kit.value.visitor();
    const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}';
    expect(visitor?.id).toMatch(new RegExp(`^v_${uuid}$`));
    expect(visitor?.visit.id).toMatch(new RegExp(`^visit_${uuid}$`));
    expect(visitor?.page.viewId).toMatch(new RegExp(`^pv_${uuid}$`));
  });

  it('a clock that gives no instant: nothing is shown and the decision says why, nothing throws', () => {
    const clock = new FakeClock(Number.NaN);
    const kit = createVisitorKit({ channelId: 'web_main', messages: MESSAGES, environment: new FakePage(`${SHOP}/`), storage: null, clock });
    if (!kit.ok) throw new Error('kit');
    expect(kit.value.start()).toMatchObject({ message: null, invalidInput: { path: ['now'], code: 'invalidInstant' } });
  });
});

describe('createVisitorKit options', () => {
  it('fails with issues (no throw) for a bad channelId, inactivityMs or storageKey, or without a page', () => {
    const result = createVisitorKit({ channelId: '', inactivityMs: 0, storageKey: '' } as never);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.path, i.code])).toEqual([
      [['channelId'], 'tooSmall'],
      [['inactivityMs'], 'tooSmall'],
      [['storageKey'], 'tooSmall'],
      [['environment'], 'required'],
    ]);
    expect(result.issues[3]?.message).toBe('"environment" is required');
    expect(createVisitorKit(undefined as never).ok).toBe(false);
  });

  it('uses the default storage key and the injected storage', () => {
    const storage = new FakeStorage();
    const kit = createVisitorKit({ channelId: 'web_main', environment: new FakePage(`${SHOP}/`), storage, clock: new FakeClock(T0), newId: countingIds() });
    if (!kit.ok) throw new Error('kit');
    kit.value.start();
    expect([...storage.data.keys()]).toEqual([DEFAULT_STORAGE_KEY]);
    expect(JSON.parse(storage.data.get(DEFAULT_STORAGE_KEY) as string)).toMatchObject({ version: 1, lastActivityAt: new Date(T0).toISOString(), visitor: { id: 'v_1', visit: { id: 'visit_1' } } });
  });

  it('start() twice starts once', () => {
    const page = new FakePage(`${SHOP}/`);
    const kit = createVisitorKit({ channelId: 'web_main', environment: page, storage: null, clock: new FakeClock(T0) });
    if (!kit.ok) throw new Error('kit');
    const first = kit.value.start();
    expect(kit.value.start()).toBe(first);
    expect(page.listenerCount()).toBe(4);
    expect(kit.value.visitor()?.visit.pageViews).toBe(1);
  });

  it('before start: no visitor, no decision, no listener, nothing stored', () => {
    const page = new FakePage(`${SHOP}/`);
    const storage = new FakeStorage();
    const kit = createVisitorKit({ channelId: 'web_main', environment: page, storage, clock: new FakeClock(T0) });
    if (!kit.ok) throw new Error('kit');
    expect([kit.value.visitor(), kit.value.decision(), kit.value.refresh(), kit.value.navigate(), kit.value.apply([])]).toEqual([null, null, null, null, null]);
    kit.value.touch();
    expect(page.listenerCount()).toBe(0);
    expect(storage.data.size).toBe(0);
  });
});
