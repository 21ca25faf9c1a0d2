// The generic record page behind 项目管理 and the four 台账 (deals, reserve projects, approval
// items, issues): a kind (LedgerKind) says its endpoint, filters, columns, form fields and the
// statistics it feeds; this file does the rest once — filters kept in the address, server-side
// paging and sorting, create / edit / delete as the record's `permissions` allow, and the strip
// of figures (GET /api/stats) that changes as the ledger does. The same table also serves inside
// the project detail page, with its state kept locally and the project fixed.
import {
  DeleteOutlined,
  EditOutlined,
  PlusOutlined,
  ReloadOutlined,
  SearchOutlined,
} from '@ant-design/icons';
import {
  App,
  AutoComplete,
  Button,
  Card,
  Form,
  Input,
  Select,
  Space,
  Statistic,
  Table,
  type TableProps,
  TreeSelect,
  Typography,
} from 'antd';
import type { ColumnsType, ColumnType, TableRef } from 'antd/es/table';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, api } from '../api/client';
import { errorText } from '../api/error-text';
import { useRegionPeriods } from '../api/periods';
import { type ApiState, useApiQuery } from '../api/query';
import type { Capability, Page, Stats } from '../api/types';
import { PageHeader } from '../components/page-header';
import { useFocusableScroll } from '../components/scroll-focus';
import { EmptyState, ErrorState } from '../components/states';
import { formatPeriod } from '../format';
import { type Locale, type MessageKey, type Translate, useI18n } from '../i18n';
import { formatMetric, metricLabel } from '../metrics';
import { regionTreeData, useRegions } from '../regions';
import { setSearch, useLocation } from '../router';
import { useCan } from '../session';
import { type FieldDef, RecordFormDialog } from './ledger-form';

export interface LedgerRow {
  id: number;
  version: number;
  permissions: Partial<Record<string, boolean>>;
}

export interface LedgerFilter {
  /** The API's query parameter (also the address's). */
  name: string;
  label?: MessageKey;
  type: 'q' | 'text' | 'suggest' | 'region' | 'year' | 'select';
  options?: (t: Translate) => { value: string; label: string }[];
  placeholder?: MessageKey;
  width?: number;
}

export interface ColumnContext {
  t: Translate;
  locale: Locale;
  regionName(code: string | null | undefined): string;
}

export interface LedgerKind<T extends LedgerRow> {
  id: string;
  /** "/api/deals": GET (page), POST, and /:id for GET, PATCH and DELETE. */
  endpoint: string;
  /** Where POST goes when not to `endpoint` (a project's year entries). */
  createEndpoint?: string;
  title: MessageKey;
  createTitle: MessageKey;
  editTitle: MessageKey;
  writeCap: Capability;
  /** Sort fields the API accepts (a column with one of these keys sorts on the server). */
  sorts: readonly string[];
  filters: LedgerFilter[];
  columns(ctx: ColumnContext): ColumnsType<T>;
  fields: FieldDef[];
  /** How a record is named in a delete confirmation. */
  label(record: T): string;
  /** The field a 409 on create means is taken (a project code). */
  conflictField?: string;
  figures?: FigureSpec;
}

export interface FigureSpec {
  metrics: string[];
  /** The statistics year a filter of the table means (deals signed in a year, reserve for year + 1). */
  yearOf?(filters: Record<string, string>): number | undefined;
  /** Extra /api/stats parameters from the filters (the project lists). */
  query?(filters: Record<string, string>): Record<string, string | undefined>;
  /** A line under the figures that says what they count ({year}, {next}). */
  note?: MessageKey;
}

/** A column showing one field (`dataIndex` = `key`), for the kinds' column lists. */
export function column<T>(
  key: string,
  title: string,
  width: number,
  // biome-ignore lint/suspicious/noExplicitAny: a field's value, typed by each render
  render?: (value: any, row: T) => ReactNode,
  extra: Partial<ColumnType<T>> = {},
): ColumnType<T> {
  return { key, dataIndex: key, title, width, render, ...extra };
}

// ---------------------------------------------------------------------------------------------
// Table state: in the address for a page (bookmarkable, survives reload), local for a section.

