/**
 * The week chart as SVG: one row per local day, as long as the day really is (a 23-hour day is
 * shorter), with the send window, when this visitor would qualify, and when it would be shown.
 * Every band carries its real instants (`data-from`, `data-to`), so tests read the chart from the
 * DOM rather than from pixels.
 * @module
 */
import { svg } from './dom.js';
import type { Span, WeekChart } from './week.js';

const WIDTH = 760;
const LABEL = 118;
const ROW = 30;
const TOP = 20;
const HOUR = (WIDTH - LABEL - 8) / 25;
const HOUR_MS = 3_600_000;

const iso = (ms: number): string => new Date(ms).toISOString();

function bands(spans: readonly Span[], day: Span, y: number, height: number, kind: string): SVGElement[] {
  const out: SVGElement[] = [];
  for (const s of spans) {
    const from = Math.max(s.from, day.from);
    const to = Math.min(s.to, day.to);
    if (to <= from) continue;
    out.push(
      svg('rect', {
        class: kind,
        x: (LABEL + ((from - day.from) / HOUR_MS) * HOUR).toFixed(2),
        y: String(y),
        width: (((to - from) / HOUR_MS) * HOUR).toFixed(2),
        height: String(height),
        'data-from': iso(from),
        'data-to': iso(to),
      }),
    );
  }
  return out;
}

/**
 * The SVG of one message's week.
 * @example
 * ```ts
 * container.append(weekSvg(chart));
 * ```
 */
export function weekSvg(chart: WeekChart): SVGElement {
  const clock = new Intl.DateTimeFormat('en-GB', { timeZone: chart.zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const height = TOP + chart.days.length * ROW + 24;
  const children: SVGElement[] = [];
  for (let hour = 0; hour <= 24; hour += 6) {
    children.push(svg('text', { class: 'axis', x: (LABEL + hour * HOUR).toFixed(2), y: '12' }, `+${hour} h`));
  }
  chart.days.forEach((day, i) => {
    const y = TOP + i * ROW;
    const row = svg('g', { class: 'day-row', 'data-day': day.label, 'data-hours': String(day.hours), 'data-from': iso(day.from), 'data-to': iso(day.to) });
    row.append(
      svg('text', { class: 'day-label', x: '0', y: String(y + 14) }, `${day.label} (${day.hours} h)`),
      svg('rect', { class: 'day', x: String(LABEL), y: String(y + 2), width: (day.hours * HOUR).toFixed(2), height: String(ROW - 4) }),
      ...bands(chart.window, day, y + 3, 6, 'window'),
      ...bands(chart.eligible, day, y + 10, 4, 'eligible'),
      ...bands(chart.shown, day, y + 15, 3, 'shown'),
    );
    // Local clock times every six real hours: after a DST jump they show it.
    for (let at = day.from + 6 * HOUR_MS; at < day.to; at += 6 * HOUR_MS) {
      row.append(svg('text', { class: 'tick', x: (LABEL + ((at - day.from) / HOUR_MS) * HOUR).toFixed(2), y: String(y + ROW - 3) }, clock.format(at)));
    }
    if (chart.now >= day.from && chart.now < day.to) {
      const x = (LABEL + ((chart.now - day.from) / HOUR_MS) * HOUR).toFixed(2);
      row.append(svg('line', { class: 'now', x1: x, x2: x, y1: String(y), y2: String(y + ROW), 'data-at': iso(chart.now) }));
    }
    children.push(row);
  });
  const legendY = String(TOP + chart.days.length * ROW + 16);
  children.push(
    svg('rect', { class: 'window', x: String(LABEL), y: String(+legendY - 8), width: '14', height: '6' }),
    svg('text', { class: 'legend', x: String(LABEL + 18), y: legendY }, 'send window open'),
    svg('rect', { class: 'eligible', x: String(LABEL + 150), y: String(+legendY - 8), width: '14', height: '4' }),
    svg('text', { class: 'legend', x: String(LABEL + 168), y: legendY }, 'qualifies (this visitor)'),
    svg('rect', { class: 'shown', x: String(LABEL + 330), y: String(+legendY - 8), width: '14', height: '3' }),
    svg('text', { class: 'legend', x: String(LABEL + 348), y: legendY }, `shown · times in ${chart.zone}`),
  );
  return svg(
    'svg',
    { class: 'week', viewBox: `0 0 ${WIDTH} ${height}`, width: String(WIDTH), height: String(height), role: 'img', 'aria-label': `Week of ${chart.messageId} in ${chart.zone}`, 'data-message-id': chart.messageId, 'data-zone': chart.zone },
    svg('title', {}, `${chart.messageId}: send window and eligibility, ${chart.days[0]?.label ?? ''} to ${chart.days[chart.days.length - 1]?.label ?? ''} (${chart.zone})`),
    ...children,
  );
}
