// reports: one monthly report per project, year and month.

import type { ReportRecord } from '../../domain/records';
import { amount, bool, date, month, text, year } from '../cells';
import { columnsOf, type KindSpec, optional, required, requiredOrYearOption, withDefault } from './types';

const c = columnsOf<ReportRecord>();

export const reportsSpec: KindSpec<ReportRecord> = {
  kind: 'reports',
  title: '月报',
  key: ['projectCode', 'year', 'month'],
  // A report needs its cumulative investment: a row of the form with only the key was not filled.
  skipKeyOnlyRows: true,
  columns: [
    c('projectCode', '项目代码', required(text), ['项目编码', '项目编号', '统一项目代码']),
    c('year', '年度', requiredOrYearOption(year), ['年份']),
    c('month', '月份', required(month), ['月度']),
    c('investYtd', '累计完成投资(万元)', required(amount), ['累计完成投资额', /^1-\d{1,2}月累计完成投资$/]),
    c('started', '是否开工', withDefault(bool, false)),
    c('startDate', '实际开工日期', optional(date), ['开工日期']),
    c('completed', '是否竣工', withDefault(bool, false)),
    c('completionDate', '实际竣工日期', optional(date), ['竣工日期']),
    c('progressNote', '形象进度', optional(text), ['工程形象进度']),
    c('problems', '存在问题', optional(text), ['存在的问题']),
    c('reportedAt', '报送日期', optional(date), ['填报日期', '报送时间']),
  ],
};
