// deals: signed investment-attraction projects (招商引资签约项目).

import type { DealOrigin, DealRecord, Top500 } from '../../domain/records';
import { amount, date, enumOf, regionCode, text } from '../cells';
import { columnsOf, type KindSpec, optional, required, withDefault } from './types';

const origin = enumOf<DealOrigin>(
  [
    ['in_province', '省内'],
    ['out_of_province', '省外'],
    ['abroad', '境外', '国外', '境外(含港澳台)'],
  ],
  '投资方来源',
);

const top500 = enumOf<Top500 | null>(
  [
    ['global500', '世界500强'],
    ['china500', '中国500强'],
    [null, '无', '否'],
  ],
  '500强类型',
);

const c = columnsOf<DealRecord>();

export const dealsSpec: KindSpec<DealRecord> = {
  kind: 'deals',
  title: '签约项目',
  key: ['name', 'regionCode'],
  columns: [
    c('name', '签约项目名称', required(text), ['项目名称']),
    c('regionCode', '地区代码', required(regionCode), ['行政区划代码', '区划代码']),
    c('investor', '投资方', optional(text), ['投资方名称', '投资主体', '签约企业']),
    c('origin', '投资方来源', required(origin), ['资金来源地']),
    c('top500', '500强类型', withDefault(top500, null), ['是否500强']),
    c('signedDate', '签约日期', required(date), ['签约时间']),
    c('contractAmount', '合同投资额(万元)', required(amount), ['合同金额', '签约金额', '合同投资']),
    c('fundsInPlace', '到位资金(万元)', withDefault(amount, 0n), ['到位资金额', '实际到位资金']),
    c('industry', '所属产业', optional(text), ['产业类别', '所属行业']),
    c('startDate', '开工日期', optional(date), ['开工时间']),
    c('projectCode', '关联项目代码', optional(text), ['项目代码']),
  ],
};
