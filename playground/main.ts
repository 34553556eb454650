/**
 * The playground page: paste or load messages, a visitor and a workspace, pick an instant; see the
 * decision, every message's verdict with its annotated tree and week chart, and the lint
 * findings. Everything runs in the page (no network), on every input.
 * @module
 */
import {
  explain,
  evaluate,
  lint,
  parseMessages,
  parseVisitor,
  parseWorkspace,
  toInstant,
  type Message,
  type Verdict,
  type Visitor,
  type Workspace,
} from '../src/index.js';
import exampleMessages from '../examples/messages.json' with { type: 'json' };
import exampleWorkspace from '../examples/workspace.json' with { type: 'json' };
import cartShopper from '../examples/visitors/cart-shopper.json' with { type: 'json' };
import inConversation from '../examples/visitors/in-conversation.json' with { type: 'json' };
import mobileApp from '../examples/visitors/mobile-app.json' with { type: 'json' };
import newOnPricing from '../examples/visitors/new-on-pricing.json' with { type: 'json' };
import returningGerman from '../examples/visitors/returning-german.json' with { type: 'json' };
import { h, replace } from './dom.js';
import { decisionView, findingsView, messageCard, pathText } from './view.js';
import { weekCharts, weekDays } from './week.js';

/** The example visitors, each with the instant it is set up for. */
const EXAMPLES: readonly { readonly name: string; readonly visitor: unknown; readonly at: string }[] = [
  { name: 'Anna, new, on the pricing page', visitor: newOnPricing, at: '2026-11-23T10:00:30Z' },
  { name: 'Jonas, returning, German, after hours', visitor: returningGerman, at: '2026-11-23T18:30:15Z' },
  { name: 'Mia, in the iOS app', visitor: mobileApp, at: '2026-11-23T12:15:00Z' },
  { name: 'Carlos, a full cart', visitor: cartShopper, at: '2026-11-23T14:03:20Z' },
  { name: 'Dana, in a conversation', visitor: inConversation, at: '2026-11-23T15:01:30Z' },
];

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const pretty = (value: unknown): string => JSON.stringify(value, null, 2);

