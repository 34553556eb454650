/** The example files cover what the guides and the demo promise. */
import { describe, expect, it } from 'vitest';
import { parseMessages, starterTemplates, type ConditionNode, type Message } from '../../src/index.js';
import { MESSAGES, readJsonFile } from './helpers.js';

const raw = readJsonFile(MESSAGES) as unknown[];
const parsed = parseMessages(raw);
const messages: readonly Message[] = parsed.value;
const live = messages.filter((m) => m.status === 'live');

function leaves(node: ConditionNode | null): number {
  if (node === null) return 0;
  if ('all' in node) return node.all.reduce((n, c) => n + leaves(c), 0);
  if ('any' in node) return node.any.reduce((n, c) => n + leaves(c), 0);
  if ('not' in node) return leaves(node.not);
  return 1;
}
const nested = (node: ConditionNode | null): boolean =>
  node !== null && (('all' in node && node.all.some((c) => !('fact' in c))) || ('any' in node && node.any.some((c) => !('fact' in c))));
const facts = (node: ConditionNode | null): string[] => {
  if (node === null) return [];
  if ('all' in node) return node.all.flatMap(facts);
  if ('any' in node) return node.any.flatMap(facts);
  if ('not' in node) return facts(node.not);
  return [node.fact];
};

describe('examples/messages.json', () => {
  it('parses without issues', () => {
    expect(parsed.issues).toEqual([]);
    expect(messages).toHaveLength(raw.length);
  });

  it('starts with the three starter drafts exactly as starterTemplates makes them', () => {
    const drafts = starterTemplates({ brandId: 'brand_acme', channelId: 'web_main', now: '2026-11-01T09:00:00Z' });
    expect(drafts.ok).toBe(true);
    if (drafts.ok) expect(raw.slice(0, 3)).toEqual(JSON.parse(JSON.stringify(drafts.value)));
  });

  it('has six live messages covering both response types, every send window, frequency and trigger', () => {
    expect(live).toHaveLength(6);
    expect(new Set(live.map((m) => m.response.type))).toEqual(new Set(['agent', 'aiAgent']));
    expect(new Set(live.map((m) => m.sendWindow.type))).toEqual(new Set(['anytime', 'businessHours', 'outsideBusinessHours']));
    expect(new Set(live.map((m) => m.frequency))).toEqual(new Set(['once', 'oncePerVisit', 'everyTime']));
    expect(new Set(live.map((m) => m.trigger.event))).toEqual(new Set(['pageLoad', 'timeOnPage']));
    expect(new Set(live.map((m) => m.priority)).size).toBe(live.length);
  });

  it('has nested trees of three or more leaves, metadata conditions, and a paused message', () => {
    expect(live.some((m) => nested(m.conditions) && leaves(m.conditions) >= 3)).toBe(true);
    expect(live.some((m) => facts(m.conditions).some((f) => f.startsWith('metadata.')))).toBe(true);
    expect(messages.some((m) => m.status === 'paused')).toBe(true);
  });
});
