import { describe, expect, it } from 'vitest';
import { cellText, cellValue, columnHeader, type TableColumn, type TableContext } from './columns';
import { APPROVAL_TABLE, PROJECT_TABLE } from './records';

const zh: TableContext = {
  lang: 'zh-CN',
  regionName: (code) => (code === '410322' ? '孟津县' : `${code}`),
  today: '2020-10-01',
};
const en: TableContext = { ...zh, lang: 'en' };
const amount: TableColumn<Record<string, unknown>> = {
  key: 'v',
  zh: '总投资',
  en: 'Total',
  kind: 'amount',
  width: 100,
};
const percent: TableColumn<Record<string, unknown>> = {
  key: 'v',
  zh: '完成率',
  en: 'Rate',
  kind: 'percent',
  width: 80,
};

describe('table columns shared by the screen and the Excel export', () => {
  it('states the unit in the header, in either language', () => {
    expect(columnHeader(amount, 'zh-CN')).toBe('总投资（万元）');
    expect(columnHeader(amount, 'en')).toBe('Total (CNY 10k)');
    expect(columnHeader(percent, 'zh-CN')).toBe('完成率（%）');
    expect(columnHeader({ zh: '地区', en: 'Region', kind: 'text' }, 'zh-CN')).toBe('地区');
  });

  it('shows amounts in 万元 with two decimals, exactly, half away from zero, from 元 decimal strings', () => {
    // 9 007 199 254 740 993 元 is past a double's integers: a float would read …0992.
    expect(cellText(amount, { v: '9007199254740993' }, zh)).toBe('900719925474.10');
    expect(cellText(amount, { v: '12345' }, zh)).toBe('1.23');
    expect(cellText(amount, { v: '12350' }, zh)).toBe('1.24');
    expect(cellText(amount, { v: '-12350' }, zh)).toBe('-1.24');
    expect(cellValue(amount, { v: '123456789' }, zh)).toBe(12345.68);
    expect(cellText(amount, { v: null }, zh)).toBe('—');
    expect(cellValue(amount, { v: null }, zh)).toBeNull();
  });

  it('rounds percentages with the one shared function (0.8145 → 81.5, never 81.4)', () => {
    expect(cellText(percent, { v: 0.8145 }, zh)).toBe('81.5');
    expect(cellValue(percent, { v: 0.8145 }, zh)).toBe(81.5);
  });

  it('shows a gap in signed percentage points (a minus sign on screen, a number in the sheet)', () => {
    const points: TableColumn<Record<string, unknown>> = { ...percent, kind: 'points', zh: '较时序进度' };
    expect(columnHeader(points, 'zh-CN')).toBe('较时序进度（百分点）');
    expect(cellText(points, { v: -0.05125 }, zh)).toBe('\u22125.1');
    expect(cellValue(points, { v: -0.05125 }, zh)).toBe(-5.1);
    expect(cellText(points, { v: 0.02349 }, zh)).toBe('+2.3');
    expect(cellText(points, { v: -0.0004 }, zh)).toBe('0.0');
    expect(cellValue(points, { v: -0.0004 }, zh)).toBe(0);
  });

  it('prints a score as published: two decimals, 89.995 → 90.00 (toFixed would say 89.99)', () => {
    const score: TableColumn<Record<string, unknown>> = { ...percent, kind: 'score', zh: '总分' };
    expect(columnHeader(score, 'zh-CN')).toBe('总分');
    expect(cellText(score, { v: 89.995 }, zh)).toBe('90.00');
    expect(cellValue(score, { v: 89.995 }, zh)).toBe(90);
    expect(cellText(score, { v: 7.6 + 2.4 }, zh)).toBe('10.00');
  });

  it('words a project row and a ledger status as the screen does', () => {
    const row = {
      code: 'P1',
      regionCode: '410322',
      plannedStart: '2016-08-01',
      plannedCompletion: '2021-08-31',
      updatedAt: '2020-09-30T17:05:00.000Z',
      totalInvestment: '1000000',
    };
    const texts = PROJECT_TABLE.columns.map((column) => cellText(column, row, zh));
    expect(texts).toEqual([
      'P1',
      '—',
      '孟津县',
      '—',
      '—',
      '100.00',
      '2016年8月 – 2021年8月',
      '2020-10-01 01:05',
    ]);
    expect(cellText(PROJECT_TABLE.columns[6]!, row, en)).toBe('Aug 2016 – Aug 2021');
    const status = APPROVAL_TABLE.columns.at(-1)!;
    expect(cellText(status, { dueDate: '2020-09-30', doneDate: null }, zh)).toBe('已超期');
    expect(cellText(status, { dueDate: '2020-10-01', doneDate: null }, en)).toBe('Open');
    expect(cellText(status, { dueDate: '2020-09-30', doneDate: '2020-10-05' }, zh)).toBe('已办结');
  });
});
