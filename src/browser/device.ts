/**
 * The device type of a browser, guessed from what the browser says about itself. Heuristics,
 * in order (docs/browser-kit.md, "Device type"):
 *
 * 1. a tablet user agent: `iPad`, `Tablet`, `PlayBook`, `Silk`, `Kindle`, or `Android` without
 *    `Mobi` (Android phones say `Mobile`, Android tablets do not) → `tablet`;
 * 2. `Macintosh` with more than one touch point (iPadOS asks for desktop sites by default) → `tablet`;
 * 3. User-Agent Client Hints `mobile: true`, or a phone user agent: `Mobi`, `iPhone`, `iPod`,
 *    `Windows Phone`, `IEMobile`, `BlackBerry`, `BB10`, `Opera Mini` → `mobile`;
 * 4. nothing in the user agent, but a touch screen whose short side is under 600 CSS pixels → `mobile`;
 * 5. otherwise `desktop`.
 *
 * Linear: the user agent is cut to 512 characters and matched with plain alternations.
 * @module
 */
import type { DeviceType } from '../core/types.js';

/** What {@link detectDeviceType} looks at; every field may be missing. */
export interface DeviceHints {
  readonly userAgent?: string;
  readonly maxTouchPoints?: number;
  /** `navigator.userAgentData.mobile` (Chromium). */
  readonly mobileHint?: boolean;
  readonly screenWidth?: number;
  readonly screenHeight?: number;
}

const TABLET = /iPad|Tablet|PlayBook|Silk|Kindle/i;
const PHONE = /Mobi|iPhone|iPod|Windows Phone|IEMobile|BlackBerry|BB10|Opera Mini/i;
/** Short side of a phone screen, CSS pixels. */
const PHONE_SCREEN = 600;

/**
 * Guesses the device type from the user agent, the touch points and the screen.
 * @example
 * ```ts
 * detectDeviceType({ userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) …' }); // 'mobile'
 * detectDeviceType({ userAgent: 'Mozilla/5.0 (Linux; Android 14; SM-X710) …' });                // 'tablet'
 * detectDeviceType({ userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) …', maxTouchPoints: 5 }); // 'tablet'
 * detectDeviceType({});                                                                          // 'desktop'
 * ```
 */
export function detectDeviceType(hints: DeviceHints): DeviceType {
  const ua = typeof hints.userAgent === 'string' ? hints.userAgent.slice(0, 512) : '';
  const touches = typeof hints.maxTouchPoints === 'number' ? hints.maxTouchPoints : 0;
  if (TABLET.test(ua) || (/Android/i.test(ua) && !/Mobi/i.test(ua))) return 'tablet';
  if (/Macintosh/i.test(ua) && touches > 1) return 'tablet';
  if (hints.mobileHint === true || PHONE.test(ua)) return 'mobile';
  const shortSide = Math.min(hints.screenWidth ?? Infinity, hints.screenHeight ?? Infinity);
  return touches > 0 && shortSide < PHONE_SCREEN ? 'mobile' : 'desktop';
}
