// Self-scores beside the verified score: the difference per indicator and in total, largest first;
// a scheme or result without self-scores is the same JSON as before they existed.
import { describe, expect, it } from 'vitest';
import { contentHash } from './content-hash';
import { evaluate } from './engine';
import { parseScheme, type SchemeInput } from './scheme';
import { parseSelfScore } from './self-scores';
import type { EvaluationInput } from './types';

function scheme(extra: Partial<SchemeInput> = {}) {
  const indicator = (id: string, name: string, metric: string, points: number) => ({
    id,
    name,
    metric,
    direction: 'higher_better' as const,
    points,
    rule: { type: 'relative_to_best' as const },
  });
  return parseScheme({
    id: 'ss',
    version: '1',
    name: '自评',
    groups: ['city'],
    total: 20,
    dimensions: [
      {
        id: 'd',
        name: '进度',
        points: 20,
        indicators: [
          indicator('started', '已开工项目', 'key.newStarted', 12),
          indicator('reserve', '储备项目数', 'reserve.count', 8),
        ],
      },
    ],
    ...extra,
  });
}

const units = [
  { code: '410100', name: '郑州市', group: 'city' },
  { code: '410300', name: '洛阳市', group: 'city' },
  { code: '410800', name: '焦作市', group: 'city' },
];
// 郑州 best on both (20); 洛阳 half on both (6 + 4 = 10); 焦作 a quarter (3 + 2 = 5).
const values = {
  '410100': { 'key.newStarted': 8, 'reserve.count': 40 },
  '410300': { 'key.newStarted': 4, 'reserve.count': 20 },
  '410800': { 'key.newStarted': 2, 'reserve.count': 10 },
};
const input = (extra: Partial<EvaluationInput> = {}, s = scheme({ self_score: { indicators: true } })) => ({
  scheme: s,
  units,
  values,
  ...extra,
});

describe('self-scores', () => {
  it('are left out of a parsed scheme that does not declare them, and default when declared', () => {
    expect('self_score' in scheme()).toBe(false);
    expect(scheme({ self_score: {} }).self_score).toEqual({ required: false, indicators: false });
    expect(() => scheme({ self_score: { required: 'yes' } as never })).toThrow();
    expect(() => scheme({ self_score: { total: true } as never })).toThrow();
  });

  it('leave a result without self-scores as it was (same hash)', () => {
    const plain = evaluate(input({}, scheme()));
    const declared = evaluate(input());
    expect('selfScores' in declared).toBe(false);
    expect(contentHash(evaluate(input({ selfScores: [] }, scheme())))).toBe(contentHash(plain));
    // a scheme that does not declare self_score ignores any
    const ignored = evaluate(
      input({ selfScores: [{ unit: '410300', points: 9, reportedBy: 'c' }] }, scheme()),
    );
    expect(contentHash(ignored)).toBe(contentHash(plain));
  });

  it('lists each unit beside its verified score, largest difference first, with the unreported units', () => {
    const result = evaluate(
      input({
        selfScores: [
          // 洛阳 reports the total only: 12.5 against 10 verified → +2.5
          { unit: '410300', points: 12.5, reportedBy: 'luoyang' },
          // 郑州 reports both indicators: total 19.99 (sum) against 20 → −0.01
          { unit: '410100', indicator: 'started', points: 12, reportedBy: 'zz' },
          { unit: '410100', indicator: 'reserve', points: 7.99, reportedBy: 'zz2' },
        ],
      }),
    );
    const c = result.selfScores!;
    expect(c.units.map((u) => [u.code, u.total.self, u.total.verified, u.total.difference])).toEqual([
      ['410300', 12.5, 10, 2.5],
      ['410100', 19.99, 20, -0.01],
    ]);
    expect(c.units[1]!.indicators.map((l) => [l.indicator, l.self, l.verified, l.difference])).toEqual([
      ['reserve', 7.99, 8, -0.01],
      ['started', 12, 12, 0],
    ]);
    expect(c.units[1]!.reportedBy).toEqual(['zz', 'zz2']);
    expect(c.units[0]!.indicators).toEqual([]);
    expect(c.missing).toEqual(['410800']);
    expect(c).toMatchObject({ required: false, indicators: true });
  });

  it('has no total when only some indicators are reported and no total is', () => {
    const result = evaluate(
      input({ selfScores: [{ unit: '410800', indicator: 'started', points: 5, reportedBy: 'jz' }] }),
    );
    const row = result.selfScores!.units[0]!;
    expect(row.total).toMatchObject({ self: null, verified: 5, difference: null });
    expect(row.indicators[0]).toMatchObject({ indicator: 'started', verified: 3, difference: 2 });
  });

  it('parses a self-score exactly, 0 to the maximum, two decimals at most', () => {
    expect(parseSelfScore('85.5', 100)).toEqual({ ok: true, points: '85.50' });
    expect(parseSelfScore('８５．５', 100)).toEqual({ ok: true, points: '85.50' });
    expect(parseSelfScore(0, 100)).toEqual({ ok: true, points: '0.00' });
    expect(parseSelfScore('100', 100)).toEqual({ ok: true, points: '100.00' });
    expect(parseSelfScore('100.01', 100)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/满分 100/),
    });
    expect(parseSelfScore('-1', 100)).toMatchObject({ ok: false, reason: expect.stringMatching(/负数/) });
    expect(parseSelfScore('1.234', 100)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/两位小数/),
    });
    expect(parseSelfScore('abc', 100)).toMatchObject({ ok: false });
  });
});
