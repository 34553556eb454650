/**
 * Section `cold` — the widget case: the first 30 calls of fresh processes (evaluate and
 * json-rules-engine alternately, three processes each; median over processes of each statistic),
 * and the steady-state comparison under `node --jitless`.
 * @module
 */
import { childResult } from '../child.js';
import type { ColdResult } from '../children/cold.js';
import type { JitlessResult } from '../children/jitless.js';
import { beginSection, formatUs, quantiles, reportRatio, reportValue, type BenchSection } from '../harness.js';

const ROUNDS = 3;

const median = (xs: readonly number[]): number => quantiles(xs).median;

export const coldSection: BenchSection = {
  name: 'cold',
  about: 'first 30 calls of a fresh process, and steady state under --jitless',
  async run() {
    beginSection('cold');
    const runs: Record<string, ColdResult[]> = { evaluate: [], 'json-rules-engine': [] };
    for (let r = 0; r < ROUNDS; r++) {
      for (const side of ['evaluate', 'json-rules-engine'] as const) runs[side]?.push(await childResult<ColdResult>('bench/children/cold.ts', [side]));
    }
    const stats = (side: string): { first: number; median: number; max: number; maxAfterFirst: number; prepare: number } => {
      const rs = runs[side] as ColdResult[];
      return {
        first: median(rs.map((r) => r.callsUs[0] as number)),
        median: median(rs.map((r) => median(r.callsUs))),
        max: median(rs.map((r) => Math.max(...r.callsUs))),
        maxAfterFirst: median(rs.map((r) => Math.max(...r.callsUs.slice(1)))),
        prepare: median(rs.map((r) => r.prepareMs)),
      };
    };
    const ours = stats('evaluate');
    const jre = stats('json-rules-engine');
    console.log(`first 30 calls of a fresh process (median of ${ROUNDS} processes each):`);
    const line = (s: typeof ours): string => `call 1 ${formatUs(s.first).padStart(9)}, median ${formatUs(s.median).padStart(9)}, max ${formatUs(s.max).padStart(9)} (calls 2–30: ${formatUs(s.maxAfterFirst)})`;
    console.log(`  evaluate           ${line(ours)}; call 1 compiles the 140 messages`);
    console.log(`  json-rules-engine  ${line(jre)}; the engine was prepared before, in ${jre.prepare.toFixed(1)} ms`);
    reportValue('cold: evaluate, median of the first 30 calls', ours.median, 'µs', 0, `max ${formatUs(ours.max)}`);
    reportValue('cold: json-rules-engine, median of the first 30 calls', jre.median, 'µs', 0, `max ${formatUs(jre.max)}`);
    reportValue('cold: json-rules-engine ÷ evaluate, median of the first 30', jre.median / ours.median, '×', 0, '');

    const j = await childResult<JitlessResult>('bench/children/jitless.ts', [], ['--jitless']);
    if (!j.jitless) throw new Error('the --jitless child did not run with --jitless');
    console.log(`--jitless steady state: evaluate ${formatUs(j.vsJre.fastUs)}, hand-written ${formatUs(j.vsHand.fastUs)}, json-rules-engine ${formatUs(j.vsJre.slowUs)} per call`);
    reportRatio('cold: --jitless json-rules-engine ÷ evaluate', j.vsJre, 0);
    reportRatio('cold: --jitless evaluate ÷ hand-written', j.vsHand, 2);
  },
};
