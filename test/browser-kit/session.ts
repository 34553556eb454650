/**
 * A scripted browsing session for the Node tests: one fake clock and storage shared by every page
 * load, a fresh fake page and kit per load, the widget of `widget.ts`, and the reference model of
 * `model.ts` fed the same events. `check()` compares the kit with the model.
 */
import { expect } from 'vitest';
import { createVisitorKit, type VisitorKit, type VisitorKitOptions } from '../../src/browser/index.js';
import { evaluate, initialInteraction, interact, parseVisitor, present, type Decision, type InteractionEvent, type Message, type Visitor, type Workspace } from '../../src/index.js';
import { countingIds, FakeClock, FakePage, FakeStorage } from './fakes.js';
import { T0, WORKSPACE } from './fixtures.js';
import { VisitorModel } from './model.js';
import { createWidget, type Widget } from './widget.js';

export interface SessionOptions {
  readonly messages: readonly Message[];
  readonly workspace?: Workspace;
  readonly inactivityMs?: number;
  readonly storage?: FakeStorage;
  readonly start?: number;
  readonly kitOptions?: Partial<VisitorKitOptions>;
}

/** The part of a decision that must match. */
export function summary(decision: Decision): { message: string | null; onScreen: boolean; eligible: readonly string[]; reevaluateAt: number | null; invalidInput: unknown } {
  return { message: decision.message?.id ?? null, onScreen: decision.onScreen, eligible: decision.eligible, reevaluateAt: decision.reevaluateAt, invalidInput: decision.invalidInput };
}

export class Session {
  readonly clock: FakeClock;
  readonly storage: FakeStorage;
  readonly ids = countingIds();
  readonly model: VisitorModel;
  readonly widget: Widget;
  page!: FakePage;
  kit!: VisitorKit;
  /** Kit id → model id, learned at each page view. */
  readonly idMap = new Map<string, string>();
  private lastPageViewId = '';
  /** The model's decision at the latest push, and how many pushes matched. */
  private modelDecision: Decision | null = null;
  pushes = 0;

  constructor(readonly options: SessionOptions) {
    this.clock = new FakeClock(options.start ?? T0);
    this.storage = options.storage ?? new FakeStorage();
    this.model = new VisitorModel(options.inactivityMs ?? 30 * 60_000, 'web_main', { title: () => this.page.document.title, language: 'en-US', deviceType: 'desktop' });
    this.widget = createWidget({ present, initialInteraction, interact }, options.workspace ?? WORKSPACE, () => this.clock.now());
    this.widget.onEffects = (effects) => {
      const shown = this.modelDecision;
      this.model.apply(effects, this.clock.now(), (id) => shown !== null && shown.message?.id === id && !shown.onScreen);
      // A recorded delivery changes the model's decision before the kit pushes the next one.
      this.modelDecision = this.modelEvaluate();
    };
  }

  private modelEvaluate(): Decision {
    return evaluate(this.model.visitor(this.kit.visitor()?.id ?? 'v_unknown'), this.options.messages, this.clock.now(), this.options.kitOptions?.policy);
  }

  private onDecision = (decision: Decision, visitor: Visitor): void => {
    this.syncPageView(visitor);
    this.modelDecision = this.modelEvaluate();
    expect(summary(decision), `decision at ${new Date(this.clock.now()).toISOString()}`).toEqual(summary(this.modelDecision));
    this.pushes += 1;
    this.widget.onDecision(decision, visitor);
  };

  /** Learns the kit's ids for the model's current visit and page view. */
  private syncPageView(visitor: Visitor): void {
    if (visitor.page.viewId === this.lastPageViewId) return;
    this.lastPageViewId = visitor.page.viewId;
    this.idMap.set(visitor.page.viewId, this.model.page.viewId);
    this.idMap.set(visitor.visit.id, this.model.visit.id);
  }

  /** A full page load of `url`, `gap` ms after the previous one was left. */
  load(url: string, gap = 0, referrer = ''): VisitorKit {
    this.kit?.stop();
    this.clock.advance(gap);
    this.page = new FakePage(url, { referrer, title: `Title of ${new URL(url).pathname}` });
    const created = createVisitorKit({
      channelId: 'web_main',
      messages: this.options.messages,
      storage: this.storage,
      clock: this.clock,
      newId: this.ids,
      environment: this.page,
      onDecision: this.onDecision,
      ...(this.options.inactivityMs === undefined ? {} : { inactivityMs: this.options.inactivityMs }),
      ...this.options.kitOptions,
    });
    if (!created.ok) throw new Error(JSON.stringify(created.issues));
    this.kit = created.value;
    this.widget.attach(this.kit);
    this.model.pageView(this.clock.now(), url, referrer);
    this.kit.start();
    return this.kit;
  }

