/** The sections of `npm run bench`, in run order. */
import type { BenchSection } from './harness.js';
import { mixSection } from './sections/mix.js';
import { pageSection } from './sections/page.js';

export const SECTIONS: readonly BenchSection[] = [mixSection, pageSection];
