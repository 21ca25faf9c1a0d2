// adjustments: manual 加分/扣分 (evaluation_adjustments) — 考评方案, 考评期, 地区代码, 类别, 事项, 分值,
// 理由. 分值 is kept as text (a number cell through its shortest decimal text) and checked exactly
// by the service, like every other check of the scheme and the unit (services/evaluation-entries.ts).

import type { AdjustmentInput } from '../../domain/evaluation/entries';
import { ok, regionCode, text, type ValueType } from '../cells';
import { numberText } from '../text';
import { columnsOf, type KindSpec, optional, required } from './types';

const c = columnsOf<AdjustmentInput>();

export const decimalText: ValueType<string> = {
  parse: (value) => ok(typeof value === 'number' ? numberText(value) : String(value).trim()),
  format: (value) => value,
};

export const adjustmentsSpec: KindSpec<AdjustmentInput> = {
  kind: 'adjustments',
  title: '人工加分扣分',
  key: ['scheme', 'period', 'unitCode', 'kind', 'item', 'points', 'reason'],
  columns: [
    c('scheme', '考评方案', required(text), ['方案']),
    c('period', '考评期', required(decimalText), ['期间', '考评期间']),
    c('unitCode', '地区代码', required(regionCode), ['单位代码', '行政区划代码']),
    c('kind', '类别', required(text), ['加分或扣分', '类型']),
    c('item', '事项', optional(text), ['加分扣分事项']),
    c('points', '分值', required(decimalText), ['分数', '加减分值']),
    c('reason', '理由', required(text), ['原因', '事由']),
  ],
};
