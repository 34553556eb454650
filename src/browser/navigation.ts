/**
 * What the kit listens to in the page: single-page-app navigations (the history API has no
 * event for `pushState`/`replaceState`, so both are wrapped; `popstate` and `hashchange` are
 * events), a page restored from the back/forward cache (`pageshow` with `persisted`), and
 * `visibilitychange`. `watchPage` installs all of it and returns the function that removes it.
 * @module
 */
import type { BrowserEnvironment, KitEventTarget, KitHistory } from './types.js';

/** What the page tells the kit. */
export interface PageSignals {
  /** The URL may have changed (`force`: a new page view even if it did not — a back/forward-cache restore). */
  readonly navigated: (force: boolean) => void;
  /** `document.visibilityState` changed. */
  readonly visibilityChanged: () => void;
}

type Listener = (event: { readonly persisted?: boolean }) => void;

/** Reports an error thrown by the kit's own reaction without breaking the caller (a router's `pushState`). */
function later(error: unknown): void {
  queueMicrotask(() => {
    throw error;
  });
}

/** Wraps `history[name]` so that `after` runs once the call returned; returns the undo. */
function wrap(history: KitHistory, name: 'pushState' | 'replaceState', after: () => void): () => void {
  const original = history[name];
  if (typeof original !== 'function') return () => undefined;
  const hadOwn = Object.hasOwn(history, name);
  let active = true;
  const wrapped: KitHistory[typeof name] = function (this: unknown, ...args: Parameters<KitHistory[typeof name]>) {
    original.apply(this, args);
    if (!active) return;
    try {
      after();
    } catch (error) {
      later(error);
    }
  };
  history[name] = wrapped;
  return () => {
    active = false; // a wrapper someone else wrapped again stays in place, as a pass-through
    if (history[name] !== wrapped) return;
    if (hadOwn) history[name] = original;
    else delete (history as Partial<KitHistory>)[name];
  };
}

/**
 * Starts listening; returns the function that stops.
 * @example
 * ```ts
 * const stop = watchPage(window, { navigated: () => check(), visibilityChanged: () => check() });
 * stop();
 * ```
 */
export function watchPage(env: BrowserEnvironment, signals: PageSignals): () => void {
  const undo: (() => void)[] = [];
  const listen = (target: KitEventTarget, type: string, listener: Listener): void => {
    target.addEventListener(type, listener);
    undo.push(() => target.removeEventListener(type, listener));
  };
  const navigated: Listener = () => signals.navigated(false);
  listen(env, 'popstate', navigated);
  listen(env, 'hashchange', navigated);
  listen(env, 'pageshow', (event) => {
    if (event.persisted === true) signals.navigated(true);
  });
  listen(env.document, 'visibilitychange', () => signals.visibilityChanged());
  if (env.history !== undefined) {
    const history = env.history;
    undo.push(wrap(history, 'pushState', () => signals.navigated(false)));
    undo.push(wrap(history, 'replaceState', () => signals.navigated(false)));
  }
  return () => {
    for (const step of undo.splice(0).reverse()) step();
  };
}
