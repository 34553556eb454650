/**
 * `explain`: filled in once `explain` lands in the library.
 * @module
 */
import { loadEvaluationInput, type EvaluateOptions } from './evaluate-command.js';
import { inputError, type CliIo, type ExitCode } from './io.js';

/** Runs `explain`. */
export function explainCommand(options: EvaluateOptions, io: CliIo): ExitCode {
  loadEvaluationInput(options, 'explain', io);
  throw inputError(['explain: not available yet']);
}
