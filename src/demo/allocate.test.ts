import { describe, expect, it } from 'vitest';
import { cumulativeCounts, largestRemainder, scaleToSum } from './allocate.js';

describe('exact allocation', () => {
  it('splits a total by largest remainder', () => {
    expect(largestRemainder([1, 1, 1], 10)).toEqual([4, 3, 3]);
    expect(largestRemainder([0.2, 0.26, 0.26], 254).reduce((a, b) => a + b, 0)).toBe(254);
    expect(largestRemainder([0, 0], 3)).toEqual([3, 0]);
  });

  it('turns cumulative shares into non-decreasing counts', () => {
    expect(cumulativeCounts([0.3, 0.2, 0.9, 1.2], 10)).toEqual([3, 3, 9, 10]);
  });

  it('scales to an exact sum within bounds', () => {
    const out = scaleToSum([5, 50, 500, 5_000], 4_321, 10, 3_000);
    expect(out.reduce((a, b) => a + b, 0)).toBe(4_321);
    for (const v of out) {
      expect(v).toBeGreaterThanOrEqual(10);
      expect(v).toBeLessThanOrEqual(3_000);
    }
    expect(() => scaleToSum([1, 1], 100, 0, 10)).toThrow();
  });
});
