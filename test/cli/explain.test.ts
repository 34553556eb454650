import { describe, expect, it } from 'vitest';
import { explain, parseMessages, parseVisitor, type Verdict } from '../../src/index.js';
import { failingLeaves } from '../../src/cli/explain-format.js';
import { cli, MESSAGES, readJsonFile, visitorFile, VISITORS } from './helpers.js';

const AT_10_00_30 = '2026-11-23T10:00:30Z';

function explainArgs(visitor: string, now = AT_10_00_30, json = false): string[] {
  return ['explain', ...(json ? ['--json'] : []), '--messages', MESSAGES, '--visitor', visitorFile(visitor), '--now', now];
}

/** The table row of one message, split into cells. */
function row(stdout: string, id: string): string[] {
  const line = stdout.split('\n').find((l) => l.split(/\s{2,}/)[1] === id);
  if (line === undefined) throw new Error(`no row for ${id}`);
  return line.trim().split(/\s{2,}/);
}

describe('explain --json', () => {
  it.each(VISITORS)('for %s equals the library verdicts (all example messages are valid, so indexes are file positions)', (name) => {
    const messages = parseMessages(readJsonFile(MESSAGES)).value;
    const visitor = parseVisitor(readJsonFile(visitorFile(name)));
    if (!visitor.ok) throw new Error('example visitor must parse');
    const result = cli(explainArgs(name, AT_10_00_30, true));
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as { now: string; visitorId: string; verdicts: Verdict[] };
    expect(out.now).toBe('2026-11-23T10:00:30.000Z');
    expect(out.visitorId).toBe(visitor.value.id);
    expect(out.verdicts).toEqual(JSON.parse(JSON.stringify(explain(visitor.value, messages, Date.parse(AT_10_00_30)))));
    expect(out.verdicts).toHaveLength(10);
  });

  it('a message the parser rejects is an invalid verdict at its file position; the others keep theirs', () => {
    const list = readJsonFile(MESSAGES) as unknown[];
    const withBad = [...list.slice(0, 4), { id: 'msg_broken', status: 'live' }, ...list.slice(4)];
    const result = cli(['explain', '--json', '--messages', 'm.json', '--visitor', visitorFile('new-on-pricing'), '--now', AT_10_00_30], {
      'm.json': JSON.stringify(withBad),
    });
    expect(result.code).toBe(0);
    const verdicts = (JSON.parse(result.stdout) as { verdicts: Verdict[] }).verdicts;
    expect(verdicts.map((v) => v.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(verdicts[4]).toMatchObject({ id: 'msg_broken', outcome: 'invalid', reason: 'invalid', gates: [] });
    expect(verdicts[4]?.issues.length).toBeGreaterThan(0);
    expect(verdicts[5]).toMatchObject({ id: 'msg_pricing_help', outcome: 'shown' });
    expect(result.stderrLines.every((line) => line.startsWith('warning: m.json: [4]'))).toBe(true);
  });
});

describe('explain table (checked by hand against examples/)', () => {
  // Anna: new visitor, en-US, desktop, on /pricing since 10:00:00; Monday 11:00:30 in Berlin.
  const anna = cli(explainArgs('new-on-pricing'));

  it('exits 0 and names the visitor and instant', () => {
    expect(anna.code).toBe(0);
    expect(anna.stdout).toMatch(/^At 2026-11-23T10:00:30\.000Z, visitor v_anna \(new, en-US, desktop\)/);
  });

  it('shows the pricing help: 30 s on /pricing in business hours, priority 10', () => {
    expect(row(anna.stdout, 'msg_pricing_help')).toEqual(['4', 'msg_pricing_help', 'shown', '—', '✓', '✓', '✓', '✓', '✓', '✓', '✓']);
  });

  it('the AI onboarding passes every gate but is outranked (priority 5)', () => {
    expect(row(anna.stdout, 'msg_ai_onboarding').slice(2, 4)).toEqual(['outranked', 'outranked']);
  });

  it('drafts and the paused message are notLive', () => {
    for (const id of ['starter_welcome', 'starter_pricing_help', 'starter_out_of_hours', 'msg_black_friday']) {
      expect(row(anna.stdout, id).slice(2, 5)).toEqual(['blocked', 'notLive', '✗']);
    }
    expect(anna.stdout).toContain('[9] msg_black_friday: notLive — status is paused');
  });

  it('the after-hours message is outside its send window until Berlin closes at 18:00 (17:00 UTC)', () => {
    expect(row(anna.stdout, 'msg_de_after_hours')[3]).toBe('outsideSendWindow');
    expect(anna.stdout).toContain('open now, closes at 2026-11-23T17:00:00.000Z (in 6 h 59 min)');
    expect(anna.stdout).toContain('✗ language equal "de" (visitor: "en")');
  });

  it('the cart hint fails on the missing cartValue metadata, shown as (missing)', () => {
    expect(row(anna.stdout, 'msg_cart_free_shipping')[3]).toBe('conditionsNotMet');
    expect(anna.stdout).toContain('✗ metadata.cartValue greaterThanInclusive 100 (visitor: (missing))');
  });

  it('the app message runs on another channel', () => {
    expect(row(anna.stdout, 'msg_app_settings_help').slice(3, 6)).toEqual(['otherChannel', '✓', '✗']);
  });

  it('the cart shopper at 14:03:00 waits 20 s for the trigger, and the onboarding is capped by its once frequency', () => {
    const carlos = cli(explainArgs('cart-shopper', '2026-11-23T14:03:00Z'));
    expect(carlos.stdout).toContain('[5] msg_cart_free_shipping: waitingForTrigger — waits for time on page; fires at 2026-11-23T14:03:20.000Z (in 20 s)');
    expect(carlos.stdout).toContain('[6] msg_ai_onboarding: frequencyCapped — once: already delivered before');
  });

  it('a visitor in an active conversation: every live web message is blocked by that gate', () => {
    const dana = cli(explainArgs('in-conversation', '2026-11-23T15:01:30Z'));
    for (const id of ['msg_delivery_delay', 'msg_pricing_help', 'msg_cart_free_shipping', 'msg_ai_onboarding']) {
      expect(row(dana.stdout, id).slice(2, 4)).toEqual(['blocked', 'activeConversation']);
    }
  });
});

describe('failingLeaves', () => {
  it('lists failed leaves, passed leaves under a not (as "not …"), and skips skipped nodes', () => {
    expect(
      failingLeaves({
        all: [
          { fact: 'visitorType', operator: 'equal', value: 'new', outcome: 'passed', factValue: 'new' },
          { not: { fact: 'metadata.plan', operator: 'equal', value: 'enterprise', outcome: 'passed', factValue: 'enterprise' }, outcome: 'failed' },
          { fact: 'timeOnSite', operator: 'greaterThan', value: 120, outcome: 'failed', factValue: 30 },
          { fact: 'language', operator: 'in', value: ['de'], outcome: 'failed', factMissing: true },
          { fact: 'pageViews', operator: 'lessThan', value: 3, outcome: 'skipped' },
        ],
        outcome: 'failed',
      }),
    ).toEqual([
      'not metadata.plan equal "enterprise" (visitor: "enterprise")',
      'timeOnSite greaterThan 120 (visitor: 30)',
      'language in ["de"] (visitor: (missing))',
    ]);
  });
});
