// The four 台账 as data for the generic ledger page (ledger-table.tsx): each one's endpoint,
// filters, columns, form fields and the statistics it feeds (domain.md → Metrics).
import { Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType, ColumnType } from 'antd/es/table';
import {
  type ApprovalItem,
  DEAL_ORIGINS,
  type Deal,
  ISSUE_CATEGORIES,
  type Issue,
  RESERVE_MATURITIES,
  type ReserveProject,
  TOP500_TYPES,
} from '../api/ledgers-types';
import { PROJECT_DOMAINS } from '../api/projects-types';
import { formatAmount, formatDate } from '../format';
import type { MessageKey, Translate } from '../i18n';
import { Link } from '../router';
import type { FieldDef } from './ledger-form';
import { type ColumnContext, column, type LedgerFilter, type LedgerKind } from './ledger-table';

const choices =
  (values: readonly string[], prefix: string) =>
  (t: Translate): { value: string; label: string }[] =>
    values.map((value) => ({ value, label: t(`${prefix}.${value}` as MessageKey) }));
const suggestions = (values: readonly string[]) => () => values.map((value) => ({ value, label: value }));
const yesNo = (yes: MessageKey, no: MessageKey) => (t: Translate) => [
  { value: 'true', label: t(yes) },
  { value: 'false', label: t(no) },
];
const today = () => new Date().toISOString().slice(0, 10);
const text = (value: string | null | undefined) => value || '—';
const money = (ctx: ColumnContext) => (value: string | null) => formatAmount(value, ctx.locale);
const date = (ctx: ColumnContext) => (value: string | null) => formatDate(value, ctx.locale);
const region = (ctx: ColumnContext) => (code: string) => ctx.regionName(code);
const codeLink = (code: string | null) => (code ? <Link to={`/projects?q=${code}`}>{code}</Link> : '—');
const regionFilter: LedgerFilter = { name: 'region', type: 'region', label: 'ledgers.region' };
const projectField: FieldDef = {
  name: 'projectId',
  label: 'ledgers.project',
  type: 'project',
  required: true,
  createOnly: true,
  wide: true,
  display: (record) => String(record.projectCode ?? ''),
};

/** The project (a link to it) and its region: the first columns of the project ledgers. */
function projectColumns<T extends { projectId: number; projectCode: string }>(
  ctx: ColumnContext,
): ColumnsType<T> {
  return [
    column<T>('projectCode', ctx.t('ledgers.projectCode'), 220, (code: string, row) => (
      <Link to={`/projects/${row.projectId}`}>{code}</Link>
    )),
    column<T>('regionCode', ctx.t('ledgers.region'), 100, region(ctx)),
  ];
}

/** Done (resolved) / overdue / open, from the due date and the date it was done. */
function statusColumn<T extends { dueDate: string | null }>(
  ctx: ColumnContext,
  doneOf: (row: T) => string | null,
  doneLabel: MessageKey,
): ColumnType<T> {
  return column<T>(
    'status',
    ctx.t('ledgers.status'),
    90,
    (_: unknown, row) => {
      const done = doneOf(row);
      if (done) return <Tag color="success">{ctx.t(doneLabel)}</Tag>;
      if (row.dueDate && row.dueDate < today())
        return <Tag color="error">{ctx.t('ledgers.status.overdue')}</Tag>;
      return <Tag color="processing">{ctx.t('ledgers.status.open')}</Tag>;
    },
    { dataIndex: undefined },
  );
}

