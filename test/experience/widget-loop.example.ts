import {
  initialInteraction,
  interact,
  metricEventOf,
  present,
  type CapturedDetails,
  type InteractionEffect,
  type InteractionEvent,
  type InteractionState,
  type Message,
  type MetricEvent,
  type Presentation,
  type Workspace,
} from '../../src/index.js';

/** What the host application provides; the library calls none of it itself. */
export interface WidgetHost {
  /** e.g. `const r = recordDelivery(visitor, messageId, now); if (r.ok) visitor = r.value;` and persist the visitor. */
  recordDelivery(messageId: string): void;
  /** e.g. `const r = markDelivery(visitor, messageId, outcome); if (r.ok) visitor = r.value;` so it leaves the screen. */
  markDelivery(messageId: string, outcome: 'dismissed' | 'closed'): void;
  /** Send to your analytics backend; `tally` turns the collected events into list metrics. */
  sendMetric(event: MetricEvent): void;
  handOffToAgent(tags: readonly string[], details: CapturedDetails): void;
  startAiConversation(aiAgentId: string, answerId: string | undefined): void;
  render(presentation: Presentation, state: InteractionState): void;
}

/** Runs the effects in order — the only place where anything happens. */
export function runEffects(effects: readonly InteractionEffect[], host: WidgetHost): void {
  for (const effect of effects) {
    const metric = metricEventOf(effect);
    if (metric !== null) {
      host.sendMetric(metric);
      continue;
    }
    switch (effect.type) {
      case 'recordDelivery':
        host.recordDelivery(effect.messageId);
        break;
      case 'markDelivery':
        host.markDelivery(effect.messageId, effect.outcome);
        break;
      case 'handOffToAgent':
        host.handOffToAgent(effect.tags, effect.details);
        break;
      case 'startAiConversation':
        host.startAiConversation(effect.aiAgentId, effect.answerId);
        break;
    }
  }
}

/**
 * Shows `message` (the `message` of `evaluate(visitor, messages, now)` when `onScreen` is
 * `false`; an on-screen message is already showing) and returns a `dispatch` for the widget's
 * UI events, or `null` when the message cannot be presented.
 */
export function showMessage(
  message: Message,
  workspace: Workspace,
  visitorId: string,
  host: WidgetHost,
): ((event: InteractionEvent) => void) | null {
  const presented = present(message, workspace);
  if (!presented.ok) return null; // report presented.issues to your logs
  const presentation = presented.value;
  const started = initialInteraction(presentation, visitorId);
  if (!started.ok) return null; // report started.issues to your logs
  let state = started.value;
  const dispatch = (event: InteractionEvent): void => {
    const result = interact(state, event);
    if (result.ignored !== null) return; // e.g. a double click: nothing to do
    state = result.state;
    runEffects(result.effects, host);
    host.render(presentation, state);
  };
  dispatch({ type: 'show' });
  return dispatch;
}
