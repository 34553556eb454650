/**
 * `npm run bench`: performance measurements of SPEC §3, side by side in one process.
 * Not a test. Each section prints its own medians and ratios; add a section by appending to
 * `SECTIONS` (e.g. full `evaluate`).
 */
import { conditionsBench } from './conditions.js';
import { evaluateBench } from './evaluate.js';
import type { BenchSection } from './harness.js';

const SECTIONS: BenchSection[] = [conditionsBench, evaluateBench];

const only = process.argv[2];
for (const section of SECTIONS) {
  if (only !== undefined && section.name !== only) continue;
  console.log(`\n== ${section.name} ==`);
  await section.run();
}
