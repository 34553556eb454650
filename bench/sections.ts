/** The sections of `npm run bench`, in run order. */
import type { BenchSection } from './harness.js';
import { coldSection } from './sections/cold.js';
import { freshSection } from './sections/fresh.js';
import { historySection } from './sections/history.js';
import { limitsSection } from './sections/limits.js';
import { memorySection } from './sections/memory.js';
import { mixSection } from './sections/mix.js';
import { pageSection } from './sections/page.js';
import { scalingSection } from './sections/scaling.js';
import { tenantsSection } from './sections/tenants.js';

export const SECTIONS: readonly BenchSection[] = [mixSection, pageSection, tenantsSection, freshSection, historySection, limitsSection, scalingSection, coldSection, memorySection];