export interface TableState {
  page: number;
  pageSize: number;
  sort: string | undefined;
  filters: Record<string, string>;
  /** Changes page, pageSize, sort or filters (null removes one). */
  set(change: Record<string, string | number | null | undefined>): void;
}

export function useUrlTableState(filterNames: readonly string[]): TableState {
  const { search } = useLocation();
  const filters: Record<string, string> = {};
  for (const name of filterNames) {
    const value = search.get(name);
    if (value) filters[name] = value;
  }
  return {
    page: Number(search.get('page') ?? 1) || 1,
    pageSize: Number(search.get('pageSize') ?? 20) || 20,
    sort: search.get('sort') ?? undefined,
    filters,
    set: setSearch,
  };
}

export function useLocalTableState(pageSize = 10): TableState {
  const [state, setState] = useState<Record<string, string | number>>({ page: 1, pageSize });
  const filters: Record<string, string> = {};
  for (const [name, value] of Object.entries(state))
    if (!['page', 'pageSize', 'sort'].includes(name)) filters[name] = String(value);
  return {
    page: Number(state.page) || 1,
    pageSize: Number(state.pageSize) || pageSize,
    sort: state.sort === undefined ? undefined : String(state.sort),
    filters,
    set: (change) =>
      setState((old) => {
        const next = { ...old };
        for (const [name, value] of Object.entries(change)) {
          if (value === null || value === undefined || value === '') delete next[name];
          else next[name] = value;
        }
        return next;
      }),
  };
}

export const sortOrderOf = (sort: string | undefined, field: string) =>
  sort === field ? ('ascend' as const) : sort === `-${field}` ? ('descend' as const) : null;

/** A table's onChange that turns antd's paging and sorting into the table state. */
export function onTableChange<T>(state: TableState, sortable: readonly string[]): TableProps<T>['onChange'] {
  return (pagination, _filters, sorter) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = typeof one?.columnKey === 'string' && one.order ? one.columnKey : null;
    const sort = field && sortable.includes(field) ? `${one?.order === 'descend' ? '-' : ''}${field}` : null;
    const resized = pagination.pageSize !== state.pageSize;
    const resorted = (sort ?? undefined) !== state.sort;
    state.set({
      page: resized || resorted ? null : pagination.current,
      pageSize: pagination.pageSize,
      sort,
    });
  };
}

/** The paging row under a server-paged table. */
export function pagination(state: TableState, total: number, t: Translate) {
  return {
    current: state.page,
    pageSize: state.pageSize,
    total,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100, 200],
    showTotal: (n: number) => t('common.total', { total: n }),
  };
}

// ---------------------------------------------------------------------------------------------
// Rows, editing, the table.

type Loader<T> = (
  query: Record<string, string | number | undefined>,
  signal: AbortSignal,
) => Promise<Page<T>>;

export function useLedgerRows<T extends LedgerRow>(
  kind: LedgerKind<T>,
  state: TableState,
  fixed: Record<string, string | number> = {},
  load?: Loader<T>,
): ApiState<Page<T>> {
  const query = { ...state.filters, ...fixed, page: state.page, pageSize: state.pageSize, sort: state.sort };
  return useApiQuery([kind.endpoint, JSON.stringify(query)], (signal) =>
    load ? load(query, signal) : api.get<Page<T>>(kind.endpoint, query, signal),
  );
}

type Dialog<T> = { record?: T } | null;

