/**
 * THE ONE PLACE where the browser kit touches the real world: the default clock (`Date.now`,
 * `setTimeout`), the default ids (`crypto`), the default storage (`localStorage`) and the default
 * page (`window`). Everything else in `src/browser/` receives these as injected dependencies,
 * so tests replace every one of them. `eslint.config.js` allows `Date.now` in this file only.
 * @module
 */
import type { BrowserEnvironment, IdGenerator, IdKind, KitClock, KitStorage } from './types.js';

/**
 * `Date.now` and `setTimeout`/`clearTimeout`.
 * @example
 * ```ts
 * const clock = defaultClock();
 * clock.setTimer(() => console.log(clock.now()), 1000);
 * ```
 */
export function defaultClock(): KitClock {
  return {
    now: () => Date.now(),
    setTimer: (callback, delayMs) => setTimeout(callback, delayMs),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
}

const PREFIX: Readonly<Record<IdKind, string>> = { visitor: 'v_', visit: 'visit_', pageView: 'pv_' };

/**
 * Prefixed random ids: `crypto.randomUUID` (secure contexts), else 128 bits of
 * `crypto.getRandomValues`, else — no Web Crypto at all — the time and a counter (unique within
 * this page, which is all visit and page-view ids need).
 * @example
 * ```ts
 * defaultIdGenerator()('visit'); // 'visit_3b241101-e2bb-4255-8caf-4136c566a962'
 * ```
 */
export function defaultIdGenerator(): IdGenerator {
  const crypto = (globalThis as { crypto?: Partial<Crypto> }).crypto;
  let counter = 0;
  return (kind) => {
    if (typeof crypto?.randomUUID === 'function') return PREFIX[kind] + crypto.randomUUID();
    if (typeof crypto?.getRandomValues === 'function') {
      const words = crypto.getRandomValues(new Uint32Array(4));
      return PREFIX[kind] + Array.from(words, (word) => word.toString(16).padStart(8, '0')).join('');
    }
    counter += 1;
    return `${PREFIX[kind]}${Date.now().toString(36)}_${counter.toString(36)}`;
  };
}

/** A storage whose every call throws `error`: what a blocked `localStorage` behaves like. */
function throwing(error: unknown): KitStorage {
  const fail = (): never => {
    throw error;
  };
  return { getItem: fail, setItem: fail };
}

/**
 * `window.localStorage`. Reading the property itself throws where storage is blocked (cookies
 * disabled, sandboxed frames); that, and no `localStorage` at all, give a storage that throws on
 * use, so the kit reports `blocked` and keeps the visitor in memory.
 * @example
 * ```ts
 * defaultStorage().getItem('proactive-messaging:visitor');
 * ```
 */
export function defaultStorage(): KitStorage {
  try {
    const storage = (globalThis as { localStorage?: KitStorage }).localStorage;
    return storage ?? throwing(new TypeError('localStorage is not available'));
  } catch (error) {
    return throwing(error);
  }
}

/**
 * `window`, when this is a browser page; `undefined` elsewhere (a server, a worker).
 * @example
 * ```ts
 * defaultEnvironment()?.location.href;
 * ```
 */
export function defaultEnvironment(): BrowserEnvironment | undefined {
  const page = globalThis as Partial<BrowserEnvironment>;
  return typeof page.addEventListener === 'function' && page.location !== undefined && page.document !== undefined ? (page as BrowserEnvironment) : undefined;
}
