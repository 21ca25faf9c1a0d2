import { describe, expect, it } from 'vitest';
import { loadSchemeSync } from '../../schemes/load-scheme';
import { canonicalJson } from './canonical-json';
import { evaluate } from './engine';
import { DEFAULT_SEED, runSensitivity } from './sensitivity';
import { schemeWith, unitsOf } from './testing/builders';
import { syntheticUnits, syntheticValues } from './testing/synthetic-province';
import type { EvaluationInput } from './types';

const province: EvaluationInput = {
  scheme: loadSchemeSync('sibisikan-2020'),
  units: syntheticUnits(),
  values: syntheticValues(),
  context: { timeProgress: 0.75 },
  events: [{ unit: '410300', item: 'national_recognition', count: 2 }],
  adjustments: [{ unit: '410100', kind: 'penalty', points: 1, reason: '数据不实', author: '省重点办' }],
};

const ratio = { type: 'ratio_to_target', target: 1 } as const;
const twoIndicators = (bonus = false) =>
  schemeWith(
    [
      { id: 'x', name: 'X', metric: 'x', direction: 'higher_better', points: 50, rule: ratio },
      { id: 'y', name: 'Y', metric: 'y', direction: 'higher_better', points: 50, rule: ratio },
    ],
    bonus ? { bonus: { cap: 10, items: [{ id: 'award', name: '表彰', points_per_event: 5 }] } } : {},
  );

const ranksOf = (input: EvaluationInput) =>
  Object.fromEntries(evaluate(input).units.map((u) => [u.code, u.rank]));

