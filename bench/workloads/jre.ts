/**
 * The json-rules-engine side of a workload: the conditions of every message through ONE prepared
 * `Engine` (`engine.run` per call, the library's operators and facts), the other gates — on
 * screen, frequency, send window, trigger, priority — in the same plain JS as the tight baseline.
 * It gives `message` and `eligible`; json-rules-engine has no notion of `reevaluateAt`.
 * @module
 */
import type { Engine } from 'json-rules-engine';
import { createEngine, jsonRulesEngineFacts } from '../../src/adapters/json-rules-engine/index.js';
import type { Message, Visitor } from '../../src/index.js';
import { HistoryPass, NOTHING, WindowStates, onScreenOf, prepareList, type PreparedList, type PreparedMessage } from './baseline.js';
import { CHANNEL } from './common.js';

export interface JreDecision {
  readonly message: Message | null;
  readonly eligible: readonly string[];
}

export function jreDecider(messages: readonly Message[]): { readonly engine: Engine; decide(v: Visitor, nowMs: number): Promise<JreDecision> } {
  const created = createEngine(messages);
  if (!created.ok) throw new Error(`createEngine rejected the bench messages: ${JSON.stringify(created.issues.slice(0, 3))}`);
  const engine = created.value;
  const list = prepareList(messages, () => null);
  const history = new HistoryPass(list.byPriority);
  const windows = new WindowStates(list.schedules);
  return { engine, decide: (v, nowMs) => decide(engine, list, history, windows, v, nowMs) };
}

async function decide(engine: Engine, list: PreparedList<null>, history: HistoryPass, windows: WindowStates, v: Visitor, nowMs: number): Promise<JreDecision> {
  // The adapter checks the visitor and `now` (a Result); that check is part of this side's cost.
  const facts = jsonRulesEngineFacts(v, nowMs);
  if (!facts.ok) throw new Error(`jsonRulesEngineFacts rejected a bench visitor: ${JSON.stringify(facts.issues.slice(0, 3))}`);
  const { results } = await engine.run(facts.value);
  const passed = new Set<string>();
  for (const r of results) passed.add(r.name);
  // During an active conversation nothing proactive is shown, not even the message on screen.
  if (v.inActiveConversation) return NOTHING;
  history.read(v);
  const eligible: string[] = [];
  const onScreen = onScreenOf(list, history, v);
  let first: PreparedMessage<null> | null = null;
  if (onScreen !== undefined) {
    eligible.push(onScreen.id);
    first = onScreen;
  }
  if (v.channelId === CHANNEL) {
    const enteredAt = Date.parse(v.page.enteredAt);
    windows.begin(nowMs);
    const rules = list.byPriority;
    for (let i = 0; i < rules.length; i++) {
      const m = rules[i] as PreparedMessage<null>;
      if (m === onScreen || history.capped(i, m.cap) || !passed.has(m.id)) continue;
      if (m.schedule >= 0 && windows.isOpen(m.schedule) !== m.inside) continue;
      if (nowMs < enteredAt + m.triggerDelayMs) continue;
      eligible.push(m.id);
      if (first === null) first = m;
    }
  }
  return { message: first === null ? null : first.message, eligible };
}
