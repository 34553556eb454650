/**
 * `proactive-messaging/browser`: the browser visitor kit. It keeps the `Visitor` of `evaluate`
 * across page loads, single-page-app navigations and visits — ids, visit number, page entry
 * time, language, device type and the delivery history — over an injected storage and clock,
 * keeps one `reevaluateAt` timer, and records what the interaction reducer shows, dismisses and
 * closes. Tree-shakeable, and importing it does nothing. Guide: `docs/browser-kit.md`.
 * @module
 */
export { createVisitorKit, DEFAULT_INACTIVITY_MS, DEFAULT_STORAGE_KEY } from './kit.js';
export { detectDeviceType, type DeviceHints } from './device.js';
export { STORAGE_VERSION, type StoredState } from './store.js';
export type {
  BrowserEnvironment,
  IdGenerator,
  IdKind,
  KitClock,
  KitEventTarget,
  KitHistory,
  KitNavigator,
  KitStorage,
  StorageProblem,
  StorageProblemReason,
  TimerHandle,
  VisitorKit,
  VisitorKitOptions,
} from './types.js';