function readJson(text: string, what: string, errors: string[]): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    errors.push(`${what}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    return undefined;
  }
}

const OUTCOME_ORDER: Readonly<Record<Verdict['outcome'], number>> = { shown: 0, outranked: 1, blocked: 2, invalid: 3 };

/** Where a verdict goes in the list: by outcome, messages that are not live after the live ones. */
function rank(verdict: Verdict): number {
  return OUTCOME_ORDER[verdict.outcome] * 2 + (verdict.reason === 'notLive' ? 1 : 0);
}

function render(): void {
  const started = performance.now();
  const errors: string[] = [];
  const instant = toInstant(byId<HTMLInputElement>('instant').value.trim());
  if (instant === undefined) errors.push('instant: an ISO-8601 timestamp with Z or an offset, e.g. 2026-11-23T10:00:30Z');
  const rawMessages = readJson(byId<HTMLTextAreaElement>('messages-json').value, 'messages', errors);
  const rawVisitor = readJson(byId<HTMLTextAreaElement>('visitor-json').value, 'visitor', errors);
  const workspaceText = byId<HTMLTextAreaElement>('workspace-json').value.trim();
  const rawWorkspace = workspaceText === '' ? undefined : readJson(workspaceText, 'workspace', errors);
  const parsed = parseMessages(rawMessages);
  for (const issue of parsed.issues.slice(0, 5)) errors.push(`messages ${pathText(issue.path)}: ${issue.message}`);
  const visitor = parseVisitor(rawVisitor);
  if (!visitor.ok) for (const issue of visitor.issues.slice(0, 5)) errors.push(`visitor ${pathText(issue.path)}: ${issue.message}`);
  const workspace = rawWorkspace === undefined ? undefined : parseWorkspace(rawWorkspace);
  if (workspace !== undefined && !workspace.ok) for (const issue of workspace.issues.slice(0, 5)) errors.push(`workspace ${pathText(issue.path)}: ${issue.message}`);
  replace(byId('input-errors'), ...errors.map((e) => h('li', {}, e)));
  if (instant === undefined) return;
  syncRange(instant);

  const messages: readonly Message[] = parsed.value;
  const v = rawVisitor as Visitor;
  replace(byId('decision'), decisionView(evaluate(v, rawMessages as readonly Message[], instant), instant));
  replace(byId('findings'), findingsView(lint(rawMessages as readonly Message[], workspace?.ok ? workspace.value : (rawWorkspace as Workspace | undefined), { now: instant })));
  const charts = visitor.ok ? weekCharts(messages, visitor.value, instant) : [];
  const byMessage = new Map(messages.map((m) => [m.id, m]));
  const chartOf = new Map(charts.map((c) => [c.messageId, c]));
  // Shown first, then outranked, blocked and invalid; list order within each.
  const verdicts = [...explain(v, rawMessages as readonly Message[], instant)].sort((a, b) => rank(a) - rank(b) || a.index - b.index);
  replace(
    byId('message-cards'),
    h('h2', {}, 'Messages'),
    ...verdicts.map((verdict) => messageCard(verdict.id === null ? undefined : byMessage.get(verdict.id), verdict, verdict.id === null ? undefined : chartOf.get(verdict.id))),
  );
  const ms = performance.now() - started;
  document.documentElement.dataset.renderMs = ms.toFixed(1);
  document.documentElement.dataset.ready = 'true';
  byId('status').textContent = `Updated in ${ms.toFixed(0)} ms`;
}

/** The slider spans the UTC week (Monday 00:00 to Monday 00:00) of the instant, in 15-minute steps. */
function syncRange(instant: number): void {
  const range = byId<HTMLInputElement>('instant-range');
  const [monday] = weekDays('UTC', instant);
  if (monday === undefined) return;
  range.dataset.weekStart = String(monday.from);
  range.value = String(Math.round((instant - monday.from) / 900_000));
}

function setInstant(ms: number): void {
  byId<HTMLInputElement>('instant').value = new Date(ms).toISOString().replace('.000Z', 'Z');
  render();
}

function loadFile(input: HTMLInputElement, target: HTMLTextAreaElement): void {
  const file = input.files?.[0];
  if (file === undefined) return;
  void file.text().then((text) => {
    target.value = text;
    render();
  });
}

function start(): void {
  byId<HTMLTextAreaElement>('messages-json').value = pretty(exampleMessages);
  byId<HTMLTextAreaElement>('workspace-json').value = pretty(exampleWorkspace);
  const select = byId<HTMLSelectElement>('visitor-example');
  EXAMPLES.forEach((example, i) => select.append(h('option', { value: String(i) }, example.name)));
  const useExample = (i: number): void => {
    const example = EXAMPLES[i] ?? EXAMPLES[0];
    if (example === undefined) return;
    byId<HTMLTextAreaElement>('visitor-json').value = pretty(example.visitor);
    byId<HTMLInputElement>('instant').value = example.at;
  };
  useExample(0);
  select.addEventListener('change', () => {
    useExample(Number(select.value));
    render();
  });
  for (const id of ['messages-json', 'visitor-json', 'workspace-json', 'instant']) byId(id).addEventListener('input', render);
  const range = byId<HTMLInputElement>('instant-range');
  range.addEventListener('input', () => setInstant(Number(range.dataset.weekStart) + Number(range.value) * 900_000));
  for (const button of Array.from(document.querySelectorAll<HTMLButtonElement>('button[data-shift]'))) {
    button.addEventListener('click', () => {
      const now = toInstant(byId<HTMLInputElement>('instant').value.trim());
      if (now !== undefined) setInstant(now + Number(button.dataset.shift));
    });
  }
  byId('now').addEventListener('click', () => setInstant(Math.floor(Date.now() / 1000) * 1000));
  for (const [file, area] of [['messages-file', 'messages-json'], ['visitor-file', 'visitor-json'], ['workspace-file', 'workspace-json']] as const) {
    const input = byId<HTMLInputElement>(file);
    input.addEventListener('change', () => loadFile(input, byId<HTMLTextAreaElement>(area)));
  }
  render();
}

start();
