/**
 * Child process: builds N tenants, compiles every list (one evaluate each), then times tenant 0
 * alone over the instant mix. Run with N = 1 and N = 50 alternately by the `tenants` section, it
 * shows what the other tenants' lists change for every call of the process (process-wide
 * tables, JIT feedback), which an interleaved comparison inside one process cannot see.
 * `node --import tsx bench/children/tenant-zero.ts <N>`.
 * @module
 */
import { evaluate } from '../../src/index.js';
import { evaluateListCalls } from '../calls.js';
import { sendResult } from '../child.js';
import { batchFor, quantiles, sampleAlone } from '../harness.js';
import { mixInstants } from '../workloads/mix.js';
import { tenant, type Tenant } from '../workloads/tenants.js';

export interface TenantZeroResult {
  readonly tenants: number;
  readonly medianUs: number;
  readonly lowUs: number;
  readonly highUs: number;
}

const count = Number(process.argv[2] ?? 1);
const instants = mixInstants();
const tenants = Array.from({ length: count }, (_, t) => tenant(t, instants));
for (const t of tenants) for (const c of t.cases) evaluate(c.visitor, t.messages, c.nowMs);
const zero = tenants[0] as Tenant;
const alone = evaluateListCalls(zero.cases.map((c) => ({ messages: zero.messages, c })));
const q = quantiles(sampleAlone(alone, await batchFor(alone, zero.cases.length), 30));
const result: TenantZeroResult = { tenants: count, medianUs: q.median, lowUs: q.low, highUs: q.high };
sendResult(result);
