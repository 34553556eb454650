/**
 * The hand-written baseline the bench used until 2026-12 (bench/evaluate.ts of that time), kept
 * only to measure how much slack it had against {@link tightMix}: it asks each windowed
 * message's schedule twice per call, scans all deliveries once per message, splits the language
 * with a regular expression and allocates a closure per call and one per message
 * (`paths.some(…)`). Same decision as the tight one on the mix workload (checked before timing).
 * @module
 */
import { compileSchedule, type CompiledSchedule, type Message, type Schedule, type Visitor } from '../../src/index.js';
import type { HandDecision } from './baseline.js';
import { mixRule, type MixRule } from './mix.js';

export function slackMix(messages: readonly Message[]): (v: Visitor, nowMs: number) => HandDecision {
  const schedules = new Map<Schedule, CompiledSchedule>();
  for (const m of messages) {
    if (m.sendWindow.type === 'anytime' || schedules.has(m.sendWindow.schedule)) continue;
    const c = compileSchedule(m.sendWindow.schedule);
    if (!c.ok) throw new Error('bad schedule');
    schedules.set(m.sendWindow.schedule, c.value);
  }
  const byPriority = messages
    .map((m, index) => ({ m, index, p: mixRule(index) }))
    .sort((a, b) => b.m.priority - a.m.priority || a.index - b.index);
  return (v, nowMs) => handWritten(byPriority, schedules, v, nowMs);
}

function handWritten(
  byPriority: readonly { readonly m: Message; readonly p: MixRule }[],
  schedules: ReadonlyMap<Schedule, CompiledSchedule>,
  v: Visitor,
  nowMs: number,
): HandDecision {
  const enteredAt = Date.parse(v.page.enteredAt);
  const url = v.page.url.toLowerCase();
  const seconds = Math.max(0, Math.floor((nowMs - enteredAt) / 1000));
  const language = (v.language ?? '').split(/[-_]/)[0]?.toLowerCase() ?? '';
  const visits = v.visit.number;
  const plan = v.metadata !== undefined && Object.hasOwn(v.metadata, 'plan') ? v.metadata.plan : undefined;
  const eligible: string[] = [];
  let first: Message | null = null;
  let reevaluateAt: number | null = null;
  const lower = (t: number | null): void => {
    if (t !== null && (reevaluateAt === null || t < reevaluateAt)) reevaluateAt = t;
  };
  if (v.inActiveConversation) return { message: null, eligible, reevaluateAt };
  for (const { m, p } of byPriority) {
    if (!frequencyOk(m, v)) continue;
    const w = m.sendWindow;
    let windowOpen = true;
    let windowNext: number | null = null;
    if (w.type !== 'anytime') {
      const s = schedules.get(w.schedule) as CompiledSchedule;
      windowOpen = s.isOpen(nowMs) === (w.type === 'businessHours');
      windowNext = s.nextChange(nowMs);
    }
    const triggerAt = m.trigger.event === 'timeOnPage' ? enteredAt + m.trigger.seconds * 1000 : enteredAt;
    const triggerReached = nowMs >= triggerAt;
    const staticOk = v.deviceType === p.device && plan === p.plan && p.languages.includes(language) && p.paths.some((path) => url.includes(path));
    const anyStatic = visits >= p.visits;
    const met = staticOk && (anyStatic || seconds > p.seconds);
    const conditionsNext = !staticOk || anyStatic || seconds > p.seconds ? null : enteredAt + (p.seconds + 1) * 1000;
    if (windowOpen && triggerReached && met) {
      eligible.push(m.id);
      if (first === null) first = m;
      lower(windowNext === null ? conditionsNext : conditionsNext === null ? windowNext : Math.min(windowNext, conditionsNext));
      continue;
    }
    let until = -Infinity;
    if (!windowOpen) {
      if (windowNext === null) continue;
      until = windowNext;
    }
    if (!triggerReached) until = Math.max(until, triggerAt);
    if (!met) {
      if (conditionsNext === null) continue;
      until = Math.max(until, conditionsNext);
    }
    lower(until);
  }
  return { message: first, eligible, reevaluateAt };
}

function frequencyOk(m: Message, v: Visitor): boolean {
  for (const d of v.deliveries) {
    if (d.messageId !== m.id) continue;
    if (m.frequency === 'once') return false;
    if (d.visitId === v.visit.id && (m.frequency === 'oncePerVisit' || d.pageViewId === v.page.viewId)) return false;
  }
  return true;
}
