// Projects and their year entries as kinds of the generic record page (ledger-table.tsx): the
// list's filters and columns, the form's fields and checks, the key-project figures.
import { Tag, Typography } from 'antd';
import { PROJECT_TABLE } from '../../../src/domain/tables/records';
import {
  NATURES,
  PROJECT_DOMAINS,
  PROJECT_LISTS,
  PROJECT_SORTS,
  type Project,
  type ProjectYear,
} from '../api/projects-types';
import { formatAmount, formatMonth } from '../format';
import { isMessageKey, type Translate } from '../i18n';
import { Link } from '../router';
import type { FieldDef } from './ledger-form';
import { column, type LedgerKind } from './ledger-table';
import { ProjectLight } from './project-lights';
import { screenContext, specColumns } from './spec-columns';

/** "省重点", "市重点", "“982”工程"; a named programme the app does not know keeps its id. */
export function listLabel(list: string, t: Translate): string {
  const key = `projects.list.${list}`;
  return isMessageKey(key) ? t(key) : list;
}

export function natureLabel(nature: string, t: Translate): string {
  const key = `projects.nature.${nature}`;
  return isMessageKey(key) ? t(key) : nature;
}

const listOptions = (t: Translate) => PROJECT_LISTS.map((value) => ({ value, label: listLabel(value, t) }));
const natureOptions = (t: Translate) => NATURES.map((value) => ({ value, label: natureLabel(value, t) }));
const domainOptions = () => PROJECT_DOMAINS.map((value) => ({ value, label: value }));

export const PROJECT_FIELDS: FieldDef[] = [
  {
    name: 'code',
    label: 'projects.code',
    type: 'projectCode',
    required: true,
    max: 64,
    createOnly: true,
    hint: 'projects.codeHint',
  },
  { name: 'regionCode', label: 'projects.region', type: 'region', required: true },
  { name: 'name', label: 'projects.name', type: 'text', required: true, max: 200, wide: true },
  { name: 'owner', label: 'projects.owner', type: 'text', max: 200 },
  { name: 'leader', label: 'projects.leader', type: 'text', max: 60 },
  { name: 'domain', label: 'projects.domain', type: 'suggest', max: 60, options: domainOptions },
  { name: 'totalInvestment', label: 'projects.totalInvestment', type: 'money' },
  { name: 'plannedStart', label: 'projects.plannedStart', type: 'date' },
  { name: 'plannedCompletion', label: 'projects.plannedCompletion', type: 'date', notBefore: 'plannedStart' },
  { name: 'actualStart', label: 'projects.actualStart', type: 'date' },
  { name: 'actualCompletion', label: 'projects.actualCompletion', type: 'date', notBefore: 'actualStart' },
  { name: 'lng', label: 'projects.lng', type: 'decimal', min: -180, max: 180 },
  { name: 'lat', label: 'projects.lat', type: 'decimal', min: -90, max: 90 },
  { name: 'scope', label: 'projects.scope', type: 'textarea', max: 4000, wide: true },
];

