/**
 * `simulate(messages, script, options)`: replays a scripted timeline through the library exactly
 * as a widget would run it — `evaluate` on every change, `present` → `initialInteraction` →
 * `interact` for what is shown, the reducer's effects run (`recordDelivery`, `markDelivery`,
 * counts), the history kept small with `compactDeliveries`, and **one timer per visitor** set to
 * `decision.reevaluateAt` (never polling). Returns every step with what the visitor saw and why
 * (explain's reasons), and the `tally` of the counted events. Pure: same inputs, same timeline.
 * @module
 */
import { evaluateOptionsCheck } from '../check/options.js';
import type { EvaluateOptions } from '../core/types.js';
import { issueAt, NO_PARAMS, type Issue, type IssueData, type Result } from '../core/issues.js';
import { isoOf, parseTimestamp } from '../core/instants.js';
import type { IsoTimestamp, Message, Metrics, ReasonCode, Visitor, Workspace } from '../core/types.js';
import { readOption } from '../check/list.js';
import { runCheck } from '../check/check.js';
import { evaluate } from '../evaluate/evaluate.js';
import { explain, type Outcome } from '../evaluate/explain.js';
import { initialInteraction, interact } from '../experience/interact.js';
import type { IgnoredReason, InteractionEffectType, InteractionEvent, InteractionState, InteractionStatus } from '../experience/interaction-types.js';
import { metricEventOf, tally, type MetricEvent } from '../experience/metrics.js';
import { present } from '../experience/present.js';
import { TERMINAL_STATUSES } from '../experience/transitions.js';
import { compactDeliveries, markDelivery, recordDelivery } from '../frequency/record.js';
import { fail, ok, parseMessages, parseWorkspace } from '../parse/parse.js';
import { scriptCheck, SIMULATION_LIMITS, type ScriptEvent, type ScriptEventType, type ScriptVisitor, type SimulationScript } from './script.js';

/** Options of {@link simulate}. */
export interface SimulateOptions {
  /** The workspace messages are presented with; overrides the script's `workspace`. */
  readonly workspace?: Workspace;
  /** The account's policies passed to every `evaluate` / `explain` (`cooldownSeconds`, `timeZone`). */
  readonly policy?: EvaluateOptions;
}

/** One message's verdict at an evaluation (from `explain`). */
export interface StepVerdict {
  readonly id: string | null;
  readonly outcome: Outcome;
  readonly reason: ReasonCode | null;
}

/** One call of `evaluate` the widget made, with exactly what it was given and what it answered. */
export interface StepEvaluation {
  /** The visitor as `evaluate` got it. */
  readonly visitor: Visitor;
  /** `decision.message`'s id. */
  readonly message: string | null;
  readonly onScreen: boolean;
  readonly eligible: readonly string[];
  /** Messages the visitor qualifies for but is held out of (a `heldOut` metric event is logged for each). */
  readonly heldOut: readonly string[];
  readonly reevaluateAt: number | null;
  /** Every message's verdict, in list order (why the others were not shown). */
  readonly verdicts: readonly StepVerdict[];
}

/** What an interaction event did. */
export interface StepInteraction {
  readonly messageId: string | null;
  readonly event: InteractionEvent['type'];
  /** The interaction's status afterwards (`null`: nothing was on screen). */
  readonly status: InteractionStatus | null;
  readonly effects: readonly InteractionEffectType[];
  /** Why it changed nothing: the reducer's reason, or `nothingOnScreen`; `null` when it applied. */
  readonly ignored: IgnoredReason | 'nothingOnScreen' | null;
}

