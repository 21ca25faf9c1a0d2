import { describe, expect, it } from 'vitest';
import { auditEvaluation } from './audit';
import { pearson, spearman } from './correlation';
import { evaluate } from './engine';
import { schemeWith, unitsOf } from './testing/builders';
import type { EvaluationInput, MetricValues } from './types';
import { weightReport } from './variance-shares';

const codes = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
const x = [10, 12, 11, 13, 12, 11, 10, 12, 11, 400];
const y = [5, 3, 4, 2, 6, 1, 7, 3, 2, 4];
const z = [9, 9, 9, 9, 9, 9, 9, 9, 9, 9];

function input(extra: Partial<EvaluationInput> = {}): EvaluationInput {
  const values: MetricValues = {};
  codes.forEach((c, u) => {
    values[c] = { x: x[u]!, y: u === 2 ? null : y[u]!, z: z[u]! };
  });
  return {
    scheme: schemeWith([
      { id: 'x', name: 'X', metric: 'x', direction: 'higher_better', points: 40, rule: { type: 'min_max' } },
      { id: 'y', name: 'Y', metric: 'y', direction: 'lower_better', points: 40, rule: { type: 'min_max' } },
      { id: 'z', name: 'Z', metric: 'z', direction: 'higher_better', points: 20, rule: { type: 'min_max' } },
    ]),
    units: unitsOf(codes),
    values,
    ...extra,
  };
}

describe('auditEvaluation', () => {
  const result = evaluate(input());
  const audit = auditEvaluation(result);
  const group = audit.groups[0]!;
  const ranked = group.indicators.map((_, k) =>
    result.groups[0]!.ranking.map((code) => result.units.find((u) => u.code === code)!.indicators[k]!),
  );

  it('reports one audit per ranked group, with the weight report of the result', () => {
    expect(audit.groups.map((g) => g.group)).toEqual(['city']);
    expect(group.units).toBe(10);
    expect(group.weights).toEqual(weightReport(result)[0]!.rows);
    expect(group.weights.reduce((s, w) => s + (w.effective ?? 0), 0)).toBeCloseTo(1, 12);
  });

  it('correlates scores, and reported values without the missing one', () => {
    const scores = ranked.map((col) => col.map((i) => i.score));
    expect(group.scores.pearson[0]![1]).toBeCloseTo(pearson(scores[0]!, scores[1]!)!, 14);
    expect(group.scores.spearman[0]![1]).toBeCloseTo(spearman(scores[0]!, scores[1]!)!, 14);
    // z is constant: no correlation, not NaN.
    expect(group.scores.pearson[2]).toEqual([null, null, null]);
    // On reported values lower_better y keeps its sign; the unit without y is left out of the pair.
    const vx = ranked[0]!.map((i) => (i.missing ? null : i.value));
    const vy = ranked[1]!.map((i) => (i.missing ? null : i.value));
    expect(vy.filter((v) => v === null)).toHaveLength(1);
    expect(group.values.pearson[0]![1]).toBeCloseTo(pearson(vx, vy)!, 14);
    expect(group.scores.pearson[0]![1]).not.toBeCloseTo(group.values.pearson[0]![1]!, 3);
  });

  it('correlates each indicator with the base total', () => {
    const totals = result.groups[0]!.ranking.map((code) => result.units.find((u) => u.code === code)!.base);
    expect(group.withTotal[0]!.pearson).toBeCloseTo(
      pearson(
        ranked[0]!.map((i) => i.score),
        totals,
      )!,
      14,
    );
    expect(group.withTotal[2]!.spearman).toBeNull();
  });

  it('flags the skewed indicator and names the unit winsorisation clips', () => {
    const [ox, oy, oz] = group.outliers;
    expect(ox!.outlying).toBe(true);
    expect(ox!.skewness).toBeGreaterThan(2);
    expect(ox!.kurtosis).toBeGreaterThan(3.5);
    expect(ox!.units).toEqual([{ code: 'j', name: '单位j', value: 400 }]);
    expect(ox!.winsorisable).toBe(true);
    expect(ox!.treatment).toBe('none');
    expect(ox!.applied).toBe('none');
    expect(oy!.n).toBe(9);
    expect(oy!.outlying).toBe(false);
    expect(oy!.units).toEqual([]);
    expect(oz!.skewness).toBeNull();
  });

  it('says what a declared treatment does', () => {
    const treated = auditEvaluation(result, { treatment: () => ({ treatment: 'winsorise', winmax: 5 }) });
    expect(treated.groups[0]!.outliers[0]!.applied).toBe('winsorised');
    expect(treated.groups[0]!.outliers[1]!.applied).toBe('none');
  });
});
