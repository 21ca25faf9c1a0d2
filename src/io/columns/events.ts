// events: 加分/扣分 events (evaluation_events) — 地区代码, 日期, 事项, 次数, 理由, 依据. The item is
// checked against the schemes' lists by the service (services/evaluation-entries.ts).

import type { EventInput } from '../../domain/evaluation/entries';
import { date, fail, ok, regionCode, text, type ValueType } from '../cells';
import { columnsOf, type KindSpec, optional, required, withDefault } from './types';

const c = columnsOf<EventInput>();

const count: ValueType<number> = {
  parse(value) {
    const t = typeof value === 'number' ? String(value) : String(value).trim();
    return /^[1-9]\d{0,3}$/.test(t) && Number(t) <= 1000 ? ok(Number(t)) : fail('次数应为 1–1000 的整数');
  },
  format: (value) => value,
};

export const eventsSpec: KindSpec<EventInput> = {
  kind: 'events',
  title: '加分扣分事件',
  key: ['regionCode', 'eventDate', 'item', 'count', 'reason', 'note'],
  columns: [
    c('regionCode', '地区代码', required(regionCode), ['单位代码', '行政区划代码']),
    c('eventDate', '日期', required(date), ['事件日期', '发生日期']),
    c('item', '事项', required(text), ['事件', '加分扣分事项', '项目']),
    c('count', '次数', withDefault(count, 1), ['数量']),
    c('reason', '理由', required(text), ['原因', '事由']),
    c('note', '依据', optional(text), ['证明材料', '备注', '文件']),
  ],
};