/** One step of the timeline: a script event or a widget timer, and what followed. */
export interface SimulationStep {
  /** Epoch ms and ISO form of the step's instant. */
  readonly atMs: number;
  readonly at: IsoTimestamp;
  readonly visitorId: string;
  /** A script event (its index in `events`) or the visitor's timer firing. */
  readonly cause: { readonly kind: 'event'; readonly index: number; readonly type: ScriptEventType } | { readonly kind: 'timer' };
  readonly interaction: StepInteraction | null;
  /**
   * The evaluations of this step, in order: the one that decided, and after a new message was
   * shown (its delivery recorded) the one that set the timer. Empty when nothing changed for the
   * widget (an `open` that starts no conversation, a `leave`).
   */
  readonly evaluations: readonly StepEvaluation[];
  /** The message newly shown (delivery recorded), or `null`. */
  readonly shown: string | null;
  /** Why `evaluate`'s message could not be shown (`present`'s issues), or empty. */
  readonly notPresented: readonly Issue[];
  /** The message that left the screen (navigation, a new visit, leaving, a conversation), or `null`. */
  readonly removed: string | null;
  /** The visitor's timer after this step (epoch ms), or `null`. */
  readonly timer: number | null;
}

/** What {@link simulate} returns. */
export interface Simulation {
  /** Every step, in time order (script events before timers at the same instant). */
  readonly timeline: readonly SimulationStep[];
  /** Distinct visitors per message and metric, from the counted effects (`tally`). */
  readonly tally: ReadonlyMap<string, Metrics>;
  /** The last state of every visitor that arrived, in script order. */
  readonly visitors: readonly Visitor[];
  /** Messages skipped because they do not parse (paths start with the message's index). */
  readonly skipped: readonly Issue[];
  /** `true` when the timeline stopped at `SIMULATION_LIMITS.steps`. */
  readonly truncated: boolean;
}

interface OnScreen {
  readonly messageId: string;
  state: InteractionState;
}

interface VisitorRun {
  readonly profile: ScriptVisitor;
  visitor: Visitor | null;
  visits: number;
  pageViews: number;
  current: OnScreen | null;
  timer: number | null;
}

function isTerminal(status: InteractionStatus): boolean {
  return (TERMINAL_STATUSES as readonly InteractionStatus[]).includes(status);
}

function interactionOf(event: ScriptEvent): InteractionEvent | null {
  switch (event.type) {
    case 'submitDetails':
      return { type: 'submitDetails', ...(event.name === undefined ? {} : { name: event.name }), ...(event.email === undefined ? {} : { email: event.email }) };
    case 'open':
    case 'dismiss':
    case 'close':
    case 'interactWithAnswer':
    case 'ignore':
      return { type: event.type };
    default:
      return null;
  }
}

/** The widget loop over one script. */
class Run {
  readonly timeline: SimulationStep[] = [];
  readonly metrics: MetricEvent[] = [];
  readonly runs: VisitorRun[];
  private step: {
    interaction: StepInteraction | null;
    evaluations: StepEvaluation[];
    shown: string | null;
    notPresented: readonly Issue[];
    removed: string | null;
  } = { interaction: null, evaluations: [], shown: null, notPresented: [], removed: null };

  constructor(
    private readonly messages: readonly Message[],
    private readonly workspace: Workspace,
    private readonly end: number,
    profiles: readonly ScriptVisitor[],
    private readonly policy: EvaluateOptions | undefined,
  ) {
    this.runs = profiles.map((profile) => ({ profile, visitor: null, visits: profile.previousVisits ?? 0, pageViews: 0, current: null, timer: null }));
  }

  private begin(): void {
    this.step = { interaction: null, evaluations: [], shown: null, notPresented: [], removed: null };
  }

  private finish(run: VisitorRun, atMs: number, cause: SimulationStep['cause']): void {
    const s = this.step;
    this.timeline.push({
      atMs,
      at: isoOf(atMs),
      visitorId: run.profile.id,
      cause,
      interaction: s.interaction,
      evaluations: s.evaluations,
      shown: s.shown,
      notPresented: s.notPresented,
      removed: s.removed,
      timer: run.timer,
    });
  }

  /** The message leaves the screen without a UI event of its own (the reducer's `ignore`). */
  private remove(run: VisitorRun): void {
    if (run.current === null) return;
    this.step.removed = run.current.messageId;
    if (!isTerminal(run.current.state.status)) run.current.state = interact(run.current.state, { type: 'ignore' }).state;
    run.current = null;
  }