export const DEALS: LedgerKind<Deal> = {
  id: 'deals',
  endpoint: '/api/deals',
  title: 'ledgers.deals.title',
  createTitle: 'ledgers.deals.create',
  editTitle: 'ledgers.deals.edit',
  writeCap: 'ledger.write',
  sorts: ['name', 'regionCode', 'signedDate', 'contractAmount', 'fundsInPlace', 'updatedAt'],
  filters: [
    { name: 'q', type: 'q', placeholder: 'ledgers.deals.search' },
    regionFilter,
    { name: 'year', type: 'year', label: 'ledgers.deals.year' },
    {
      name: 'origin',
      type: 'select',
      label: 'ledgers.deals.origin',
      options: choices(DEAL_ORIGINS, 'ledgers.origin'),
    },
  ],
  columns: (ctx) => [
    column('name', ctx.t('ledgers.deals.name'), 260, undefined, { ellipsis: true }),
    column('regionCode', ctx.t('ledgers.region'), 100, region(ctx)),
    column('investor', ctx.t('ledgers.deals.investor'), 220, text, { ellipsis: true }),
    column('origin', ctx.t('ledgers.deals.origin'), 100, (origin: string) => (
      <Tag color={origin === 'in_province' ? 'default' : 'blue'}>
        {ctx.t(`ledgers.origin.${origin}` as MessageKey)}
      </Tag>
    )),
    column('top500', ctx.t('ledgers.deals.top500'), 110, (top: string | null) =>
      top ? <Tag color="gold">{ctx.t(`ledgers.top500.${top}` as MessageKey)}</Tag> : '—',
    ),
    column('signedDate', ctx.t('ledgers.deals.signedDate'), 140, date(ctx)),
    column('contractAmount', ctx.t('ledgers.deals.contractAmount'), 130, money(ctx), { align: 'right' }),
    column('fundsInPlace', ctx.t('ledgers.deals.fundsInPlace'), 130, money(ctx), { align: 'right' }),
    column('startDate', ctx.t('ledgers.deals.startDate'), 140, date(ctx)),
    column('projectCode', ctx.t('ledgers.projectCode'), 220, codeLink),
  ],
  fields: [
    { name: 'name', label: 'ledgers.deals.name', type: 'text', required: true, max: 200, wide: true },
    { name: 'regionCode', label: 'ledgers.region', type: 'region', required: true },
    { name: 'investor', label: 'ledgers.deals.investor', type: 'text', max: 200 },
    {
      name: 'origin',
      label: 'ledgers.deals.origin',
      type: 'select',
      required: true,
      options: choices(DEAL_ORIGINS, 'ledgers.origin'),
      initial: 'in_province',
    },
    {
      name: 'top500',
      label: 'ledgers.deals.top500',
      type: 'select',
      options: choices(TOP500_TYPES, 'ledgers.top500'),
    },
    { name: 'signedDate', label: 'ledgers.deals.signedDate', type: 'date', required: true },
    { name: 'startDate', label: 'ledgers.deals.startDate', type: 'date', notBefore: 'signedDate' },
    { name: 'contractAmount', label: 'ledgers.deals.contractAmount', type: 'money', required: true },
    {
      name: 'fundsInPlace',
      label: 'ledgers.deals.fundsInPlace',
      type: 'money',
      required: true,
      initial: '0',
    },
    { name: 'industry', label: 'ledgers.deals.industry', type: 'text', max: 100 },
    {
      name: 'projectCode',
      label: 'ledgers.projectCode',
      type: 'projectCode',
      max: 64,
      hint: 'ledgers.deals.projectCodeHint',
    },
  ],
  label: (deal) => deal.name,
  figures: {
    metrics: [
      'deals.signedCount',
      'deals.signedAmount',
      'deals.fundsInPlace',
      'deals.outsideFunds',
      'deals.landingRate',
      'deals.bigShare',
      'deals.top500Share',
    ],
    yearOf: (filters) => (filters.year ? Number(filters.year) : undefined),
    note: 'ledgers.deals.figuresNote',
  },
};

