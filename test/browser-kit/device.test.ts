/**
 * The device-type heuristics of docs/browser-kit.md, on real user-agent strings (one vector per
 * rule, expected values read off the device each string comes from).
 */
import { describe, expect, it } from 'vitest';
import { detectDeviceType, type DeviceHints } from '../../src/browser/index.js';

const UA = {
  chromeWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  safariMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15',
  firefoxLinux: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  iPhone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',
  iPadOld: 'Mozilla/5.0 (iPad; CPU OS 12_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1 Mobile/15E148 Safari/604.1',
  androidPhone: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  androidTablet: 'Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  firefoxAndroidTablet: 'Mozilla/5.0 (Android 14; Tablet; rv:133.0) Gecko/133.0 Firefox/133.0',
  firefoxAndroidPhone: 'Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0',
  kindle: 'Mozilla/5.0 (Linux; Android 9; KFMAWI) AppleWebKit/537.36 (KHTML, like Gecko) Silk/120.3.1 like Chrome/120.0.6099.283 Safari/537.36',
  windowsPhone: 'Mozilla/5.0 (Windows Phone 10.0; Android 6.0.1; Microsoft; Lumia 950) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/52.0.2743.116 Mobile Safari/537.36 Edge/15.15063',
  operaMini: 'Opera/9.80 (J2ME/MIDP; Opera Mini/9.80 (S60; SymbOS; Opera Mobi/23.348; U; en) Presto/2.5.25 Version/10.54',
  chromeDesktopRequestedOnAndroid: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
} as const;

const vectors: readonly (readonly [string, DeviceHints, 'desktop' | 'mobile' | 'tablet'])[] = [
  ['Chrome on Windows', { userAgent: UA.chromeWindows }, 'desktop'],
  ['Safari on a Mac (no touch)', { userAgent: UA.safariMac, maxTouchPoints: 0 }, 'desktop'],
  ['Firefox on Linux', { userAgent: UA.firefoxLinux }, 'desktop'],
  ['a touch laptop (Windows, 10 touch points, big screen)', { userAgent: UA.chromeWindows, maxTouchPoints: 10, screenWidth: 1920, screenHeight: 1080 }, 'desktop'],
  ['iPhone', { userAgent: UA.iPhone, maxTouchPoints: 5 }, 'mobile'],
  ['iPad with an iPad user agent (iPadOS 12)', { userAgent: UA.iPadOld }, 'tablet'],
  ['iPad asking for desktop sites (Macintosh user agent, 5 touch points)', { userAgent: UA.safariMac, maxTouchPoints: 5 }, 'tablet'],
  ['Android phone (Chrome, "Mobile")', { userAgent: UA.androidPhone }, 'mobile'],
  ['Android tablet (Chrome, no "Mobile")', { userAgent: UA.androidTablet }, 'tablet'],
  ['Firefox on an Android tablet ("Tablet")', { userAgent: UA.firefoxAndroidTablet }, 'tablet'],
  ['Firefox on an Android phone ("Mobile")', { userAgent: UA.firefoxAndroidPhone }, 'mobile'],
  ['Kindle Fire (Silk)', { userAgent: UA.kindle }, 'tablet'],
  ['Windows Phone (says Android too, and Mobile)', { userAgent: UA.windowsPhone }, 'mobile'],
  ['Opera Mini', { userAgent: UA.operaMini }, 'mobile'],
  ['Client Hints say mobile (Chrome phone, desktop site requested)', { userAgent: UA.chromeDesktopRequestedOnAndroid, mobileHint: true }, 'mobile'],
  ['no user-agent signal, touch screen, short side 390 px', { userAgent: UA.chromeDesktopRequestedOnAndroid, maxTouchPoints: 5, screenWidth: 390, screenHeight: 844 }, 'mobile'],
  ['no user-agent signal, touch screen, short side 800 px', { userAgent: UA.chromeDesktopRequestedOnAndroid, maxTouchPoints: 5, screenWidth: 1280, screenHeight: 800 }, 'desktop'],
  ['a small window without touch', { userAgent: UA.chromeWindows, maxTouchPoints: 0, screenWidth: 390, screenHeight: 600 }, 'desktop'],
  ['nothing known', {}, 'desktop'],
];

describe('detectDeviceType', () => {
  it.each(vectors)('%s', (_name, hints, expected) => {
    expect(detectDeviceType(hints)).toBe(expected);
  });

  it('is linear on a hostile user agent (only the first 512 characters are read)', () => {
    const hostile = `${'Android '.repeat(200_000)}Mobi`;
    const started = performance.now();
    expect(detectDeviceType({ userAgent: hostile })).toBe('tablet'); // "Mobi" lies past the 512 characters read
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('ignores values of the wrong type', () => {
    expect(detectDeviceType({ userAgent: 42 as never, maxTouchPoints: 'many' as never })).toBe('desktop');
  });
});
