/**
 * `explain`: filled in once `explain` lands in the library.
 * @module
 */
import type { EvaluateOptions } from './evaluate-command.js';
import { usageError, type CliIo, type ExitCode } from './io.js';

/** Runs `explain`. */
export function explainCommand(_options: EvaluateOptions, _io: CliIo): ExitCode {
  throw usageError('explain: not available yet');
}
