/**
 * Section `history` — a visitor with 10,000 deliveries (500 past visits and this one) against the
 * same visitor with none. When the library exports `compactDeliveries(visitor, messages, now)`,
 * evaluate on the compacted visitor ÷ on the empty history (target ≤ 1.3×), after checking that
 * the compacted visitor gets the same decision as the raw one at every instant; the raw
 * 10,000-delivery call is always reported, for information. `parseVisitor` rejects more than
 * 1,000 deliveries, but `evaluate` takes the visitor as it is.
 * @module
 */
import * as lib from '../../src/index.js';
import { evaluate, type Delivery, type Message, type Visitor } from '../../src/index.js';
import { Disagreement } from '../agree.js';
import { evaluateCalls } from '../calls.js';
import { batchFor, beginSection, compare, reportRatio, reportUnavailable, type BenchSection } from '../harness.js';
import { describeMix, seededRandom } from '../instants.js';
import type { Case } from '../workloads/common.js';
import { casesOf, mixInstants, mixMessages, mixVisitor } from '../workloads/mix.js';

export const HISTORY = 10_000;

/** Seeded: 9,980 deliveries over 500 earlier visits (ids of live and of long-deleted messages), 20 in this visit's earlier page views. */
function longHistory(messages: readonly Message[]): Delivery[] {
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

type Compact = (visitor: Visitor, messages: readonly Message[], now: number) => Visitor;

function compactDeliveries(): Compact | undefined {
  const candidate: unknown = (lib as Record<string, unknown>)['compactDeliveries'];
  return typeof candidate === 'function' ? (candidate as Compact) : undefined;
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

    const rawCalls = evaluateCalls(messages, raw);
    const vsRaw = await compare(rawCalls, emptyCalls, { slow: await batchFor(rawCalls, raw.length), fast: emptyBatch }, 20);
    reportRatio(`history: evaluate with ${HISTORY.toLocaleString('en-US')} raw deliveries ÷ none`, vsRaw, 2, undefined);

    const compact = compactDeliveries();
    if (compact === undefined) {
      reportUnavailable('history: evaluate on the compacted history ÷ none', { op: '≤', bound: 1.3 }, '×', 'compactDeliveries not available yet');
      return;
    }
    // Compacted once per instant, outside the timed loop (as a host would store the compacted history).
    const compacted: Case[] = raw.map((c) => ({ ...c, visitor: compact(c.visitor, messages, c.nowMs) }));
    compacted.forEach((c, k) => {
      const a = evaluate(c.visitor, messages, c.nowMs);
      const b = evaluate((raw[k] as Case).visitor, messages, c.nowMs);
      if (a.message !== b.message || a.eligible.join() !== b.eligible.join() || a.reevaluateAt !== b.reevaluateAt) {
        throw new Disagreement(`compactDeliveries changed the decision at ${new Date(c.nowMs).toISOString()}: ${a.eligible.join()} vs ${b.eligible.join()}`);
      }
    });
    const sizes = compacted.map((c) => c.visitor.deliveries.length);
    console.log(`compacted: ${Math.min(...sizes)}–${Math.max(...sizes)} deliveries kept (same decision as the raw history at every instant)`);
    const compactCalls = evaluateCalls(messages, compacted);
    const vsCompact = await compare(compactCalls, emptyCalls, { slow: await batchFor(compactCalls, compacted.length), fast: emptyBatch }, 30);
    reportRatio('history: evaluate on the compacted history ÷ none', vsCompact, 2, { op: '≤', bound: 1.3 });
  },
};
