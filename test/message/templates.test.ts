import { describe, expect, it } from 'vitest';
import { STARTER_TEMPLATE_IDS, checkPublishRequirements, parseMessages, publish, starterTemplates, type Message, type StarterTemplateOptions } from '../../src/index.js';
import { NOW, NOW_ISO, statusFieldViolations, workspace } from './fixtures.js';

/** `starterTemplates(options)`, which must succeed here. */
function drafts(options: StarterTemplateOptions): readonly Message[] {
  const result = starterTemplates(options);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

describe('starterTemplates({ brandId, now, channelId?, ids? })', () => {
  it('returns three drafts of the brand with fresh metrics, stamped with now', () => {
    const templates = drafts({ brandId: 'brand_1', now: NOW });
    expect(templates.map((t) => t.id)).toEqual([...STARTER_TEMPLATE_IDS]);
    expect(templates.map((t) => t.name)).toEqual(['Welcome new visitors', 'Help on the pricing page', 'Out-of-hours notice']);
    for (const template of templates) {
      expect(template).toMatchObject({ status: 'draft', brandId: 'brand_1', channelId: null, metrics: { sent: 0, read: 0, replied: 0 }, createdAt: NOW_ISO, updatedAt: NOW_ISO });
      expect(statusFieldViolations(template)).toEqual([]);
    }
  });

  it('writes drafts that parse as they are', () => {
    const templates = drafts({ brandId: 'brand_1', now: NOW });
    expect(parseMessages(templates)).toEqual({ ok: true, value: templates, issues: [] });
  });

  it('fails the publish requirements only for the channel the admin still has to pick', () => {
    for (const template of drafts({ brandId: 'brand_1', now: NOW })) {
      expect(checkPublishRequirements(template, workspace)).toEqual([expect.objectContaining({ code: 'channelNotSet', path: ['channelId'] })]);
    }
  });

  it('can be published at once on a preselected web or mobile channel', () => {
    for (const channelId of ['web_main', 'app_main']) {
      for (const template of drafts({ brandId: 'brand_1', channelId, now: NOW })) {
        expect(checkPublishRequirements(template, workspace)).toEqual([]);
        expect(publish(template, { workspace, now: NOW }).ok).toBe(true);
      }
    }
  });

  it('fails with invalidInstant for an invalid now (0.1 threw RangeError)', () => {
    expect(starterTemplates({ brandId: 'b', now: Number.NaN })).toEqual({ ok: false, issues: [expect.objectContaining({ code: 'invalidInstant', path: ['now'] })] });
  });

  it('fails with the issues of a brandId, channelId or ids that would not parse', () => {
    const result = starterTemplates({ brandId: '', channelId: 'c'.repeat(129), now: NOW, ids: ['x', 'y'] as unknown as [string, string, string] });
    expect(result).toMatchObject({
      ok: false,
      issues: [
        { code: 'tooSmall', path: ['brandId'] },
        { code: 'tooBig', path: ['channelId'] },
        { code: 'tooSmall', path: ['ids'], params: { minimum: 3, unit: 'items' } },
      ],
    });
  });

  it('refuses ids that repeat: three drafts with one id cannot all join the list', () => {
    const result = starterTemplates({ brandId: 'b', now: NOW, ids: ['x', 'y', 'x'] });
    expect(result).toMatchObject({ ok: false, issues: [{ code: 'duplicate', path: ['ids', 2] }] });
  });

  it('uses the ids given and builds fresh objects on each call', () => {
    const first = drafts({ brandId: 'b', now: NOW, ids: ['x', 'y', 'z'] });
    const second = drafts({ brandId: 'b', now: NOW, ids: ['x', 'y', 'z'] });
    expect(first.map((t) => t.id)).toEqual(['x', 'y', 'z']);
    expect(first).toEqual(second);
    expect(first[2]?.sendWindow).not.toBe(second[2]?.sendWindow);
  });

  it('covers the three send-window and response setups it documents', () => {
    const [welcome, pricing, outOfHours] = drafts({ brandId: 'b', now: NOW });
    expect(welcome?.conditions).toEqual({ all: [{ fact: 'visitorType', operator: 'equal', value: 'new' }] });
    expect(pricing?.trigger).toEqual({ event: 'timeOnPage', seconds: 30 });
    expect(outOfHours?.sendWindow.type).toBe('outsideBusinessHours');
    for (const template of [welcome, pricing, outOfHours]) expect(template?.response.type).toBe('agent');
  });
});
