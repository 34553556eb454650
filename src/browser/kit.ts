/**
 * The browser visitor kit: keeps the visitor of `evaluate` across page loads and navigations,
 * evaluates when something changes, keeps one `reevaluateAt` timer, and records what the
 * interaction reducer says was shown, dismissed or closed. Every dependency is injected (see
 * `defaults.ts` for the real ones). Rules, in `docs/browser-kit.md`:
 *
 * - **Page views**: `start`, every URL change through the history API, `popstate` or
 *   `hashchange`, a back/forward-cache restore, and `navigate()` begin a new page view.
 * - **Visits**: a page view that begins `inactivityMs` or more after the last activity (any page
 *   view, interaction or `touch` of any tab, or the page becoming visible) begins a new visit;
 *   so does the page becoming visible after such a gap (with a new page view of the same URL).
 * - **Visibility**: while the page is hidden there is no timer and no `onDecision`; when it
 *   becomes visible the kit evaluates at once.
 * - **Storage is the truth while it works**: each change reads the stored state, applies itself
 *   and writes it back, so tabs of one site share the history; a page view writes the visit, an
 *   interaction only the history. When storage fails the kit carries on in memory.
 * @module
 */
import { evaluateOptionsCheck } from '../check/options.js';
import { isoOf, toInstant } from '../core/instants.js';
import { issueAt, NO_PARAMS, type IssueData, type Result } from '../core/issues.js';
import { MAX_COUNTER, MAX_ID_LENGTH, MAX_TITLE_LENGTH, MAX_URL_LENGTH } from '../core/limits.js';
import type { Delivery, DeviceType, Message, MetadataValue, Page, Visit, Visitor } from '../core/types.js';
import { kindOf } from '../core/values.js';
import { int, runCheck, str, type Check } from '../check/check.js';
import { id } from '../check/primitives.js';
import { visitorCheck } from '../check/visitor.js';
import { evaluate, type Decision } from '../evaluate/evaluate.js';
import type { InteractionEffect } from '../experience/interaction-types.js';
import { compactDeliveries, markDelivery, recordDelivery } from '../frequency/record.js';
import { fail, ok } from '../parse/parse.js';
import { defaultClock, defaultEnvironment, defaultIdGenerator, defaultStorage } from './defaults.js';
import { detectDeviceType } from './device.js';
import { watchPage } from './navigation.js';
import { readState, STORAGE_VERSION, writeState, type StoredState } from './store.js';
import type { StorageProblemReason, TimerHandle, VisitorKit, VisitorKitOptions } from './types.js';

/** A visit ends after 30 minutes without activity, unless `inactivityMs` says otherwise. */
export const DEFAULT_INACTIVITY_MS = 30 * 60_000;
/** Where the kit keeps its state, unless `storageKey` says otherwise. */
export const DEFAULT_STORAGE_KEY = 'proactive-messaging:visitor';
/** Longest delay `setTimeout` honours (longer ones fire at once): a later `reevaluateAt` is waited for in steps. */
const MAX_TIMER_DELAY = 2_147_483_647;

const cut = (text: string, max: number): string => (text.length > max ? text.slice(0, max) : text);

/** What `evaluate` answers when the injected clock gives no instant: nothing, with the reason. */
function noInstant(now: unknown): Decision {
  return { message: null, onScreen: false, eligible: [], heldOut: [], reevaluateAt: null, invalid: [], invalidInput: issueAt(['now'], 'invalidInstant', { got: kindOf(now) }) };
}

/**
 * Creates the kit for this page (nothing happens until `start`). Fails when `channelId`,
 * `inactivityMs` or `storageKey` is invalid, or when there is no page (no `window`, and no
 * `environment` given). Importing the module does nothing.
 * @example
 * ```ts
 * import { createVisitorKit } from 'proactive-messaging/browser';
 *
 * const created = createVisitorKit({ channelId: 'web_main', messages, onDecision: render });
 * if (created.ok) created.value.start();
 * ```
 */
