// The columns of 项目管理 and the four 台账 (签约, 储备, 审批, 问题), on screen and in their Excel
// export (columns.ts). Rows are the lists' items as the API gives them (amounts in 元).
import type { TableColumn, TableContext, TableLang, TableSpec } from './columns';
import { beijingMinute, monthText, say } from './columns';

type Row = Record<string, unknown>;

const col = <R extends Row>(
  key: string,
  zh: string,
  en: string,
  width: number,
  kind: TableColumn<R>['kind'] = 'text',
  value?: TableColumn<R>['value'],
): TableColumn<R> => ({ key, zh, en, width, kind, ...(value ? { value } : {}) });

const region = <R extends Row>(zh = '地区', en = 'Region') =>
  col<R>('regionCode', zh, en, 100, 'text', (row, ctx) => ctx.regionName(row.regionCode as string | null));

const ORIGINS: Record<string, [string, string]> = {
  in_province: ['省内', 'In province'],
  out_of_province: ['省外', 'Other provinces'],
  abroad: ['境外', 'Abroad'],
};
const TOP500: Record<string, [string, string]> = {
  global500: ['世界500强', 'Global 500'],
  china500: ['中国500强', 'China 500'],
};

/** A code's label from a table of [zh, en]; the code itself when unknown. */
const labelOf = (labels: Record<string, [string, string]>, code: unknown, lang: TableLang) => {
  if (code === null || code === undefined) return null;
  const label = labels[String(code)];
  return label ? say(lang, ...label) : String(code);
};

export type ItemStatus = 'done' | 'overdue' | 'open';

/** Done (resolved) / overdue / open, from the due date and the date it was done. */
export function itemStatus(dueDate: unknown, doneDate: unknown, today: string): ItemStatus {
  if (doneDate) return 'done';
  return typeof dueDate === 'string' && dueDate < today ? 'overdue' : 'open';
}

const statusColumn = <R extends Row>(doneField: string, done: [string, string]): TableColumn<R> =>
  col<R>('status', '状态', 'Status', 90, 'text', (row, ctx: TableContext) => {
    const status = itemStatus(row.dueDate, row[doneField], ctx.today);
    if (status === 'done') return say(ctx.lang, ...done);
    return status === 'overdue' ? say(ctx.lang, '已超期', 'Overdue') : say(ctx.lang, '办理中', 'Open');
  });

export const PROJECT_TABLE: TableSpec<Row> = {
  id: 'projects',
  zh: '项目列表',
  en: 'Projects',
  columns: [
    col('code', '项目代码', 'Project code', 230),
    col('name', '项目名称', 'Project name', 280),
    region('所在地区', 'Region'),
    col('domain', '领域', 'Domain', 110),
    col('leader', '分包领导', 'Leader in charge', 100),
    col('totalInvestment', '总投资', 'Total investment', 140, 'amount'),
    col('period', '计划建设周期', 'Planned period', 190, 'text', (row, ctx) => {
      const [from, to] = [row.plannedStart, row.plannedCompletion] as (string | null)[];
      return from || to ? `${monthText(from, ctx.lang)} – ${monthText(to, ctx.lang)}` : null;
    }),
    col('updatedAt', '更新时间（北京时间）', 'Updated (Beijing time)', 170, 'text', (row) =>
      beijingMinute(row.updatedAt as string | null),
    ),
  ],
};

export const DEAL_TABLE: TableSpec<Row> = {
  id: 'deals',
  zh: '招商签约项目',
  en: 'Investment deals',
  columns: [
    col('name', '签约项目名称', 'Deal', 260),
    region(),
    col('investor', '投资方', 'Investor', 220),
    col('origin', '资金来源', 'Origin', 100, 'text', (row, ctx) => labelOf(ORIGINS, row.origin, ctx.lang)),
    col('top500', '500强', 'Top 500', 110, 'text', (row, ctx) => labelOf(TOP500, row.top500, ctx.lang)),
    col('signedDate', '签约日期', 'Signed on', 140, 'date'),
    col('contractAmount', '合同金额', 'Contract amount', 140, 'amount'),
    col('fundsInPlace', '到位资金', 'Funds in place', 140, 'amount'),
    col('startDate', '开工日期', 'Started on', 140, 'date'),
    col('projectCode', '项目代码', 'Project code', 220),
  ],
};

export const RESERVE_TABLE: TableSpec<Row> = {
  id: 'reserve',
  zh: '储备项目',
  en: 'Reserve projects',
  columns: [
    col('name', '储备项目名称', 'Reserve project', 280),
    region(),
    col('targetYear', '目标年度', 'Target year', 110, 'text', (row, ctx) =>
      row.targetYear === null || row.targetYear === undefined
        ? null
        : say(ctx.lang, `${row.targetYear}年`, `${row.targetYear}`),
    ),
    col('totalInvestment', '总投资', 'Total investment', 140, 'amount'),
    col('domain', '领域', 'Domain', 120),
    col('maturity', '成熟度', 'Maturity', 140),
    col('major', '重大项目', 'Major project', 90, 'text', (row, ctx) =>
      row.major ? say(ctx.lang, '重大', 'Major') : null,
    ),
    col('convertedProjectCode', '已转化为项目', 'Became project', 220),
  ],
};

const projectColumns = <R extends Row>() => [
  col<R>('projectCode', '项目代码', 'Project code', 220),
  region<R>(),
];

export const APPROVAL_TABLE: TableSpec<Row> = {
  id: 'approvals',
  zh: '审批事项',
  en: 'Approval items',
  columns: [
    ...projectColumns(),
    col('itemName', '审批事项', 'Approval item', 220),
    col('department', '审批部门', 'Department', 200),
    col('submittedDate', '申报日期', 'Submitted on', 140, 'date'),
    col('dueDate', '办结时限', 'Due', 140, 'date'),
    col('doneDate', '办结日期', 'Done on', 140, 'date'),
    statusColumn('doneDate', ['已办结', 'Done']),
  ],
};

export const ISSUE_TABLE: TableSpec<Row> = {
  id: 'issues',
  zh: '问题台账',
  en: 'Issues',
  columns: [
    ...projectColumns(),
    col('category', '问题类别', 'Category', 110),
    col('description', '问题描述', 'Description', 320),
    col('responsibleUnit', '责任单位', 'Responsible unit', 180),
    col('raisedDate', '提出日期', 'Raised on', 140, 'date'),
    col('dueDate', '办结时限', 'Due', 140, 'date'),
    col('resolvedDate', '解决日期', 'Resolved on', 140, 'date'),
    statusColumn('resolvedDate', ['已解决', 'Resolved']),
  ],
};
