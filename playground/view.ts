/**
 * The playground's views: the decision, the lint findings, and one card per message with its
 * explain verdict, its gates, its annotated condition tree and its week chart.
 * @module
 */
import { describeIssue, type Decision, type ExplainedNode, type GateResult, type IssuePath, type LintFinding, type Message, type Verdict } from '../src/index.js';
import { weekSvg } from './chart.js';
import { h } from './dom.js';
import type { WeekChart } from './week.js';

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

/**
 * A path as the page prints it.
 * @example
 * ```ts
 * pathText([3, 'conditions', 'all', 0]); // '[3].conditions.all[0]'
 * ```
 */
export function pathText(path: IssuePath): string {
  if (path.length === 0) return '(list)';
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 120) return `${s} s`;
  const m = Math.round(s / 60);
  return m < 180 ? `${m} min` : `${Math.round(m / 60)} h`;
}

/**
 * The decision panel.
 * @example
 * ```ts
 * replace(panel, decisionView(decision, now));
 * ```
 */
export function decisionView(decision: Decision, now: number): HTMLElement {
  const shown = decision.message;
  return h(
    'div',
    { class: 'decision', 'data-message-id': shown?.id ?? '', 'data-on-screen': String(decision.onScreen) },
    h('h2', {}, 'Decision'),
    h('p', { class: 'shown' }, shown === null ? 'Shows nothing' : h('span', {}, 'Shows ', h('strong', { id: 'decision-message' }, shown.id), ` — ${shown.name}${decision.onScreen ? ' (already on screen)' : ''}`)),
    h('p', {}, 'Eligible, in priority order: ', decision.eligible.length === 0 ? 'none' : decision.eligible.join(', ')),
    h('p', {}, decision.reevaluateAt === null ? 'Re-evaluate: only when the visitor or the messages change' : `Re-evaluate at ${iso(decision.reevaluateAt)} (in ${duration(decision.reevaluateAt - now)})`),
    decision.invalidInput === null ? null : h('p', { class: 'error' }, `Cannot decide: ${pathText(decision.invalidInput.path)} ${describeIssue(decision.invalidInput)}`),
    decision.invalid.length === 0 ? null : h('p', { class: 'warning' }, `${decision.invalid.length} message(s) skipped as invalid`),
  );
}

function witnessView(finding: LintFinding): HTMLElement | null {
  const w = finding.witness;
  if (w === undefined) return null;
  if (w.kind === 'conflict') return w.paths.length === 0 ? null : h('div', { class: 'witness' }, 'because of ', w.paths.map(pathText).join(', '));
  return h('div', { class: 'witness' }, `e.g. a visitor on ${w.visitor.page.url} at ${w.at} sees ${w.sees ?? 'nothing'}`);
}

/**
 * The lint findings panel.
 * @example
 * ```ts
 * replace(panel, findingsView(lint(messages, workspace)));
 * ```
 */
export function findingsView(findings: readonly LintFinding[]): HTMLElement {
  return h(
    'div',
    { class: 'findings', 'data-count': String(findings.length) },
    h('h2', {}, `Lint: ${findings.length === 0 ? 'nothing found' : `${findings.length} finding${findings.length === 1 ? '' : 's'}`}`),
    findings.length === 0
      ? null
      : h(
          'ul',
          {},
          ...findings.map((f) =>
            h('li', { class: `finding ${f.severity}`, 'data-code': f.code, 'data-path': JSON.stringify(f.path) }, h('span', { class: 'severity' }, f.severity), ' ', h('code', {}, pathText(f.path)), ' ', h('code', {}, f.code), ' ', f.message, witnessView(f)),
          ),
        ),
  );
}

function leafText(node: { fact: string; operator: string; value: unknown }): string {
  return `${node.fact} ${node.operator} ${JSON.stringify(node.value)}`;
}

/**
 * The annotated condition tree, node by node with its outcome and, for leaves, the fact value seen.
 * @example
 * ```ts
 * h('ul', { class: 'tree' }, treeView(explainedTree));
 * ```
 */
export function treeView(node: ExplainedNode): HTMLElement {
  if ('all' in node || 'any' in node) {
    const kind = 'all' in node ? 'all' : 'any';
    const children = 'all' in node ? node.all : node.any;
    return h('li', { class: `node ${node.outcome}` }, h('span', { class: 'op' }, kind === 'all' ? 'all of' : 'any of'), h('ul', {}, ...children.map(treeView)));
  }
  if ('not' in node) return h('li', { class: `node ${node.outcome}` }, h('span', { class: 'op' }, 'not'), h('ul', {}, treeView(node.not)));
  const seen = node.outcome === 'skipped' ? '' : node.factMissing === true ? ' (visitor: missing)' : ` (visitor: ${JSON.stringify(node.factValue)})`;
  return h('li', { class: `node leaf ${node.outcome}` }, h('code', {}, leafText(node)), h('span', { class: 'seen' }, seen));
}

const MARK: Readonly<Record<string, string>> = { true: '✓', false: '✗' };

function gatesView(gates: readonly GateResult[]): HTMLElement {
  return h('ol', { class: 'gates' }, ...gates.map((g) => h('li', { class: g.passed ? 'pass' : 'fail', 'data-gate': g.gate }, `${MARK[String(g.passed)]} ${g.gate}`)));
}

/**
 * One message's card: name, verdict, gates, annotated tree, week chart.
 * @example
 * ```ts
 * messagesPanel.append(messageCard(message, verdict, chart));
 * ```
 */
export function messageCard(message: Message | undefined, verdict: Verdict, chart: WeekChart | undefined): HTMLElement {
  const conditions = verdict.gates.find((g) => g.gate === 'conditions');
  const tree = conditions?.gate === 'conditions' ? conditions.tree : null;
  return h(
    'article',
    { class: `message ${verdict.outcome}`, 'data-message-id': verdict.id ?? '', 'data-outcome': verdict.outcome, 'data-reason': verdict.reason ?? '' },
    h('h3', {}, h('code', {}, verdict.id ?? `#${verdict.index}`), message === undefined ? '' : ` — ${message.name}`, ' ', h('span', { class: `badge ${verdict.outcome}` }, verdict.reason === null || verdict.reason === verdict.outcome ? verdict.outcome : `${verdict.outcome}: ${verdict.reason}`)),
    message === undefined ? null : h('p', { class: 'meta' }, `${message.status}, ${message.channelId ?? 'no channel'}, priority ${message.priority}, ${message.frequency}, ${message.trigger.event === 'timeOnPage' ? `after ${message.trigger.seconds} s on the page` : 'on page load'}, ${message.sendWindow.type}`),
    verdict.issues.length === 0 ? null : h('ul', { class: 'issues' }, ...verdict.issues.map((i) => h('li', {}, h('code', {}, pathText(i.path)), ' ', describeIssue(i)))),
    verdict.gates.length === 0 ? null : gatesView(verdict.gates),
    tree === null ? (verdict.gates.length === 0 ? null : h('p', { class: 'meta' }, 'No conditions: every visitor qualifies.')) : h('ul', { class: 'tree' }, treeView(tree)),
    chart === undefined ? null : h('figure', { class: 'chart' }, weekSvg(chart)),
  );
}
