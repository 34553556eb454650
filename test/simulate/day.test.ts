/**
 * The example day (examples/simulate/day.json over examples/messages.json): key facts worked out
 * by hand from the example files, not a snapshot of the output.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate, type Message, type SimulationScript, type SimulationStep, type Workspace } from '../../src/index.js';

const root = new URL('../../', import.meta.url);
const json = <T>(path: string): T => JSON.parse(readFileSync(new URL(path, root), 'utf8')) as T;
const messages = json<Message[]>('examples/messages.json');
const workspace = json<Workspace>('examples/workspace.json');
const script = json<SimulationScript>('examples/simulate/day.json');
const result = simulate(messages, script, { workspace });
if (!result.ok) throw new Error(JSON.stringify(result.issues));
const { timeline, tally } = result.value;

const at = (iso: string, visitor: string): SimulationStep[] => timeline.filter((s) => s.at === new Date(iso).toISOString() && s.visitorId === visitor);
const shown = timeline.filter((s) => s.shown !== null).map((s) => `${s.at.slice(11, 19)} ${s.visitorId} ${s.shown}`);

describe('the example day', () => {
  it('shows these messages, at these instants, and nothing else', () => {
    expect(shown).toEqual([
      // Anna lands on /pricing at 10:00:00; the pricing help waits 30 s on the page (11:00 in Berlin: open).
      '10:00:30 v_anna msg_pricing_help',
      // Her conversation ends at 10:20; the AI onboarding (new, desktop, 2 page views ≤ 3) is eligible at once.
      '10:20:00 v_anna msg_ai_onboarding',
      // Mia's settings screen: page load, frequency once.
      '12:15:00 v_mia msg_app_settings_help',
      // Carlos: on /cart since 14:03:00, on the site since 14:00:00 (180 s > 120), cart 240; 20 s trigger.
      '14:03:20 v_carlos msg_cart_free_shipping',
      // Jonas: visit 3 (returning), German, 19:25 in Berlin (closed): the after-hours message after 15 s.
      '18:25:15 v_jonas msg_de_after_hours',
      // The order status page: page load, priority 20.
      '18:32:00 v_jonas msg_delivery_delay',
    ]);
  });

  it('follows reevaluateAt with one timer: Anna\u2019s arrival sets 10:00:30, which fires', () => {
    const [arrival] = at('2026-11-23T10:00:00Z', 'v_anna');
    expect(arrival?.timer).toBe(Date.parse('2026-11-23T10:00:30Z'));
    expect(arrival?.evaluations[0]?.verdicts.find((v) => v.id === 'msg_pricing_help')?.reason).toBe('waitingForTrigger');
    const [fired] = at('2026-11-23T10:00:30Z', 'v_anna');
    expect(fired?.cause).toEqual({ kind: 'timer' });
    expect(fired?.evaluations[0]?.verdicts.find((v) => v.id === 'msg_ai_onboarding')?.reason).toBe('outranked');
  });

  it('a bad email keeps the form open; a good one hands Anna off, and nothing is shown in the conversation', () => {
    expect(at('2026-11-23T10:01:10Z', 'v_anna')[0]?.interaction).toMatchObject({ event: 'submitDetails', status: 'open', effects: [] });
    expect(at('2026-11-23T10:01:30Z', 'v_anna')[0]?.interaction).toMatchObject({ status: 'handedOff', effects: ['countReplied', 'handOffToAgent'] });
    const [features] = at('2026-11-23T10:05:00Z', 'v_anna');
    expect(features?.evaluations[0]?.message).toBeNull();
    expect(new Set(features?.evaluations[0]?.verdicts.filter((v) => v.id?.startsWith('msg_') && v.reason !== 'notLive' && v.reason !== 'otherChannel').map((v) => v.reason))).toEqual(new Set(['activeConversation']));
  });

  it('Mia\u2019s second visit: once means never again', () => {
    expect(at('2026-11-23T13:10:00Z', 'v_mia')[0]?.evaluations[0]?.verdicts.find((v) => v.id === 'msg_app_settings_help')?.reason).toBe('frequencyCapped');
  });

  it('Jonas dismisses the after-hours message; oncePerVisit keeps it away on his next page', () => {
    expect(at('2026-11-23T18:25:40Z', 'v_jonas')[0]?.interaction).toMatchObject({ status: 'dismissed', effects: ['markDelivery'] });
    expect(at('2026-11-23T18:30:00Z', 'v_jonas')[0]?.evaluations[0]?.verdicts.find((v) => v.id === 'msg_de_after_hours')?.reason).toBe('frequencyCapped');
  });

  it('the tally: distinct visitors per message', () => {
    expect(Object.fromEntries(tally)).toEqual({
      msg_pricing_help: { sent: 1, read: 1, replied: 1, heldOut: 0 },
      msg_ai_onboarding: { sent: 1, read: 0, replied: 0, heldOut: 0 },
      msg_app_settings_help: { sent: 1, read: 1, replied: 0, heldOut: 0 },
      msg_cart_free_shipping: { sent: 1, read: 1, replied: 1, heldOut: 0 },
      msg_de_after_hours: { sent: 1, read: 0, replied: 0, heldOut: 0 },
      msg_delivery_delay: { sent: 1, read: 0, replied: 0, heldOut: 0 },
    });
  });
});

describe('the example day with limits and an account policy', () => {
  it('a hold-out group is logged and tallied; a cooldown holds the next message back', () => {
    // Every visitor of msg_pricing_help is held out: Anna qualifies at 10:00:30 but is not shown it.
    const held = messages.map((m) => (m.id === 'msg_pricing_help' ? { ...m, holdoutPercent: 100 } : m));
    const r = simulate(held, script, { workspace });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.timeline.some((s) => s.shown === 'msg_pricing_help')).toBe(false);
    expect(r.value.timeline.some((s) => s.evaluations.some((e) => e.heldOut.includes('msg_pricing_help')))).toBe(true);
    expect(r.value.tally.get('msg_pricing_help')).toMatchObject({ sent: 0, heldOut: 1 });
    // A one-day cooldown: after Anna's first message (10:00:30), her AI onboarding no longer shows at 10:20.
    const cooled = simulate(messages, script, { workspace, policy: { cooldownSeconds: 86_400 } });
    if (!cooled.ok) throw new Error(JSON.stringify(cooled.issues));
    const annaShown = cooled.value.timeline.filter((s) => s.visitorId === 'v_anna' && s.shown !== null).map((s) => s.shown);
    expect(annaShown).toEqual(['msg_pricing_help']);
  });
  it('refuses a bad policy at its path', () => {
    const r = simulate(messages, script, { workspace, policy: { timeZone: 'Mars/Olympus' } });
    expect(r.ok ? [] : r.issues.map((i) => [i.path, i.code])).toEqual([[['options', 'policy', 'timeZone'], 'invalidFormat']]);
  });
});
