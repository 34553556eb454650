import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Delivery } from '../../src/core/types.js';
import { decide, lawScenarioArb } from './helpers.js';

describe('law: frequency monotonicity — more history never adds an eligible message (cooldowns, snoozes, caps included)', () => {
  it('appending deliveries that are not on screen never adds a message to eligible', () => {
    let shrank = 0;
    const extra = fc.record({
      pick: fc.nat(),
      where: fc.constantFrom('thisViewDismissed', 'thisViewClosed', 'earlierView', 'earlierVisit'),
    });
    fc.assert(
      fc.property(lawScenarioArb(), fc.array(extra, { minLength: 1, maxLength: 3 }), (s, extras) => {
        if (s.messages.length === 0) return;
        const { visit, page } = s.visitor;
        const added: Delivery[] = extras.map(({ pick, where }) => ({
          messageId: (s.messages[pick % s.messages.length] as { id: string }).id,
          at: new Date(s.now).toISOString(),
          visitId: where === 'earlierVisit' ? `${visit.id}_before` : visit.id,
          pageViewId: where === 'earlierView' || where === 'earlierVisit' ? `${page.viewId}_before` : page.viewId,
          ...(where === 'thisViewDismissed' ? { dismissed: true } : where === 'thisViewClosed' ? { closed: true } : {}),
        }));
        const before = decide(s);
        const after = decide({ ...s, visitor: { ...s.visitor, deliveries: [...s.visitor.deliveries, ...added] } });
        for (const id of after.eligible) expect(before.eligible).toContain(id);
        // With cooldowns, snoozes, caps and periods too: held-out messages only go away.
        for (const id of after.heldOut) expect(before.heldOut).toContain(id);
        if (after.eligible.length < before.eligible.length) shrank += 1;
      }),
      { numRuns: 300 },
    );
    // Not vacuous: added history does cap messages.
    expect(shrank).toBeGreaterThan(20);
  });
});