  /** A client-side navigation. */
  navigate(url: string, how: 'push' | 'replace' | 'back' | 'hash' = 'push'): void {
    const from = this.page.location.href;
    const target = new URL(url, from).href;
    if (target !== from) this.model.pageView(this.clock.now(), target, from);
    if (how === 'push') this.page.history.pushState({}, '', url);
    else if (how === 'replace') this.page.history.replaceState({}, '', url);
    else if (how === 'back') this.page.back(target);
    else {
      this.page.location.href = target;
      this.page.dispatch('hashchange');
    }
  }

  wait(ms: number): void {
    this.clock.advance(ms);
  }

  /** Hidden for `ms`, then visible again. */
  away(ms: number): void {
    this.page.setVisibility('hidden');
    this.clock.advance(ms);
    this.model.becameVisible(this.clock.now());
    this.page.setVisibility('visible');
  }

  ui(event: InteractionEvent): void {
    this.widget.dispatch(event);
  }

  /** The kit agrees with the model: visitor shape, history (up to compaction) and the one timer. */
  check(): void {
    const visitor = this.kit.visitor();
    expect(visitor).not.toBeNull();
    const v = visitor as Visitor;
    expect(parseVisitor(v).ok, JSON.stringify(parseVisitor(v))).toBe(true);
    const m = this.model;
    expect({ number: v.visit.number, pageViews: v.visit.pageViews, startedAt: Date.parse(v.visit.startedAt), enteredAt: Date.parse(v.page.enteredAt), url: v.page.url, referrer: v.page.referrer ?? null }).toEqual({
      number: m.visit.number,
      pageViews: m.visit.pageViews,
      startedAt: m.visit.startedAt,
      enteredAt: m.page.enteredAt,
      url: m.url,
      referrer: m.referrer,
    });
    expect(this.idMap.get(v.visit.id)).toBe(m.visit.id);
    expect(this.idMap.get(v.page.viewId)).toBe(m.page.viewId);
    // The kit's history, in model ids, is the model's with some deliveries compacted away.
    const mapped = v.deliveries.map((d) => ({ ...d, visitId: this.idMap.get(d.visitId), pageViewId: this.idMap.get(d.pageViewId) }));
    let j = 0;
    for (const d of mapped) {
      while (j < m.deliveries.length && JSON.stringify(m.deliveries[j]) !== JSON.stringify(d)) j += 1;
      expect(j, `kit delivery ${JSON.stringify(d)} is one of the model's, in order`).toBeLessThan(m.deliveries.length);
      j += 1;
    }
    // Now and later in this page view, the kit's (compacted) visitor decides as the full history does.
    const model = m.visitor(v.id);
    for (const later of [0, 1_000, 30_000, 10 * 60_000, 3 * 3_600_000]) {
      const at = this.clock.now() + later;
      expect(summary(evaluate(v, this.options.messages, at))).toEqual(summary(evaluate({ ...model, page: { ...model.page, viewId: v.page.viewId }, visit: { ...model.visit, id: v.visit.id }, deliveries: mapBack(model.deliveries, this.idMap) }, this.options.messages, at)));
    }
    const latest = this.kit.decision();
    const visible = this.page.document.visibilityState === 'visible';
    expect(this.clock.pending()).toEqual(visible && latest?.reevaluateAt != null ? [latest.reevaluateAt] : []);
  }
}

/** Model deliveries with the kit's ids (so a visitor can be compared decision for decision). */
function mapBack(deliveries: readonly Visitor['deliveries'][number][], idMap: ReadonlyMap<string, string>): Visitor['deliveries'] {
  const back = new Map([...idMap].map(([kit, model]) => [model, kit]));
  return deliveries.map((d) => ({ ...d, visitId: back.get(d.visitId) ?? d.visitId, pageViewId: back.get(d.pageViewId) ?? d.pageViewId }));
}