/** Create, edit and delete for a kind; `element` is the open dialog (render it). */
export function useLedgerEditor<T extends LedgerRow>(
  kind: LedgerKind<T>,
  {
    fixed,
    onChanged,
    onCreated,
    onRemoved,
  }: {
    fixed?: Record<string, unknown>;
    onChanged(): void;
    onCreated?(record: T): void;
    onRemoved?(record: T): void;
  },
) {
  const { t, locale } = useI18n();
  const { modal, message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog<T>>(null);

  const remove = (record: T) =>
    modal.confirm({
      title: t('ledgers.delete'),
      content: t('ledgers.confirmDelete', { name: kind.label(record) }),
      okButtonProps: { danger: true },
      okText: t('ledgers.delete'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await api.delete(`${kind.endpoint}/${record.id}`, { version: record.version });
          void message.success(t('ledgers.deleted'));
          onRemoved?.(record);
        } catch (error) {
          void message.error(
            error instanceof ApiError && error.code === 'conflict'
              ? t('form.stale')
              : errorText(error, t, locale),
          );
        }
        onChanged();
      },
    });

  const reopen = async (record: T) => {
    try {
      const fresh = await api.get<T>(`${kind.endpoint}/${record.id}`);
      setDialog({ record: fresh });
      void message.info(t('form.reloaded'));
    } catch (error) {
      setDialog(null);
      void message.error(errorText(error, t, locale));
    }
    onChanged();
  };

  const element = dialog && (
    <RecordFormDialog<T>
      title={t(dialog.record ? kind.editTitle : kind.createTitle)}
      idPrefix={kind.id}
      fields={kind.fields}
      record={dialog.record as unknown as Record<string, unknown> & { version: number }}
      fixed={fixed}
      conflictField={kind.conflictField}
      key={dialog.record ? `${dialog.record.id}-${dialog.record.version}` : 'new'}
      save={(body) =>
        dialog.record
          ? api.patch<T>(`${kind.endpoint}/${dialog.record.id}`, body)
          : api.post<T>(kind.createEndpoint ?? kind.endpoint, body)
      }
      onClose={() => setDialog(null)}
      onStale={dialog.record ? () => void reopen(dialog.record!) : undefined}
      onSaved={(saved) => {
        void message.success(t('common.saved'));
        setDialog(null);
        onChanged();
        if (!dialog.record) onCreated?.(saved);
      }}
    />
  );

  return {
    create: () => setDialog({}),
    edit: (record: T) => setDialog({ record }),
    remove,
    element,
  };
}

export function LedgerTable<T extends LedgerRow>({
  kind,
  state,
  rows,
  editor,
  size = 'middle',
}: {
  kind: LedgerKind<T>;
  state: TableState;
  rows: ApiState<Page<T>>;
  editor: { edit(record: T): void; remove(record: T): void };
  size?: 'small' | 'middle';
}) {
  const { t, locale } = useI18n();
  const regions = useRegions();
  const tableRef = useRef<TableRef>(null);
  useFocusableScroll(tableRef, t(kind.title));
  const columns = useMemo(() => {
    const base = kind
      .columns({ t, locale, regionName: regions.name })
      .map((column) =>
        typeof column.key === 'string' && kind.sorts.includes(column.key)
          ? { ...column, sorter: true, sortOrder: sortOrderOf(state.sort, column.key) }
          : column,
      );
    const actions: ColumnsType<T>[number] = {
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      width: 120,
      render: (_: unknown, record: T) => (
        <Space size={0}>
          {record.permissions.update && (
            <Button
              type="link"
              size="small"
              icon={<EditOutlined />}
              onClick={() => editor.edit(record)}
              data-testid={`${kind.id}-edit`}
            >
              {t('common.edit')}
            </Button>
          )}
          {record.permissions.delete && (
            <Button
              type="link"
              size="small"
              danger
              icon={<DeleteOutlined />}
              onClick={() => editor.remove(record)}
              aria-label={t('ledgers.delete')}
              title={t('ledgers.delete')}
            />
          )}
        </Space>
      ),
    };
    const editable = (rows.data?.items ?? []).some((r) => r.permissions.update || r.permissions.delete);
    return editable ? [...base, actions] : base;
  }, [kind, t, locale, regions.name, state.sort, rows.data, editor]);

  if (rows.error) return <ErrorState error={rows.error} onRetry={rows.reload} />;
  return (
    <Table<T>
      ref={tableRef}
      rowKey="id"
      size={size}
      data-testid={`${kind.id}-table`}
      columns={columns}
      dataSource={rows.data?.items ?? []}
      loading={rows.loading}
      onChange={onTableChange<T>(state, kind.sorts)}
      scroll={{ x: columns.reduce((sum, column) => sum + (Number(column.width) || 160), 0) }}
      locale={{ emptyText: <EmptyState /> }}
      pagination={{ ...pagination(state, rows.data?.total ?? 0, t), hideOnSinglePage: size === 'small' }}
    />
  );
}

