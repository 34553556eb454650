import { describe, expect, it } from 'vitest';
import { compileConditions, readFacts, type ConditionNode, type Visitor } from '../../src/index.js';
import { sharedLeafCount, sharedLeafId } from '../../src/conditions/shared.js';

const NOW = Date.parse('2026-11-23T10:00:45Z');

function visitorWith(language: string, url: string): Visitor {
  return {
    id: 'v',
    channelId: 'web',
    visit: { id: 'visit', number: 2, startedAt: '2026-11-23T09:58:00Z', pageViews: 3 },
    page: { viewId: 'pv', url, title: 'T', enteredAt: '2026-11-23T10:00:00Z' },
    language,
    inActiveConversation: false,
    deliveries: [],
  };
}

function compiled(tree: ConditionNode) {
  const r = compileConditions(tree);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe('shared leaves', () => {
  const german = { fact: 'language', operator: 'in', value: ['de'] } as const;
  // Two different trees with an identical leaf: it gets one shared id.
  const a = compiled({ all: [german, { fact: 'pageUrl', operator: 'containsAnyOf', value: ['/pricing'] }, { fact: 'visitCount', operator: 'greaterThan', value: 1 }] });
  const b = compiled({ any: [german, { fact: 'pageUrl', operator: 'startsWith', value: 'https://shop' }, { fact: 'visitCount', operator: 'equal', value: 9 }] });

  it('give identical leaves one id', () => {
    expect(sharedLeafId('language\u0000in\u0000["de"]')).toBe(sharedLeafId('language\u0000in\u0000["de"]'));
  });

  it('never carry a result from one visitor (facts object) to another', () => {
    const de = readFacts(visitorWith('de-DE', 'https://shop.example/pricing'), NOW);
    const en = readFacts(visitorWith('en-US', 'https://other.example/pricing'), NOW);
    expect([a.test(de), b.test(de)]).toEqual([true, true]);
    expect([a.test(en), b.test(en)]).toEqual([false, false]);
    // And again in the other order, on fresh facts.
    const en2 = readFacts(visitorWith('en-US', 'https://other.example/pricing'), NOW);
    const de2 = readFacts(visitorWith('de-DE', 'https://shop.example/pricing'), NOW);
    expect([b.test(en2), a.test(en2), b.test(de2), a.test(de2)]).toEqual([false, false, true, true]);
  });

  it('work with facts made before a leaf got its id', () => {
    const early = readFacts(visitorWith('fr', 'https://shop.example/'), NOW);
    const later = compiled({ all: [{ fact: 'language', operator: 'equal', value: 'fr' }, { fact: 'pageViews', operator: 'equal', value: 3 }] });
    expect(early.leafResults.length).toBeLessThan(sharedLeafCount());
    expect(later.test(early)).toBe(true);
  });

  it('stop handing out ids at the bound, and unshared leaves stay correct', () => {
    let last = 0;
    for (let i = 0; i < 3000; i += 1) last = sharedLeafId(`filler\u0000${i}`);
    expect(last).toBe(-1);
    expect(sharedLeafCount()).toBe(2048);
    const unshared = compiled({ all: [{ fact: 'language', operator: 'equal', value: 'es' }, { fact: 'pageViews', operator: 'lessThan', value: 9 }] });
    expect(unshared.test(readFacts(visitorWith('es-MX', 'x'), NOW))).toBe(true);
    expect(unshared.test(readFacts(visitorWith('pt', 'x'), NOW))).toBe(false);
  });
});