export const RESERVE: LedgerKind<ReserveProject> = {
  id: 'reserve',
  endpoint: '/api/reserve',
  title: 'ledgers.reserve.title',
  createTitle: 'ledgers.reserve.create',
  editTitle: 'ledgers.reserve.edit',
  writeCap: 'ledger.write',
  sorts: ['name', 'regionCode', 'targetYear', 'totalInvestment', 'updatedAt'],
  filters: [
    { name: 'q', type: 'q', placeholder: 'ledgers.reserve.search' },
    regionFilter,
    { name: 'targetYear', type: 'year', label: 'ledgers.reserve.targetYear' },
    {
      name: 'major',
      type: 'select',
      label: 'ledgers.reserve.major',
      options: yesNo('common.yes', 'common.no'),
      width: 90,
    },
  ],
  columns: (ctx) => [
    column('name', ctx.t('ledgers.reserve.name'), 280, undefined, { ellipsis: true }),
    column('regionCode', ctx.t('ledgers.region'), 100, region(ctx)),
    column('targetYear', ctx.t('ledgers.reserve.targetYear'), 110, (year: number) =>
      ctx.t('ledgers.year', { year }),
    ),
    column('totalInvestment', ctx.t('ledgers.reserve.totalInvestment'), 130, money(ctx), { align: 'right' }),
    column('domain', ctx.t('ledgers.reserve.domain'), 120, text),
    column('maturity', ctx.t('ledgers.reserve.maturity'), 140, text),
    column('major', ctx.t('ledgers.reserve.major'), 90, (major: boolean) =>
      major ? <Tag color="red">{ctx.t('ledgers.reserve.majorTag')}</Tag> : '—',
    ),
    column('convertedProjectCode', ctx.t('ledgers.reserve.converted'), 220, codeLink),
  ],
  fields: [
    { name: 'name', label: 'ledgers.reserve.name', type: 'text', required: true, max: 200, wide: true },
    { name: 'regionCode', label: 'ledgers.region', type: 'region', required: true },
    {
      name: 'targetYear',
      label: 'ledgers.reserve.targetYear',
      type: 'integer',
      required: true,
      min: 2000,
      max: 2100,
      initial: new Date().getFullYear() + 1,
    },
    { name: 'totalInvestment', label: 'ledgers.reserve.totalInvestment', type: 'money' },
    {
      name: 'domain',
      label: 'ledgers.reserve.domain',
      type: 'suggest',
      max: 60,
      options: suggestions(PROJECT_DOMAINS),
    },
    {
      name: 'maturity',
      label: 'ledgers.reserve.maturity',
      type: 'suggest',
      max: 60,
      options: suggestions(RESERVE_MATURITIES),
    },
    { name: 'major', label: 'ledgers.reserve.major', type: 'bool', initial: false },
    { name: 'convertedProjectCode', label: 'ledgers.reserve.converted', type: 'projectCode', max: 64 },
  ],
  label: (reserve) => reserve.name,
  figures: {
    metrics: ['reserve.count', 'reserve.investment', 'reserve.majorCount', 'reserve.conversionRate'],
    // The statistics of year Y count the reserve for year Y + 1.
    yearOf: (filters) => (filters.targetYear ? Number(filters.targetYear) - 1 : undefined),
    note: 'ledgers.reserve.figuresNote',
  },
};

export const APPROVALS: LedgerKind<ApprovalItem> = {
  id: 'approvals',
  endpoint: '/api/approvals',
  title: 'ledgers.approvals.title',
  createTitle: 'ledgers.approvals.create',
  editTitle: 'ledgers.approvals.edit',
  writeCap: 'projectLedger.write',
  sorts: ['projectCode', 'itemName', 'dueDate', 'doneDate'],
  filters: [
    regionFilter,
    {
      name: 'done',
      type: 'select',
      label: 'ledgers.status',
      options: yesNo('ledgers.status.done', 'ledgers.status.notDone'),
      width: 110,
    },
  ],
  columns: (ctx) => [
    ...projectColumns<ApprovalItem>(ctx),
    column('itemName', ctx.t('ledgers.approvals.itemName'), 220, undefined, { ellipsis: true }),
    column('department', ctx.t('ledgers.approvals.department'), 200, text, { ellipsis: true }),
    column('submittedDate', ctx.t('ledgers.approvals.submittedDate'), 140, date(ctx)),
    column('dueDate', ctx.t('ledgers.dueDate'), 140, date(ctx)),
    column('doneDate', ctx.t('ledgers.approvals.doneDate'), 140, date(ctx)),
    statusColumn<ApprovalItem>(ctx, (row) => row.doneDate, 'ledgers.status.done'),
  ],
  fields: [
    projectField,
    { name: 'itemName', label: 'ledgers.approvals.itemName', type: 'text', required: true, max: 200 },
    { name: 'department', label: 'ledgers.approvals.department', type: 'text', max: 200 },
    { name: 'submittedDate', label: 'ledgers.approvals.submittedDate', type: 'date' },
    { name: 'dueDate', label: 'ledgers.dueDate', type: 'date' },
    { name: 'doneDate', label: 'ledgers.approvals.doneDate', type: 'date', notBefore: 'submittedDate' },
  ],
  label: (item) => `${item.projectCode} ${item.itemName}`,
  figures: {
    metrics: ['approvals.due', 'approvals.completionRate', 'approvals.avgDays'],
    note: 'ledgers.approvals.figuresNote',
  },
};