  /** Keeps the history small: what the frequency and on-screen rules need, now and later. */
  private compact(visitor: Visitor, atMs: number): Visitor {
    const compacted = compactDeliveries(visitor, this.messages, atMs);
    return compacted.ok ? compacted.value : visitor;
  }

  private decide(run: VisitorRun, atMs: number): StepEvaluation | null {
    const visitor = run.visitor;
    if (visitor === null) return null;
    const decision = evaluate(visitor, this.messages, atMs, this.policy);
    const verdicts = explain(visitor, this.messages, atMs, this.policy).map(({ id, outcome, reason }) => ({ id, outcome, reason }));
    // The host logs the control group's exposure (tally counts each visitor once).
    for (const messageId of decision.heldOut) this.metrics.push({ messageId, visitorId: visitor.id, type: 'heldOut' });
    const evaluation: StepEvaluation = {
      visitor,
      message: decision.message?.id ?? null,
      onScreen: decision.onScreen,
      eligible: decision.eligible,
      heldOut: decision.heldOut,
      reevaluateAt: decision.reevaluateAt,
      verdicts,
    };
    this.step.evaluations.push(evaluation);
    return evaluation;
  }

  /** Evaluates now and acts on the decision; sets the visitor's one timer. */
  private evaluateNow(run: VisitorRun, atMs: number): void {
    run.timer = null;
    let evaluation = this.decide(run, atMs);
    if (evaluation === null) return;
    if (evaluation.message === null) {
      // Nothing to show (a conversation started, …): a bubble on screen goes; an open messaging
      // window stays (it is the conversation).
      if (run.current !== null && run.current.state.status !== 'open') this.remove(run);
    } else if (!evaluation.onScreen) {
      if (run.current !== null) this.remove(run);
      const message = this.messages.find((m) => m.id === evaluation?.message) as Message;
      if (this.show(run, message, atMs)) evaluation = this.decide(run, atMs) ?? evaluation;
    }
    const next = evaluation.reevaluateAt;
    // `reevaluateAt` is always later than the instant evaluated (the timer never fires twice at one instant).
    run.timer = next !== null && next <= this.end ? (next > atMs ? next : atMs + 1) : null;
  }

  /** Presents and shows a message (the reducer's `show`), running its effects; whether it was shown. */
  private show(run: VisitorRun, message: Message, atMs: number): boolean {
    const presented = present(message, this.workspace);
    if (!presented.ok) {
      this.step.notPresented = presented.issues;
      return false;
    }
    const started = initialInteraction(presented.value, run.profile.id);
    if (!started.ok) {
      this.step.notPresented = started.issues;
      return false;
    }
    const result = interact(started.value, { type: 'show' });
    run.current = { messageId: message.id, state: result.state };
    this.runEffects(run, result.effects, atMs);
    this.step.shown = message.id;
    return true;
  }

  /** Runs the reducer's effects; whether the visitor changed. */
  private runEffects(run: VisitorRun, effects: ReturnType<typeof interact>['effects'], atMs: number): boolean {
    let changed = false;
    for (const effect of effects) {
      const metric = metricEventOf(effect);
      if (metric !== null) {
        this.metrics.push(metric);
        continue;
      }
      const visitor = run.visitor;
      if (visitor === null) continue;
      switch (effect.type) {
        case 'recordDelivery': {
          const recorded = recordDelivery(visitor, effect.messageId, atMs);
          if (recorded.ok) run.visitor = this.compact(recorded.value, atMs);
          changed = true;
          break;
        }
        case 'markDelivery': {
          const marked = markDelivery(visitor, effect.messageId, effect.outcome);
          if (marked.ok) run.visitor = this.compact(marked.value, atMs);
          changed = true;
          break;
        }
        case 'handOffToAgent':
        case 'startAiConversation':
          // The conversation the host starts is an active messaging conversation.
          run.visitor = { ...visitor, inActiveConversation: true };
          changed = true;
          break;
        default:
          break;
      }
    }
    return changed;
  }

