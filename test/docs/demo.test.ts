/**
 * `npm run demo`: key facts of the scripted day, each worked out by hand from examples/
 * (not a snapshot of whatever it printed).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { runDemo } from '../../scripts/demo.js';

function demoLines(): string[] {
  const lines: string[] = [];
  runDemo((line) => lines.push(line));
  return lines;
}

const lines = demoLines();
const text = lines.join('\n');
/** The indented lines that follow the first line starting with `head`, up to the next timestamped line. */
function after(head: string): string[] {
  const start = lines.findIndex((line) => line.startsWith(head));
  if (start < 0) throw new Error(`no line starting with ${head}`);
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => /^\d\d:\d\d:\d\d|^—|^$/.test(line));
  return end < 0 ? rest : rest.slice(0, end);
}

describe('the demo day', () => {
  it('is wired as npm run demo', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.demo).toBe('tsx scripts/demo.ts');
  });

  it('does not read the clock: the same output under another system time', () => {
    vi.useFakeTimers({ now: Date.parse('2031-02-03T04:05:06Z') });
    try {
      expect(demoLines()).toEqual(lines);
    } finally {
      vi.useRealTimers();
    }
  });

  // Anna entered /pricing at 10:00:00. The pricing help waits for 30 s on the page (timeOnPage 30),
  // so at 10:00:00 nothing shows and the next change is 10:00:30.
  it('Anna sees nothing on arrival and the widget sets a timer for 10:00:30', () => {
    expect(lines).toContain('10:00:00  v_anna    sees nothing');
    expect(after('10:00:00  v_anna')).toContain('                    reevaluateAt 10:00:30: the widget sets one timer…');
    expect(after('10:00:00  v_anna')).toContain(
      '                    not shown, waitingForTrigger: msg_pricing_help, msg_cart_free_shipping, msg_ai_onboarding',
    );
  });

  // At 10:00:30 (11:00:30 in Berlin, Monday: business hours) the pricing help (priority 10) and the AI
  // onboarding (new desktop visitor, 30 s, priority 5) both qualify; the higher priority wins.
  it('at 10:00:30 Anna sees the pricing help; the AI onboarding is outranked', () => {
    expect(lines).toContain('10:00:30  v_anna    SEES msg_pricing_help "Help on the pricing page"');
    const why = after('10:00:30  v_anna');
    expect(why).toContain('                    not shown, outranked: msg_ai_onboarding');
    // the cart hint needs metadata.cartValue ≥ 100; Anna has none
    expect(why.join('\n')).toMatch(/conditionsNotMet: .*msg_cart_free_shipping/);
    // the after-hours message is sent outside business hours only
    expect(why).toContain('                    not shown, outsideSendWindow: msg_de_after_hours');
  });

  it('Anna gives a bad email, then a good one, and is handed off with the message tags and her details', () => {
    expect(text).toContain('submitDetails {"name":"Anna","email":"anna@"} → open: form stays open (email: invalidEmail)');
    expect(text).toContain(
      'submitDetails {"name":"Anna","email":"anna@example.com"} → handedOff: count replied; hand off to a live agent (tags proactive, pricing; name Anna, email anna@example.com)',
    );
  });

  it('once Anna is in a conversation, nothing is sent to her', () => {
    expect(lines).toContain('10:05:00  v_anna    sees nothing');
    expect(after('10:05:00  v_anna')[0]).toMatch(/activeConversation: msg_delivery_delay, msg_pricing_help/);
  });

  // Mia: app_ios, screen "Settings", mobile: the page-load app message, frequency once.
  it('Mia sees the app help at once, is handed off on open, and never sees it again (once)', () => {
    expect(lines).toContain('12:15:00  v_mia     SEES msg_app_settings_help "Help on the app settings screen"');
    expect(text).toContain('open → handedOff: count read; hand off to a live agent (tags proactive, app)');
    expect(lines).toContain('13:10:00  v_mia     sees nothing');
    expect(after('13:10:00  v_mia')).toContain('                    not shown, frequencyCapped: msg_app_settings_help');
  });

  // Carlos: cart 240, on /cart since 14:03:00, visit started 14:00:00 (timeOnSite 200 s > 120); the
  // free-shipping hint waits 20 s. He got the AI onboarding (once) in an earlier visit.
  it('Carlos gets the free-shipping hint at 14:03:20 from the FAQ bot, with its chosen answer', () => {
    expect(after('14:03:00  v_carlos')).toContain('                    reevaluateAt 14:03:20: the widget sets one timer…');
    expect(after('14:03:00  v_carlos')).toContain('                    not shown, frequencyCapped: msg_ai_onboarding');
    expect(lines).toContain('14:03:20  v_carlos  SEES msg_cart_free_shipping "Free shipping hint for full carts"');
    expect(text).toContain('bubble above the launcher from Acme FAQ bot');
    expect(text).toContain('(opening shows the answer "Free shipping", then Acme FAQ bot takes over)');
    expect(text).toContain('open → open: count read; start the AI conversation with answer ans_free_shipping');
    expect(text).toContain('interactWithAnswer → aiConversation: count replied');
  });

  it('Dana, in an active conversation, gets nothing', () => {
    expect(lines).toContain('15:01:30  v_dana    sees nothing');
    expect(after('15:01:30  v_dana')[0]).toMatch(/^ +not shown, activeConversation: /);
  });

  // Jonas: de-DE, visit 3, at 18:30 UTC = 19:30 Berlin (closed), on the page since 18:30:00; the
  // after-hours message waits 15 s and is oncePerVisit.
  it('Jonas sees the German after-hours message at 18:30:15, dismisses it, and it stays away this visit', () => {
    expect(lines).toContain('18:30:15  v_jonas   SEES msg_de_after_hours "Returning German visitors after hours"');
    expect(text).toContain('dismiss → dismissed: markDelivery dismissed');
    expect(after('18:31:00  v_jonas')).toContain('                    not shown, frequencyCapped: msg_de_after_hours');
    // the business-hours messages are outside their window at 19:31 Berlin
    expect(after('18:31:00  v_jonas')).toContain('                    not shown, outsideSendWindow: msg_pricing_help, msg_cart_free_shipping');
  });

  it('Jonas opens the order status page and gets the delivery-delay notice on page load', () => {
    expect(lines).toContain('18:32:00  v_jonas   SEES msg_delivery_delay "Delivery delay notice"');
  });

  it('the tally counts each visitor once per metric', () => {
    const row = (id: string): number[] | undefined => {
      const line = lines.find((l) => l.startsWith(`${id} `));
      return line?.trim().split(/\s+/).slice(1, 4).map(Number);
    };
    expect(row('msg_pricing_help')).toEqual([1, 1, 1]);
    expect(row('msg_app_settings_help')).toEqual([1, 1, 0]); // no details asked: no reply counted
    expect(row('msg_cart_free_shipping')).toEqual([1, 1, 1]);
    expect(row('msg_de_after_hours')).toEqual([1, 0, 0]);
    expect(row('msg_delivery_delay')).toEqual([1, 0, 0]);
    expect(row('msg_ai_onboarding')).toBeUndefined();
  });
});
