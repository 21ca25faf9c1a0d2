// Rates are rounded by one function on both sides (issue 15). Before, the web used toFixed on the
// binary value (0.6785 → "67.8%", -0.00045 → "-0.0%") and the server Math.round after scaling
// (0.6785 → "67.9%", but 1.005 → "1.00" and 0.01005 → "1.00%"): x.xx5 whose double lies just below
// the half came out differently on each side, or wrong on both.
import { describe, expect, it } from 'vitest';
import { formatPercent as webPercent, roundHalfAway as webRound } from '../../web/src/format';
import { formatPercent as serverPercent } from './format';
import { formatPercent, roundHalfAway } from './rounding';

describe('roundHalfAway', () => {
  it('rounds the decimal text half away from zero, not the binary double', () => {
    expect(roundHalfAway(1.005, 2)).toBe('1.01'); // 1.00499999999999989…
    expect(roundHalfAway(1.255, 2)).toBe('1.26');
    expect(roundHalfAway(0.125, 2)).toBe('0.13');
    expect(roundHalfAway(81.45, 1)).toBe('81.5');
    expect(roundHalfAway(2.5, 0)).toBe('3');
    expect(roundHalfAway(1.004999, 2)).toBe('1.00');
  });

  it('rounds negatives away from zero and never shows "-0"', () => {
    expect(roundHalfAway(-1.005, 2)).toBe('-1.01');
    expect(roundHalfAway(-2.5, 0)).toBe('-3');
    expect(roundHalfAway(-0.04, 1)).toBe('0.0');
    expect(roundHalfAway(-0.05, 1)).toBe('-0.1');
    expect(roundHalfAway(-0, 2)).toBe('0.00');
  });

  it('handles zero, integers, large and tiny values', () => {
    expect(roundHalfAway(0, 1)).toBe('0.0');
    expect(roundHalfAway(0, 0)).toBe('0');
    expect(roundHalfAway(42, 2)).toBe('42.00');
    expect(roundHalfAway(123456789.125, 2)).toBe('123456789.13');
    expect(roundHalfAway(1e21, 1)).toBe('1000000000000000000000.0');
    expect(roundHalfAway(1.5e-7, 2)).toBe('0.00');
    expect(roundHalfAway(0.9690000000001, 3)).toBe('0.969');
  });
});

describe('percentages agree between the server and the web', () => {
  const rates = [
    0.6785, 0.2345, 0.0115, 0.5005, 0.00045, 0.8145, 0.01005, 0.0125, 0.96901, 0.5, 1, 0, -0.0125, -0.00045,
    -0, 0.123455, 2.00005, 0.0001,
  ];
  it.each(rates)('%s', (rate) => {
    for (const digits of [0, 1, 2]) {
      const shown = formatPercent(rate, digits);
      expect(webPercent(rate, digits)).toBe(shown);
      expect(serverPercent(rate, digits)).toBe(shown);
    }
  });

  it('shows the tricky cases as a reader computes them by hand', () => {
    expect(formatPercent(0.6785)).toBe('67.9%'); // the web's toFixed gave 67.8%
    expect(formatPercent(0.2345)).toBe('23.5%'); // the web's toFixed gave 23.4%
    expect(formatPercent(0.01005, 2)).toBe('1.01%'); // both sides gave 1.00%
    expect(formatPercent(-0.0125, 1)).toBe('-1.3%');
    expect(formatPercent(-0.00045, 1)).toBe('0.0%'); // the web's toFixed gave -0.0%
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(undefined)).toBe('—');
    expect(formatPercent(Number.NaN)).toBe('—');
    expect(webRound).toBe(roundHalfAway);
  });
});
