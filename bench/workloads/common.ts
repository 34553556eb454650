/**
 * What the workloads share: the bench schedules and send-window mix, a message factory, lists and
 * visitors as parsed JSON, visitors placed at a sampled instant, and the case cycle of timed calls.
 * @module
 */
import type { ConditionLeaf, ConditionNode, Frequency, Message, Schedule, SendWindow, Trigger, Visitor } from '../../src/index.js';
import type { SampledInstant } from '../instants.js';

export const CHANNEL = 'web_main';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

/** Berlin office hours, a New York Monday plus a Friday night, a Kathmandu Sunday plus Monday. */
export const SCHEDULES: readonly Schedule[] = [
  { timezone: 'Europe/Berlin', weekly: WEEKDAYS.map((day) => ({ day, open: '09:00', close: '17:00' })), holidays: [{ name: 'Christmas', start: '2026-12-24', end: '2026-12-26' }] },
  { timezone: 'America/New_York', weekly: [{ day: 'mon', open: '08:00', close: '20:00' }, { day: 'fri', open: '22:00', close: '02:00' }], holidays: [] },
  { timezone: 'Asia/Kathmandu', weekly: [{ day: 'sun', open: '00:00', close: '24:00' }, { day: 'mon', open: '10:00', close: '18:00' }], holidays: [] },
];

export const FREQUENCIES: readonly Frequency[] = ['once', 'oncePerVisit', 'everyTime'];

/** Half any time, a quarter inside and a quarter outside business hours, rotating the zones. */
export function windowOf(i: number, schedules: readonly Schedule[] = SCHEDULES): SendWindow {
  const schedule = schedules[i % schedules.length] as Schedule;
  switch (i % 4) {
    case 0:
    case 1:
      return { type: 'anytime' };
    case 2:
      return { type: 'businessHours', schedule };
    default:
      return { type: 'outsideBusinessHours', schedule };
  }
}

export interface MessageFields {
  readonly id: string;
  readonly channelId: string;
  readonly trigger: Trigger;
  readonly conditions: ConditionNode | null;
  readonly sendWindow: SendWindow;
  readonly frequency: Frequency;
  readonly priority: number;
}

/** A live message with the given gates and fixed presentation fields. */
export function liveMessage(f: MessageFields): Message {
  return {
    id: f.id,
    name: `Message ${f.id}`,
    brandId: 'brand_1',
    channelId: f.channelId,
    status: 'live',
    response: { type: 'agent', text: 'Hello', capture: [] },
    trigger: f.trigger,
    conditions: f.conditions,
    tags: [],
    sendWindow: f.sendWindow,
    frequency: f.frequency,
    priority: f.priority,
    metrics: { sent: 0, read: 0, replied: 0 },
    createdAt: '2026-11-01T09:00:00Z',
    updatedAt: '2026-11-01T09:00:00Z',
  };
}

/**
 * The list as a server or widget holds it after reading JSON: every string flat (built strings
 * are V8 cons strings, on which e.g. `startsWith` is measurably slower than on parsed ones), and
 * equal schedules interned to one object per account schedule, as today's bench has them. With a
 * separate schedule object per message, evaluate's per-schedule stretch cache would miss once per
 * message whenever `now` jumps — and the timed calls jump across the week on every call, which a
 * real process (monotonic `now`) never does; time-zone math is not what the bench measures.
 */
export function asParsed(messages: readonly Message[]): Message[] {
  const interned = new Map<string, Schedule>();
  return (JSON.parse(JSON.stringify(messages)) as Message[]).map((m) => {
    if (m.sendWindow.type === 'anytime') return m;
    const key = JSON.stringify(m.sendWindow.schedule);
    let schedule = interned.get(key);
    if (schedule === undefined) interned.set(key, (schedule = m.sendWindow.schedule));
    return { ...m, sendWindow: { ...m.sendWindow, schedule } };
  });
}

/** `base` at a sampled instant (entered the page `timeOnPageMs` before `now`, the visit 2 min earlier), as parsed JSON. */
export function visitorAt(base: Visitor, instant: SampledInstant): Visitor {
  const enteredAt = instant.nowMs - instant.timeOnPageMs;
  const v: Visitor = {
    ...base,
    visit: { ...base.visit, startedAt: new Date(enteredAt - 120_000).toISOString() },
    page: { ...base.page, enteredAt: new Date(enteredAt).toISOString() },
  };
  return JSON.parse(JSON.stringify(v)) as Visitor;
}

/** The leaf at `path` (child indexes through `all`/`any`/`not`) of a bench tree, for preparing a baseline. */
export function leafAt(tree: ConditionNode | null, path: readonly number[]): ConditionLeaf {
  let node: ConditionNode | null = tree;
  for (const step of path) {
    if (node !== null && 'all' in node) node = node.all[step] ?? null;
    else if (node !== null && 'any' in node) node = node.any[step] ?? null;
    else if (node !== null && 'not' in node) node = node.not;
    else node = null;
  }
  if (node === null || !('fact' in node)) throw new Error(`bench tree has no leaf at ${path.join('.')}`);
  return node;
}

/** One evaluation case: a visitor at an instant. */
export interface Case {
  readonly visitor: Visitor;
  readonly nowMs: number;
  readonly instant: SampledInstant;
}

/** A function that hands out `cases` in turn, forever (the timed calls cycle through the mix). */
export function cycle<T>(cases: readonly T[]): () => T {
  let i = 0;
  return () => {
    const c = cases[i] as T;
    i = i + 1 === cases.length ? 0 : i + 1;
    return c;
  };
}
