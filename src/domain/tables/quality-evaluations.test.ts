import { describe, expect, it } from 'vitest';
import { cellText, cellValue, columnHeader, type TableContext } from './columns';
import { resultRows, resultsTable, tiedUnits } from './evaluations';
import { QUALITY_TABLE } from './quality';

const zh: TableContext = { lang: 'zh-CN', regionName: (code) => `${code}`, today: '2020-10-08' };
const en: TableContext = { ...zh, lang: 'en' };

describe('数据质量检查 findings table', () => {
  it('reads a finding as the screen lists it: severity, check, fact, and the fix below', () => {
    const finding = {
      projectCode: 'M1',
      projectName: '项目M1',
      month: 9,
      severity: 'error',
      check: 'cumulative_falling',
      message: '累计完成投资由 500.00 万元降为 480.00 万元',
      fix: '核对累计数，累计投资只增不减',
    };
    expect(QUALITY_TABLE.columns.map((c) => cellText(c, finding, zh))).toEqual([
      'M1 项目M1',
      '9月',
      '错误 累计投资减少：累计完成投资由 500.00 万元降为 480.00 万元\n处理：核对累计数，累计投资只增不减',
    ]);
    expect(QUALITY_TABLE.columns.map((c) => cellText(c, finding, en)).slice(1)).toEqual([
      'Month 9',
      'Errors Cumulative investment fell: 累计完成投资由 500.00 万元降为 480.00 万元\nFix: 核对累计数，累计投资只增不减',
    ]);
  });
});

describe('evaluation results table', () => {
  const unit = (code: string, group: string, rank: number, adjusted: number) => ({
    code,
    name: `单位${code}`,
    group,
    rank,
    dimensions: [
      { id: 'invest', name: '投资', points: 60, score: adjusted - 10.005 },
      { id: 'deals', name: '招商', points: 40, score: 10.005 },
    ],
    base: adjusted,
    bonus: { total: 1.5 },
    penalty: { total: 0 },
    adjusted,
  });
  const units = [
    unit('A', 'city', 2, 80),
    unit('B', 'city', 1, 90),
    unit('C', 'county', 1, 70),
    unit('D', 'city', 2, 80),
  ];
  const groups = [{ id: 'city' }, { id: 'county' }];
  const spec = resultsTable(units[0]!.dimensions, tiedUnits(units as never));

  it('heads the scheme dimensions with their points, after group, rank and unit', () => {
    expect(spec.columns.map((c) => columnHeader(c, 'zh-CN'))).toEqual([
      '组别',
      '名次',
      '单位',
      '投资（60）',
      '招商（40）',
      '基本分',
      '加分',
      '扣分',
      '总分',
    ]);
  });

  it('lists the groups in the scheme order, each by rank, ties marked, scores as published', () => {
    const rows = resultRows({ groups, units: units as never[] }) as typeof units;
    expect(rows.map((u) => u.code)).toEqual(['B', 'A', 'D', 'C']);
    const a = rows[1]!;
    expect(spec.columns.map((c) => cellText(c, a as never, zh))).toEqual([
      '省辖市（含济源示范区）',
      '2（并列）',
      '单位A',
      '70.00',
      '10.01',
      '80.00',
      '1.50',
      '0.00',
      '80.00',
    ]);
    expect(cellText(spec.columns[1]!, a as never, en)).toBe('2 (tied)');
    expect(cellValue(spec.columns[3]!, a as never, zh)).toBe(70);
    expect(
      resultRows({ groups, units: units as never[] }, 'county').map((u) => (u as { code: string }).code),
    ).toEqual(['C']);
  });
});
