/**
 * The wire format's small building blocks, each defined once: ids, names, texts, URLs,
 * timestamps, dates and wall-clock times.
 * @module
 */
import { parseLocalDate, parseTimestamp, parseWallTime } from '../core/instants.js';
import { MAX_DURATION_SECONDS, MAX_COUNTER, MAX_ID_LENGTH, MAX_NAME_LENGTH, MAX_TEXT_LENGTH, MAX_TIME_ZONE_LENGTH, MAX_URL_LENGTH } from '../core/limits.js';
import { isValidTimeZone } from '../core/zones.js';
import { int, report, str, wrongType, type Check } from './check.js';
import { findEmoji } from './text.js';

/** An id (`id`, `brandId`, `channelId`, …): 1 to `LIMITS.idLength` characters. */
export const id = /* @__PURE__ */ str(1, MAX_ID_LENGTH);
/** A display name: 1 to `LIMITS.nameLength` characters, not only spaces. */
export const name = /* @__PURE__ */ str(1, MAX_NAME_LENGTH, (value, ctx) =>
  value.trim() === '' ? report(ctx, 'tooSmall', { minimum: 1, unit: 'characters' }) : value,
);
/** Text with emoji allowed: 1 to `LIMITS.textLength` characters. */
export const text = /* @__PURE__ */ str(1, MAX_TEXT_LENGTH);
/** A URL or screen name (not checked further: mobile screens are not URLs). */
export const url = /* @__PURE__ */ str(1, MAX_URL_LENGTH);
/** A non-negative counter. */
export const counter = /* @__PURE__ */ int(0, MAX_COUNTER);
/** A positive counter. */
export const positiveCounter = /* @__PURE__ */ int(1, MAX_COUNTER);

/** A duration in whole seconds, 0 to `LIMITS.durationSeconds`. */
export const durationSeconds = /* @__PURE__ */ int(0, MAX_DURATION_SECONDS);

/** A percentage: a finite number from 0 to 100. */
export const percent: Check<number> = (value, ctx) => {
  if (typeof value !== 'number' || !Number.isFinite(value)) return wrongType(value, 'number', ctx);
  if (value < 0) return report(ctx, 'tooSmall', { minimum: 0, unit: 'value' });
  return value > 100 ? report(ctx, 'tooBig', { maximum: 100, unit: 'value' }) : value;
};

/** Plain text: no emoji (agent responses). */
export const plainText = /* @__PURE__ */ str(1, MAX_TEXT_LENGTH, (value, ctx) => {
  const emoji = findEmoji(value);
  return emoji === null ? value : report(ctx, 'emojiNotAllowed', { emoji: emoji.slice(0, 16) });
});

/** An ISO-8601 timestamp with seconds and an offset or `Z`, in the years 1000–9999. Stays a string. */
export const timestamp: Check<string> = /* @__PURE__ */ str(0, Infinity, (value, ctx) =>
  parseTimestamp(value) === undefined ? report(ctx, 'invalidFormat', { format: 'timestamp' }) : value,
);

/** A real calendar date `YYYY-MM-DD` in the years 1000–9999. */
export const localDate: Check<string> = /* @__PURE__ */ str(0, Infinity, (value, ctx) =>
  parseLocalDate(value) === undefined ? report(ctx, 'invalidFormat', { format: 'date' }) : value,
);

/** A wall-clock time `HH:MM` from `00:00` to `24:00` (an interval's `close`). */
export const wallTime: Check<string> = /* @__PURE__ */ str(0, Infinity, (value, ctx) =>
  parseWallTime(value) === undefined ? report(ctx, 'invalidFormat', { format: 'time' }) : value,
);

/** A wall-clock time `HH:MM` from `00:00` to `23:59` (an interval's `open`). */
export const openingTime: Check<string> = /* @__PURE__ */ str(0, Infinity, (value, ctx) => {
  const minutes = parseWallTime(value);
  return minutes === undefined || minutes === 1440 ? report(ctx, 'invalidFormat', { format: 'openingTime' }) : value;
});

/** An IANA time-zone name this runtime knows. */
export const timeZone: Check<string> = /* @__PURE__ */ str(1, MAX_TIME_ZONE_LENGTH, (value, ctx) =>
  isValidTimeZone(value) ? value : report(ctx, 'invalidFormat', { format: 'timeZone' }),
);
