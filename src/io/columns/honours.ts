// honours: the entries of an honours list (荣誉名单) — 序号, 名称, 地区代码, 类别, 备注.

import type { HonourEntryRecord } from '../../domain/honours';
import { type CellData, fail, ok, regionCode, text, type ValueType } from '../cells';
import { columnsOf, type KindSpec, optional, required } from './types';

const c = columnsOf<HonourEntryRecord>();

const position: ValueType<number> = {
  parse(value: CellData) {
    const t =
      typeof value === 'number'
        ? String(value)
        : String(value)
            .trim()
            .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
    return /^[1-9]\d{0,4}$/.test(t) ? ok(Number(t)) : fail('序号应为 1–99999 的整数');
  },
  format: (value) => value,
};

export const honoursSpec: KindSpec<HonourEntryRecord> = {
  kind: 'honours',
  title: '荣誉名单',
  key: ['position'],
  columns: [
    c('position', '序号', required(position), ['排名', '名次']),
    c('name', '名称', required(text), ['单位名称', '企业名称', '项目名称']),
    c('regionCode', '地区代码', optional(regionCode), ['行政区划代码']),
    c('category', '类别', optional(text), ['类型', '奖项']),
    c('note', '备注', optional(text), ['说明']),
  ],
};
