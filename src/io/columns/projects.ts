// projects: one row per project for the year and list given on the command line.

import type { Nature, ProjectRecord } from '../../domain/records';
import { amount, boundedNumber, date, enumOf, regionCode, text, textUpTo } from '../cells';
import { columnsOf, type KindSpec, optional, required } from './types';

const nature = enumOf<Nature>(
  [
    ['new', '新开工'],
    ['continuing', '续建'],
    ['completing', '计划竣工'],
    ['preparatory', '前期'],
  ],
  '建设性质',
);

const c = columnsOf<ProjectRecord>();

export const projectsSpec: KindSpec<ProjectRecord> = {
  kind: 'projects',
  title: '项目',
  key: ['code'],
  columns: [
    c('code', '项目代码', required(textUpTo(64)), ['项目编码', '项目编号', '统一项目代码']),
    c('name', '项目名称', required(textUpTo(200))),
    c('regionCode', '地区代码', required(regionCode), ['行政区划代码', '区划代码']),
    c('owner', '项目单位', optional(textUpTo(200)), ['项目法人', '建设单位', '项目业主']),
    c('leader', '分包领导', optional(textUpTo(60)), ['分包省领导', '分包市领导', '联系领导']),
    c('domain', '所属领域', optional(textUpTo(60)), ['领域', '行业领域']),
    c('nature', '建设性质', required(nature), ['项目性质']),
    c('totalInvestment', '总投资(万元)', optional(amount), ['计划总投资', '项目总投资']),
    c('annualTarget', '年度计划投资(万元)', optional(amount), [
      '年度投资计划',
      '年度计划',
      '年度目标',
      /^\d{4}年计划投资$/,
    ]),
    c('plannedStart', '计划开工日期', optional(date), ['计划开工时间']),
    c('plannedCompletion', '计划竣工日期', optional(date), ['计划竣工时间']),
    c('actualStart', '实际开工日期', optional(date), ['实际开工时间', '开工日期']),
    c('actualCompletion', '实际竣工日期', optional(date), ['实际竣工时间', '竣工日期']),
    c('lng', '经度', optional(boundedNumber('经度', 73, 136))),
    c('lat', '纬度', optional(boundedNumber('纬度', 3, 54))),
    c('scope', '建设规模及内容', optional(text), ['建设规模和内容', '主要建设内容', '建设内容']),
    // Added after the interfaces.md contract (optional, so files without them still import): 投产达效.
    c('plannedProduction', '计划投产日期', optional(date), ['计划投产时间', '预计投产日期', '预计投产时间']),
    c('productionStart', '实际投产日期', optional(date), ['实际投产时间', '投产日期', '投产时间']),
    c('outputValue', '投产后年产值(万元)', optional(amount), [
      '达产产值',
      '达产年产值',
      '达产后年产值',
      '年产值',
      '预计年产值',
    ]),
  ],
};
