// The generic record page behind 项目管理 and the four 台账 (deals, reserve projects, approval
// items, issues): a kind (LedgerKind) says its endpoint, filters, columns, form fields and the
// statistics it feeds; this file does the rest once — server-side paging and sorting (the state in
// table-state.ts), create / edit / delete as the record's `permissions` allow, with the filters
// (ledger-filters.tsx) and the strip of figures that changes as the ledger does (ledger-figures.tsx).
// The same table also serves inside the project detail page, its state kept locally, the project fixed.
import { DeleteOutlined, EditOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Space, Table } from 'antd';
import type { ColumnsType, ColumnType, TableRef } from 'antd/es/table';
import { type ReactNode, useMemo, useRef, useState } from 'react';
import type { TableSpec } from '../../../src/domain/tables/columns';
import { ApiError, api } from '../api/client';
import { errorText } from '../api/error-text';
import { type ApiState, useApiQuery } from '../api/query';
import type { Capability, Page } from '../api/types';
import { ExportButton } from '../components/export-button';
import { PageHeader } from '../components/page-header';
import { useFocusableScroll } from '../components/scroll-focus';
import { EmptyState, ErrorState } from '../components/states';
import { type Locale, type MessageKey, type Translate, useI18n } from '../i18n';
import { useRegions } from '../regions';
import { useCan } from '../session';
import { FiguresStrip, figuresFollow } from './ledger-figures';
import { LedgerFilters } from './ledger-filters';
import { type FieldDef, RecordFormDialog } from './ledger-form';
import { onTableChange, pagination, sortOrderOf, type TableState, useUrlTableState } from './table-state';

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
  /** The columns' specification, shared with the list's Excel export (`<endpoint>/export`). */
  table?: TableSpec<Record<string, unknown>>;
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
            {kind.table && (
              <ExportButton
                path={`${kind.endpoint}/export`}
                query={{ ...state.filters, sort: state.sort }}
                testId={`${kind.id}-export`}
              />
            )}
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
