/**
 * An independent brute-force reference for business hours, written only with
 * `Intl.DateTimeFormat#formatToParts` and string comparisons — no code shared with src/.
 *
 * Semantics it encodes (docs/schedules.md): the clock's *high-water mark* decides. Walking the
 * timeline minute by minute, keep the latest local time the clock has shown; the schedule is
 * open when that local time is inside a weekly interval and its date is not a holiday.
 */
import type { Schedule } from '../../src/index.js';

export const MINUTE = 60_000;
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

interface LocalTime {
  /** `YYYY-MM-DD` */
  readonly date: string;
  /** 0 = Monday. */
  readonly weekday: number;
  readonly minuteOfDay: number;
  /** Comparable key: the local fields read as UTC minutes. */
  readonly key: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** The local wall clock of `zone` at `instant`, straight from `Intl`. */
export function localTime(zone: string, instant: number): LocalTime {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    });
    formats.set(zone, format);
  }
  const p: Record<string, string> = {};
  for (const part of format.formatToParts(instant)) p[part.type] = part.value;
  const hour = Number(p.hour) % 24;
  const minuteOfDay = hour * 60 + Number(p.minute);
  const weekday = WEEKDAYS.indexOf(String(p.weekday).slice(0, 3).toLowerCase());
  const key = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day)) / MINUTE + minuteOfDay;
  return { date: `${p.year}-${p.month}-${p.day}`, weekday, minuteOfDay, key };
}

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

/** Open at this local time? Checked interval by interval, holidays by string comparison. */
export function openAtLocal(schedule: Schedule, local: LocalTime): boolean {
  if (schedule.holidays.some((h) => h.start <= local.date && local.date <= h.end)) return false;
  return schedule.weekly.some((interval) => {
    const day = WEEKDAYS.indexOf(interval.day);
    const open = minutes(interval.open);
    const close = minutes(interval.close);
    if (close > open) return local.weekday === day && local.minuteOfDay >= open && local.minuteOfDay < close;
    // Overnight (close <= open): from `open` on its day to `close` on the next day.
    return (local.weekday === day && local.minuteOfDay >= open) || (local.weekday === (day + 1) % 7 && local.minuteOfDay < close);
  });
}

/** Local times at every whole UTC minute in `[from, from + count·MINUTE)`. */
export function scanLocalTimes(zone: string, from: number, count: number): LocalTime[] {
  const out: LocalTime[] = [];
  for (let i = 0; i < count; i++) out.push(localTime(zone, from + i * MINUTE));
  return out;
}

/** Open/closed at each minute of a scan, deciding by the high-water mark of the clock. */
export function referenceStates(schedule: Schedule, locals: readonly LocalTime[]): boolean[] {
  let highest: LocalTime | undefined;
  return locals.map((local) => {
    if (highest === undefined || local.key > highest.key) highest = local;
    return openAtLocal(schedule, highest);
  });
}

/** UTC offset in minutes (east positive) at `instant`. */
export function offsetMinutes(zone: string, instant: number): number {
  return localTime(zone, instant).key - Math.floor(instant / MINUTE);
}

/** Offset transitions of `zone` between two instants, to the minute (daily probe + bisection). */
export function transitions(zone: string, from: number, to: number): number[] {
  const found: number[] = [];
  const step = 5 * 86_400_000; // no zone changes offset twice within five days in 2010–2030
  let previous = offsetMinutes(zone, from);
  for (let t = from + step; t <= to; t += step) {
    const current = offsetMinutes(zone, t);
    if (current !== previous) {
      let low = (t - step) / MINUTE;
      let high = t / MINUTE;
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        if (offsetMinutes(zone, middle * MINUTE) === previous) low = middle;
        else high = middle;
      }
      found.push(high * MINUTE);
      previous = current;
    }
  }
  return found;
}
