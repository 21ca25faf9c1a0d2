import { describe, expect, it } from 'vitest';
import type { CellValue } from './cells';
import { projectsSpec } from './columns/projects';
import { reportsSpec } from './columns/reports';
import { reserveSpec } from './columns/reserve';
import { detectHeader, type HeaderResult } from './header-detect';
import type { TableRow } from './read-table';

/** Rows 1, 2, 3… from arrays of cells; null skips a row (absent, as in a sparse sheet). */
function sheet(...rows: (CellValue[] | null)[]): TableRow[] {
  return rows.flatMap((cells, i) => (cells ? [{ row: i + 1, cells, formulas: [] }] : []));
}

const mapping = <T>(result: HeaderResult<T>) =>
  result.bindings.map((b) => `${b.index}:${b.column.field}:${b.unit}`);

const REQUIRED = ['项目代码', '项目名称', '地区代码', '建设性质'];
const noYear = { yearGiven: false };

describe('detectHeader', () => {
  it('skips title and blank rows above a one-row header', () => {
    const result = detectHeader(
      projectsSpec,
      sheet(
        ['2020年洛阳市重点项目台账'],
        null,
        [''],
        [...REQUIRED, '总投资(万元)'],
        ['2020-1', '甲', 410300, '续建', 5],
      ),
      noYear,
    );
    expect(result.headerRow).toBe(4);
    expect(result.problems).toEqual([]);
    expect(mapping(result)).toEqual([
      '0:code:万元',
      '1:name:万元',
      '2:regionCode:万元',
      '3:nature:万元',
      '4:totalInvestment:万元',
    ]);
  });

  it('does not take the first data row for a second header row', () => {
    const result = detectHeader(
      projectsSpec,
      sheet([...REQUIRED, '项目单位'], ['2020-1', '', 410300, '', '']),
      noYear,
    );
    expect(result.headerRow).toBe(1);
  });

  it('does not take a sparse first data row for the header, even with extra header columns', async () => {
    const result = detectHeader(
      projectsSpec,
      sheet(['序号', ...REQUIRED, '备注', '说明'], ['', '2020-1', '', '', '', '', '']),
      noYear,
    );
    expect(result.headerRow).toBe(1);
  });

  it('takes a units row under the header as part of the header', () => {
    const result = detectHeader(
      projectsSpec,
      sheet([...REQUIRED, '总投资', '年度计划投资'], ['', '', '', '', '亿元', '（万元）']),
      noYear,
    );
    expect(result.headerRow).toBe(2);
    expect(result.problems).toEqual([]);
    expect(mapping(result).slice(4)).toEqual(['4:totalInvestment:亿元', '5:annualTarget:万元']);
  });

  it('reads two-row headers whose parents are merged across (value in the first cell only)', () => {
    const result = detectHeader(
      projectsSpec,
      sheet(
        ['项目基本信息', '', '', '投资情况（万元）', '', '建设性质', '实际', ''],
        ['项目代码', '项目名称', '地区代码', '总投资', '年度计划投资', '', '开工日期', '竣工日期'],
      ),
      noYear,
    );
    expect(result.headerRow).toBe(2);
    expect(result.problems).toEqual([]);
    expect(result.bindings.map((b) => [b.header, b.column.field])).toEqual([
      ['项目代码', 'code'],
      ['项目名称', 'name'],
      ['地区代码', 'regionCode'],
      ['总投资', 'totalInvestment'],
      ['年度计划投资', 'annualTarget'],
      ['建设性质', 'nature'],
      ['实际开工日期', 'actualStart'],
      ['实际竣工日期', 'actualCompletion'],
    ]);
  });

  it('reads a header merged down over two rows (blank below it)', () => {
    const result = detectHeader(
      projectsSpec,
      sheet(['项目代码', '项目名称', '地区代码', '建设性质', '计划'], ['', '', '', '', '开工日期']),
      noYear,
    );
    expect(result.headerRow).toBe(2);
    expect(result.problems).toEqual([]);
    expect(result.bindings.map((b) => b.column.field)).toEqual([
      'code',
      'name',
      'regionCode',
      'nature',
      'plannedStart',
    ]);
  });

  it('takes a money unit from the parent header and converts, with a warning', () => {
    const result = detectHeader(
      projectsSpec,
      sheet([...REQUIRED, '投资情况（亿元）', ''], ['', '', '', '', '总投资', '年度计划投资（万元）']),
      noYear,
    );
    expect(result.problems).toEqual([]);
    expect(mapping(result).slice(4)).toEqual(['4:totalInvestment:亿元', '5:annualTarget:万元']);
    expect(result.warnings).toEqual(['「总投资」（E 列）的金额单位为亿元，已按亿元换算']);
  });

  it('takes a "单位：亿元" note above the header as the unit of amounts that declare none', () => {
    const result = detectHeader(
      projectsSpec,
      sheet(['重点项目表', '', '', '', '单位：亿元'], [...REQUIRED, '总投资', '年度计划投资(万元)']),
      noYear,
    );
    expect(mapping(result).slice(4)).toEqual(['4:totalInvestment:亿元', '5:annualTarget:万元']);
  });

  it('matches aliases and headers without their unit, in any order, and warns about extra columns', () => {
    const result = detectHeader(
      projectsSpec,
      sheet([
        '序号',
        '建设性质',
        '年度计划投资',
        '项目编码',
        '备注',
        '地区代码',
        '项目名称',
        '计划总投资（万元）',
      ]),
      noYear,
    );
    expect(result.problems).toEqual([]);
    expect(mapping(result)).toEqual([
      '1:nature:万元',
      '2:annualTarget:万元',
      '3:code:万元',
      '5:regionCode:万元',
      '6:name:万元',
      '7:totalInvestment:万元',
    ]);
    expect(result.warnings).toEqual(['已忽略未识别的列：序号（A 列）、备注（E 列）']);
  });

  it('reports a header in an unknown unit instead of misreading it', () => {
    const result = detectHeader(projectsSpec, sheet([...REQUIRED, '总投资（美元）']), noYear);
    expect(result.problems).toEqual([
      {
        row: 1,
        column: '总投资（美元）',
        value: '总投资（美元）',
        reason: '金额单位「美元」无法识别：应为万元（也接受亿元、元，按单位换算）',
      },
    ]);
  });

  it('reports missing required columns and duplicate headers', () => {
    const result = detectHeader(projectsSpec, sheet(['项目代码', '项目名称', '项目编码', '总投资']), noYear);
    expect(result.problems).toEqual([
      {
        row: 1,
        column: '项目编码',
        value: '项目编码',
        reason: '表头重复：「项目代码」出现在 A 列、C 列，只能有一列',
      },
      { row: 1, column: '地区代码', value: null, reason: '缺少必填列「地区代码」' },
      { row: 1, column: '建设性质', value: null, reason: '缺少必填列「建设性质」' },
    ]);
  });

  it('accepts a missing year column when the import is given a year', () => {
    const rows = sheet(['项目名称', '地区代码']);
    expect(detectHeader(reserveSpec, rows, { yearGiven: true }).problems).toEqual([]);
    expect(detectHeader(reserveSpec, rows, noYear).problems.map((p) => p.reason)).toEqual([
      '缺少必填列「目标年度」',
    ]);
  });

  it('recognises "1-9月累计完成投资" for the reports kind', () => {
    const result = detectHeader(
      reportsSpec,
      sheet(['项目代码', '年度', '月份', '1-9月累计完成投资（万元）']),
      noYear,
    );
    expect(result.problems).toEqual([]);
    expect(result.bindings.map((b) => b.column.field)).toContain('investYtd');
  });

  it('finds no header beyond row 10, and says what it looked for', () => {
    const rows = sheet(...Array.from({ length: 10 }, () => ['说明']), [...REQUIRED]);
    expect(detectHeader(projectsSpec, rows, noYear)).toEqual({
      headerRow: null,
      bindings: [],
      warnings: [],
      problems: [
        {
          row: null,
          column: null,
          value: null,
          reason: '前 10 行中找不到表头：应有一行中文列名，包括 项目代码、项目名称、地区代码、建设性质',
        },
      ],
    });
  });
});
