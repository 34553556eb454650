/**
 * Runs one section in this process (`node --import tsx bench/section.ts <name>`): started by
 * `bench/index.ts` once per section, so each section gets a fresh process. Sends its summary rows
 * to the parent over IPC; a section that throws (e.g. the implementations disagree) prints why,
 * loudly, and exits non-zero.
 * @module
 */
import { sendResult } from './child.js';
import { reportAborted, summary, type SummaryRow } from './harness.js';
import { SECTIONS } from './sections.js';

export interface SectionReport {
  readonly rows: readonly SummaryRow[];
  readonly ok: boolean;
}

const name = process.argv[2];
const section = SECTIONS.find((s) => s.name === name);
if (section === undefined) throw new Error(`unknown section ${name}`);
let ok = true;
try {
  await section.run();
} catch (error) {
  ok = false;
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  console.error(`\n!!! section ${section.name} ABORTED — no numbers from it !!!\n${text}\n`);
  if (error instanceof Error && error.name !== 'Disagreement' && error.stack !== undefined) console.error(error.stack);
  reportAborted(section.name, text);
}
const report: SectionReport = { rows: summary, ok };
sendResult(report);
if (!ok) process.exitCode = 1;
