import { describe, expect, it } from 'vitest';
import { compileSchedule, isOpen, nextChange } from '../../src/index.js';
import type { Schedule } from '../../src/index.js';
import data from './vectors.json' with { type: 'json' };

interface Vector {
  readonly name: string;
  readonly why: string;
  readonly schedule: Schedule;
  readonly at: string;
  readonly open: boolean;
  readonly next: string | null;
}

const vectors = data.vectors as unknown as readonly Vector[];

describe('schedule vectors (schedule × instant, worked out by hand)', () => {
  it.each(vectors.map((v) => [v.name, v] as const))('%s', (_name, v) => {
    const at = Date.parse(v.at);
    expect(isOpen(v.schedule, at)).toStrictEqual({ ok: true, value: v.open });
    expect(nextChange(v.schedule, new Date(at))).toStrictEqual({ ok: true, value: v.next === null ? null : Date.parse(v.next) });
    // The same instant as an ISO string (with its offset) gives the same answer.
    expect(isOpen(v.schedule, v.at)).toStrictEqual({ ok: true, value: v.open });
    // A fresh compile (no cached stretch) agrees, and the flip really happens at `next`.
    const fresh = compileSchedule(structuredClone(v.schedule));
    expect(fresh.ok).toBe(true);
    if (!fresh.ok || v.next === null) return;
    const next = Date.parse(v.next);
    expect(fresh.value.isOpen(next - 1)).toBe(v.open);
    expect(fresh.value.isOpen(next)).toBe(!v.open);
  });
});
