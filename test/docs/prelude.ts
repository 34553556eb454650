/**
 * Fixtures for the docs samples: the names samples use without declaring them. A sample gets
 * `let <name> = fixtures.<name>` for each of these it mentions and does not declare itself.
 * Values come from `examples/` so samples run against realistic data.
 * @module
 */
import { readFileSync } from 'node:fs';
import {
  parseMessages,
  parseSchedule,
  parseVisitor,
  parseWorkspace,
  type Message,
  type Schedule,
  type Visitor,
  type Workspace,
} from '../../src/index.js';
import { showMessage as widgetShowMessage, type WidgetHost } from '../experience/widget-loop.example.js';

const root = new URL('../../', import.meta.url);
const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(path, root), 'utf8')) as unknown;

function required<T>(result: { ok: boolean; value?: T }, what: string): T {
  if (!result.ok || result.value === undefined) throw new Error(`docs prelude: ${what} in examples/ does not parse`);
  return result.value;
}

/** Every message of `examples/messages.json`, parsed (one array: its compiled form is cached). */
export const messages: readonly Message[] = required(parseMessages(readJson('examples/messages.json')), 'messages.json');
/** The new visitor on the pricing page (`examples/visitors/new-on-pricing.json`). */
export const visitor: Visitor = required(parseVisitor(readJson('examples/visitors/new-on-pricing.json')), 'new-on-pricing.json');
/** Every example visitor. */
export const visitors: readonly Visitor[] = ['new-on-pricing', 'returning-german', 'mobile-app', 'cart-shopper', 'in-conversation'].map(
  (name) => required(parseVisitor(readJson(`examples/visitors/${name}.json`)), `${name}.json`),
);
/** `examples/workspace.json`, parsed. */
export const workspace: Workspace = required(parseWorkspace(readJson('examples/workspace.json')), 'workspace.json');
/** Monday 2026-11-23 10:00:30 UTC: the new pricing visitor has been on the page for 30 s. */
export const now: number = Date.parse('2026-11-23T10:00:30Z');
/** One message: "Help on the pricing page". */
export const message: Message = messages.find((m) => m.id === 'msg_pricing_help') as Message;
/** A request body as an admin UI would send it. */
export const body: string = JSON.stringify(message);
/** Pretends to store a message. */
export function save(_message: Message): void {}
/** The example schedule of docs/schedules.md: its first JSON block, so the sample below it follows it. */
export const schedule: Schedule = required(
  parseSchedule(JSON.parse(/```json\n([\s\S]*?)\n```/.exec(readFileSync(new URL('docs/schedules.md', root), 'utf8'))?.[1] ?? 'null')),
  'the first JSON block of docs/schedules.md',
);
/** A widget host that does nothing (see docs/widget-interaction.md). */
export const host: WidgetHost = {
  recordDelivery: () => undefined,
  markDelivery: () => undefined,
  sendMetric: () => undefined,
  handOffToAgent: () => undefined,
  startAiConversation: () => undefined,
  render: () => undefined,
};
/** The widget loop of docs/widget-interaction.md (the same code, from its tested file). */
export const showMessage = widgetShowMessage;
