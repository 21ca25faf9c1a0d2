// The 通报's self-score table: an 附件 only when units reported, numbered before the warnings list, the
// rows as the result lists them (largest difference first).
import { describe, expect, it } from 'vitest';
import { compareSelfScores } from '../evaluation/self-scores';
import type { TableBlock } from './model';
import { buildProvinceBulletin } from './province';
import { selfScoreAppendix } from './self-scores';
import { provinceFigures, Q3, source } from './testing/fixtures';

function bulletin(evaluation = source()) {
  return buildProvinceBulletin({
    province: { code: '410000', name: '河南省' },
    period: Q3,
    evaluation,
    figures: provinceFigures(),
    earlier: [],
    issuer: '河南省重点项目建设办公室',
    date: '2020-10-15',
    simulated: false,
  });
}

describe('bulletin self-score table', () => {
  it('is left out when no unit reported a self-score', () => {
    expect(selfScoreAppendix('附件3', 't', undefined)).toBeNull();
    expect(
      bulletin()
        .appendices.map((a) => a.title)
        .join(),
    ).not.toContain('自评分');
  });

  it('lists each reporting unit beside its verified score, largest difference first', () => {
    const evaluation = source();
    const [a, b] = evaluation.result.units;
    const selfScores = compareSelfScores(
      { ...evaluation.scheme, self_score: { required: false, indicators: false } },
      evaluation.result.units,
      [
        { unit: a!.code, points: Math.round(a!.adjusted) + 5, reportedBy: 'x' },
        { unit: b!.code, points: Math.round(b!.adjusted), reportedBy: 'y' },
      ],
    );
    const doc = bulletin({ ...evaluation, result: { ...evaluation.result, selfScores } });
    const appendix = doc.appendices.find((x) => x.title === '2020年第三季度各单位自评分与核定得分对比')!;
    expect(appendix).toBeDefined();
    expect(appendix.label).toBe(`附件${doc.appendices.indexOf(appendix) + 1}`);
    const table = appendix.blocks[0] as TableBlock;
    expect(table.rows.map((r) => r[0])).toEqual(selfScores.units.map((u) => u.name));
    expect(table.rows[0]![3]).toBe(`+${selfScores.units[0]!.total.difference!.toFixed(2)}`);
    expect(table.notes!.join()).toContain(`未报自评分的单位：${selfScores.missing.length} 个`);
  });
});
