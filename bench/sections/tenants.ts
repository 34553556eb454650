/**
 * Section `tenants` — ≥ 50 message lists of 140 in one process, visitors round-robin across them:
 * the per-visitor cost ÷ one tenant's with as many distinct visitors (target ≤ 1.3×): the two
 * sides differ only in the number of lists the calls read. (÷ one tenant's 74 visitors asked over
 * and over, the same visitor objects and timestamp strings every cycle, is printed too: it also
 * counts what 3,700 distinct visitors cost any account.) Interleaved in one process, that ratio
 * sees what the other lists cost a call (caches, working set) but not what they changed for every
 * call, tenant 0's included (process-wide tables filled by the others, JIT feedback). So the
 * section also times tenant 0 alone in fresh processes holding 1 and 50 tenants, alternately
 * (three pairs), and reports the median pair ratio — informational, since it is interleaved only
 * at process granularity.
 * @module
 */
import { evaluate } from '../../src/index.js';
import { Disagreement } from '../agree.js';
import { evaluateListCalls, handListCalls, type HandListCase, type ListCase } from '../calls.js';
import { childResult } from '../child.js';
import type { TenantZeroResult } from '../children/tenant-zero.js';
import { batchFor, beginSection, compare, formatUs, quantiles, reportRatio, reportValue, type BenchSection } from '../harness.js';
import { describeMix } from '../instants.js';
import { mixInstants, tightMix } from '../workloads/mix.js';
import type { Case } from '../workloads/common.js';
import { tenant, tenantCases, tenantWithOwnNumbers, type Tenant } from '../workloads/tenants.js';

export const TENANTS = 50;

/**
 * Tenant `t`'s instant at round `k` of the round-robin: its own rotation of the instant list, so
 * consecutive calls (other tenants) are at other instants. With every tenant at instant `k` in
 * round `k`, a cache shared between lists that remembers its last instant (a schedule's last
 * stretch, say) would find it for 49 calls out of 50 — which calls at real, different instants
 * would not. (Each tenant still walks every instant, in the same order as one list alone does.)
 */
function turn(k: number, t: number, instants: number): number {
  return (k + 3 * t) % instants;
}

/** Tenant `t` decides the same as tenant 0 on every instant, ids renamed: the same work per visitor. */
function assertIsomorphic(tenants: readonly Tenant[]): void {
  const zero = tenants[0] as Tenant;
  tenants.forEach((t, index) => {
    t.cases.forEach((c, k) => {
      const z = zero.cases[k] as ListCase['c'];
      const a = evaluate(c.visitor, t.messages, c.nowMs);
      const b = evaluate(z.visitor, zero.messages, z.nowMs);
      const rename = (id: string): string => id.replace(`t${index}_`, 't0_');
      if (a.eligible.map(rename).join() !== b.eligible.join() || a.reevaluateAt !== b.reevaluateAt) {
        throw new Disagreement(`tenant ${index} does not decide like tenant 0 at ${new Date(c.nowMs).toISOString()}: ${a.eligible.join()} vs ${b.eligible.join()}`);
      }
    });
  });
}

/** Tenant 0's visitor written by every writer decides as written by writer 0: the same work per visitor. */
function assertSameVisitors(zero: Tenant, writers: readonly (readonly ListCase['c'][])[]): void {
  writers.forEach((cases, w) => {
    cases.forEach((c, k) => {
      const z = zero.cases[k] as ListCase['c'];
      const a = evaluate(c.visitor, zero.messages, c.nowMs);
      const b = evaluate(z.visitor, zero.messages, z.nowMs);
      if (a.eligible.join() !== b.eligible.join() || a.reevaluateAt !== b.reevaluateAt) {
        throw new Disagreement(`tenant 0's visitor as written by writer ${w} does not decide as writer 0's at ${new Date(c.nowMs).toISOString()}: ${a.eligible.join()} vs ${b.eligible.join()}`);
      }
    });
  });
}

