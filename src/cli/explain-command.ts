/**
 * `explain --messages FILE --visitor FILE [--now ISO] [--cooldown SECONDS] [--time-zone ZONE] [--json]`: every message with its
 * outcome, reason code, each gate, and the failing condition leaves.
 * @module
 */
import { GATES } from '../core/vocabulary.js';
import { explain, type Verdict } from '../evaluate/explain.js';
import { formatInstant, table } from './format.js';
import { GATE_HEADERS, verdictDetails, verdictRows } from './explain-format.js';
import { everyMessageInvalid, loadEvaluationInput, describeVisitor, type EvaluateOptions, type EvaluationInput } from './evaluate-command.js';
import { EXIT, type CliIo, type ExitCode } from './io.js';

/**
 * The library's verdicts with `index` as the position in the messages file, plus an `invalid`
 * verdict for each message the parser rejected, in file order.
 * @example
 * ```ts
 * fileVerdicts(input).map((v) => [v.index, v.outcome]);
 * ```
 */
export function fileVerdicts(input: EvaluationInput): Verdict[] {
  const { loaded } = input;
  const verdicts: Verdict[] = explain(input.visitor, loaded.messages, input.nowMs, input.policy).map((v) => ({
    ...v,
    index: loaded.fileIndex[v.index] ?? v.index,
  }));
  const byItem = new Map<number, Verdict['issues'][number][]>();
  for (const found of loaded.issues) {
    const item = found.path[0];
    if (typeof item !== 'number') continue;
    const list = byItem.get(item) ?? [];
    list.push({ ...found, path: found.path.slice(1) });
    byItem.set(item, list);
  }
  for (const [index, issues] of byItem) {
    const raw = loaded.raw[index];
    const id = typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string' ? raw.id : null;
    verdicts.push({ index, id, outcome: 'invalid', reason: 'invalid', gates: [], onScreen: false, issues });
  }
  return verdicts.sort((a, b) => a.index - b.index);
}

/**
 * Runs `explain`. Exit 0; skipped messages are warnings on stderr and `invalid` rows.
 * @example
 * ```ts
 * explainCommand({ messages: 'examples/messages.json', visitor: 'examples/visitors/new-on-pricing.json', now: '2026-11-23T10:00:30Z', json: false }, io);
 * ```
 */
export function explainCommand(options: EvaluateOptions, io: CliIo): ExitCode {
  const input = loadEvaluationInput(options, 'explain', io);
  const verdicts = fileVerdicts(input);
  if (options.json) {
    io.stdout(`${JSON.stringify({ now: formatInstant(input.nowMs), visitorId: input.visitor.id, verdicts }, null, 2)}\n`);
    return everyMessageInvalid(input) ? EXIT.problems : EXIT.ok;
  }
  const lines = [`At ${formatInstant(input.nowMs)}, visitor ${describeVisitor(input.visitor)}`, ''];
  lines.push(...table(verdictRows(verdicts)));
  const details = verdicts.flatMap((v) => verdictDetails(v, input.nowMs));
  if (details.length > 0) lines.push('', 'Why not:', ...details);
  lines.push('', `✓ passed  ✗ failed  · not evaluated. Gates in order: ${GATES.map((g) => GATE_HEADERS[g]).join(', ')} (a limit gate gets a column only when a message fails it).`);
  io.stdout(lines.map((line) => `${line}\n`).join(''));
  return everyMessageInvalid(input) ? EXIT.problems : EXIT.ok;
}