// ---------------------------------------------------------------------------------------------
// Filters.

const thisYear = new Date().getFullYear();
/** The years a filter offers: next year down to 2015 (the earliest project codes). */
export const YEARS = Array.from({ length: thisYear + 2 - 2015 }, (_, i) => thisYear + 1 - i);

export function LedgerFilters({
  id,
  filters,
  state,
  amend = (next) => next,
}: {
  id: string;
  filters: LedgerFilter[];
  state: TableState;
  /** Adds to what a search or a reset changes (the figures' year when a filter sets one). */
  amend?(next: Record<string, string | null>): Record<string, string | null>;
}) {
  const { t } = useI18n();
  const regions = useRegions();
  const [form] = Form.useForm<Record<string, string | undefined>>();
  const home = regions.inScope[0]?.code;
  const tree = useMemo(() => (home ? regionTreeData(regions.inScope, [home]) : []), [regions.inScope, home]);
  const key = JSON.stringify(state.filters);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the filters are encoded in key
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(state.filters);
  }, [key, form]);

  const cleared = Object.fromEntries(filters.map((f) => [f.name, null]));
  const apply = (values: Record<string, unknown>) => {
    const next: Record<string, string | null> = { ...cleared, page: null };
    for (const filter of filters) {
      const value = values[filter.name];
      next[filter.name] = value === undefined || value === null ? null : String(value).trim() || null;
    }
    state.set(amend(next));
  };

  const input = (filter: LedgerFilter): ReactNode => {
    const inputId = `${id}-filter-${filter.name}`;
    const placeholder = filter.placeholder ? t(filter.placeholder) : t('common.all');
    const style = { width: filter.width ?? 150 };
    // A filter without a label is named by its placeholder (the label names the others: htmlFor).
    const named = { id: inputId, 'aria-label': filter.label ? undefined : placeholder };
    switch (filter.type) {
      case 'q':
        return (
          <Input
            {...named}
            allowClear
            prefix={<SearchOutlined />}
            placeholder={placeholder}
            style={{ width: filter.width ?? 220 }}
          />
        );
      case 'text':
        return <Input {...named} allowClear placeholder={placeholder} style={style} />;
      case 'suggest':
        return (
          <AutoComplete
            {...named}
            allowClear
            placeholder={placeholder}
            options={filter.options?.(t)}
            style={style}
          />
        );
      case 'region':
        return (
          <TreeSelect
            {...named}
            allowClear
            placeholder={placeholder}
            treeData={tree}
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandedKeys={home ? [home] : []}
            popupMatchSelectWidth={false}
            style={style}
          />
        );
      default:
        return (
          <Select
            {...named}
            allowClear
            showSearch={filter.type === 'year' ? { optionFilterProp: 'label' } : false}
            placeholder={placeholder}
            options={
              filter.type === 'year'
                ? YEARS.map((y) => ({ value: String(y), label: t('ledgers.year', { year: y }) }))
                : filter.options?.(t)
            }
            style={filter.type === 'year' ? { width: filter.width ?? 110 } : style}
            popupMatchSelectWidth={false}
          />
        );
    }
  };

  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Form form={form} layout="inline" onFinish={apply} className="sibi-filter-form">
        {filters.map((filter) =>
          // A region filter is pointless for an account that sees one region only.
          filter.type === 'region' && regions.inScope.length <= 1 ? null : (
            <Form.Item
              key={filter.name}
              name={filter.name}
              label={filter.label ? t(filter.label) : undefined}
              htmlFor={`${id}-filter-${filter.name}`}
            >
              {input(filter)}
            </Form.Item>
          ),
        )}
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid={`${id}-search`}>
            {t('common.search')}
          </Button>
        </Form.Item>
        <Form.Item>
          <Button
            onClick={() => {
              form.resetFields();
              state.set(amend({ ...cleared, page: null }));
            }}
          >
            {t('common.reset')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

// ---------------------------------------------------------------------------------------------
// The figures a ledger feeds.

export function FiguresStrip({
  id,
  spec,
  filters,
  generation,
}: {
  id: string;
  spec: FigureSpec;
  filters: Record<string, string>;
  /** Changes after every write, so the figures are read again. */
  generation: number;
}) {
  const { t, locale } = useI18n();
  const regions = useRegions();
  const { search } = useLocation();
  const region = filters.region ?? regions.working;
  const chosen = Number(search.get('figuresYear')) || undefined;
  const fromFilter = spec.yearOf?.(filters);
  const latest = useRegionPeriods(region, !chosen && !fromFilter);
  const year = chosen ?? fromFilter ?? (Number(latest.data?.year) || (latest.loading ? undefined : thisYear));
  const extra = spec.query?.(filters) ?? {};
  const stats = useApiQuery(['/api/stats', region, year, JSON.stringify(extra), generation], (signal) =>
    region && year
      ? api.get<Stats>('/api/stats', { region, period: String(year), ...extra }, signal)
      : Promise.resolve(null),
  );
  if (!region) return null;

  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid={`figures-${id}`}
      title={
        <Space wrap size={4}>
          <span>{t('ledgers.figures')}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {regions.name(region)}
            {year ? ` · ${formatPeriod(String(year), locale)}` : ''}
          </Typography.Text>
        </Space>
      }
      extra={
        <Select
          size="small"
          value={year}
          aria-label={t('ledgers.figuresYear')}
          data-testid={`figures-${id}-year`}
          style={{ width: 110 }}
          options={YEARS.map((y) => ({ value: y, label: t('ledgers.year', { year: y }) }))}
          onChange={(value: number) => setSearch({ figuresYear: value })}
        />
      }
    >
      {stats.error ? (
        <ErrorState error={stats.error} onRetry={stats.reload} />
      ) : (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '12px 32px' }}>
          {spec.metrics.map((metric) => (
            <Statistic
              key={metric}
              title={metricLabel(metric, t)}
              value={stats.data ? formatMetric(metric, stats.data.metrics[metric], t, locale) : '—'}
              loading={stats.loading || latest.loading}
              styles={{ content: { fontSize: 20 } }}
              data-testid={`figure-${metric}`}
            />
          ))}
        </div>
      )}
      {spec.note && year && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
          {t(spec.note, { year, next: year + 1 })}
        </Typography.Text>
      )}
    </Card>
  );
}

