/**
 * `npm run bench` (`npm run bench -- <section>` for one): the performance measurements of SPEC §3
 * and issue 16. Not a test — timings are never asserted. Each section runs in a fresh child
 * process (so process-wide caches filled by one workload never change another's numbers), checks
 * that the implementations it compares make the same decision on every sampled instant, then
 * times them side by side in interleaved samples. The summary table at the end lists every
 * target; the process exits non-zero if a section aborted.
 * @module
 */
import { performance } from 'node:perf_hooks';
import { runChild } from './child.js';
import type { SummaryRow } from './harness.js';
import type { SectionReport } from './section.js';
import { SECTIONS } from './sections.js';

const only = process.argv[2];
if (only !== undefined && !SECTIONS.some((s) => s.name === only)) {
  console.error(`unknown section "${only}"; sections: ${SECTIONS.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

const started = performance.now();
const rows: SummaryRow[] = [];
let failed = false;
for (const section of SECTIONS) {
  if (only !== undefined && section.name !== only) continue;
  console.log(`\n== ${section.name} — ${section.about} ==`);
  const t0 = performance.now();
  const result = await runChild<SectionReport>('bench/section.ts', [section.name], { inherit: true });
  const report = result.messages[0];
  if (report === undefined) rows.push({ section: section.name, label: `child process exited with code ${result.code}`, value: '—', spread: '', target: '', status: 'ABORTED' });
  else rows.push(...report.rows);
  if (result.code !== 0 || report?.ok !== true) failed = true;
  console.log(`(${section.name}: ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}

function table(lines: readonly SummaryRow[]): string {
  const head: SummaryRow = { section: 'section', label: 'measure', value: 'median', spread: 'quartiles', target: 'target', status: 'OK' };
  const cols = [(r: SummaryRow) => r.label, (r: SummaryRow) => r.value, (r: SummaryRow) => r.spread, (r: SummaryRow) => r.target, (r: SummaryRow) => (r === head ? 'result' : r.status)];
  const widths = cols.map((col) => Math.max(...[head, ...lines].map((r) => col(r).length)));
  const format = (r: SummaryRow): string => cols.map((col, i) => (i === 0 ? col(r).padEnd(widths[i] as number) : col(r).padStart(widths[i] as number))).join('  ');
  return [format(head), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(format)].join('\n');
}

const targeted = rows.filter((r) => r.status !== 'info');
console.log(`\n== summary: every target (${new Date().toISOString().slice(0, 16)}Z, Node ${process.versions.node}, ${((performance.now() - started) / 1000).toFixed(0)} s) ==`);
console.log(table(targeted));
const info = rows.filter((r) => r.status === 'info');
if (info.length > 0) console.log(`\ninformational:\n${table(info)}`);
if (failed) {
  console.error('\n!!! at least one section ABORTED (see above): its numbers are missing !!!');
  process.exitCode = 1;
}
