/**
 * The tenants workloads for the cache simulator (scripts/cachesim/run.sh): warms every side up,
 * then runs one side's 3,700 calls between the addon's start and stop, so callgrind counts those
 * calls only. `rr`: the 50-tenant round-robin; `one`: tenant 0's list over as many distinct
 * visitors (the bench's target baseline); `same74`: tenant 0's 74 visitors over and over.
 * `node --import tsx scripts/cachesim/workload.ts <addon.node> <rr|one|same74>`
 *
 * `PAD=N` allocates N small objects (kept alive) before the tenants are built, which moves where
 * everything after lands: one heap layout moves L1 counts by up to 5 %, so compare a change over
 * a few layouts (run.sh's `LAYOUTS`), not one.
 * @module
 */
import { createRequire } from 'node:module';
import { evaluate, type Message } from '../../src/index.js';
import type { Case } from '../../bench/workloads/common.js';
import { mixInstants } from '../../bench/workloads/mix.js';
import { tenant, tenantCases } from '../../bench/workloads/tenants.js';

const [addonPath, side] = process.argv.slice(2);
if (addonPath === undefined || (side !== 'rr' && side !== 'one' && side !== 'same74')) throw new Error('usage: workload.ts <addon.node> <rr|one|same74>');
const counters = createRequire(import.meta.url)(addonPath) as { start(): void; stop(): void };

type Call = readonly [readonly Message[], Case];
const pad = Array.from({ length: Number(process.env.PAD ?? 0) }, (_, i) => ({ i, s: `pad${i}` }));
const instants = mixInstants();
const tenants = Array.from({ length: 50 }, (_, t) => tenant(t, instants));
const zero = tenants[0] as (typeof tenants)[number];
const n = instants.length;
// As bench/sections/tenants.ts builds them (tenant t at its own turn of the instants).
const rr: Call[] = [];
for (let k = 0; k < n; k++) tenants.forEach((t, i) => rr.push([t.messages, t.cases[(k + 3 * i) % n] as Case]));
const one: Call[] = [];
for (let w = 0; w < 50; w++) for (const c of tenantCases(0, instants, w)) one.push([zero.messages, c]);
const same74: Call[] = [];
for (let r = 0; r < 50; r++) for (const c of zero.cases) same74.push([zero.messages, c]);
const sides = { rr, one, same74 };

let sink = 0;
const run = (calls: readonly Call[]): void => {
  for (const [messages, c] of calls) sink += evaluate(c.visitor, messages, c.nowMs).eligible.length;
};
for (let r = 0; r < 6; r++) for (const calls of Object.values(sides)) run(calls);
run(sides[side]);
counters.start();
run(sides[side]);
counters.stop();
console.log(`cachesim: ${side}, ${sides[side].length} calls measured (${sink}, pad ${pad.length})`);
