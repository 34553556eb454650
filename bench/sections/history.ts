/**
 * Section `history` — a visitor with 10,000 deliveries (500 past visits and this one) against the
 * same visitor with none. When the library exports `compactDeliveries(visitor, messages, now)`
 * (returning a visitor, or a `Result` of one), evaluate on the compacted visitor ÷ on the empty
 * history (target ≤ 1.3×). If it refuses the 10,000-delivery visitor (over `LIMITS.deliveries`),
 * the history is built as a host that compacts as it records would hold it: 250 deliveries at a
 * time, compacted after each. The compacted visitor must decide, at every instant, like the tight
 * hand-written decision on the raw history (and like evaluate on it, when evaluate accepts it).
 * The raw 10,000-delivery call is always reported, for information — or its rejection.
 * @module
 */
import * as lib from '../../src/index.js';
import { evaluate, type Delivery, type Message, type Visitor } from '../../src/index.js';
import { Disagreement, rejection } from '../agree.js';
import { evaluateCalls } from '../calls.js';
import { batchFor, beginSection, compare, reportRatio, reportUnavailable, type BenchSection } from '../harness.js';
import { describeMix, seededRandom } from '../instants.js';
import type { Case } from '../workloads/common.js';
import { casesOf, mixInstants, mixMessages, mixVisitor, tightMix } from '../workloads/mix.js';

export const HISTORY = 10_000;
const CHUNK = 250;

/** Seeded: 9,980 deliveries over 500 earlier visits (ids of live and of long-deleted messages), 20 in this visit's earlier page views. */
export function longHistory(messages: readonly Message[]): Delivery[] {
  const random = seededRandom(0x415);
  const out: Delivery[] = [];
  for (let i = 0; i < HISTORY; i++) {
    const current = i >= HISTORY - 20;
    const id = random() < 0.8 ? (messages[Math.floor(random() * messages.length)] as Message).id : `deleted_${Math.floor(random() * 300)}`;
    const day = Math.floor((i / HISTORY) * 300);
    out.push({
      messageId: id,
      at: new Date(Date.UTC(2025, 11, 1) + day * 86_400_000 + (i % 97) * 60_000).toISOString(),
      visitId: current ? mixVisitor.visit.id : `visit_old_${Math.floor(i / 20)}`,
      pageViewId: current ? `pv_${1 + (i % 2)}` : `pv_${i % 20}`,
      ...(random() < 0.5 ? { dismissed: true } : {}),
    });
  }
  return out;
}

export type Compact = (visitor: Visitor, messages: readonly Message[], now: number) => unknown;

export function compactDeliveriesExport(): Compact | undefined {
  const candidate: unknown = (lib as Record<string, unknown>)['compactDeliveries'];
  return typeof candidate === 'function' ? (candidate as Compact) : undefined;
}

/** The visitor out of `compactDeliveries`' answer: a visitor, or `{ ok: true, value }`; else why not. */
function compactedVisitor(answer: unknown): Visitor | string {
  if (typeof answer !== 'object' || answer === null) return `unexpected answer ${String(answer)}`;
  if ('deliveries' in answer) return answer as Visitor;
  const r = answer as { ok?: unknown; value?: unknown; issues?: unknown };
  if (r.ok === true && typeof r.value === 'object' && r.value !== null) return r.value as Visitor;
  return JSON.stringify(r.issues ?? answer).slice(0, 200);
}

/** Compacts `raw` at once, or — if that is refused — as it is recorded, `CHUNK` deliveries at a time. */
export function compactHistory(compact: Compact, raw: Visitor, messages: readonly Message[], nowMs: number): { readonly visitor: Visitor; readonly how: string } {
  const atOnce = compactedVisitor(compact(raw, messages, nowMs));
  if (typeof atOnce !== 'string') return { visitor: atOnce, how: 'compacted at once' };
  let v: Visitor = { ...raw, deliveries: [] };
  for (let i = 0; i < raw.deliveries.length; i += CHUNK) {
    const step = compactedVisitor(compact({ ...v, deliveries: [...v.deliveries, ...raw.deliveries.slice(i, i + CHUNK)] }, messages, nowMs));
    if (typeof step === 'string') throw new Error(`compactDeliveries refused a ${v.deliveries.length + CHUNK}-delivery step: ${step}`);
    v = step;
  }
  return { visitor: v, how: `refused at once (${atOnce.slice(0, 80)}…), so compacted as recorded, ${CHUNK} at a time` };
}

