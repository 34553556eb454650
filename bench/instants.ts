/**
 * The instants every workload is measured at: a fixed, seeded set spread over one week
 * (Mon 2026-11-23 – Sun 2026-11-29 UTC), so a ratio is over the mix of states a real visitor
 * population sees and not over the one instant where a shortcut fires. Each anchor is a
 * business-hours boundary of the bench schedules (±1 s), a mid-stretch moment, a night or a
 * weekend; each anchor is visited twice, once with a time on page near a trigger/condition
 * threshold of the workload (exactly on it, or a second before or after it plus random
 * milliseconds) and once far past every threshold.
 * @module
 */

/** What an anchor instant is, for the printed mix. */
export type AnchorKind = 'opening' | 'closing' | 'mid-stretch' | 'night' | 'weekend';

interface Anchor {
  readonly label: string;
  readonly kind: AnchorKind;
  readonly atMs: number;
}

/** One sampled instant: `now`, and how long the visitor has been on the page at `now`. */
export interface SampledInstant {
  readonly label: string;
  readonly kind: AnchorKind;
  readonly nowMs: number;
  readonly timeOnPageMs: number;
  /** Time on page within ±1 s of a threshold of the workload (else far past all of them). */
  readonly nearThreshold: boolean;
}

/** mulberry32: a tiny deterministic generator, so the mix is the same on every run and host. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const SEED = 0x5eed_2026;

const utc = (day: number, h: number, m = 0, s = 0): number => Date.UTC(2026, 10, day, h, m, s);

/** Boundaries of the bench schedules (see `workloads/common.ts`), each also at −1 s and +1 s. */
const BOUNDARIES: readonly { readonly label: string; readonly kind: AnchorKind; readonly at: number }[] = [
  { label: 'Kathmandu opens Mon 10:00', kind: 'opening', at: utc(23, 4, 15) },
  { label: 'Berlin opens Mon 09:00', kind: 'opening', at: utc(23, 8) },
  { label: 'Kathmandu closes Mon 18:00', kind: 'closing', at: utc(23, 12, 15) },
  { label: 'New York opens Mon 08:00', kind: 'opening', at: utc(23, 13) },
  { label: 'New York closes Mon 20:00', kind: 'closing', at: utc(24, 1) },
  { label: 'Berlin closes Tue 17:00', kind: 'closing', at: utc(24, 16) },
  { label: 'New York opens Fri 22:00', kind: 'opening', at: utc(28, 3) },
  { label: 'New York closes Sat 02:00', kind: 'closing', at: utc(28, 7) },
  { label: 'Kathmandu opens Sun 00:00', kind: 'opening', at: utc(28, 18, 15) },
];

const OTHERS: readonly Anchor[] = [
  { label: 'Mon 10:00Z (Berlin, Kathmandu open)', kind: 'mid-stretch', atMs: utc(23, 10) },
  { label: 'Mon 17:00Z (New York open)', kind: 'mid-stretch', atMs: utc(23, 17) },
  { label: 'Wed 11:30Z (Berlin open)', kind: 'mid-stretch', atMs: utc(25, 11, 30) },
  { label: 'Thu 14:45Z (Berlin open)', kind: 'mid-stretch', atMs: utc(26, 14, 45) },
  { label: 'Wed 02:30Z', kind: 'night', atMs: utc(25, 2, 30) },
  { label: 'Thu 23:00Z', kind: 'night', atMs: utc(26, 23) },
  { label: 'Fri 20:10Z', kind: 'night', atMs: utc(27, 20, 10) },
  { label: 'Sat 12:00Z', kind: 'weekend', atMs: utc(28, 12) },
  { label: 'Sun 09:00Z (Kathmandu open)', kind: 'weekend', atMs: utc(29, 9) },
  { label: 'Sun 21:00Z', kind: 'weekend', atMs: utc(29, 21) },
];

function anchors(): Anchor[] {
  const out: Anchor[] = [];
  for (const b of BOUNDARIES) {
    for (const delta of [-1000, 0, 1000]) {
      out.push({ label: `${b.label}${delta === 0 ? '' : delta < 0 ? ' −1 s' : ' +1 s'}`, kind: b.kind, atMs: b.at + delta });
    }
  }
  return [...out, ...OTHERS];
}

/** Times on page far past every threshold of the bench workloads, in seconds. */
const FAR_SECONDS: readonly number[] = [300, 1_800, 7_200];

/**
 * The instant mix of a workload whose trigger delays and time-on-page condition thresholds are
 * `thresholdSeconds` (seconds at which something flips): every anchor twice, near a threshold
 * (one of them −1, 0 or +1 s, or 0 s on the page) and far past all of them, with milliseconds
 * drawn from the seeded generator. Same list on every run.
 */
export function weekInstants(thresholdSeconds: readonly number[], seed = SEED): SampledInstant[] {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const near = [0, ...thresholdSeconds];
  const out: SampledInstant[] = [];
  for (const a of anchors()) {
    const threshold = pick(near);
    const offset = threshold === 0 ? 0 : pick([-1, 0, 1]);
    // Exactly on the threshold (to the millisecond: `>` vs `≥` differ there), or a second before or after it plus seeded ms.
    const ms = offset === 0 ? 0 : Math.floor(random() * 1000);
    out.push({ label: a.label, kind: a.kind, nowMs: a.atMs, timeOnPageMs: (threshold + offset) * 1000 + ms, nearThreshold: true });
    out.push({ label: a.label, kind: a.kind, nowMs: a.atMs, timeOnPageMs: pick(FAR_SECONDS) * 1000 + Math.floor(random() * 1000), nearThreshold: false });
  }
  return out;
}

/** One line describing the mix, for the bench output. */
export function describeMix(instants: readonly SampledInstant[]): string {
  const byKind = new Map<AnchorKind, number>();
  for (const i of instants) byKind.set(i.kind, (byKind.get(i.kind) ?? 0) + 1);
  const kinds = [...byKind].map(([k, n]) => `${n} ${k}`).join(', ');
  const near = instants.filter((i) => i.nearThreshold);
  const seconds = [...new Set(near.map((i) => Math.floor(i.timeOnPageMs / 1000)))].sort((a, b) => a - b);
  return (
    `${instants.length} instants over Mon 2026-11-23 – Sun 2026-11-29 UTC (seed 0x${SEED.toString(16)}): ${kinds} ` +
    `(open/close at −1 s, 0, +1 s); time on page ${near.length}× near a threshold (${seconds.join(', ')} s) and ` +
    `${instants.length - near.length}× far (${FAR_SECONDS.join(', ')} s); seeded milliseconds except exactly on a threshold`
  );
}

/**
 * A denser sweep for the agreement check only (not timed): `count` instants evenly over the week
 * with seeded seconds, each with a seeded time on page between 0 and 2 min.
 */
export function sweepInstants(count = 240, seed = SEED + 1): SampledInstant[] {
  const random = seededRandom(seed);
  const start = Date.UTC(2026, 10, 23);
  const step = (7 * 86_400_000) / count;
  return Array.from({ length: count }, (_, k) => ({
    label: `sweep ${k}`,
    kind: 'mid-stretch' as const,
    nowMs: Math.floor(start + k * step + random() * 1000),
    timeOnPageMs: Math.floor(random() * 120_000),
    nearThreshold: false,
  }));
}
