/**
 * Section `memory` — memory retained per compiled message (the heap and the typed arrays'
 * buffers outside it; until 2026-12-01 the heap alone), in a fresh `--expose-gc` process per
 * size: 2,000 messages (target ≤ 1.5 KB per message) and 140 (informational). The children run
 * with `--no-concurrent-recompilation`: with background optimisation, whether an optimising job
 * finishes inside the measured window decided the figure (0.45 or 1.1–2.1 KB a message at 2,000,
 * the same on either side of a change; with it synchronous, 0.44–0.46 KB in every process), so
 * two processes sampled that coin toss rather than what a compiled message keeps alive.
 * @module
 */
import { childResult } from '../child.js';
import type { MemoryResult } from '../children/memory.js';
import { beginSection, reportValue, type BenchSection } from '../harness.js';

export const memorySection: BenchSection = {
  name: 'memory',
  about: 'heap and array buffers retained per compiled message (fresh --expose-gc processes)',
  async run() {
    beginSection('memory');
    for (const count of [140, 2000]) {
      const runs: MemoryResult[] = [];
      for (let r = 0; r < 2; r++) runs.push(await childResult<MemoryResult>('bench/children/memory.ts', [String(count)], ['--expose-gc', '--no-concurrent-recompilation']));
      const per = runs.map((r) => r.perMessageBytes / 1024).sort((a, b) => a - b);
      const last = runs[runs.length - 1] as MemoryResult;
      console.log(`${count} messages: heap and array buffers ${(last.beforeBytes / 1048576).toFixed(1)} MB with the raw objects, ${(last.afterBytes / 1048576).toFixed(1)} MB compiled`);
      reportValue(`memory: retained per compiled message (${count.toLocaleString('en-US')} messages)`, (per[0] as number + (per[1] as number)) / 2, 'KB', 2, `${(per[0] as number).toFixed(2)}–${(per[1] as number).toFixed(2)} KB, 2 processes`, count === 2000 ? { op: '≤', bound: 1.5 } : undefined);
    }
  },
};
