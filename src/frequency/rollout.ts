/**
 * Deterministic rollout and hold-out buckets: a visitor's bucket for a message is a pure function
 * of the two ids — no randomness, no clock, the same in every process, host and version.
 *
 * The hash is GrowthBook's "version 2" bucketing hash, chosen because it is documented, unbiased
 * and checked here against GrowthBook's published test vectors: 32-bit FNV-1a over the UTF-16
 * code units of `seed + value`, hashed again over its decimal digits, modulo 10,000, divided by
 * 10,000 — a number in [0, 1) with four decimals. The rollout bucket uses the message id as seed
 * and the visitor id as value; the hold-out bucket uses the seed `<message id>/holdout`, so the two
 * are independent: raising `rolloutPercent` only adds visitors, and never moves one in or out of
 * the hold-out group.
 * @module
 */

/** 32-bit FNV-1a over the UTF-16 code units of `text`. */
function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    // × 16777619 (the FNV prime) as shifts, exact in 32 bits.
    hash += (hash << 1) + (hash << 4) + (hash << 7) + (hash << 8) + (hash << 24);
  }
  return hash >>> 0;
}

/**
 * The bucket of `value` under `seed`, in [0, 1) with four decimals (GrowthBook's hash version 2);
 * `NaN` when either is not a string.
 * @example
 * ```ts
 * bucketOf('seed', 'a'); // 0.0505 (one of GrowthBook's published vectors)
 * ```
 */
export function bucketOf(seed: string, value: string): number {
  if (typeof seed !== 'string' || typeof value !== 'string') return Number.NaN;
  return (fnv1a32(String(fnv1a32(seed + value))) % 10_000) / 10_000;
}

/**
 * `bucket < percent`, in whole basis points: a percent counts to its nearest hundredth, halves up
 * as written in decimal (`12.345` is 12.35, `1.005` is 1.01 — although `1.005 * 100` is
 * `100.49999999999999` in binary; the 1e-9 absorbs that error and nothing a person would type).
 */
function below(bucket: number, percent: number): boolean {
  // NaN (ids or percent not usable) compares false: not in.
  return typeof percent === 'number' && Math.round(bucket * 10_000) < Math.floor(percent * 100 + 0.5 + 1e-9);
}

/**
 * Whether `visitorId` is in the `rolloutPercent` % of visitors a message reaches.
 * @example
 * ```ts
 * inRollout('msg_pricing', 'v_123', 30); // the same answer on every call, host and version
 * ```
 */
export function inRollout(messageId: string, visitorId: string, rolloutPercent: number): boolean {
  return below(bucketOf(messageId, visitorId), rolloutPercent);
}

/**
 * Whether `visitorId` is in a message's hold-out group of `holdoutPercent` % (of the rolled-out visitors).
 * @example
 * ```ts
 * inHoldout('msg_pricing', 'v_123', 10);
 * ```
 */
export function inHoldout(messageId: string, visitorId: string, holdoutPercent: number): boolean {
  return below(typeof messageId === 'string' ? bucketOf(`${messageId}/holdout`, visitorId) : Number.NaN, holdoutPercent);
}
