/**
 * Plain-text rules: emoji detection for agent responses and tag normalisation.
 * All regexes here are fixed, linear-time patterns written by us; no input ever becomes a regex.
 * @module
 */

/** Emoji by default, pictographs, the emoji variation selector and the keycap mark. */
const EMOJI_CANDIDATE = /[\p{Extended_Pictographic}\p{Emoji_Presentation}\u20E3\uFE0F]/gu;
/** Typographic symbols that are pictographic in Unicode but ordinary in plain text, unless followed by U+FE0F. */
const TEXT_SYMBOLS: ReadonlySet<string> = new Set(['\u00A9', '\u00AE', '\u2122']);
const MODIFIERS: ReadonlySet<string> = new Set(['\uFE0F', '\u20E3']);

function codePointBefore(text: string, index: number): string {
  if (index === 0) return '';
  const low = text.charCodeAt(index - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1;
  return text.slice(start, index);
}

function modifiersAfter(text: string, index: number): string {
  let end = index;
  while (end < text.length && MODIFIERS.has(text[end] as string)) end += 1;
  return text.slice(index, end);
}

/**
 * The first emoji in `text`, or `null` when it is plain text. An emoji is a character with
 * default emoji presentation (`\p{Emoji_Presentation}`: 😀, ✅, flags), any pictograph
 * (`\p{Extended_Pictographic}`: ☺, ❤, 🗨) and any character turned into an emoji by U+FE0F or
 * the keycap mark U+20E3. ©, ® and ™ stay allowed as plain-text symbols.
 * @example
 * ```ts
 * findEmoji('Questions? We are here.'); // null
 * findEmoji('Hi 👋 there'); // '👋'
 * findEmoji('Acme™ support'); // null
 * ```
 */
export function findEmoji(text: string): string | null {
  for (const match of text.matchAll(EMOJI_CANDIDATE)) {
    const char = match[0];
    const index = match.index;
    if (MODIFIERS.has(char)) return codePointBefore(text, index) + modifiersAfter(text, index);
    const after = modifiersAfter(text, index + char.length);
    if (TEXT_SYMBOLS.has(char) && after === '') continue;
    return char + after;
  }
  return null;
}

/**
 * Describes code points as `U+XXXX` for issue messages.
 * @example
 * ```ts
 * codePoints('👋'); // 'U+1F44B'
 * ```
 */
export function codePoints(text: string): string {
  return Array.from(text, (char) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`).join(
    ' ',
  );
}

const WHITESPACE_RUN = /\s+/gu;
const TAG_CHARS = /^[\p{L}\p{N}_\-.:/]+$/u;

/**
 * Normalises one tag: Unicode NFC, trimmed, lower-cased (locale-independent), and every run of
 * internal whitespace replaced by one `_`. `" Pricing  Page "` becomes `"pricing_page"`.
 * @example
 * ```ts
 * normalizeTag(' VIP Customer '); // 'vip_customer'
 * ```
 */
export function normalizeTag(tag: string): string {
  return tag.normalize('NFC').trim().toLowerCase().replace(WHITESPACE_RUN, '_');
}

/**
 * Whether a normalised tag uses only letters, digits and `_ - . : /`.
 * @example
 * ```ts
 * isTagText('vip_customer'); // true
 * isTagText('vip,customer'); // false
 * ```
 */
export function isTagText(tag: string): boolean {
  return TAG_CHARS.test(tag);
}
