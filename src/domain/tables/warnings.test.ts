import { describe, expect, it } from 'vitest';
import { cellText, columnHeader, type TableContext } from './columns';
import { alertText, WARNINGS_TABLE } from './warnings';

const zh: TableContext = { lang: 'zh-CN', regionName: (code) => `${code}`, today: '2020-10-08' };
const en: TableContext = { ...zh, lang: 'en' };
const row = {
  id: 1,
  code: 'L1',
  name: '项目L1',
  region: { code: '410322', name: '孟津县', kind: 'county' },
  level: 'red',
  alerts: [
    { kind: 'behind_time', level: 'red', value: -25, threshold: -20, message: '落后时序进度 25 个百分点' },
    { kind: 'no_report', level: 'yellow', value: 0, threshold: 0, message: '2020年9月月报未报送' },
  ],
};

describe('红黄绿灯 project table', () => {
  it('reads a row as the screen shows it, one warning a line, in either language', () => {
    const texts = (ctx: TableContext) => WARNINGS_TABLE.columns.map((c) => cellText(c, row, ctx));
    expect(WARNINGS_TABLE.columns.map((c) => columnHeader(c, 'zh-CN'))).toEqual([
      '灯',
      '项目',
      '所在地区',
      '预警及处理',
    ]);
    expect(texts(zh)).toEqual([
      '红灯',
      'L1 项目L1',
      '孟津县',
      '投资落后时序：落后时序进度 25 个百分点\n本月未报：2020年9月月报未报送',
    ]);
    expect(texts(en)).toEqual([
      'Red',
      'L1 项目L1',
      '孟津县',
      'Investment behind time progress (-25 points)\nNo report this month',
    ]);
  });

  it('words a warning counted in days', () => {
    const alert = { kind: 'not_started', value: 45, message: '逾期 45 天未开工' } as const;
    expect(alertText(alert, 'en')).toBe('Not started past the planned start (45 days)');
    expect(alertText(alert, 'zh-CN')).toBe('逾期未开工：逾期 45 天未开工');
  });
});
