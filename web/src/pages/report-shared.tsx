// What the three monthly-reporting pages share: the report month (today in China, the month
// picker), the state and late tags, the phone breakpoint, server-side paging and sorting kept in
// the address, the report tables' common columns, and the address of a project's form for a month.
import {
  DatePicker,
  Form,
  Grid,
  Input,
  Table,
  type TablePaginationConfig,
  type TableProps,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { chinaDate } from '../../../src/domain/report-workflow';
import type { MonthlyReport, ReportState } from '../api/reports-types';
import type { Page } from '../api/types';
import type { ApiState } from '../api/use-api';
import { EmptyState, ErrorState } from '../components/states';
import { formatMonth } from '../format';
import { type MessageKey, useI18n } from '../i18n';
import { Link, setSearch, useLocation } from '../router';

/** Today's date in China (deadlines are days there): "2026-11-26", as the server reckons it. */
export function chinaToday(now = Date.now()): string {
  return chinaDate(new Date(now));
}

/** The month being reported now, in China. */
export function currentMonth(): { year: number; month: number } {
  const [year, month] = chinaToday().split('-').map(Number);
  return { year: year!, month: month! };
}

/** A year and month from the address ("year", "month"), or null when absent or out of range. */
export function monthFromSearch(search: URLSearchParams): { year: number; month: number } | null {
  const year = Number(search.get('year'));
  const month = Number(search.get('month'));
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  return { year, month };
}

/** The fill page of a project's report for a month. */
export function fillPath(projectId: number, year: number, month: number): string {
  return `/reports/fill?project=${projectId}&year=${year}&month=${month}`;
}

/** A month picker showing 2020年9月 / Sep 2020; months after the current one cannot be chosen. */
export function MonthPicker({
  value,
  onChange,
  allowClear = false,
  id,
  testId,
}: {
  value: { year: number; month: number } | null;
  onChange(value: { year: number; month: number } | null): void;
  allowClear?: boolean;
  id?: string;
  testId?: string;
}) {
  const { t, locale } = useI18n();
  const now = currentMonth();
  const last = dayjs(`${now.year}-${String(now.month).padStart(2, '0')}-01`);
  return (
    <DatePicker
      id={id}
      picker="month"
      allowClear={allowClear}
      placeholder={t('reports.month.any')}
      value={value ? dayjs(`${value.year}-${String(value.month).padStart(2, '0')}-01`) : null}
      onChange={(next: Dayjs | null) =>
        onChange(next ? { year: next.year(), month: next.month() + 1 } : null)
      }
      disabledDate={(day) => day.isAfter(last, 'month')}
      format={(day) => formatMonth(day.year(), day.month() + 1, locale)}
      data-testid={testId}
      style={{ minWidth: 140 }}
    />
  );
}

const STATE_COLOURS: Record<ReportState, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'error',
  approved: 'success',
};

export const stateKey = (state: ReportState): MessageKey => `reports.state.${state}`;

export function ReportStateTag({ state }: { state: ReportState }) {
  const { t } = useI18n();
  return (
    <Tag color={STATE_COLOURS[state]} data-testid="report-state">
      {t(stateKey(state))}
    </Tag>
  );
}

export function LateTag() {
  const { t } = useI18n();
  return <Tag color="warning">{t('reports.late')}</Tag>;
}

/** Phone-sized screens (below antd's md, 768 px) get cards instead of tables. */
export function usePhone(): boolean {
  const screens = Grid.useBreakpoint();
  return screens.md === false;
}

/**
 * A table's server-side paging and sorting, kept in the address as users.tsx does: page, pageSize
 * and sort (a `prefix` keeps two tables on one page apart). Only `sortable` fields are sent.
 */
