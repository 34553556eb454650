/**
 * A minimal widget on top of the browser kit, as docs/browser-kit.md describes it: on each
 * decision it shows a new message through `present` → `initialInteraction` → `interact(show)`,
 * keeps an on-screen one, hides when there is none; UI events go through `interact`, and every
 * result's effects go to `kit.apply`. The library functions are passed in, so the same code runs
 * in Node (sources) and in Chromium (the built package).
 */
import type { Decision, InteractionEffect, InteractionEvent, InteractionState, Message, Visitor, Workspace } from '../../src/index.js';
import type { VisitorKit } from '../../src/browser/index.js';
import type * as Library from '../../src/index.js';

export type WidgetLibrary = Pick<typeof Library, 'present' | 'initialInteraction' | 'interact'>;

/** What the widget saw, for the tests. */
export interface WidgetLogEntry {
  readonly now: number;
  readonly decision: Decision;
  readonly visitor: Visitor;
}

export interface Widget {
  /** The `onDecision` to give the kit. */
  readonly onDecision: (decision: Decision, visitor: Visitor) => void;
  /** A UI event on the bubble (`dismiss`, `open`, `close`, …); ignored when nothing is shown. */
  dispatch(event: InteractionEvent): void;
  /** The message of the bubble and its interaction status, or `null`. */
  showing(): { readonly messageId: string; readonly status: InteractionState['status'] } | null;
  /** Called with every result's effects before they go to the kit (the test model listens here). */
  onEffects?: (effects: readonly InteractionEffect[]) => void;
  readonly log: WidgetLogEntry[];
  attach(kit: VisitorKit): void;
}

export function createWidget(lib: WidgetLibrary, workspace: Workspace, now: () => number): Widget {
  let kit: VisitorKit | null = null;
  let state: InteractionState | null = null;
  const log: WidgetLogEntry[] = [];

  const run = (event: InteractionEvent): void => {
    if (state === null || kit === null) return;
    const result = lib.interact(state, event);
    if (result.ignored !== null) return;
    state = result.state;
    widget.onEffects?.(result.effects);
    kit.apply(result.effects);
  };

  const show = (message: Message, visitorId: string): void => {
    const presented = lib.present(message, workspace);
    if (!presented.ok) return;
    const started = lib.initialInteraction(presented.value, visitorId);
    if (!started.ok) return;
    state = started.value;
    run({ type: 'show' });
  };

  const widget: Widget = {
    log,
    onDecision(decision, visitor) {
      log.push({ now: now(), decision, visitor });
      if (decision.message === null) state = null;
      else if (!decision.onScreen) show(decision.message, visitor.id);
    },
    dispatch: run,
    showing: () => (state === null ? null : { messageId: state.messageId, status: state.status }),
    attach(next) {
      kit = next;
      state = null;
    },
  };
  return widget;
}