  event(event: ScriptEvent, index: number): void {
    const run = this.runs.find((r) => r.profile.id === event.visitor) as VisitorRun;
    const atMs = parseTimestamp(event.at) as number;
    this.begin();
    const at = isoOf(atMs);
    let changed = true;
    switch (event.type) {
      case 'arrive': {
        this.remove(run);
        run.visits += 1;
        run.pageViews = 1;
        const p = run.profile;
        const visitId = `${p.id}_visit_${run.visits}`;
        run.visitor = {
          id: p.id,
          channelId: p.channelId,
          visit: { id: visitId, number: run.visits, startedAt: at, pageViews: 1 },
          page: { viewId: `${visitId}_pv_1`, url: event.url, title: event.title, ...(event.referrer === undefined ? {} : { referrer: event.referrer }), enteredAt: at },
          ...(run.visitor?.language !== undefined ? { language: run.visitor.language } : p.language === undefined ? {} : { language: p.language }),
          ...(run.visitor?.deviceType !== undefined ? { deviceType: run.visitor.deviceType } : p.deviceType === undefined ? {} : { deviceType: p.deviceType }),
          ...(run.visitor?.metadata !== undefined ? { metadata: run.visitor.metadata } : p.metadata === undefined ? {} : { metadata: p.metadata }),
          inActiveConversation: false,
          deliveries: run.visitor?.deliveries ?? p.deliveries ?? [],
        };
        break;
      }
      case 'navigate': {
        const v = run.visitor as Visitor;
        this.remove(run);
        run.pageViews += 1;
        run.visitor = {
          ...v,
          visit: { ...v.visit, pageViews: v.visit.pageViews + 1 },
          page: { viewId: `${v.visit.id}_pv_${run.pageViews}`, url: event.url, title: event.title, referrer: v.page.url, enteredAt: at },
        };
        break;
      }
      case 'update': {
        const v = run.visitor as Visitor;
        const next: Record<string, unknown> = { ...v };
        if (event.metadata !== undefined) next.metadata = event.metadata;
        if (event.language !== undefined) next.language = event.language;
        if (event.deviceType !== undefined) next.deviceType = event.deviceType;
        if (event.inActiveConversation !== undefined) next.inActiveConversation = event.inActiveConversation;
        run.visitor = next as unknown as Visitor;
        break;
      }
      case 'leave':
        this.remove(run);
        run.timer = null;
        // Kept for the next visit: the history and what the host knows.
        changed = false;
        break;
      default:
        changed = this.interaction(run, interactionOf(event) as InteractionEvent, atMs);
        break;
    }
    if (changed) this.evaluateNow(run, atMs);
    this.finish(run, atMs, { kind: 'event', index, type: event.type });
  }

  /** Plays a UI event on the message on screen; whether the visitor changed (evaluate again). */
  private interaction(run: VisitorRun, event: InteractionEvent, atMs: number): boolean {
    const current = run.current;
    if (current === null) {
      this.step.interaction = { messageId: null, event: event.type, status: null, effects: [], ignored: 'nothingOnScreen' };
      return false;
    }
    const result = interact(current.state, event);
    current.state = result.state;
    this.step.interaction = {
      messageId: current.messageId,
      event: event.type,
      status: result.state.status,
      effects: result.effects.map((e) => e.type),
      ignored: result.ignored?.reason ?? null,
    };
    const changed = this.runEffects(run, result.effects, atMs);
    if (result.state.status === 'dismissed' || result.state.status === 'closed' || result.state.status === 'handedOff' || result.state.status === 'aiConversation') {
      run.current = null;
    }
    return changed;
  }

  timerFires(run: VisitorRun): void {
    const atMs = run.timer as number;
    this.begin();
    this.evaluateNow(run, atMs);
    this.finish(run, atMs, { kind: 'timer' });
  }
}