export const historySection: BenchSection = {
  name: 'history',
  about: `a visitor with ${HISTORY.toLocaleString('en-US')} deliveries vs none`,
  async run() {
    beginSection('history');
    const messages = mixMessages();
    const instants = mixInstants();
    console.log(describeMix(instants));
    const deliveries = longHistory(messages);
    const empty = casesOf({ ...mixVisitor, deliveries: [] }, instants);
    const raw = casesOf({ ...mixVisitor, deliveries }, instants);
    console.log(`history: ${deliveries.length.toLocaleString('en-US')} deliveries, ${new Set(deliveries.map((d) => d.visitId)).size} visits, ${new Set(deliveries.map((d) => d.messageId)).size} distinct message ids`);
    const emptyCalls = evaluateCalls(messages, empty);
    const emptyBatch = await batchFor(emptyCalls, empty.length);

    const rawRejected = rejection(evaluate((raw[0] as Case).visitor, messages, (raw[0] as Case).nowMs));
    const rawCalls = evaluateCalls(messages, raw);
    const vsRaw = await compare(rawCalls, emptyCalls, { slow: await batchFor(rawCalls, raw.length), fast: emptyBatch }, 20);
    if (rawRejected === null) reportRatio(`history: evaluate with ${HISTORY.toLocaleString('en-US')} raw deliveries ÷ none`, vsRaw, 2);
    else reportRatio(`history: evaluate rejecting ${HISTORY.toLocaleString('en-US')} raw deliveries ÷ none`, vsRaw, 2, undefined, `(invalidInput ${rawRejected.slice(0, 100)})`);

    const compact = compactDeliveriesExport();
    if (compact === undefined) {
      reportUnavailable('history: evaluate on the compacted history ÷ none', { op: '≤', bound: 1.3 }, '×', 'compactDeliveries not available yet');
      return;
    }
    // Compacted once per instant, outside the timed loop (as a host would store the compacted history).
    const tight = tightMix(messages);
    let how = '';
    const compacted: Case[] = raw.map((c) => {
      const done = compactHistory(compact, c.visitor, messages, c.nowMs);
      how = done.how;
      return { ...c, visitor: done.visitor };
    });
    compacted.forEach((c, k) => {
      const a = evaluate(c.visitor, messages, c.nowMs);
      const rawCase = raw[k] as Case;
      const reference = rawRejected === null ? evaluate(rawCase.visitor, messages, c.nowMs) : tight(rawCase.visitor, c.nowMs);
      const why = rejection(a);
      if (why !== null || a.message !== reference.message || a.eligible.join() !== reference.eligible.join() || a.reevaluateAt !== reference.reevaluateAt) {
        throw new Disagreement(
          `the compacted history decides differently at ${new Date(c.nowMs).toISOString()}: ${why ?? a.eligible.join()} vs ${reference.eligible.join()} (${rawRejected === null ? 'evaluate' : 'hand-written'} on the raw history)`,
        );
      }
    });
    const sizes = compacted.map((c) => c.visitor.deliveries.length);
    const ids = new Set(messages.map((m) => m.id));
    const unknown = (compacted[0] as Case).visitor.deliveries.filter((d) => !ids.has(d.messageId)).length;
    console.log(`compacted (${how}): ${Math.min(...sizes)}–${Math.max(...sizes)} deliveries kept, ${unknown} of them for message ids not in the list; decides like ${rawRejected === null ? 'evaluate' : 'the hand-written decision'} on the raw history at every instant`);
    const compactCalls = evaluateCalls(messages, compacted);
    const vsCompact = await compare(compactCalls, emptyCalls, { slow: await batchFor(compactCalls, compacted.length, 8), fast: await batchFor(emptyCalls, empty.length, 8) }, 40);
    reportRatio('history: evaluate on the compacted history ÷ none', vsCompact, 2, { op: '≤', bound: 1.3 });
    // The same compacted visitor after a JSON round trip (a server that stores it and parses it
    // per request): no longer the frozen history compactDeliveries returned, so it is checked in full.
    const stored: Case[] = compacted.map((c) => ({ ...c, visitor: JSON.parse(JSON.stringify(c.visitor)) as Visitor }));
    const storedCalls = evaluateCalls(messages, stored);
    const vsStored = await compare(storedCalls, emptyCalls, { slow: await batchFor(storedCalls, stored.length, 8), fast: await batchFor(emptyCalls, empty.length, 8) }, 20);
    reportRatio('history: compacted, then through JSON (checked in full) ÷ none', vsStored, 2);
  },
};
