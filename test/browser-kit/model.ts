/**
 * The reference the browser kit is checked against: the visitor of the rules in
 * docs/browser-kit.md, written out by hand with the complete, never compacted history and ids
 * of its own. `evaluate` on this visitor is what the kit's decisions must equal.
 *
 * - A page view `inactivityMs` or more after the last activity begins a new visit (number + 1,
 *   page views back to 1); otherwise the visit's page views go up by one.
 * - Activity: page views, interactions (`kit.apply`), the page becoming visible; becoming visible
 *   after the gap is a page view of the same URL in a new visit.
 * - A delivery is recorded when the widget shows a message the decision says is not on screen;
 *   `markDelivery` effects flag the latest delivery of that message in this page view.
 */
import type { Delivery, DeviceType, InteractionEffect, Visitor } from '../../src/index.js';

export class VisitorModel {
  private visitNumber = 0;
  private visitId = '';
  private visitStartedAt = 0;
  private pageViews = 0;
  private pageViewId = '';
  private pageCount = 0;
  url = '';
  referrer: string | null = null;
  private enteredAt = 0;
  private lastActivity = Number.NEGATIVE_INFINITY;
  readonly deliveries: Delivery[] = [];

  constructor(
    readonly inactivityMs: number,
    readonly channelId: string,
    readonly facts: { readonly title: () => string; readonly language: string | null; readonly deviceType: DeviceType | null },
  ) {}

  get visit(): { readonly id: string; readonly number: number; readonly pageViews: number; readonly startedAt: number } {
    return { id: this.visitId, number: this.visitNumber, pageViews: this.pageViews, startedAt: this.visitStartedAt };
  }

  get page(): { readonly viewId: string; readonly enteredAt: number } {
    return { viewId: this.pageViewId, enteredAt: this.enteredAt };
  }

  pageView(now: number, url: string, referrer: string | null): void {
    if (this.visitNumber === 0 || now - this.lastActivity >= this.inactivityMs) {
      this.visitNumber += 1;
      this.visitId = `model_visit_${this.visitNumber}`;
      this.visitStartedAt = now;
      this.pageViews = 0;
    }
    this.pageViews += 1;
    this.pageCount += 1;
    this.pageViewId = `model_pv_${this.pageCount}`;
    this.url = url;
    this.referrer = referrer === '' ? null : referrer;
    this.enteredAt = now;
    this.lastActivity = now;
  }

  activity(now: number): void {
    this.lastActivity = now;
  }

  becameVisible(now: number): void {
    if (now - this.lastActivity >= this.inactivityMs) this.pageView(now, this.url, this.referrer);
    else this.activity(now);
  }

  /** The effects of one interaction result; `shownAsNew` says whether the decision had the message as new. */
  apply(effects: readonly InteractionEffect[], now: number, shownAsNew: (messageId: string) => boolean): void {
    for (const effect of effects) {
      if (effect.type === 'recordDelivery' && shownAsNew(effect.messageId)) {
        this.deliveries.push({ messageId: effect.messageId, at: new Date(now).toISOString(), visitId: this.visitId, pageViewId: this.pageViewId });
      }
      if (effect.type === 'markDelivery') {
        for (let i = this.deliveries.length - 1; i >= 0; i -= 1) {
          const d = this.deliveries[i] as Delivery;
          if (d.messageId !== effect.messageId || d.visitId !== this.visitId || d.pageViewId !== this.pageViewId) continue;
          this.deliveries[i] = { ...d, [effect.outcome]: true };
          break;
        }
      }
    }
    this.activity(now);
  }

  visitor(visitorId: string): Visitor {
    return {
      id: visitorId,
      channelId: this.channelId,
      visit: { id: this.visitId, number: this.visitNumber, startedAt: new Date(this.visitStartedAt).toISOString(), pageViews: this.pageViews },
      page: { viewId: this.pageViewId, url: this.url, title: this.facts.title(), referrer: this.referrer, enteredAt: new Date(this.enteredAt).toISOString() },
      language: this.facts.language,
      deviceType: this.facts.deviceType,
      inActiveConversation: false,
      deliveries: [...this.deliveries],
    };
  }
}
