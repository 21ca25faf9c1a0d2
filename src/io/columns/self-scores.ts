// self-scores: units' 自评分 (evaluation_self_scores) — 考评方案, 考评期, 地区代码, 指标 (empty or 总分
// for the total), 自评分, 说明. 自评分 is kept as text and checked exactly by the service, with the
// scheme, the unit and the indicator (services/self-scores.ts).

import type { SelfScoreInput } from '../../domain/evaluation/self-scores';
import { regionCode, text } from '../cells';
import { decimalText } from './adjustments';
import { columnsOf, type KindSpec, optional, required } from './types';

const c = columnsOf<SelfScoreInput>();

export const selfScoresSpec: KindSpec<SelfScoreInput> = {
  kind: 'self-scores',
  title: '自评分',
  key: ['scheme', 'period', 'unitCode', 'indicator'],
  columns: [
    c('scheme', '考评方案', required(text), ['方案']),
    c('period', '考评期', required(decimalText), ['期间', '考评期间']),
    c('unitCode', '地区代码', required(regionCode), ['单位代码', '行政区划代码']),
    c('indicator', '指标', optional(text), ['考评指标', '指标名称']),
    c('points', '自评分', required(decimalText), ['自评得分', '分值']),
    c('note', '说明', optional(text), ['备注']),
  ],
};