describe('runSensitivity', () => {
  it('is deterministic for a seed', () => {
    const opts = { replications: 200, seed: 7, vary: { weights: 0.25, dropOne: true, adjustments: true } };
    const a = runSensitivity(province, opts);
    expect(canonicalJson(runSensitivity(province, opts))).toBe(canonicalJson(a));
    expect(canonicalJson(runSensitivity(province, { ...opts, seed: 8 }))).not.toBe(canonicalJson(a));
    expect(a.seed).toBe(7);
    expect(a.replications).toBe(200);
  });

  it('reports nominal ranks identical to evaluate()', () => {
    const res = runSensitivity(province, { replications: 10, vary: { weights: 0.25 } });
    const nominal = ranksOf(province);
    for (const u of res.units) expect(u.nominalRank).toBe(nominal[u.code]);
    expect(res.units.map((u) => u.code)).toEqual(evaluate(province).units.map((u) => u.code));
  });

  it('gives rank intervals that contain the median and a P(top 3) ≥ P(first)', () => {
    const res = runSensitivity(province, { replications: 300, vary: { weights: 0.25, dropOne: true } });
    for (const u of res.units) {
      expect(u.rankP5).toBeLessThanOrEqual(u.medianRank);
      expect(u.medianRank).toBeLessThanOrEqual(u.rankP95);
      expect(u.pTop3).toBeGreaterThanOrEqual(u.pFirst);
    }
    const firsts = res.units.filter((u) => u.group === 'city').reduce((s, u) => s + u.pFirst, 0);
    expect(firsts).toBeGreaterThanOrEqual(1);
  });

  it('gives a unit that dominates every indicator P(first) = 1', () => {
    const input: EvaluationInput = {
      scheme: twoIndicators(),
      units: unitsOf(['a', 'b', 'c']),
      values: { a: { x: 0.9, y: 0.95 }, b: { x: 0.6, y: 0.7 }, c: { x: 0.5, y: 0.3 } },
    };
    const res = runSensitivity(input, {
      replications: 300,
      vary: { weights: 0.25, dropOne: true, cap: [1.5] },
    });
    const a = res.units.find((u) => u.code === 'a')!;
    expect(a).toMatchObject({ nominalRank: 1, medianRank: 1, rankP5: 1, rankP95: 1, pFirst: 1, pTop3: 1 });
  });

  it('finds the input that drives the ranking: adjustments here, not weights', () => {
    // a leads b on both indicators (no weights can flip them); b's bonus of 5 flips them only when counted
    const input: EvaluationInput = {
      scheme: twoIndicators(true),
      units: unitsOf(['a', 'b', 'c']),
      values: { a: { x: 0.62, y: 0.6 }, b: { x: 0.6, y: 0.58 }, c: { x: 0.1, y: 0.1 } },
      events: [{ unit: 'b', item: 'award', count: 1 }],
    };
    const res = runSensitivity(input, {
      replications: 500,
      seed: 3,
      vary: { weights: 0.25, adjustments: true },
    });
    const by = Object.fromEntries(res.indices.map((ix) => [ix.factor, ix]));
    expect(by.adjustments!.total).toBeGreaterThan(0.9);
    expect(by.weights!.total).toBeLessThan(0.05);
    for (const ix of res.indices) {
      expect(ix.first).toBeGreaterThanOrEqual(-0.1);
      expect(ix.total).toBeLessThanOrEqual(1.1);
    }
  });

  it('finds the weights when the units split the indicators', () => {
    // a leads x, b leads y by the same margin: the weight ratio decides
    const input: EvaluationInput = {
      scheme: twoIndicators(true),
      units: unitsOf(['a', 'b']),
      values: { a: { x: 0.8, y: 0.6 }, b: { x: 0.6, y: 0.79 } },
      events: [{ unit: 'c', item: 'award', count: 1 }],
    };
    const res = runSensitivity(input, {
      replications: 500,
      seed: 5,
      vary: { weights: 0.25, adjustments: true, missingPolicy: true },
    });
    const top = [...res.indices].sort((p, q) => q.total - p.total)[0]!;
    expect(top.factor).toBe('weights');
    expect(res.indices.find((ix) => ix.factor === 'missingPolicy')!.total).toBe(0);
  });

  it('only produces rankings evaluate() gives for the varied missing-data policy', () => {
    const values = structuredClone(province.values);
    values['410300']!['key.newStartRate'] = null;
    values['410200']!['deals.bigShare'] = null;
    const input = { ...province, values };
    const zero = ranksOf({ ...input, options: { missingPolicy: 'zero' } });
    const mean = ranksOf({ ...input, options: { missingPolicy: 'group_mean' } });
    const res = runSensitivity(input, { replications: 100, vary: { missingPolicy: true } });
    for (const u of res.units) {
      expect([zero[u.code], mean[u.code]]).toContain(u.rankP5);
      expect([zero[u.code], mean[u.code]]).toContain(u.rankP95);
    }
  });

  it('reports leave-one-dimension-out ranks equal to evaluate() without that dimension', () => {
    const res = runSensitivity(province, { replications: 1, vary: {}, indices: false });
    expect(res.leaveOneDimensionOut.map((d) => d.dimension)).toEqual([
      'planning',
      'attraction',
      'progress',
      'service',
    ]);
    for (const d of res.leaveOneDimensionOut)
      expect(d.ranks).toEqual(ranksOf({ ...province, options: { dropDimensions: [d.dimension] } }));
  });

  it('varies the rule of chosen indicators and validates the alternatives', () => {
    const res = runSensitivity(province, {
      replications: 50,
      vary: { rules: { invest_rate: [{ type: 'relative_to_best' }, { type: 'min_max' }] } },
    });
    expect(res.factors).toEqual([{ id: 'rule:invest_rate', label: '"投资完成率"的计分规则', levels: 3 }]);
    expect(() => runSensitivity(province, { vary: { rules: { nope: [{ type: 'min_max' }] } } })).toThrow(
      '指标 nope 不在方案中',
    );
    expect(() =>
      runSensitivity(province, {
        vary: { rules: { invest_rate: [{ type: 'goalposts', lower: 1, upper: 1 }] } },
      }),
    ).toThrow();
  });
});

