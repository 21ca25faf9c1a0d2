import { describe, expect, it } from 'vitest';
import { cellText, type TableContext } from './columns';
import { sortUnitRows, UNITS_TABLE, unitRows } from './dashboard-units';

const zh: TableContext = { lang: 'zh-CN', regionName: (code) => `${code}`, today: '2020-10-08' };
const unit = (code: string, name: string, rate: number | null, ytd: string, gap: number | null) => ({
  region: { code, name, kind: 'county' },
  metrics: { 'key.projectCount': 2, 'key.investYtd': ytd, 'key.investRate': rate },
  gap,
});
const rows = unitRows({
  children: [
    unit('410311', '洛龙区', 0.5, '500000000', -0.25),
    unit('410322', '孟津县', 0.9, '123456789', 0.15),
    unit('410323', '新安县', null, '0', null),
    unit('410324', '栾川县', 0.5, '700000000', -0.25),
  ],
  lagging: ['410311'],
});

describe('驾驶舱 units table', () => {
  it('ranks by investment completion (ties share a place, no target last) and reads as the screen', () => {
    expect(rows.map((row) => [row.code, row.rank])).toEqual([
      ['410322', 1],
      ['410311', 2],
      ['410324', 2],
      ['410323', null],
    ]);
    expect(UNITS_TABLE.columns.map((column) => cellText(column, rows[1]!, zh))).toEqual([
      '2',
      '洛龙区 滞后',
      '2',
      '50000.00',
      '50.0',
      '\u221225.0',
      '—',
      '—',
    ]);
  });

  it('sorts as the screen sorts a column, absent values last either way', () => {
    const codes = (sort?: string) => sortUnitRows(rows, sort).map((row) => row.code);
    expect(codes()).toEqual(['410322', '410311', '410324', '410323']);
    expect(codes('investYtd')).toEqual(['410323', '410322', '410311', '410324']);
    expect(codes('-investYtd')).toEqual(['410324', '410311', '410322', '410323']);
    expect(codes('gap')).toEqual(['410311', '410324', '410322', '410323']);
    expect(codes('-gap')).toEqual(['410322', '410311', '410324', '410323']);
    expect(codes('-name')).toEqual(['410324', '410323', '410322', '410311']);
    expect(codes('bogus')).toEqual(codes());
  });
});
