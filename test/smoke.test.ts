import { describe, expect, it } from 'vitest';
import { toEpochMs } from '../src/index.js';

describe('toEpochMs', () => {
  it('accepts a Date or epoch milliseconds and returns the same instant', () => {
    expect(toEpochMs(new Date('2026-11-23T10:00:00Z'))).toBe(Date.UTC(2026, 10, 23, 10));
    expect(toEpochMs(5)).toBe(5);
  });
});