export const tenantsSection: BenchSection = {
  name: 'tenants',
  about: `${TENANTS} tenants × 140 messages in one process, visitors round-robin`,
  async run() {
    beginSection('tenants');
    const instants = mixInstants();
    console.log(describeMix(instants));
    const tenants = Array.from({ length: TENANTS }, (_, t) => tenant(t, instants));
    const zero = tenants[0] as Tenant;
    const alone = evaluateListCalls(zero.cases.map((c) => ({ messages: zero.messages, c })));
    const aloneBatch = await batchFor(alone, zero.cases.length);
    // One account with as many distinct visitors as the round-robin: tenant 0's list, its visitor
    // written by 50 writers (timestamps at 50 offsets, 3,700 objects), writer after writer, so that
    // the list sees the instants in the order each round-robin tenant sees them (instant after
    // instant, never the same twice running: in the round-robin's order the one list would see
    // each instant 50 times running and find it in its schedules' last answer 49 times).
    const writers = Array.from({ length: TENANTS }, (_, w) => tenantCases(0, instants, w));
    assertSameVisitors(zero, writers);
    const manyVisitors: ListCase[] = [];
    for (const cs of writers) for (const x of cs) manyVisitors.push({ messages: zero.messages, c: x });
    const single = evaluateListCalls(manyVisitors);
    const singleBatch = await batchFor(single, 1, 150);

    // Every tenant compiled; round-robin (call k: tenant k mod 50, each at its own turn of the instants).
    assertIsomorphic(tenants);
    const roundRobin: ListCase[] = [];
    for (let k = 0; k < instants.length; k++) tenants.forEach((t, i) => roundRobin.push({ messages: t.messages, c: t.cases[turn(k, i, instants.length)] as ListCase['c'] }));
    const mixed = evaluateListCalls(roundRobin);
    const mixedBatch = await batchFor(mixed, 1, 150);
    console.log(`${TENANTS} isomorphic tenants (same decisions, renamed ids; no rule text shared across tenants), round-robin cycle of ${roundRobin.length} calls (call k: tenant k mod ${TENANTS}, each tenant at its own rotation of the instants); one tenant: tenant 0's list over as many distinct visitors (${manyVisitors.length}), instants in turn`);
    // A whole round-robin cycle takes seconds; each sample takes the next ~150 ms of it (the cursor
    // carries on), so the samples together walk the cycle.
    // 40 samples for the target row (its quartiles spanned 1.2–1.7× over 16 on this machine); the
    // informational rows keep 16.
    const c = await compare(mixed, single, { slow: mixedBatch, fast: singleBatch }, 40);
    console.log(`tenant 0 alone ${formatUs(c.fastUs)}, round-robin over ${TENANTS} tenants ${formatUs(c.slowUs)} per call (${manyVisitors.length} distinct visitors each)`);
    reportRatio(`tenants: round-robin ${TENANTS} ÷ one tenant (same visitors, same process)`, c, 2, { op: '≤', bound: 1.3 });
    // The same round-robin ÷ tenant 0's 74 visitors asked over and over (the same objects and
    // timestamp strings every cycle, as a widget re-asks for its one visitor): also counts what
    // 3,700 distinct, cold visitor objects cost any account, next to the 50 lists.
    const w = await compare(mixed, alone, { slow: mixedBatch, fast: aloneBatch }, 16);
    reportRatio(`tenants: round-robin ${TENANTS} ÷ one tenant's 74 visitors over and over`, w, 2, undefined, '(lists and visitors)');
    // The same with every tenant's time and visit thresholds its own (same decisions): nothing
    // compiled is shared between tenants, the case of accounts with no condition in common.
    const owns = Array.from({ length: TENANTS }, (_, t) => tenantWithOwnNumbers(t, instants));
    assertIsomorphic(owns);
    const ownRobin: ListCase[] = [];
    for (let k = 0; k < instants.length; k++) owns.forEach((t, i) => ownRobin.push({ messages: t.messages, c: t.cases[turn(k, i, instants.length)] as ListCase['c'] }));
    const ownMixed = evaluateListCalls(ownRobin);
    const o = await compare(ownMixed, single, { slow: await batchFor(ownMixed, 1, 150), fast: singleBatch }, 16);
    reportRatio(`tenants: round-robin ${TENANTS}, no condition shared between tenants ÷ one tenant`, o, 2, undefined, '(nothing compiled shared)');
    // The same round-robin for the tight hand-written decisions (one per tenant) ÷ tenant 0's
    // decision over the same distinct visitors: what 50 lists' data in turn costs without us.
    const tights = tenants.map((t, i) => tightMix(t.messages, `web_t${i}`, `plan_t${i}`));
    const handSingle: HandListCase[] = manyVisitors.map((x) => ({ decide: tights[0] as HandListCase['decide'], c: x.c }));
    const handMixed: HandListCase[] = [];
    for (let k = 0; k < instants.length; k++) tenants.forEach((t, i) => handMixed.push({ decide: tights[i] as HandListCase['decide'], c: t.cases[turn(k, i, instants.length)] as Case }));
    const h = await compare(handListCalls(handMixed), handListCalls(handSingle), { slow: await batchFor(handListCalls(handMixed), 1, 150), fast: await batchFor(handListCalls(handSingle), 1, 150) }, 16);
    reportRatio(`tenants: hand-written, round-robin ${TENANTS} ÷ one tenant (same visitors)`, h, 2, undefined, '(locality of the lists alone)');

    // Tenant 0 alone in a process with 1 tenant and in one with 50, alternately.
    const pairs: number[] = [];
    for (let r = 0; r < 3; r++) {
      const one = await childResult<TenantZeroResult>('bench/children/tenant-zero.ts', ['1']);
      const many = await childResult<TenantZeroResult>('bench/children/tenant-zero.ts', [String(TENANTS)]);
      console.log(`  pair ${r + 1}: tenant 0 alone ${formatUs(one.medianUs)} in a 1-tenant process, ${formatUs(many.medianUs)} in a ${TENANTS}-tenant process`);
      pairs.push(many.medianUs / one.medianUs);
    }
    const p = quantiles(pairs);
    reportValue(`tenants: tenant 0 alone, ${TENANTS}-tenant ÷ 1-tenant process`, p.median, '×', 2, `${Math.min(...pairs).toFixed(2)}–${Math.max(...pairs).toFixed(2)}×, 3 process pairs`, undefined, '(process-wide state)');
    reportValue(`tenants: round-robin ${TENANTS} ÷ a 1-tenant process (product)`, c.ratio * p.median, '×', 2, '', undefined, '(both effects together)');
  },
};