/**
 * Replays `script` (see docs/simulate.md for its JSON format) against `messages`, as a widget
 * would: every script event changes the visitor and is followed by `evaluate`; a new message is
 * presented and shown (its delivery recorded, `sent` counted); UI events go through `interact`
 * and their effects are run (a dismissal or a closed window marks the delivery; a hand-off or an
 * AI conversation puts the visitor in an active conversation); after each evaluation the visitor's
 * one timer is set to `reevaluateAt`, and evaluation happens again only when it fires or the
 * visitor changes. Fails with issues (paths into `script`, or `workspace`) on a script that does
 * not check; malformed messages are skipped (`skipped`), as `evaluate` skips them. Pure and
 * deterministic.
 * @example
 * ```ts
 * const result = simulate(messages, script, { workspace });
 * if (result.ok) {
 *   for (const step of result.value.timeline) if (step.shown) console.log(step.at, step.visitorId, 'sees', step.shown);
 *   result.value.tally.get('msg_pricing_help'); // { sent, read, replied }
 * }
 * ```
 */
export function simulate(messages: readonly Message[], script: SimulationScript, options?: SimulateOptions): Result<Simulation> {
  const parsed = parseMessages(messages);
  const listRefused = parsed.value.length === 0 && parsed.issues.some((issue) => issue.path.length === 0);
  const checked = runCheck(scriptCheck, script, true, ['script']);
  const issues: IssueData[] = [];
  if (listRefused) issues.push(...parsed.issues.map((issue) => ({ ...issue, path: ['messages', ...issue.path] }) as IssueData));
  if (!checked.ok) issues.push(...checked.issues);
  const unread = issues.length;
  const optionWorkspace: unknown = readOption(options, 'workspace', ['options', 'workspace'], issues);
  let workspace: Workspace | undefined;
  if (issues.length > unread) {
    // The option could not be read: the script's workspace is not a fallback for it.
  } else if (optionWorkspace !== undefined) {
    const ws = parseWorkspace(optionWorkspace);
    if (ws.ok) workspace = ws.value;
    else issues.push(...ws.issues.map((issue) => ({ ...issue, path: ['options', 'workspace', ...issue.path] }) as IssueData));
  } else if (checked.ok) {
    workspace = checked.value.workspace;
    if (workspace === undefined) issues.push(issueAt(['script', 'workspace'], 'required', NO_PARAMS));
  }
  const optionPolicy: unknown = readOption(options, 'policy', ['options', 'policy'], issues);
  let policy: EvaluateOptions | undefined;
  if (optionPolicy !== undefined) {
    const p = runCheck(evaluateOptionsCheck, optionPolicy, true, ['options', 'policy']);
    if (p.ok) policy = p.value;
    else issues.push(...p.issues);
  }
  if (issues.length > 0 || !checked.ok || workspace === undefined) return fail(issues);
  return ok(run(parsed.value, checked.value, workspace, parsed.issues, policy));
}

function run(messages: readonly Message[], script: SimulationScript, workspace: Workspace, skipped: readonly Issue[], policy: EvaluateOptions | undefined): Simulation {
  const end = parseTimestamp(script.end) as number;
  const loop = new Run(messages, workspace, end, script.visitors, policy);
  const events = script.events;
  let next = 0;
  let truncated = false;
  for (let steps = 0; ; steps += 1) {
    const event = events[next];
    const eventAt = event === undefined ? Infinity : (parseTimestamp(event.at) as number);
    let timerRun: VisitorRun | undefined;
    for (const r of loop.runs) if (r.timer !== null && (timerRun === undefined || r.timer < (timerRun.timer as number))) timerRun = r;
    const timerAt = timerRun === undefined ? Infinity : (timerRun.timer as number);
    if (event === undefined && timerRun === undefined) break;
    if (steps >= SIMULATION_LIMITS.steps) {
      truncated = true;
      break;
    }
    if (event !== undefined && eventAt <= timerAt) {
      loop.event(event, next);
      next += 1;
    } else if (timerRun !== undefined) loop.timerFires(timerRun);
  }
  const counts = tally(loop.metrics);
  return {
    timeline: loop.timeline,
    tally: counts.ok ? counts.value : new Map(),
    visitors: loop.runs.flatMap((r) => (r.visitor === null ? [] : [r.visitor])),
    skipped,
    truncated,
  };
}
