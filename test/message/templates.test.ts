import { describe, expect, it } from 'vitest';
import { STARTER_TEMPLATE_IDS, checkPublishRequirements, publish, starterTemplates } from '../../src/message/index.js';
import { NOW, NOW_ISO, statusFieldViolations, workspace } from './fixtures.js';

describe('starterTemplates', () => {
  it('returns three drafts of the brand with fresh metrics, stamped with now', () => {
    const templates = starterTemplates({ brandId: 'brand_1', now: NOW });
    expect(templates.map((t) => t.id)).toEqual([...STARTER_TEMPLATE_IDS]);
    expect(templates.map((t) => t.name)).toEqual(['Welcome new visitors', 'Help on the pricing page', 'Out-of-hours notice']);
    for (const template of templates) {
      expect(template).toMatchObject({ status: 'draft', brandId: 'brand_1', channelId: null, metrics: { sent: 0, read: 0, replied: 0 }, createdAt: NOW_ISO, updatedAt: NOW_ISO });
      expect(statusFieldViolations(template)).toEqual([]);
    }
  });

  it('fails the publish requirements only for the channel the admin still has to pick', () => {
    for (const template of starterTemplates({ brandId: 'brand_1', now: NOW })) {
      expect(checkPublishRequirements(template, workspace)).toEqual([expect.objectContaining({ code: 'channelNotSet', path: ['channelId'] })]);
    }
  });

  it('can be published at once on a preselected web or mobile channel', () => {
    for (const channelId of ['web_main', 'app_main']) {
      for (const template of starterTemplates({ brandId: 'brand_1', channelId, now: NOW })) {
        expect(checkPublishRequirements(template, workspace)).toEqual([]);
        expect(publish(template, workspace, NOW).ok).toBe(true);
      }
    }
  });

  it('throws RangeError for an invalid now (a programmer error)', () => {
    expect(() => starterTemplates({ brandId: 'b', now: Number.NaN })).toThrow(RangeError);
  });

  it('uses the ids given and builds fresh objects on each call', () => {
    const first = starterTemplates({ brandId: 'b', now: NOW, ids: ['x', 'y', 'z'] });
    const second = starterTemplates({ brandId: 'b', now: NOW, ids: ['x', 'y', 'z'] });
    expect(first.map((t) => t.id)).toEqual(['x', 'y', 'z']);
    expect(first).toEqual(second);
    expect(first[2]?.sendWindow).not.toBe(second[2]?.sendWindow);
  });

  it('covers the three send-window and response setups it documents', () => {
    const [welcome, pricing, outOfHours] = starterTemplates({ brandId: 'b', now: NOW });
    expect(welcome?.conditions).toEqual({ all: [{ fact: 'visitorType', operator: 'equal', value: 'new' }] });
    expect(pricing?.trigger).toEqual({ event: 'timeOnPage', seconds: 30 });
    expect(outOfHours?.sendWindow.type).toBe('outsideBusinessHours');
    for (const template of [welcome, pricing, outOfHours]) expect(template?.response.type).toBe('agent');
  });
});