export function usePaging<T>(sortable: readonly string[], prefix = '') {
  const { t } = useI18n();
  const { search } = useLocation();
  const names = { page: `${prefix}page`, pageSize: `${prefix}pageSize`, sort: `${prefix}sort` };
  const page = Number(search.get(names.page) ?? 1) || 1;
  const pageSize = Number(search.get(names.pageSize) ?? 20) || 20;
  const sort = search.get(names.sort) ?? undefined;
  const sortOrder = (field: string) =>
    sort === field ? ('ascend' as const) : sort === `-${field}` ? ('descend' as const) : null;
  const onChange: TableProps<T>['onChange'] = (next, _filters, sorter) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = typeof one?.columnKey === 'string' && one.order ? one.columnKey : null;
    const nextSort =
      field && sortable.includes(field) ? `${one?.order === 'descend' ? '-' : ''}${field}` : null;
    const restart = next.pageSize !== pageSize || (nextSort ?? undefined) !== sort;
    setSearch({
      [names.page]: restart ? null : next.current,
      [names.pageSize]: next.pageSize,
      [names.sort]: nextSort,
    });
  };
  const pagination = (total: number | undefined): TablePaginationConfig => ({
    current: page,
    pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [20, 50, 100, 200],
    showTotal: (count) => t('common.total', { total: count }),
  });
  return { page, pageSize, sort, sortOrder, onChange, pagination };
}

/** A report's project: its name (opening the month's form) and code; on a phone also the month. */
export function ProjectCell({ report, phone = false }: { report: MonthlyReport; phone?: boolean }) {
  const { locale } = useI18n();
  return (
    <div style={{ whiteSpace: 'normal' }}>
      <Link to={fillPath(report.projectId, report.year, report.month)}>{report.projectName}</Link>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {report.projectCode}
          {phone && ` · ${formatMonth(report.year, report.month, locale)}`}
        </Typography.Text>
        {phone && report.late && (
          <span style={{ marginLeft: 6 }}>
            <LateTag />
          </span>
        )}
      </div>
    </div>
  );
}

/** The project column's width: a project's name on two or three lines, its code on one. */
const PROJECT_COLUMN_WIDTH = 260;

/** The width a table's columns ask for (those without a width count as `PROJECT_COLUMN_WIDTH`). */
export function columnsWidth(columns: readonly { width?: number | string }[] = []): number {
  return columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : PROJECT_COLUMN_WIDTH), 0);
}

/** A table paged and sorted on the server, with its failed and empty states. */
export function ServerTable<T extends object>({
  testId,
  state,
  paging,
  empty,
  scrollX = 900,
  ...props
}: {
  testId: string;
  state: ApiState<Page<T>>;
  paging: ReturnType<typeof usePaging<T>>;
  empty: ReactNode;
  scrollX?: number;
} & Pick<TableProps<T>, 'rowKey' | 'columns' | 'expandable' | 'pagination'>) {
  if (state.error) return <ErrorState error={state.error} onRetry={state.reload} />;
  // Never narrower than its columns ask (and the expand button's column): below that the table
  // scrolls sideways instead of squeezing a column to a character a line.
  const x = Math.max(scrollX, columnsWidth(props.columns) + (props.expandable ? 48 : 0));
  return (
    <Table<T>
      size="middle"
      data-testid={testId}
      dataSource={state.data?.items ?? []}
      loading={state.loading}
      scroll={{ x }}
      locale={{ emptyText: <EmptyState text={empty} /> }}
      onChange={paging.onChange}
      pagination={paging.pagination(state.data?.total)}
      {...props}
    />
  );
}

/** The return reason a reviewer must give (2–500 characters), under the form's `reason` field. */
export function ReturnReasonItem({ id }: { id: string }) {
  const { t } = useI18n();
  return (
    <Form.Item
      htmlFor={id}
      name="reason"
      label={t('reports.review.reason')}
      rules={[{ required: true, whitespace: true, min: 2, message: t('reports.review.reasonRequired') }]}
    >
      <Input.TextArea
        id={id}
        autoSize={{ minRows: 3, maxRows: 6 }}
        maxLength={500}
        showCount
        placeholder={t('reports.review.reasonPlaceholder')}
      />
    </Form.Item>
  );
}
