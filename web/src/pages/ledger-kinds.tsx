// The four 台账 as data for the generic ledger page (ledger-table.tsx): each one's endpoint,
// filters, columns, form fields and the statistics it feeds (domain.md → Metrics).
import { Tag, Tooltip, Typography } from 'antd';
import {
  APPROVAL_TABLE,
  DEAL_TABLE,
  ISSUE_TABLE,
  itemStatus,
  RESERVE_TABLE,
} from '../../../src/domain/tables/records';
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
import type { MessageKey, Translate } from '../i18n';
import { Link } from '../router';
import type { FieldDef } from './ledger-form';
import type { ColumnContext, LedgerFilter, LedgerKind } from './ledger-table';
import { type Dressing, EMPTY, screenContext, specColumns } from './spec-columns';

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
const codeLink = (code: string) => (code === EMPTY ? code : <Link to={`/projects?q=${code}`}>{code}</Link>);
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

/** The project code as a link to the project: the first column of the project ledgers. */
function projectDressing<T extends { projectId: number }>(): Record<string, Dressing<T>> {
  return { projectCode: { render: (code, row) => <Link to={`/projects/${row.projectId}`}>{code}</Link> } };
}

/** The status (done / overdue / open, as the export words it) as a coloured tag. */
const statusTag =
  <T extends { dueDate: string | null }>(doneOf: (row: T) => string | null) =>
  (label: string, row: T) => {
    const status = itemStatus(row.dueDate, doneOf(row), today());
    return (
      <Tag color={status === 'done' ? 'success' : status === 'overdue' ? 'error' : 'processing'}>{label}</Tag>
    );
  };

const tableContext = (ctx: ColumnContext) => screenContext(ctx.locale, ctx.regionName);

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
  table: DEAL_TABLE,
  columns: (ctx) =>
    specColumns<Deal>(DEAL_TABLE, tableContext(ctx), {
      name: { extra: { ellipsis: true } },
      investor: { extra: { ellipsis: true } },
      origin: {
        render: (label, row) => <Tag color={row.origin === 'in_province' ? 'default' : 'blue'}>{label}</Tag>,
      },
      top500: { render: (label, row) => (row.top500 ? <Tag color="gold">{label}</Tag> : label) },
      projectCode: { render: codeLink },
    }),
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
  table: RESERVE_TABLE,
  columns: (ctx) =>
    specColumns<ReserveProject>(RESERVE_TABLE, tableContext(ctx), {
      name: { extra: { ellipsis: true } },
      major: { render: (label, row) => (row.major ? <Tag color="red">{label}</Tag> : label) },
      convertedProjectCode: { render: codeLink },
    }),
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
  table: APPROVAL_TABLE,
  columns: (ctx) =>
    specColumns<ApprovalItem>(APPROVAL_TABLE, tableContext(ctx), {
      ...projectDressing<ApprovalItem>(),
      itemName: { extra: { ellipsis: true } },
      department: { extra: { ellipsis: true } },
      status: { render: statusTag<ApprovalItem>((row) => row.doneDate) },
    }),
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
  table: ISSUE_TABLE,
  columns: (ctx) =>
    specColumns<Issue>(ISSUE_TABLE, tableContext(ctx), {
      ...projectDressing<Issue>(),
      description: {
        render: (description) => (
          <Tooltip title={description} placement="topLeft">
            <Typography.Text>{description}</Typography.Text>
          </Tooltip>
        ),
        extra: { ellipsis: { showTitle: false } },
      },
      responsibleUnit: { extra: { ellipsis: true } },
      status: { render: statusTag<Issue>((row) => row.resolvedDate) },
    }),
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
