import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoTimestamp, isLocalDate } from '../../src/model/formats.js';
import { findEmoji, isTagText, normalizeTag } from '../../src/model/text.js';

describe('findEmoji', () => {
  it.each([
    ['plain ASCII', 'Questions about our plans? We are here.', null],
    ['accents and other scripts', 'Grüße, 你好, مرحبا — ça va?', null],
    ['digits, # and * (in \\p{Emoji} but text)', 'Call #1 * 2', null],
    ['trademark, registered, copyright', 'Acme™ Acme® © 2026', null],
    ['arrows and math', 'Settings → Billing ≥ 2', null],
    ['a face', 'Hi 😀', '😀'],
    ['a waving hand', 'Hi 👋 there', '👋'],
    ['text-default pictograph ☺', 'Hi ☺', '☺'],
    ['heart with emoji selector', 'Thanks ❤️', '❤️'],
    ['trademark with emoji selector', 'Acme™️', '™️'],
    ['keycap', 'Press 1️⃣', '1️⃣'],
    ['a flag (regional indicator)', 'Made in 🇩🇪', '🇩'],
    ['check mark button', 'Done ✅', '✅'],
  ])('%s', (_name, text, expected) => {
    expect(findEmoji(text)).toBe(expected);
  });
});

describe('tags', () => {
  it.each([
    [' VIP Customer ', 'vip_customer'],
    ['Pricing\t\nPage', 'pricing_page'],
    ['ÄRGER', 'ärger'],
    ['already_normal', 'already_normal'],
    ['Cafe\u0301', 'caf\u00e9'], // NFC
  ])('normalizeTag(%j) is %j', (raw, normal) => {
    expect(normalizeTag(raw)).toBe(normal);
  });

  it.each([
    ['vip_customer', true],
    ['a-b.c:d/e', true],
    ['ärger', true],
    ['a,b', false],
    ['a#b', false],
    ['', false],
  ])('isTagText(%j) is %s', (tag, allowed) => {
    expect(isTagText(tag)).toBe(allowed);
  });
});

describe('calendar checks agree with Date (independent oracle)', () => {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  it('isLocalDate and isIsoTimestamp accept exactly the real dates', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1600, max: 2400 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const real = m >= 1 && m <= 12 && d >= 1 && new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
        const date = `${y}-${pad(m)}-${pad(d)}`;
        expect(isLocalDate(date)).toBe(real);
        expect(isIsoTimestamp(`${date}T23:59:59.999-09:30`)).toBe(real);
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['2026-11-23T10:00:00Z', true],
    ['2026-11-23T10:00:00.123456789+01:00', true],
    ['2026-11-23T10:00Z', false],
    ['2026-11-23t10:00:00z', false],
    ['2026-11-23T24:00:00Z', false],
    ['2026-11-23T10:00:60Z', false],
    ['2026-11-23T10:00:00+24:00', false],
    ['2026-11-23', false],
  ])('isIsoTimestamp(%j) is %s', (text, valid) => {
    expect(isIsoTimestamp(text)).toBe(valid);
  });
});
