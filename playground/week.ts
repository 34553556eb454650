/**
 * The week chart's data, computed with the library's own business-hours engine (which is exact
 * across DST): the seven local days of the week around an instant in a zone, each as the real
 * stretch of time it lasts (23 hours on a spring-forward day), a message's send window as real
 * open intervals, and when this visitor would qualify for it and be shown it across the week.
 *
 * "This visitor at another instant" keeps its time on the page and on the site (its timestamps
 * move with the instant), so across the week only the send windows change: eligibility is
 * constant between the windows' changes, and `evaluate` is asked once per stretch.
 * @module
 */
import { compileSchedule, evaluate, type CompiledSchedule, type Message, type Schedule, type Visitor } from '../src/index.js';

const DAY = 86_400_000;

/** A stretch of time `[from, to)` in epoch ms. */
export interface Span {
  readonly from: number;
  readonly to: number;
}

/** One local day of the week: its real stretch and its local date. */
export interface DayRow extends Span {
  /** `Mon 2026-03-23`. */
  readonly label: string;
  /** Its length in hours (23, 24 or 25 around DST changes). */
  readonly hours: number;
}

/** Everything one message's chart shows. */
export interface WeekChart {
  readonly messageId: string;
  readonly zone: string;
  readonly days: readonly DayRow[];
  /** When the send window is open. */
  readonly window: readonly Span[];
  /** When this visitor (keeping its time on page and site) would qualify for the message. */
  readonly eligible: readonly Span[];
  /** When it would be the message shown. */
  readonly shown: readonly Span[];
  /** The chosen instant, if it is inside the week. */
  readonly now: number;
}

function compiled(schedule: Schedule): CompiledSchedule {
  const result = compileSchedule(schedule);
  if (!result.ok) throw new Error(`invalid schedule: ${result.issues.map((i) => i.message).join('; ')}`);
  return result.value;
}

const EVERY_OTHER_DAY = (days: readonly ('mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun')[]): readonly { day: (typeof days)[number]; open: string; close: string }[] =>
  days.map((day) => ({ day, open: '00:00', close: '24:00' }));

/** Every local midnight in `[from, to)` of `zone`: the instants two alternating day schedules flip at. */
function midnights(zone: string, from: number, to: number): number[] {
  const found = new Set<number>();
  for (const days of [EVERY_OTHER_DAY(['mon', 'wed', 'fri']), EVERY_OTHER_DAY(['tue', 'thu', 'sat'])]) {
    const engine = compiled({ timezone: zone, weekly: days, holidays: [] });
    for (let t: number | null = engine.nextChange(from - 1); t !== null && t < to; t = engine.nextChange(t)) found.add(t);
  }
  return [...found].sort((a, b) => a - b);
}

/** Whether a local midnight starts a Monday (a Monday-only schedule opens there). */
function isMonday(zone: string, midnight: number): boolean {
  return compiled({ timezone: zone, weekly: EVERY_OTHER_DAY(['mon']), holidays: [] }).isOpen(midnight);
}

/**
 * The seven local days (Monday first) of the week containing `at` in `zone`.
 * @example
 * ```ts
 * weekDays('Europe/Berlin', Date.parse('2026-03-27T12:00:00Z')).map((d) => d.hours); // [24, 24, 24, 24, 24, 24, 23]
 * ```
 */
export function weekDays(zone: string, at: number): DayRow[] {
  const all = midnights(zone, at - 9 * DAY, at + 9 * DAY);
  let start = 0;
  for (let i = 0; i < all.length; i += 1) if ((all[i] as number) <= at && isMonday(zone, all[i] as number)) start = i;
  const edges = all.slice(start, start + 8);
  const format = new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit' });
  const rows: DayRow[] = [];
  for (let i = 0; i + 1 < edges.length; i += 1) {
    const from = edges[i] as number;
    const to = edges[i + 1] as number;
    const parts = Object.fromEntries(format.formatToParts(from).map((p) => [p.type, p.value]));
    rows.push({ from, to, hours: Math.round((to - from) / 3_600_000), label: `${parts.weekday} ${parts.year}-${parts.month}-${parts.day}` });
  }
  return rows;
}

