// A server-paged table's state: in the address for a page (bookmarkable, survives reload), local for
// a section inside another page; antd's paging and sorting turned into it, and the paging row under it.
import type { TableProps } from 'antd';
import { useState } from 'react';
import type { Translate } from '../i18n';
import { setSearch, useLocation } from '../router';

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