export const ISSUES: LedgerKind<Issue> = {
  id: 'issues',
  endpoint: '/api/issues',
  title: 'ledgers.issues.title',
  createTitle: 'ledgers.issues.create',
  editTitle: 'ledgers.issues.edit',
  writeCap: 'projectLedger.write',
  sorts: ['projectCode', 'raisedDate', 'dueDate', 'resolvedDate'],
  filters: [
    regionFilter,
    {
      name: 'resolved',
      type: 'select',
      label: 'ledgers.status',
      options: yesNo('ledgers.status.resolved', 'ledgers.status.unresolved'),
      width: 110,
    },
    {
      name: 'category',
      type: 'suggest',
      label: 'ledgers.issues.category',
      options: suggestions(ISSUE_CATEGORIES),
      width: 130,
    },
  ],
  columns: (ctx) => [
    ...projectColumns<Issue>(ctx),
    column('category', ctx.t('ledgers.issues.category'), 110, text),
    column(
      'description',
      ctx.t('ledgers.issues.description'),
      320,
      (description: string) => (
        <Tooltip title={description} placement="topLeft">
          <Typography.Text>{description}</Typography.Text>
        </Tooltip>
      ),
      { ellipsis: { showTitle: false } },
    ),
    column('responsibleUnit', ctx.t('ledgers.issues.responsibleUnit'), 180, text, { ellipsis: true }),
    column('raisedDate', ctx.t('ledgers.issues.raisedDate'), 140, date(ctx)),
    column('dueDate', ctx.t('ledgers.dueDate'), 140, date(ctx)),
    column('resolvedDate', ctx.t('ledgers.issues.resolvedDate'), 140, date(ctx)),
    statusColumn<Issue>(ctx, (row) => row.resolvedDate, 'ledgers.status.resolved'),
  ],
  fields: [
    projectField,
    {
      name: 'category',
      label: 'ledgers.issues.category',
      type: 'suggest',
      max: 60,
      options: suggestions(ISSUE_CATEGORIES),
    },
    { name: 'responsibleUnit', label: 'ledgers.issues.responsibleUnit', type: 'text', max: 200 },
    {
      name: 'description',
      label: 'ledgers.issues.description',
      type: 'textarea',
      required: true,
      max: 2000,
      wide: true,
    },
    {
      name: 'raisedDate',
      label: 'ledgers.issues.raisedDate',
      type: 'date',
      required: true,
      initial: today(),
    },
    { name: 'dueDate', label: 'ledgers.dueDate', type: 'date', notBefore: 'raisedDate' },
    { name: 'resolvedDate', label: 'ledgers.issues.resolvedDate', type: 'date', notBefore: 'raisedDate' },
  ],
  label: (issue) => `${issue.projectCode} ${issue.description.slice(0, 30)}`,
  figures: {
    metrics: ['issues.raised', 'issues.resolutionRate'],
    note: 'ledgers.issues.figuresNote',
  },
};
