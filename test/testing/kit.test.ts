import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConditionNode, Message } from '../../src/core/types.js';
import { FACTS, LIMITS, METADATA_FACT, operatorsFor, parseConditions, type FactSignature } from '../../src/index.js';
import {
  KIT_NOW_MS,
  conditionLeafArb,
  conditionTreeArb,
  factsVisitorArb,
  isWithinTreeLimits,
  treeShape,
  dstTransitions,
  instantNearDstArb,
  messageArb,
  messageListArb,
  scenarioArb,
  scenarioAt,
  scheduleArb,
  visitorArb,
  zoneOffsetMinutes,
} from '../../src/testing/index.js';

// ©, ® and ™ are pictographic in Unicode but plain-text symbols for the parser unless U+FE0F follows.
const EMOJI = /[\p{Extended_Pictographic}\p{Emoji_Presentation}\uFE0F\u20E3]/u;
const hasEmoji = (text: string) => EMOJI.test(text.replace(/[\u00A9\u00AE\u2122](?!\uFE0F)/gu, ''));
const iso = (ms: number) => new Date(ms).toISOString();

/** Independent recursive measure of a tree (the kit's own `treeShape` is iterative). */
function measure(node: ConditionNode, groupsAbove = 0): { depth: number; leaves: number; nested: boolean } {
  if ('not' in node) {
    const inner = measure(node.not, groupsAbove);
    return { ...inner, depth: inner.depth + 1 };
  }
  if ('all' in node || 'any' in node) {
    const children = 'all' in node ? node.all : node.any;
    expect(children.length).toBeGreaterThan(0);
    const parts = children.map((c) => measure(c, groupsAbove + 1));
    return {
      depth: 1 + Math.max(...parts.map((p) => p.depth)),
      leaves: parts.reduce((s, p) => s + p.leaves, 0),
      nested: groupsAbove > 0 || parts.some((p) => p.nested),
    };
  }
  return { depth: 1, leaves: 1, nested: false };
}

