/**
 * The page of the Chromium test: the built browser kit with its real defaults — `window`,
 * `localStorage`, `crypto.randomUUID`, `history` — except the clock, which the test advances
 * (its time survives page loads in `sessionStorage`), plus the widget of widget.ts. Everything
 * the page sees goes to an event log the test drains after each step and replays on the model.
 */
import type * as BrowserKit from '../../src/browser/index.js';
import type { Decision, InteractionEffect, Visitor } from '../../src/index.js';
import { FakeClock } from './fakes.js';
import { MESSAGES, T0, WORKSPACE } from './fixtures.js';
import { createWidget, type WidgetLibrary } from './widget.js';

/** One thing the page saw, in order. */
export type PageEvent =
  | { readonly kind: 'decision'; readonly now: number; readonly decision: Decision; readonly visitor: Visitor }
  | { readonly kind: 'effects'; readonly now: number; readonly effects: readonly InteractionEffect[] }
  | { readonly kind: 'storageProblem'; readonly reason: string; readonly freshStart: boolean };

const NOW_KEY = 'pm-test-now';

/** A fake clock whose time outlives the page (so a reload continues where the test left it). */
class PageClock extends FakeClock {
  constructor() {
    super(Number(sessionStorage.getItem(NOW_KEY) ?? T0));
  }
  override advance(ms: number): void {
    super.advance(ms);
    sessionStorage.setItem(NOW_KEY, String(this.current));
  }
}

export interface PageTest {
  readonly kit: BrowserKit.VisitorKit;
  readonly clock: FakeClock;
  readonly widget: ReturnType<typeof createWidget>;
  /** The events since the last drain. */
  drain(): PageEvent[];
}

export function startPage(lib: WidgetLibrary, kitLib: Pick<typeof BrowserKit, 'createVisitorKit'>): void {
  const events: PageEvent[] = [];
  let clock: FakeClock;
  try {
    clock = new PageClock();
  } catch {
    clock = new FakeClock(T0); // a sandboxed frame has no sessionStorage either
  }
  const widget = createWidget(lib, WORKSPACE, () => clock.now());
  widget.onEffects = (effects) => events.push({ kind: 'effects', now: clock.now(), effects });
  const created = kitLib.createVisitorKit({
    channelId: 'web_main',
    messages: MESSAGES,
    clock,
    onDecision: (decision, visitor) => {
      events.push({ kind: 'decision', now: clock.now(), decision, visitor });
      widget.onDecision(decision, visitor);
    },
    onStorageProblem: (problem) => events.push({ kind: 'storageProblem', reason: problem.reason, freshStart: problem.freshStart }),
  });
  if (!created.ok) throw new Error(JSON.stringify(created.issues));
  const kit = created.value;
  widget.attach(kit);
  const test: PageTest = { kit, clock, widget, drain: () => events.splice(0) };
  (globalThis as { __kitTest?: PageTest }).__kitTest = test;
  kit.start();
}
