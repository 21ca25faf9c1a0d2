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

const STATES: Record<string, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交', en: 'Submitted' },
  returned: { zh: '已退回', en: 'Returned' },
  approved: { zh: '已审核', en: 'Approved' },
};

const [project, region, , investYtd, investMonth] = REVIEW_TABLE.columns as TableSpec<Row>['columns'];

/** 报送情况's reports of a month: the review's project, region and amounts, then state and date. */
export const OVERVIEW_TABLE: TableSpec<Row> = {
  id: 'overview',
  zh: '报送情况',
  en: 'Reporting status',
  columns: [
    project!,
    region!,
    investYtd!,
    investMonth!,
    {
      key: 'state',
      zh: '状态',
      en: 'Status',
      kind: 'text',
      width: 170,
      value: (row, ctx) => {
        const state = STATES[String(row.state)];
        const text = state ? say(ctx.lang, state.zh, state.en) : String(row.state);
        return row.late ? `${text} ${say(ctx.lang, '迟报', 'Late')}` : text;
      },
    },
    { key: 'reportedAt', zh: '报送日期', en: 'Reported on', kind: 'date', width: 140 },
  ],
};

/** 报送情况's 漏报: the projects of the lists without a submitted report; rows carry the month's `year`. */
export const MISSING_TABLE: TableSpec<Row> = {
  id: 'missing',
  zh: '漏报项目',
  en: 'Missing reports',
  columns: [
    project!,
    region!,
    { key: 'leader', zh: '分包领导', en: 'Leader in charge', kind: 'text', width: 110 },
    {
      key: 'status',
      zh: '状态',
      en: 'Status',
      kind: 'text',
      width: 150,
      value: (row, ctx) =>
        row.hasDraft
          ? say(ctx.lang, '有草稿未提交', 'Draft not submitted')
          : say(ctx.lang, '未报送', 'Not reported'),
    },
    {
      key: 'lastMonth',
      zh: '本年最近报送',
      en: 'Last report this year',
      kind: 'text',
      width: 150,
      value: (row, ctx) =>
        row.lastMonth === null || row.lastMonth === undefined
          ? say(ctx.lang, '本年未报送', 'None this year')
          : monthText(`${row.year}-${String(row.lastMonth).padStart(2, '0')}`, ctx.lang),
    },
  ],
};
