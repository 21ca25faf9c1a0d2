// The findings table of 数据质量检查 (GET /api/quality), on screen and in its Excel export
// (columns.ts), and the words of a finding in either language (the report form, the review and the
// import show findings with them too). Rows are the answer's `findings`.
import { QUALITY_CHECK_LABELS, type QualityCheck, type QualitySeverity } from '../data-quality';
import { say, type TableLang, type TableSpec } from './columns';

type Row = Record<string, unknown>;

const CHECKS_EN: Record<QualityCheck, string> = {
  cumulative_falling: 'Cumulative investment fell',
  month_over_remaining: 'Month amount above what remains of the total',
  over_total: 'Cumulative investment above the total',
  jump: 'Month amount jumped (unit mix-up?)',
  completed_not_started: 'Completed but never started',
  completion_before_start: 'Completion date before the start date',
  copied_progress: 'Progress text unchanged for months',
  blank_progress: 'Progress text blank',
};

export const checkName = (check: QualityCheck, lang: TableLang) =>
  say(lang, QUALITY_CHECK_LABELS[check], CHECKS_EN[check]);

export const severityName = (severity: QualitySeverity, lang: TableLang) =>
  severity === 'error' ? say(lang, '错误', 'Errors') : say(lang, '提示', 'Warnings');

/** The fix to make ("处理：…"; the server's Chinese text in either language). */
export const fixText = (fix: string, lang: TableLang) => say(lang, `处理：${fix}`, `Fix: ${fix}`);

/** The check and the fact: "累计投资减少：…" / "Cumulative investment fell: …" (the fact in Chinese). */
export const factText = (check: QualityCheck, message: string, lang: TableLang) =>
  `${checkName(check, lang)}${say(lang, '：', ': ')}${message}`;

export const QUALITY_TABLE: TableSpec<Row> = {
  id: 'quality',
  zh: '数据质量检查',
  en: 'Data quality',
  columns: [
    {
      key: 'project',
      zh: '项目',
      en: 'Project',
      kind: 'text',
      width: 220,
      value: (row) => `${row.projectCode} ${row.projectName}`,
    },
    {
      key: 'month',
      zh: '月份',
      en: 'Month',
      kind: 'text',
      width: 80,
      value: (row, ctx) => say(ctx.lang, `${row.month}月`, `Month ${row.month}`),
    },
    {
      key: 'finding',
      zh: '问题及处理',
      en: 'Finding and fix',
      kind: 'text',
      width: 480,
      // As the screen lists it: severity, check and fact; the fix below.
      value: (row, ctx) =>
        `${severityName(row.severity as QualitySeverity, ctx.lang)} ${factText(row.check as QualityCheck, String(row.message), ctx.lang)}\n${fixText(String(row.fix), ctx.lang)}`,
    },
  ],
};

type UnitCounts = Record<'reports' | 'clean' | 'errors' | 'warnings', number>;
const unitOf = (row: Row) =>
  row as { region: { name: string }; counts: UnitCounts; metrics: Record<string, unknown> };

const count = (key: keyof UnitCounts, zh: string, en: string): TableSpec<Row>['columns'][number] => ({
  key,
  zh,
  en,
  kind: 'count',
  width: 100,
  value: (row) => unitOf(row).counts[key],
});

/** 各单位信息报送质量: each child unit's reports over the same months; rows are the answer's `units`. */
export const QUALITY_UNITS_TABLE: TableSpec<Row> = {
  id: 'quality-units',
  zh: '各单位信息报送质量',
  en: 'Reporting quality by unit',
  columns: [
    {
      key: 'unit',
      zh: '单位',
      en: 'Unit',
      kind: 'text',
      width: 140,
      value: (row) => unitOf(row).region.name,
    },
    count('reports', '月报份数', 'Reports'),
    count('clean', '无问题', 'Clean'),
    {
      key: 'cleanRate',
      zh: '无问题率',
      en: 'Clean rate',
      kind: 'percent',
      width: 120,
      value: (row) => unitOf(row).metrics['reports.cleanRate'] as number | null,
    },
    count('errors', '错误', 'Errors'),
    count('warnings', '提示', 'Warnings'),
  ],
};
