// The entries of a 荣誉名单 as the honours page lists them, and in its Excel export (columns.ts).
// Rows are the list's `items` as GET /api/honours/:id gives them.
import type { TableSpec } from './columns';

type Row = Record<string, unknown>;

export const HONOURS_TABLE: TableSpec<Row> = {
  id: 'honours',
  zh: '荣誉名单',
  en: 'Honours list',
  columns: [
    { key: 'position', zh: '序号', en: 'No.', kind: 'count', width: 64 },
    { key: 'name', zh: '名称', en: 'Name', kind: 'text', width: 220 },
    { key: 'regionCode', zh: '地区代码', en: 'Region code', kind: 'text', width: 110 },
    { key: 'category', zh: '类别', en: 'Category', kind: 'text', width: 140 },
    { key: 'note', zh: '备注', en: 'Note', kind: 'text', width: 200 },
  ],
};