describe('messageArb', () => {
  it('keeps status fields consistent with the status', () => {
    fc.assert(
      fc.property(messageArb(), (m) => {
        expect(m.pauseReason !== undefined).toBe(m.status === 'paused');
        expect(m.errorReasons !== undefined).toBe(m.status === 'error');
        expect(m.publishedAt !== undefined).toBe(m.status !== 'draft');
        if (m.channelId === null) expect(m.status).toBe('draft');
        if (m.pauseReason === 'automatedResolutionLimit') expect(m.response.type).toBe('aiAgent');
        expect(Date.parse(m.createdAt)).toBeLessThanOrEqual(Date.parse(m.updatedAt));
        expect(Date.parse(m.updatedAt)).toBeLessThanOrEqual(KIT_NOW_MS);
        if (m.publishedAt !== undefined) {
          expect(Date.parse(m.createdAt)).toBeLessThanOrEqual(Date.parse(m.publishedAt));
          expect(Date.parse(m.publishedAt)).toBeLessThanOrEqual(Date.parse(m.updatedAt));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('covers every status, response type, trigger, window and frequency, and null channels in drafts', () => {
    const seen = new Set<string>();
    for (const m of fc.sample(messageArb(), { numRuns: 1_000, seed: 7 })) {
      seen.add(`status:${m.status}`).add(`response:${m.response.type}`).add(`trigger:${m.trigger.event}`);
      seen.add(`window:${m.sendWindow.type}`).add(`frequency:${m.frequency}`);
      if (m.channelId === null) seen.add('nullChannel');
      if (m.conditions !== null) seen.add('conditions');
    }
    for (const key of ['draft', 'live', 'paused', 'error']) expect(seen).toContain(`status:${key}`);
    for (const key of ['response:agent', 'response:aiAgent', 'trigger:pageLoad', 'trigger:timeOnPage', 'window:anytime', 'window:businessHours', 'window:outsideBusinessHours', 'frequency:once', 'frequency:oncePerVisit', 'frequency:everyTime', 'nullChannel', 'conditions']) {
      expect(seen).toContain(key);
    }
  });

  it('never puts emoji in agent text; AI-agent text sometimes has them', () => {
    let aiWithEmoji = 0;
    for (const m of fc.sample(messageArb(), { numRuns: 1_000, seed: 3 })) {
      if (m.response.type === 'agent') {
        expect(hasEmoji(m.response.text)).toBe(false);
        if (m.response.followUp !== undefined) expect(hasEmoji(m.response.followUp)).toBe(false);
      } else if (hasEmoji(m.response.text)) aiWithEmoji += 1;
    }
    expect(aiWithEmoji).toBeGreaterThan(50);
  });

  it('generates normalized tags: lower-case, no whitespace, no duplicates', () => {
    fc.assert(
      fc.property(messageArb(), (m) => {
        expect(new Set(m.tags).size).toBe(m.tags.length);
        for (const tag of m.tags) {
          expect(tag).toBe(tag.normalize('NFC').toLowerCase());
          expect(tag).not.toMatch(/\s/);
          expect(tag.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('honours status, channelId, frequency and window options', () => {
    fc.assert(
      fc.property(messageArb({ status: 'live', channelId: 'web_help', frequency: 'once', sendWindow: 'businessHours' }), (m) => {
        expect([m.status, m.channelId, m.frequency, m.sendWindow.type]).toEqual(['live', 'web_help', 'once', 'businessHours']);
      }),
      { numRuns: 100 },
    );
  });

  it('messageListArb numbers ids msg_1, msg_2, …', () => {
    fc.assert(
      fc.property(messageListArb({ maxLength: 10 }), (list: Message[]) => {
        expect(list.map((m) => m.id)).toEqual(list.map((_, i) => `msg_${i + 1}`));
      }),
      { numRuns: 100 },
    );
  });
});

describe('conditionTreeArb', () => {
  it('stays within depth 10 and the leaf bound, never has empty groups, and respects the nesting rule', () => {
    let deepest = 0;
    let smallGroups = 0;
    let bigNested = 0;
    fc.assert(
      fc.property(conditionTreeArb({ maxLeaves: 50 }), (tree) => {
        const { depth, leaves, nested } = measure(tree);
        expect(depth).toBeLessThanOrEqual(10);
        expect(leaves).toBeLessThanOrEqual(50);
        if (leaves <= 2) expect(nested).toBe(false);
        deepest = Math.max(deepest, depth);
        if (leaves <= 2 && ('all' in tree || 'any' in tree)) smallGroups += 1;
        if (leaves >= 3 && nested) bigNested += 1;
      }),
      { numRuns: 1_000, seed: 11 },
    );
    expect(deepest).toBe(10);
    expect(smallGroups).toBeGreaterThan(20);
    expect(bigNested).toBeGreaterThan(100);
  });

  it('honours maxDepth and maxLeaves', () => {
    fc.assert(
      fc.property(conditionTreeArb({ maxDepth: 3, maxLeaves: 4 }), (tree) => {
        const { depth, leaves } = measure(tree);
        expect(depth).toBeLessThanOrEqual(3);
        expect(leaves).toBeLessThanOrEqual(4);
      }),
      { numRuns: 300 },
    );
  });

  it('nestingRule: false also gives nested groups with fewer than three leaves (trees only the compiler takes)', () => {
    let smallNested = 0;
    for (const tree of fc.sample(conditionTreeArb({ nestingRule: false }), { numRuns: 1_000, seed: 13 })) {
      const { depth, leaves, nested } = measure(tree);
      expect(depth).toBeLessThanOrEqual(LIMITS.conditionDepth);
      if (nested && leaves < LIMITS.nestingMinLeaves) {
        smallNested += 1;
        expect(isWithinTreeLimits(tree)).toBe(false);
        const parsed = parseConditions(tree);
        expect(!parsed.ok && parsed.issues.map((i) => i.code)).toEqual(['nestingNotAllowed']);
      } else {
        expect(isWithinTreeLimits(tree)).toBe(true);
      }
    }
    expect(smallNested).toBeGreaterThan(20);
  });

  it('treeShape agrees with an independent recursive measure', () => {
    fc.assert(
      fc.property(conditionTreeArb({ nestingRule: false, maxLeaves: 50 }), (tree) => {
        const shape = treeShape(tree);
        const { depth, leaves, nested } = measure(tree);
        expect([shape.depth, shape.leaves, shape.nestedGroup]).toEqual([depth, leaves, nested]);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves out metadata facts when asked (mobile-SDK channels)', () => {
    const facts = (n: ConditionNode): string[] =>
      'all' in n ? n.all.flatMap(facts) : 'any' in n ? n.any.flatMap(facts) : 'not' in n ? facts(n.not) : [n.fact];
    fc.assert(fc.property(conditionTreeArb({ metadata: false }), (tree) => facts(tree).every((f) => !f.startsWith('metadata.'))), { numRuns: 300 });
  });
});

describe('conditionLeafArb', () => {
  it('covers every fact of FACTS (and metadata) with every operator its kind allows, read from the tables', () => {
    const seen = new Set<string>();
    for (const leaf of fc.sample(conditionLeafArb(), { numRuns: 5_000, seed: 17 })) {
      const fact = leaf.fact.startsWith('metadata.') ? 'metadata.*' : leaf.fact;
      seen.add(`${fact} ${leaf.operator}`);
    }
    const expected = [
      ...Object.entries(FACTS).flatMap(([fact, signature]) => operatorsFor((signature as FactSignature).kind).map((op) => `${fact} ${op}`)),
      ...operatorsFor(METADATA_FACT.kind).map((op) => `metadata.* ${op}`),
    ];
    expect([...seen].sort()).toEqual(expected.sort());
  });

  it('never gives metadata leaves with metadata: false', () => {
    fc.assert(fc.property(conditionLeafArb({ metadata: false }), (leaf) => !leaf.fact.startsWith('metadata.')), { numRuns: 500 });
  });
});

describe('factsVisitorArb', () => {
  it('places the visitor around now (a little clock skew included), with no history', () => {
    const now = Date.parse('2026-03-29T00:30:00Z');
    let skewed = 0;
    fc.assert(
      fc.property(factsVisitorArb({ now }), (v) => {
        const entered = Date.parse(v.page.enteredAt);
        expect(entered).toBeLessThanOrEqual(now + 3_000);
        expect(entered).toBeGreaterThanOrEqual(now - 70_000);
        expect(Date.parse(v.visit.startedAt)).toBeLessThanOrEqual(entered);
        expect(v.deliveries).toEqual([]);
        if (entered > now) skewed += 1;
      }),
      { numRuns: 500 },
    );
    expect(skewed).toBeGreaterThan(5);
  });

  it('gives metadata own keys __proto__ / constructor only when asked', () => {
    const hostile = (v: { metadata?: object }) => v.metadata !== undefined && (Object.hasOwn(v.metadata, '__proto__') || Object.hasOwn(v.metadata, 'constructor'));
    expect(fc.sample(factsVisitorArb(), { numRuns: 500, seed: 1 }).some(hostile)).toBe(false);
    expect(fc.sample(factsVisitorArb({ hostileMetadataKeys: true }), { numRuns: 500, seed: 1 }).some(hostile)).toBe(true);
  });
});

describe('scheduleArb', () => {
  it('covers overnight intervals, whole days, several intervals a day, holidays and the DST zones', () => {
    const seen = new Set<string>();
    for (const s of fc.sample(scheduleArb(), { numRuns: 1_000, seed: 5 })) {
      seen.add(s.timezone);
      const perDay = new Map<string, number>();
      for (const w of s.weekly) {
        if (w.open === '00:00' && w.close === '24:00') seen.add('wholeDay');
        else if (w.close <= w.open) seen.add('overnight');
        perDay.set(w.day, (perDay.get(w.day) ?? 0) + 1);
      }
      if ([...perDay.values()].some((n) => n >= 2)) seen.add('severalPerDay');
      if (s.holidays.length > 0) seen.add('holidays');
      for (const h of s.holidays) expect(h.start <= h.end).toBe(true);
    }
    for (const key of ['wholeDay', 'overnight', 'severalPerDay', 'holidays', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham']) {
      expect(seen).toContain(key);
    }
  });
});

describe('DST instants', () => {
  // Hand-checked from the zones' rules: EU last Sunday of March/October at 01:00 UTC; US second
  // Sunday of March / first of November at 02:00 local; Lord Howe first Sunday of April/October at
  // 02:00 local (+11 → +10:30 and back); Chatham first Sunday of April at 03:45 and last Sunday of
  // September at 02:45 local.
  it.each([
    ['Europe/Berlin', ['2026-03-29T01:00:00.000Z', '2026-10-25T01:00:00.000Z']],
    ['America/New_York', ['2026-03-08T07:00:00.000Z', '2026-11-01T06:00:00.000Z']],
    ['Australia/Lord_Howe', ['2026-04-04T15:00:00.000Z', '2026-10-03T15:30:00.000Z']],
    ['Pacific/Chatham', ['2026-04-04T14:00:00.000Z', '2026-09-26T14:00:00.000Z']],
    ['Asia/Kathmandu', []],
  ])('dstTransitions(%s, 2026)', (zone, expected) => {
    expect(dstTransitions(zone, 2026, 2026).map(iso)).toEqual(expected);
  });

  it('zoneOffsetMinutes knows odd offsets', () => {
    expect(zoneOffsetMinutes('Asia/Kathmandu', KIT_NOW_MS)).toBe(345);
    expect(zoneOffsetMinutes('Pacific/Chatham', KIT_NOW_MS)).toBe(825);
    expect(zoneOffsetMinutes('Australia/Lord_Howe', KIT_NOW_MS)).toBe(660);
  });

  it('instantNearDstArb stays within the window of a transition', () => {
    const transitions = dstTransitions('America/New_York', 2025, 2027);
    fc.assert(
      fc.property(instantNearDstArb({ zones: ['America/New_York'], withinMs: 60_000 }), (at) =>
        transitions.some((t) => Math.abs(at - t) <= 60_000),
      ),
      { numRuns: 300 },
    );
  });
});

describe('visitorArb', () => {
  it('keeps timestamps at or before now, deliveries in order and naming the given messages', () => {
    const now = Date.parse('2026-03-29T00:30:00Z');
    fc.assert(
      fc.property(visitorArb({ now, channelId: 'web_main', messageIds: ['a', 'b'] }), (v) => {
        expect(v.channelId).toBe('web_main');
        const entered = Date.parse(v.page.enteredAt);
        expect(Date.parse(v.visit.startedAt)).toBeLessThanOrEqual(entered);
        expect(entered).toBeLessThanOrEqual(now);
        const onScreen = v.deliveries.filter((d) => d.visitId === v.visit.id && d.pageViewId === v.page.viewId && d.dismissed !== true && d.closed !== true);
        expect(onScreen.length).toBeLessThanOrEqual(1);
        const times = v.deliveries.map((d) => Date.parse(d.at));
        expect(times).toEqual([...times].sort((a, b) => a - b));
        for (const d of v.deliveries) {
          expect(['a', 'b']).toContain(d.messageId);
          expect(Date.parse(d.at)).toBeLessThanOrEqual(now);
          if (d.visitId === v.visit.id && d.pageViewId === v.page.viewId) expect(Date.parse(d.at)).toBeGreaterThanOrEqual(entered);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('produces realistic histories: on screen, dismissed, closed, earlier page views and earlier visits', () => {
    const seen = new Set<string>();
    for (const v of fc.sample(visitorArb(), { numRuns: 500, seed: 9 })) {
      for (const d of v.deliveries) {
        const here = d.visitId === v.visit.id && d.pageViewId === v.page.viewId;
        if (d.visitId !== v.visit.id) seen.add('earlierVisit');
        else if (!here) seen.add('earlierPageView');
        else if (d.dismissed === true) seen.add('dismissed');
        else if (d.closed === true) seen.add('closed');
        else seen.add('onScreen');
      }
      if (v.metadata !== undefined) seen.add('metadata');
      if (v.visit.number === 1) seen.add('new');
    }
    expect([...seen].sort()).toEqual(['closed', 'dismissed', 'earlierPageView', 'earlierVisit', 'metadata', 'new', 'onScreen']);
  });
});

describe('scenarioArb', () => {
  it('puts most messages on the visitor channel and names them in deliveries; scenarioAt keeps time on page', () => {
    let shared = 0;
    let total = 0;
    fc.assert(
      fc.property(scenarioArb(), fc.integer({ min: -1e10, max: 1e10 }), (s, shift) => {
        const ids = s.messages.map((m) => m.id);
        for (const m of s.messages) {
          total += 1;
          if (m.channelId === s.visitor.channelId) shared += 1;
        }
        for (const d of s.visitor.deliveries) expect(ids).toContain(d.messageId);
        const moved = scenarioAt(s, s.now + shift);
        expect(Date.parse(moved.visitor.page.enteredAt) - moved.now).toBe(Date.parse(s.visitor.page.enteredAt) - s.now);
      }),
      // A fixed seed: the share (≈ 0.56) is a count over a few hundred correlated scenarios.
      { numRuns: 300, seed: 17 },
    );
    expect(shared / total).toBeGreaterThan(0.5);
  });
});
