/**
 * Types of the browser visitor kit: its options, its dependencies (storage, clock, ids, the
 * page environment) and the kit itself. Every dependency is an interface the real browser object
 * already satisfies, so tests pass fakes and pages pass nothing.
 * @module
 */
import type { DeviceType, EvaluateOptions, Message, MetadataValue, Visitor } from '../core/types.js';
import type { Decision } from '../evaluate/evaluate.js';
import type { InteractionEffect } from '../experience/interaction-types.js';

/** Where the kit keeps the visitor between page loads: `localStorage` satisfies it. */
export interface KitStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Opaque handle of a timer set by a {@link KitClock}. */
export type TimerHandle = unknown;

/**
 * The only source of time of the kit, and its one timer. The default reads `Date.now` and uses
 * `setTimeout`; tests pass a fake they can advance.
 */
export interface KitClock {
  /** The current instant, epoch milliseconds. */
  now(): number;
  /** Calls `callback` once, `delayMs` from now. */
  setTimer(callback: () => void, delayMs: number): TimerHandle;
  clearTimer(handle: TimerHandle): void;
}

/** What an id is for: the visitor (kept across visits), a visit, a page view. */
export type IdKind = 'visitor' | 'visit' | 'pageView';

/**
 * Makes a new id (1 to `LIMITS.idLength` characters). The default is `crypto.randomUUID`
 * (or `crypto.getRandomValues`) with a `v_` / `visit_` / `pv_` prefix.
 */
export type IdGenerator = (kind: IdKind) => string;

/** An event target: `window` and `document` satisfy it. */
export interface KitEventTarget {
  addEventListener(type: string, listener: (event: { readonly persisted?: boolean }) => void): void;
  removeEventListener(type: string, listener: (event: { readonly persisted?: boolean }) => void): void;
}

/** The history API methods the kit wraps to see single-page-app navigations. */
export interface KitHistory {
  pushState(data: unknown, unused: string, url?: string | URL | null): void;
  replaceState(data: unknown, unused: string, url?: string | URL | null): void;
}

/** What the kit reads to guess the device type (see `detectDeviceType`). */
export interface KitNavigator {
  readonly language?: string;
  readonly userAgent?: string;
  readonly maxTouchPoints?: number;
  /** User-Agent Client Hints (Chromium): `mobile` is `true` on phones. */
  readonly userAgentData?: { readonly mobile?: boolean };
}

/**
 * The page the kit runs in: `window` satisfies it. Tests pass a fake. Only these members are read.
 */
export interface BrowserEnvironment extends KitEventTarget {
  readonly location: { readonly href: string };
  readonly document: KitEventTarget & { readonly title: string; readonly referrer: string; readonly visibilityState?: string };
  readonly history?: KitHistory;
  readonly navigator?: KitNavigator;
  readonly screen?: { readonly width: number; readonly height: number };
}

/**
 * Why the kit could not use its storage as expected:
 * - `blocked`: reading or writing throws (storage disabled, Safari private mode, a sandboxed
 *   frame, no `localStorage` at all); the kit keeps the visitor in memory for this page only.
 * - `full`: writing throws `QuotaExceededError`; the kit keeps going in memory from then on.
 * - `corrupt`: the stored value is not JSON, or not a state the kit wrote (checked with the
 *   library's visitor checker); the kit starts fresh and overwrites it.
 * - `unsupportedVersion`: the stored state has another `version` (another release of the kit);
 *   the kit starts fresh and overwrites it.
 */
export type StorageProblemReason = 'blocked' | 'full' | 'corrupt' | 'unsupportedVersion';

/** Reported once per reason and kit through `onStorageProblem`. */
export interface StorageProblem {
  readonly reason: StorageProblemReason;
  /** `true` when the kit started with a new visitor because of it (nothing usable was stored). */
  readonly freshStart: boolean;
  /** What was thrown, for `blocked` and `full`. */
  readonly error?: unknown;
}

/** Options of `createVisitorKit`. Only `channelId` is required. */
export interface VisitorKitOptions {
  /** The messaging channel of this widget (`visitor.channelId`). */
  readonly channelId: string;
  /** The channel's messages (parsed once). Default `[]`: set them with `setMessages` when loaded. */
  readonly messages?: readonly Message[];
  /** The account's policies passed to every `evaluate` call: `cooldownSeconds`, `timeZone` (checked). */
  readonly policy?: EvaluateOptions;
  /** Called with every decision while the page is visible: show, keep or hide the bubble. */
  readonly onDecision?: (decision: Decision, visitor: Visitor) => void;
  /** Called once per reason when storage cannot be used as expected. */
  readonly onStorageProblem?: (problem: StorageProblem) => void;
  /** Default `localStorage`; `null` keeps the visitor in memory only (no problem reported). */
  readonly storage?: KitStorage | null;
  /** The storage key. Default `"proactive-messaging:visitor"`. */
  readonly storageKey?: string;
  /** Default: `Date.now` and `setTimeout`. */
  readonly clock?: KitClock;
  /** Default: `crypto.randomUUID` with a prefix per kind. */
  readonly newId?: IdGenerator;
  /** A page view (or the page becoming visible) this long after the last activity starts a new visit. Default 30 minutes. */
  readonly inactivityMs?: number;
  /** Business metadata of the visitor (not stored). */
  readonly metadata?: Readonly<Record<string, MetadataValue>>;
  /** Whether the visitor is in an active messaging conversation (nothing proactive is shown). Default `false`. */
  readonly inActiveConversation?: boolean;
  /** Default `navigator.language`; `null` for none. */
  readonly language?: string | null;
  /** Default: `detectDeviceType` on the user agent and screen; `null` for none. */
  readonly deviceType?: DeviceType | null;
  /** Default `window`. */
  readonly environment?: BrowserEnvironment;
}

/** The kit: one per page, started once. */
export interface VisitorKit {
  /**
   * Starts the first page view, listens to navigation and visibility, evaluates and (while the
   * page is visible) calls `onDecision`. Calling it again does nothing but return the decision.
   */
  start(): Decision;
  /** Removes every listener, the history wrappers and the timer. */
  stop(): void;
  /** Evaluates now (e.g. after the page title changed). `null` before `start`. */
  refresh(): Decision | null;
  /** Starts a new page view of the current URL (routers that do not use the history API). */
  navigate(): Decision | null;
  /**
   * Runs the effects of `interact` that concern the history: `recordDelivery` (only for the
   * message of the latest decision, and only when it was not already on screen) and
   * `markDelivery`. Other effects are the host's. Counts as activity. `null` before `start`.
   */
  apply(effects: readonly InteractionEffect[]): Decision | null;
  /** Reports visitor activity (a click, a scroll) so the visit does not time out. */
  touch(): void;
  setMessages(messages: readonly Message[]): Decision | null;
  setMetadata(metadata: Readonly<Record<string, MetadataValue>> | undefined): Decision | null;
  setInActiveConversation(active: boolean): Decision | null;
  /** The visitor as of now (`null` before `start`). */
  visitor(): Visitor | null;
  /** The latest decision (`null` before `start`). */
  decision(): Decision | null;
}