/**
 * A search whose filters name a year (deals signed in 2020) moves the figures to that year, and so
 * does a reset; other searches keep the year chosen on the figures strip.
 */
function figuresFollow(spec: FigureSpec | undefined) {
  return (next: Record<string, string | null>) => {
    const filters = Object.fromEntries(Object.entries(next).filter(([, v]) => v !== null)) as Record<
      string,
      string
    >;
    const reset = Object.keys(filters).length === 0;
    return reset || spec?.yearOf?.(filters) !== undefined ? { ...next, figuresYear: null } : next;
  };
}

// ---------------------------------------------------------------------------------------------
// The page.

export function LedgerPage<T extends LedgerRow>({
  kind,
  before,
  onCreated,
}: {
  kind: LedgerKind<T>;
  /** Shown between the header and the figures (the leader's progress overview). */
  before?: ReactNode;
  onCreated?(record: T): void;
}) {
  const { t } = useI18n();
  const can = useCan();
  const state = useUrlTableState(kind.filters.map((f) => f.name));
  const rows = useLedgerRows(kind, state);
  const [generation, setGeneration] = useState(0);
  const editor = useLedgerEditor(kind, {
    onChanged: () => {
      rows.reload();
      setGeneration((n) => n + 1);
    },
    onCreated,
  });

  return (
    <>
      <PageHeader
        title={t(kind.title)}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={rows.reload}>
              {t('common.refresh')}
            </Button>
            {can(kind.writeCap) && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={editor.create}
                data-testid={`${kind.id}-create`}
              >
                {t(kind.createTitle)}
              </Button>
            )}
          </>
        }
      />
      {before}
      {kind.figures && can('stats.read') && (
        <FiguresStrip id={kind.id} spec={kind.figures} filters={state.filters} generation={generation} />
      )}
      <LedgerFilters id={kind.id} filters={kind.filters} state={state} amend={figuresFollow(kind.figures)} />
      <LedgerTable kind={kind} state={state} rows={rows} editor={editor} />
      {editor.element}
    </>
  );
}