describe('runSensitivity: normalisation, aggregation, bootstrap intervals', () => {
  // Everyone beats the target: under ratio_to_target (cap 1) all tie; min_max separates them.
  const tiedOnTarget: EvaluationInput = {
    scheme: twoIndicators(),
    units: unitsOf(['a', 'b', 'c', 'd']),
    values: { a: { x: 2, y: 1.5 }, b: { x: 1.2, y: 1.1 }, c: { x: 1.6, y: 1.9 }, d: { x: 1.1, y: 1.05 } },
  };

  it('varies the normalisation of every indicator', () => {
    const res = runSensitivity(tiedOnTarget, {
      replications: 200,
      seed: 11,
      vary: { normalisation: ['min_max'] },
    });
    expect(res.factors).toEqual([{ id: 'normalisation', label: '标准化方法', levels: 2 }]);
    const byMinMax = ranksOf({
      ...tiedOnTarget,
      options: { ruleOverrides: { x: { type: 'min_max' }, y: { type: 'min_max' } } },
    });
    for (const u of res.units) {
      expect(u.nominalRank).toBe(1);
      expect([1, byMinMax[u.code]]).toContain(u.rankP95);
    }
    expect(res.units.some((u) => u.rankP95 > 1)).toBe(true);
    // The only factor: both estimates near 1 (estimates, so not exactly).
    expect(res.indices[0]!.total).toBeGreaterThan(0.7);
    expect(res.indices[0]!.first).toBeGreaterThan(0.7);
    expect(() => runSensitivity(tiedOnTarget, { vary: { normalisation: ['z_score' as 'min_max'] } })).toThrow(
      'normalisation 只能是 min_max、relative_to_best',
    );
  });

  it('varies the aggregation between the arithmetic and the geometric ranking', () => {
    // b is balanced, a strong on x and weak on y: the geometric mean punishes a.
    const input: EvaluationInput = {
      scheme: twoIndicators(),
      units: unitsOf(['a', 'b', 'c']),
      values: { a: { x: 1, y: 0.15 }, b: { x: 0.55, y: 0.55 }, c: { x: 0.1, y: 0.1 } },
    };
    const arith = ranksOf(input);
    const geo = ranksOf({ ...input, options: { aggregation: 'geometric' } });
    expect(arith).not.toEqual(geo);
    const res = runSensitivity(input, { replications: 200, seed: 4, vary: { aggregation: true } });
    expect(res.factors.map((f) => f.id)).toEqual(['aggregation']);
    for (const u of res.units) {
      expect([arith[u.code], geo[u.code]]).toContain(u.rankP5);
      expect([arith[u.code], geo[u.code]]).toContain(u.rankP95);
    }
    expect(res.units.find((u) => u.code === 'a')!.pFirst).toBeGreaterThan(0.3);
    expect(res.units.find((u) => u.code === 'a')!.pFirst).toBeLessThan(0.7);
  });

  it('gives bootstrap intervals without changing the indices, the same for a seed', () => {
    const opts = { replications: 300, seed: 7, vary: { weights: 0.25, dropOne: true, adjustments: true } };
    const withCi = runSensitivity(province, opts);
    const without = runSensitivity(province, { ...opts, bootstrap: 0 });
    expect(withCi.bootstrap).toEqual({ samples: 200, level: 0.95 });
    expect(without.bootstrap.samples).toBe(0);
    expect(without.indices.map((ix) => [ix.first, ix.total])).toEqual(
      withCi.indices.map((ix) => [ix.first, ix.total]),
    );
    expect(without.indices[0]!.firstCi).toBeUndefined();
    for (const ix of withCi.indices) {
      expect(ix.firstCi![0]).toBeLessThanOrEqual(ix.firstCi![1]);
      expect(ix.totalCi![0]).toBeLessThanOrEqual(ix.totalCi![1]);
      // The percentile interval of the resampled estimates brackets the estimate here.
      expect(ix.totalCi![0]).toBeLessThanOrEqual(ix.total + 1e-12);
      expect(ix.totalCi![1]).toBeGreaterThanOrEqual(ix.total - 1e-12);
    }
    expect(canonicalJson(runSensitivity(province, opts))).toBe(canonicalJson(withCi));
  });

  it('narrows the intervals with more replications', () => {
    const vary = { weights: 0.25, adjustments: true };
    const width = (n: number) => {
      const ix = runSensitivity(province, { replications: n, seed: 9, vary }).indices[0]!;
      return ix.totalCi![1] - ix.totalCi![0];
    };
    expect(width(800)).toBeLessThan(width(50));
  });

  it('uses the one default seed', () => {
    expect(runSensitivity(tiedOnTarget, { replications: 10, vary: { weights: 0.1 } }).seed).toBe(
      DEFAULT_SEED,
    );
    expect(DEFAULT_SEED).toBe(20201027);
  });
});
