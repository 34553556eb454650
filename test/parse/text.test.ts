import { describe, expect, it } from 'vitest';
import { findEmoji, isTagText, normalizeTag } from '../../src/check/text.js';

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