export const PROJECTS: LedgerKind<Project> = {
  id: 'projects',
  endpoint: '/api/projects',
  title: 'projects.title',
  createTitle: 'projects.create',
  editTitle: 'projects.edit',
  writeCap: 'project.create',
  sorts: PROJECT_SORTS,
  conflictField: 'code',
  filters: [
    { name: 'q', type: 'q', placeholder: 'projects.search' },
    { name: 'year', type: 'year', label: 'projects.year' },
    { name: 'list', type: 'select', label: 'projects.list', options: listOptions, width: 120 },
    { name: 'nature', type: 'select', label: 'projects.nature', options: natureOptions, width: 110 },
    { name: 'domain', type: 'suggest', label: 'projects.domain', options: domainOptions, width: 130 },
    { name: 'region', type: 'region', label: 'projects.region' },
    { name: 'leader', type: 'text', label: 'projects.leader', width: 110 },
  ],
  table: PROJECT_TABLE,
  columns: (ctx) =>
    specColumns<Project>(PROJECT_TABLE, screenContext(ctx.locale, ctx.regionName), {
      code: {
        render: (code, project) => (
          <Link to={`/projects/${project.id}`}>
            <Typography.Text code>{code}</Typography.Text>
          </Link>
        ),
      },
      name: {
        render: (name, project) => (
          <>
            <ProjectLight id={project.id} />
            <Link to={`/projects/${project.id}`}>{name}</Link>
          </>
        ),
      },
      domain: { render: (domain, project) => (project.domain ? <Tag>{domain}</Tag> : domain) },
    }),
  fields: PROJECT_FIELDS,
  label: (project) => `${project.code} ${project.name}`,
  figures: {
    metrics: [
      'key.projectCount',
      'key.annualTarget',
      'key.investYtd',
      'key.investRate',
      'key.newStartRate',
      'key.completionRate',
    ],
    yearOf: (filters) => (filters.year ? Number(filters.year) : undefined),
    query: (filters) => ({ list: filters.list }),
    note: 'projects.figuresNote',
  },
};

export const YEAR_FIELDS: FieldDef[] = [
  {
    name: 'year',
    label: 'projects.year',
    type: 'integer',
    required: true,
    min: 2000,
    max: 2100,
    createOnly: true,
    initial: new Date().getFullYear(),
  },
  {
    name: 'list',
    label: 'projects.list',
    type: 'select',
    required: true,
    createOnly: true,
    options: listOptions,
    initial: 'province_key',
    display: (entry, t) => listLabel(String(entry.list), t),
  },
  { name: 'nature', label: 'projects.nature', type: 'select', required: true, options: natureOptions },
  { name: 'annualTarget', label: 'projects.annualTarget', type: 'money' },
  { name: 'plannedStartMonth', label: 'projects.plannedStartMonth', type: 'integer', min: 1, max: 12 },
  { name: 'completionPlanned', label: 'projects.completionPlanned', type: 'bool', initial: false },
];

/** A project's year entries (年度计划): the list it is on each year, its nature and target. */
export function yearKind(projectId: number): LedgerKind<ProjectYear> {
  return {
    id: 'project-years',
    endpoint: '/api/project-years',
    createEndpoint: `/api/projects/${projectId}/years`,
    title: 'projects.years',
    createTitle: 'projects.years.create',
    editTitle: 'projects.years.edit',
    writeCap: 'project.update',
    sorts: [],
    filters: [],
    fields: YEAR_FIELDS,
    label: (entry) => `${entry.year} ${entry.list}`,
    columns: (ctx) => [
      column<ProjectYear>('year', ctx.t('projects.year'), 90, (year: number) =>
        ctx.t('ledgers.year', { year }),
      ),
      column<ProjectYear>('list', ctx.t('projects.list'), 110, (list: string) => (
        <Tag color="blue">{listLabel(list, ctx.t)}</Tag>
      )),
      column<ProjectYear>('nature', ctx.t('projects.nature'), 90, (nature: string) =>
        natureLabel(nature, ctx.t),
      ),
      column<ProjectYear>(
        'annualTarget',
        ctx.t('projects.annualTarget'),
        130,
        (value: string | null) => formatAmount(value, ctx.locale),
        { align: 'right' },
      ),
      column<ProjectYear>(
        'plannedStartMonth',
        ctx.t('projects.plannedStartMonth'),
        120,
        (month: number | null, entry) => (month ? formatMonth(entry.year, month, ctx.locale) : '—'),
      ),
      column<ProjectYear>(
        'completionPlanned',
        ctx.t('projects.completionPlanned'),
        110,
        (planned: boolean) => (planned ? <Tag color="green">{ctx.t('common.yes')}</Tag> : '—'),
      ),
    ],
  };
}
