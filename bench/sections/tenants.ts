/**
 * Section `tenants` — ≥ 50 message lists of 140 in one process, visitors round-robin across them:
 * the per-visitor cost ÷ one tenant's (target ≤ 1.3×). Interleaved in one process, that ratio
 * sees what the other lists cost a call (caches, inline caches, working set) but not what they
 * changed for every call, including tenant 0's (process-wide tables filled by the others). So
 * the section first times tenant 0 alone before any other list was compiled, and reports the
 * same calls after — sequential phases of one process, hence informational.
 * @module
 */
import { evaluate } from '../../src/index.js';
import { Disagreement } from '../agree.js';
import { evaluateListCalls, type ListCase } from '../calls.js';
import { batchFor, beginSection, compare, formatUs, quantiles, reportRatio, reportValue, sampleAlone, type BenchSection } from '../harness.js';
import { describeMix } from '../instants.js';
import { mixInstants } from '../workloads/mix.js';
import { tenant, type Tenant } from '../workloads/tenants.js';

export const TENANTS = 50;

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

    // Phase 1: tenant 0 is the only list this process has compiled.
    const before = quantiles(sampleAlone(alone, aloneBatch, 20));

    // Phase 2: every tenant compiled; round-robin (call k: tenant k mod 50, instants in turn).
    assertIsomorphic(tenants);
    const roundRobin: ListCase[] = [];
    for (let k = 0; k < instants.length; k++) for (const t of tenants) roundRobin.push({ messages: t.messages, c: t.cases[k] as ListCase['c'] });
    const mixed = evaluateListCalls(roundRobin);
    console.log(`${TENANTS} isomorphic tenants (same decisions, renamed ids; no rule text shared across tenants), round-robin cycle of ${roundRobin.length} calls (call k: tenant k mod ${TENANTS}, instants in turn)`);
    // A whole round-robin cycle takes seconds; each sample takes the next ~150 ms of it (the cursor
    // carries on), so the samples together walk the cycle.
    const c = await compare(mixed, alone, { slow: await batchFor(mixed, 1, 150), fast: aloneBatch }, 16);
    const after = quantiles(sampleAlone(alone, aloneBatch, 20));
    console.log(`tenant 0 alone, before other tenants were compiled: ${formatUs(before.median)} per call (quartiles ${formatUs(before.low)}–${formatUs(before.high)})`);
    console.log(`tenant 0 alone, with ${TENANTS} compiled: ${formatUs(c.fastUs)} (interleaved), ${formatUs(after.median)} (alone, after)`);
    console.log(`round-robin over ${TENANTS} tenants: ${formatUs(c.slowUs)} per call`);
    reportRatio(`tenants: round-robin ${TENANTS} ÷ one tenant (same process)`, c, 2, { op: '≤', bound: 1.3 });
    // Sequential phases: the spread is the ratio of the quartiles, crossed (low ÷ high … high ÷ low).
    const crossed = (a: typeof before, b: typeof before): string => `${(a.low / b.high).toFixed(2)}–${(a.high / b.low).toFixed(2)}×`;
    reportValue(`tenants: tenant 0 after ${TENANTS - 1} others compiled ÷ before`, after.median / before.median, '×', 2, crossed(after, before), undefined, '(sequential phases of one process: process-wide state)');
    reportValue(`tenants: round-robin ${TENANTS} ÷ tenant 0 before the others compiled`, c.slowUs / before.median, '×', 2, '', undefined, '(sequential: both effects together)');
  },
};