/**
 * The open intervals of a send window within `span`.
 * @example
 * ```ts
 * windowSpans({ type: 'anytime' }, { from: 0, to: 1000 }); // [{ from: 0, to: 1000 }]
 * ```
 */
export function windowSpans(window: Message['sendWindow'], span: Span): Span[] {
  if (window.type === 'anytime') return [span];
  const engine = compiled(window.schedule);
  const inside = window.type === 'businessHours';
  const spans: Span[] = [];
  let t = span.from;
  while (t < span.to) {
    const next = Math.min(engine.nextChange(t) ?? span.to, span.to);
    if (engine.isOpen(t) === inside) spans.push({ from: t, to: next });
    t = next;
  }
  return spans;
}

/** Every instant in `span` at which one of the messages' send windows opens or closes. */
function windowChanges(messages: readonly Message[], span: Span): number[] {
  const cuts = new Set<number>([span.from]);
  for (const m of messages) {
    if (m.sendWindow.type === 'anytime') continue;
    const engine = compiled(m.sendWindow.schedule);
    for (let t: number | null = engine.nextChange(span.from); t !== null && t < span.to; t = engine.nextChange(t)) cuts.add(t);
  }
  return [...cuts].sort((a, b) => a - b);
}

function shifted(iso: string, by: number): string {
  return new Date(Date.parse(iso) + by).toISOString();
}

/** The visitor at `at` instead of `now`, with the same time on page and on site. */
function visitorAt(visitor: Visitor, now: number, at: number): Visitor {
  const by = at - now;
  return { ...visitor, visit: { ...visitor.visit, startedAt: shifted(visitor.visit.startedAt, by) }, page: { ...visitor.page, enteredAt: shifted(visitor.page.enteredAt, by) } };
}

function merge(spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last !== undefined && last.to === s.from) out[out.length - 1] = { from: last.from, to: s.to };
    else out.push(s);
  }
  return out;
}

/**
 * The chart of every message (valid ones: `messages` is a parsed list) for a visitor at `now`.
 * Each message is drawn in its own schedule's zone (UTC for `anytime`).
 * @example
 * ```ts
 * weekCharts(messages, visitor, Date.parse('2026-11-23T10:00:30Z'))[0]?.days.length; // 7
 * ```
 */
export function weekCharts(messages: readonly Message[], visitor: Visitor, now: number): WeekChart[] {
  const cache = new Map<string, { days: DayRow[]; stretches: { span: Span; eligible: readonly string[]; shown: string | null }[] }>();
  const perZone = (zone: string): NonNullable<ReturnType<typeof cache.get>> => {
    let hit = cache.get(zone);
    if (hit === undefined) {
      const days = weekDays(zone, now);
      const week: Span = { from: (days[0] as DayRow).from, to: (days[days.length - 1] as DayRow).to };
      const cuts = windowChanges(messages, week);
      const stretches = cuts.map((from, i) => {
        const span = { from, to: cuts[i + 1] ?? week.to };
        const decision = evaluate(visitorAt(visitor, now, from), messages, from);
        return { span, eligible: decision.eligible, shown: decision.message?.id ?? null };
      });
      cache.set(zone, (hit = { days, stretches }));
    }
    return hit;
  };
  return messages.map((m) => {
    const zone = m.sendWindow.type === 'anytime' ? 'UTC' : m.sendWindow.schedule.timezone;
    const { days, stretches } = perZone(zone);
    const week: Span = { from: (days[0] as DayRow).from, to: (days[days.length - 1] as DayRow).to };
    return {
      messageId: m.id,
      zone,
      days,
      window: windowSpans(m.sendWindow, week),
      eligible: merge(stretches.filter((s) => s.eligible.includes(m.id)).map((s) => s.span)),
      shown: merge(stretches.filter((s) => s.shown === m.id).map((s) => s.span)),
      now,
    };
  });
}
