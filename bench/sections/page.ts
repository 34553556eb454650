/**
 * Section `page` — page-targeted rules: evaluate ÷ the tight hand-written decision (≤ 1.5×) and
 * json-rules-engine ÷ evaluate (≥ 300×), over the week's instant mix and seeded product pages.
 * @module
 */
import { beginSection, type BenchSection } from '../harness.js';
import { sweepInstants } from '../instants.js';
import { pageCases, pageMessages, tightPage } from '../workloads/page.js';
import { measureDecision } from './decision.js';

export const pageSection: BenchSection = {
  name: 'page',
  about: '140 messages, each targeting one product page by URL, + language and time/visitor-type leaves',
  async run() {
    beginSection('page');
    const messages = pageMessages();
    await measureDecision({
      label: 'page-targeted',
      messages,
      cases: pageCases(),
      alsoCheck: pageCases(sweepInstants()),
      tight: tightPage(messages),
      handTarget: { op: '≤', bound: 1.5 },
      jreTarget: { op: '≥', bound: 300 },
    });
  },
};
