// The columns of 月报审核 (the review list), on screen and in its Excel export (columns.ts). Rows are
// the report list's items as the API gives them (amounts in 元).
import { beijingMinute, monthText, say, type TableSpec } from './columns';

type Row = Record<string, unknown>;

export const REVIEW_TABLE: TableSpec<Row> = {
  id: 'review',
  zh: '月报审核',
  en: 'Report review',
  columns: [
    {
      key: 'projectCode',
      zh: '项目',
      en: 'Project',
      kind: 'text',
      width: 260,
      // On screen the name, and the code under it.
      value: (row) => `${row.projectName}\n${row.projectCode}`,
    },
    {
      key: 'region',
      zh: '地区',
      en: 'Region',
      kind: 'text',
      width: 110,
      value: (row, ctx) => ctx.regionName(row.regionCode as string | null),
    },
    {
      key: 'month',
      zh: '月份',
      en: 'Month',
      kind: 'text',
      width: 110,
      value: (row, ctx) => monthText(`${row.year}-${String(row.month).padStart(2, '0')}`, ctx.lang),
    },
    { key: 'investYtd', zh: '累计完成投资', en: 'Invested, year to date', kind: 'amount', width: 170 },
    { key: 'investMonth', zh: '本月完成投资', en: 'Investment this month', kind: 'amount', width: 170 },
    {
      key: 'updatedAt',
      zh: '提交时间（北京时间）',
      en: 'Submitted (Beijing time)',
      kind: 'text',
      width: 190,
      value: (row, ctx) => {
        const at = beijingMinute((row.submittedAt ?? row.updatedAt) as string | null);
        return row.late ? `${at} ${say(ctx.lang, '迟报', 'Late')}` : at;
      },
    },
  ],
};
