// reserve: projects prepared for next year's lists (谋划储备).

import type { ReserveRecord } from '../../domain/records';
import { amount, bool, regionCode, text, year } from '../cells';
import { columnsOf, type KindSpec, optional, required, requiredOrYearOption, withDefault } from './types';

const c = columnsOf<ReserveRecord>();

export const reserveSpec: KindSpec<ReserveRecord> = {
  kind: 'reserve',
  title: '谋划储备',
  key: ['name', 'regionCode', 'targetYear'],
  columns: [
    c('name', '项目名称', required(text)),
    c('regionCode', '地区代码', required(regionCode), ['行政区划代码', '区划代码']),
    c('targetYear', '目标年度', requiredOrYearOption(year), ['计划实施年度', '拟实施年度']),
    c('totalInvestment', '总投资(万元)', optional(amount), ['计划总投资', '项目总投资']),
    c('domain', '所属领域', optional(text), ['领域', '行业领域']),
    c('maturity', '成熟度', optional(text), ['成熟程度', '前期工作进展']),
    c('major', '是否重大项目', withDefault(bool, false), ['重大项目']),
    c('convertedProjectCode', '转化项目代码', optional(text), ['转化项目编码']),
  ],
};
