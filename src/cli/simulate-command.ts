/**
 * `simulate <messages> <script> [--workspace FILE] [--json]`: replays a script with `simulate`
 * and prints the timeline — who saw what, when, and why the others were not shown — and the
 * tally. Exit 1 when the script (or the workspace) does not check.
 * @module
 */
import type { Message, Workspace } from '../core/types.js';
import { simulate, type Simulation, type SimulationStep, type StepEvaluation } from '../simulate/simulate.js';
import type { SimulationScript } from '../simulate/script.js';
import { formatIssue } from './format.js';
import { readJson } from './load.js';
import { EXIT, inputError, usageError, type CliIo, type ExitCode } from './io.js';

/** Options of `simulate` after argument parsing. */
export interface SimulateCommandOptions {
  readonly messages: string | undefined;
  readonly script: string | undefined;
  readonly workspace: string | undefined;
  readonly json: boolean;
}

const INDENT = ' '.repeat(20);
const clock = (ms: number): string => new Date(ms).toISOString().slice(11, 19);

/** Why the other messages were not shown, grouped by reason (messages not live or on another channel are left out). */
function whyNot(evaluation: StepEvaluation, shown: string | null): string[] {
  const byReason = new Map<string, string[]>();
  for (const verdict of evaluation.verdicts) {
    if (verdict.outcome === 'shown' || verdict.id === shown || verdict.reason === null) continue;
    if (verdict.reason === 'notLive' || verdict.reason === 'otherChannel') continue;
    byReason.set(verdict.reason, [...(byReason.get(verdict.reason) ?? []), verdict.id ?? '?']);
  }
  return [...byReason].map(([reason, ids]) => `${INDENT}not shown, ${reason}: ${ids.join(', ')}`);
}

function causeText(step: SimulationStep, script: SimulationScript): string {
  if (step.cause.kind === 'timer') return 'timer';
  const event = script.events[step.cause.index];
  if (event === undefined) return step.cause.type;
  switch (event.type) {
    case 'arrive':
    case 'navigate':
      return `${event.type} ${event.url}`;
    case 'update': {
      const parts = [
        event.inActiveConversation === undefined ? null : `inActiveConversation ${event.inActiveConversation}`,
        event.metadata === undefined ? null : `metadata ${JSON.stringify(event.metadata)}`,
        event.language === undefined ? null : `language ${event.language}`,
        event.deviceType === undefined ? null : `deviceType ${event.deviceType}`,
      ].filter((part): part is string => part !== null);
      return `update ${parts.join(', ')}`;
    }
    case 'submitDetails':
      return `submitDetails ${JSON.stringify({ name: event.name, email: event.email })}`;
    default:
      return event.type;
  }
}

/**
 * The readable lines of one step.
 * @example
 * ```ts
 * stepLines(step, script, names); // ['10:00:30  v_anna    timer → SEES msg_pricing_help "Help on the pricing page"', …]
 * ```
 */
export function stepLines(step: SimulationStep, script: SimulationScript, names: ReadonlyMap<string, string>): string[] {
  const parts = [causeText(step, script)];
  const i = step.interaction;
  if (i !== null) {
    parts.push(i.ignored !== null ? `ignored (${i.ignored})` : `→ ${i.status}${i.effects.length > 0 ? ` [${i.effects.join(', ')}]` : ''}`);
  }
  const decided = step.evaluations[0];
  const last = step.evaluations[step.evaluations.length - 1];
  if (step.shown !== null) parts.push(`→ SEES ${step.shown} "${names.get(step.shown) ?? ''}"`);
  else if (decided !== undefined) {
    if (decided.message === null) parts.push('→ sees nothing');
    else if (decided.onScreen) parts.push(`→ still sees ${decided.message}`);
    else parts.push(`→ would see ${decided.message}, but it cannot be presented (${step.notPresented.map((issue) => issue.code).join(', ')})`);
  }
  if (step.removed !== null) parts.push(`(${step.removed} left the screen)`);
  const lines = [`${clock(step.atMs)}  ${step.visitorId.padEnd(8)}  ${parts.join(' ')}`];
  if (decided !== undefined) lines.push(...whyNot(decided, step.shown ?? (decided.onScreen ? decided.message : null)));
  if (last !== undefined && step.timer !== null) lines.push(`${INDENT}timer set for ${clock(step.timer)} (reevaluateAt)`);
  return lines;
}

/**
 * The whole readable timeline: a line per date change, the steps, then the tally.
 * @example
 * ```ts
 * timelineLines(simulation, script, messages).join('\n');
 * ```
 */
export function timelineLines(simulation: Simulation, script: SimulationScript, messages: readonly Message[]): string[] {
  const names = new Map(messages.filter((m) => typeof m === 'object' && m !== null).map((m) => [m.id, m.name] as const));
  const lines: string[] = [];
  let day = '';
  for (const step of simulation.timeline) {
    const date = step.at.slice(0, 10);
    if (date !== day) {
      day = date;
      lines.push(`— ${date} (UTC)`);
    }
    lines.push(...stepLines(step, script, names));
  }
  if (simulation.truncated) lines.push('(stopped: too many steps)');
  lines.push('', `${'message'.padEnd(26)}${'sent'.padStart(5)}${'read'.padStart(6)}${'replied'.padStart(9)}`);
  for (const [id, m] of simulation.tally) lines.push(`${id.padEnd(26)}${String(m.sent).padStart(5)}${String(m.read).padStart(6)}${String(m.replied).padStart(9)}`);
  return lines;
}

/**
 * Runs `simulate`. Exit 0 when the script ran, 1 when it (or the workspace) has issues.
 * @example
 * ```ts
 * simulateCommand({ messages: 'examples/messages.json', script: 'examples/simulate/day.json', workspace: 'examples/workspace.json', json: false }, io);
 * ```
 */
export function simulateCommand(options: SimulateCommandOptions, io: CliIo): ExitCode {
  if (options.messages === undefined || options.script === undefined) throw usageError('simulate: give the messages FILE and the script FILE');
  const stdin = [options.messages, options.script, options.workspace].filter((file) => file === '-').length;
  if (stdin > 1) throw usageError('simulate: only one file can be standard input (-)');
  const messages = readJson(options.messages, io);
  const script = readJson(options.script, io);
  const workspace = options.workspace === undefined ? undefined : readJson(options.workspace, io);
  const result = simulate(messages as readonly Message[], script as SimulationScript, workspace === undefined ? {} : { workspace: workspace as Workspace });
  if (!result.ok) {
    const file = (path: readonly (string | number)[]): string =>
      path[0] === 'script' ? (options.script as string) : path[0] === 'options' ? (options.workspace ?? 'workspace') : (options.messages as string);
    throw inputError(result.issues.map((issue) => `${file(issue.path)}: ${formatIssue({ ...issue, path: issue.path.slice(issue.path[0] === 'options' ? 2 : 1) })}`));
  }
  const simulation = result.value;
  for (const issue of simulation.skipped) io.stderr(`warning: ${options.messages}: ${formatIssue(issue)}\n`);
  if (options.json) {
    const tally = [...simulation.tally].map(([messageId, m]) => ({ messageId, ...m }));
    io.stdout(`${JSON.stringify({ ...simulation, tally }, null, 2)}\n`);
    return EXIT.ok;
  }
  io.stdout(timelineLines(simulation, script as SimulationScript, messages as readonly Message[]).map((line) => `${line}\n`).join(''));
  return EXIT.ok;
}
