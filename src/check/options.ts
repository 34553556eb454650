/**
 * The checker of `evaluate` / `explain` options: the account-wide policies.
 * @module
 */
import type { EvaluateOptions } from '../core/types.js';
import { object, opt, type Check } from './check.js';
import { durationSeconds, timeZone } from './primitives.js';

/** Options of `evaluate` and `explain` (every key optional; `undefined` options are none). */
export const evaluateOptionsCheck: Check<EvaluateOptions> = /* @__PURE__ */ object<EvaluateOptions>({
  cooldownSeconds: opt(durationSeconds),
  timeZone: opt(timeZone),
});