export function createVisitorKit(options: VisitorKitOptions): Result<VisitorKit> {
  const given: Partial<VisitorKitOptions> = typeof options === 'object' && options !== null ? options : {};
  const issues: IssueData[] = [];
  const check = (value: unknown, rule: Check<unknown>, key: string): void => {
    const checked = runCheck(rule, value, true, [key]);
    if (!checked.ok) issues.push(...checked.issues);
  };
  check(given.channelId, id, 'channelId');
  if (given.inactivityMs !== undefined) check(given.inactivityMs, int(1, MAX_COUNTER), 'inactivityMs');
  if (given.storageKey !== undefined) check(given.storageKey, str(1, MAX_ID_LENGTH), 'storageKey');
  if (given.policy !== undefined) check(given.policy, evaluateOptionsCheck, 'policy');
  const env = given.environment ?? defaultEnvironment();
  if (env === undefined) issues.push(issueAt(['environment'], 'required', NO_PARAMS));
  if (issues.length > 0 || env === undefined) return fail(issues);
  return ok(kit(given as VisitorKitOptions, env));
}

function kit(options: VisitorKitOptions, env: NonNullable<VisitorKitOptions['environment']>): VisitorKit {
  const clock = options.clock ?? defaultClock();
  const newId = options.newId ?? defaultIdGenerator();
  const storage = options.storage === undefined ? defaultStorage() : options.storage;
  const key = options.storageKey ?? DEFAULT_STORAGE_KEY;
  const inactivityMs = options.inactivityMs ?? DEFAULT_INACTIVITY_MS;
  const channelId = options.channelId;
  let messages: readonly Message[] = options.messages ?? [];
  let metadata = options.metadata;
  let inConversation = options.inActiveConversation === true;
  let language: string | null = null;
  let deviceType: DeviceType | null = null;

  let useStorage = storage !== null;
  /** The state as this page last read or wrote it: what is used when storage fails. */
  let known: StoredState | null = null;
  /** This page's visit and page view (another tab may have begun a later visit). */
  let visit: Visit | null = null;
  let page: Page | null = null;
  let href = '';
  let latest: Decision | null = null;
  let timer: TimerHandle;
  let timing = false;
  let started = false;
  let unwatch: (() => void) | null = null;
  const reported = new Set<StorageProblemReason>();

  // The one call of `evaluate`, with the account's policies (cooldown, time zone of `oncePer`).
  const policy = options.policy;
  const decide = (visitor: Visitor, now: number): Decision => evaluate(visitor, messages, now, policy);
  const visible = (): boolean => env.document.visibilityState !== 'hidden';

  function problem(reason: StorageProblemReason, error: unknown): void {
    if (reported.has(reason)) return;
    reported.add(reason);
    options.onStorageProblem?.({ reason, freshStart: known === null, ...(error === undefined ? {} : { error }) });
  }

  /** The stored state (another tab may have written it), or this page's copy when storage fails. */
  function load(): StoredState | null {
    if (!useStorage || storage === null) return known;
    const read = readState(storage, key);
    if (read.problem === 'blocked') useStorage = false;
    if (read.problem !== null) problem(read.problem, read.error);
    else if (read.state !== null) known = read.state;
    return known;
  }

  function save(state: StoredState): void {
    known = state;
    if (!useStorage || storage === null) return;
    const written = writeState(storage, key, state);
    if (written.problem === null) return;
    useStorage = false; // a full or failing storage is not retried: this page carries on in memory
    problem(written.problem, written.error);
  }

  /** The history as this page's visit and page view see it (what `recordDelivery` & co. take). */
  function historyOf(state: StoredState): Visitor {
    return { ...state.visitor, channelId, visit: visit as Visit, page: page as Page };
  }

  /** The whole visitor: the history plus what the page knows now. */
  function visitorOf(state: StoredState): Visitor {
    const history = historyOf(state);
    // In the visitor format's key order, which the visitor check reads fastest.
    return {
      id: history.id,
      channelId,
      visit: history.visit,
      page: { ...history.page, title: cut(String(env.document.title), MAX_TITLE_LENGTH) },
      language,
      deviceType,
      ...(metadata === undefined ? {} : { metadata }),
      inActiveConversation: inConversation,
      deliveries: history.deliveries,
    };
  }

  /** Begins a page view at `now`, in the current visit or, after the inactivity gap, a new one. */
  function beginPageView(now: number, referrer: string | null): void {
    const before = load();
    const last = before === null ? undefined : toInstant(before.lastActivityAt);
    const previous = before?.visitor.visit;
    visit =
      previous !== undefined && last !== undefined && now - last < inactivityMs
        ? { ...previous, pageViews: Math.min(previous.pageViews + 1, MAX_COUNTER) }
        : { id: newId('visit'), number: previous === undefined ? 1 : Math.min(previous.number + 1, MAX_COUNTER), startedAt: isoOf(now), pageViews: 1 };
    href = String(env.location.href);
    page = {
      viewId: newId('pageView'),
      url: cut(href, MAX_URL_LENGTH),
      title: cut(String(env.document.title), MAX_TITLE_LENGTH),
      referrer: referrer === null || referrer === '' ? null : cut(referrer, MAX_URL_LENGTH),
      enteredAt: isoOf(now),
    };
    const visitor: Visitor = { id: before?.visitor.id ?? newId('visitor'), channelId, visit, page, inActiveConversation: false, deliveries: before?.visitor.deliveries ?? [] };
    save({ version: STORAGE_VERSION, lastActivityAt: isoOf(now), visitor: { ...visitor, deliveries: compacted(visitor, now) } });
  }

  /**
   * `compactDeliveries` for the messages known now, keeping every delivery of the current visit
   * too: another tab of this visit may still show one of them (its on-screen rule needs it).
   */
  function compacted(visitor: Visitor, now: number): readonly Delivery[] {
    const result = compactDeliveries(visitor, messages, now);
    if (!result.ok) return visitor.deliveries;
    const keyOf = (d: Delivery): string => `${d.messageId}\u0000${d.at}\u0000${d.visitId}\u0000${d.pageViewId}`;
    const kept = new Set(result.value.deliveries.map(keyOf));
    return visitor.deliveries.filter((d) => d.visitId === visitor.visit.id || kept.has(keyOf(d)));
  }

  function clearTimer(): void {
    if (timing) clock.clearTimer(timer);
    timing = false;
  }

  /** One timer, for `reevaluateAt`, only while started and visible. */
  function schedule(decision: Decision, now: number): void {
    clearTimer();
    if (unwatch === null || !visible() || decision.reevaluateAt === null) return;
    // `reevaluateAt` is after `now` by evaluate's law; the 1 s floor only guards against a busy loop.
    const delay = decision.reevaluateAt > now ? Math.min(decision.reevaluateAt - now, MAX_TIMER_DELAY) : 1000;
    timing = true;
    timer = clock.setTimer(() => {
      timing = false;
      run();
    }, delay);
  }

  /** Evaluates now, sets the timer and, while visible, tells the host. */
  function run(): Decision {
    const now = clock.now();
    const state = load();
    if (toInstant(now) === undefined || state === null) return (latest = noInstant(now));
    const visitor = visitorOf(state);
    latest = decide(visitor, now);
    schedule(latest, now);
    if (unwatch !== null && visible()) options.onDecision?.(latest, visitor);
    return latest; // the latest: onDecision may have applied effects and evaluated again
  }

  /** Runs `change` at a valid `now` once a page view exists; `null` before `start`. */
  function whenStarted(change: (now: number) => void): Decision | null {
    if (page === null) return null;
    const now = clock.now();
    if (toInstant(now) === undefined) return (latest = noInstant(now));
    change(now);
    return run();
  }

  /** Marks activity at `now` without touching the visit another tab may have begun. */
  function active(now: number, deliveries?: readonly Delivery[]): void {
    const state = load();
    if (state === null) return;
    save({ ...state, lastActivityAt: isoOf(now), visitor: { ...state.visitor, deliveries: deliveries ?? state.visitor.deliveries } });
  }

  function navigated(force: boolean): void {
    if (!force && String(env.location.href) === href) return;
    const from = href;
    whenStarted((now) => beginPageView(now, from));
  }

  function visibilityChanged(): void {
    if (!visible()) {
      clearTimer();
      return;
    }
    whenStarted((now) => {
      const last = toInstant(load()?.lastActivityAt);
      if (last !== undefined && now - last >= inactivityMs) beginPageView(now, page?.referrer ?? null);
      else active(now);
    });
  }

  function apply(effects: readonly InteractionEffect[]): Decision | null {
    return whenStarted((now) => {
      const state = load();
      if (state === null) return;
      let history = historyOf(state);
      for (const effect of Array.isArray(effects) ? effects : []) {
        if (effect?.type === 'recordDelivery') {
          // Only what the latest decision showed as new: an on-screen message is never recorded twice.
          if (latest === null || latest.message?.id !== effect.messageId || latest.onScreen) continue;
          const recorded = recordDelivery(history, effect.messageId, now);
          if (!recorded.ok) continue;
          history = recorded.value;
          latest = decide(visitorOf({ ...state, visitor: { ...state.visitor, deliveries: history.deliveries } }), now);
        } else if (effect?.type === 'markDelivery') {
          const marked = markDelivery(history, effect.messageId, effect.outcome);
          if (marked.ok) history = marked.value;
        }
      }
      active(now, history.deliveries);
    });
  }

  return {
    start() {
      if (started) return latest ?? run();
      started = true;
      const nav = env.navigator;
      language = options.language !== undefined ? options.language : typeof nav?.language === 'string' ? nav.language : null;
      deviceType =
        options.deviceType !== undefined
          ? options.deviceType
          : detectDeviceType({ userAgent: nav?.userAgent, maxTouchPoints: nav?.maxTouchPoints, mobileHint: nav?.userAgentData?.mobile, screenWidth: env.screen?.width, screenHeight: env.screen?.height });
      const now = clock.now();
      if (toInstant(now) === undefined) return (latest = noInstant(now));
      beginPageView(now, String(env.document.referrer));
      // A language tag the browser reports but the format does not accept is left out, not fatal.
      const checked = known === null ? null : runCheck(visitorCheck, visitorOf(known), true);
      for (const found of checked?.ok === false ? checked.issues : []) {
        if (found.path.length === 1 && found.path[0] === 'language') language = null;
        if (found.path.length === 1 && found.path[0] === 'deviceType') deviceType = null;
      }
      unwatch = watchPage(env, { navigated, visibilityChanged });
      return run();
    },
    stop() {
      unwatch?.();
      unwatch = null;
      clearTimer();
    },
    refresh: () => whenStarted(() => undefined),
    navigate: () => whenStarted((now) => beginPageView(now, href)),
    apply,
    touch() {
      if (page === null) return;
      const now = clock.now();
      if (toInstant(now) !== undefined) active(now);
    },
    setMessages(next) {
      messages = next;
      return whenStarted(() => undefined);
    },
    setMetadata(next: Readonly<Record<string, MetadataValue>> | undefined) {
      metadata = next;
      return whenStarted(() => undefined);
    },
    setInActiveConversation(activeConversation) {
      inConversation = activeConversation === true;
      return whenStarted(() => undefined);
    },
    visitor() {
      const state = page === null ? null : load();
      return state === null ? null : visitorOf(state);
    },
    decision: () => latest,
  };
}
