/**
 * Fakes of everything the browser kit is given: a clock with timers that the test advances, a
 * storage that can be made blocked, full or corrupt, an id generator, and a page (location,
 * title, referrer, visibility, the history API and event listeners).
 */
import type { BrowserEnvironment, IdGenerator, KitClock, KitHistory, KitStorage } from '../../src/browser/index.js';

interface FakeTimer {
  readonly id: number;
  readonly at: number;
  readonly callback: () => void;
}

/** A clock that moves only when told, firing due timers in order at their exact instants. */
export class FakeClock implements KitClock {
  private timers: FakeTimer[] = [];
  private nextId = 1;
  constructor(public current: number) {}

  now(): number {
    return this.current;
  }

  setTimer(callback: () => void, delayMs: number): number {
    const timer = { id: this.nextId++, at: this.current + delayMs, callback };
    this.timers.push(timer);
    return timer.id;
  }

  clearTimer(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  /** Instants of the pending timers, earliest first. */
  pending(): number[] {
    return this.timers.map((t) => t.at).sort((a, b) => a - b);
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way. */
  advance(ms: number): void {
    const target = this.current + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (due === undefined) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.current = Math.max(this.current, due.at);
      due.callback();
    }
    this.current = target;
  }
}

export type StorageMode = 'ok' | 'blocked' | 'full' | 'readOnlyBlocked';

/** An in-memory `localStorage` that can refuse to work as real ones do. */
export class FakeStorage implements KitStorage {
  readonly data = new Map<string, string>();
  writes = 0;
  constructor(public mode: StorageMode = 'ok') {}

  getItem(key: string): string | null {
    if (this.mode === 'blocked' || this.mode === 'readOnlyBlocked') throw new DOMException('The operation is insecure.', 'SecurityError');
    return this.data.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    if (this.mode === 'blocked') throw new DOMException('The operation is insecure.', 'SecurityError');
    if (this.mode === 'full') throw new DOMException("Failed to execute 'setItem' on 'Storage': exceeded the quota.", 'QuotaExceededError');
    this.writes += 1;
    this.data.set(key, value);
  }
}

/** Ids `visit_1`, `pv_1`, `v_1`, … in order (one counter per kind). */
export function countingIds(): IdGenerator & { readonly made: string[] } {
  const counters = { visitor: 0, visit: 0, pageView: 0 };
  const prefix = { visitor: 'v_', visit: 'visit_', pageView: 'pv_' };
  const made: string[] = [];
  const generate = (kind: keyof typeof counters): string => {
    counters[kind] += 1;
    const id = `${prefix[kind]}${counters[kind]}`;
    made.push(id);
    return id;
  };
  return Object.assign(generate, { made });
}

type Listener = (event: { readonly persisted?: boolean }) => void;

class Target {
  private listeners = new Map<string, Listener[]>();
  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  removeEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, (this.listeners.get(type) ?? []).filter((l) => l !== listener));
  }
  dispatch(type: string, event: { readonly persisted?: boolean } = {}): void {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
  count(): number {
    return [...this.listeners.values()].reduce((n, list) => n + list.length, 0);
  }
}

/** A page: `location`, `document`, `history` (whose calls change the URL, as real ones do), events. */
export class FakePage extends Target implements BrowserEnvironment {
  readonly location: { href: string };
  readonly document: Target & { title: string; referrer: string; visibilityState: 'visible' | 'hidden' };
  readonly history: KitHistory;
  readonly navigator: { language?: string; userAgent?: string; maxTouchPoints?: number };
  readonly screen = { width: 1440, height: 900 };

  constructor(url: string, options: { title?: string; referrer?: string; language?: string; userAgent?: string; visibility?: 'visible' | 'hidden' } = {}) {
    super();
    this.location = { href: url };
    const doc = new Target() as FakePage['document'];
    doc.title = options.title ?? 'Page';
    doc.referrer = options.referrer ?? '';
    doc.visibilityState = options.visibility ?? 'visible';
    this.document = doc;
    this.navigator = { language: options.language ?? 'en-US', userAgent: options.userAgent ?? 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36', maxTouchPoints: 0 };
    const move = (url?: string | URL | null): void => {
      if (url !== undefined && url !== null) this.location.href = new URL(String(url), this.location.href).href;
    };
    this.history = {
      pushState: (_data, _unused, url) => move(url),
      replaceState: (_data, _unused, url) => move(url),
    };
  }

  /** The back button: the URL changes, then `popstate` fires. */
  back(url: string): void {
    this.location.href = url;
    this.dispatch('popstate');
  }

  setVisibility(state: 'visible' | 'hidden'): void {
    this.document.visibilityState = state;
    this.document.dispatch('visibilitychange');
  }

  /** Listeners on the window and the document. */
  listenerCount(): number {
    return this.count() + this.document.count();
  }
}
