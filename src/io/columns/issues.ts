// issues: problems raised for a project and their resolution (问题协调).

import type { IssueRecord } from '../../domain/records';
import { date, text } from '../cells';
import { columnsOf, type KindSpec, optional, required } from './types';

const c = columnsOf<IssueRecord>();

export const issuesSpec: KindSpec<IssueRecord> = {
  kind: 'issues',
  title: '问题协调',
  key: ['projectCode', 'description', 'raisedDate'],
  columns: [
    c('projectCode', '项目代码', required(text), ['项目编码', '项目编号', '统一项目代码']),
    c('category', '问题类别', optional(text), ['问题类型']),
    c('description', '问题描述', required(text), ['问题内容', '存在问题']),
    c('responsibleUnit', '责任单位', optional(text), ['牵头单位']),
    c('raisedDate', '提出日期', required(date), ['提出时间']),
    c('dueDate', '限办日期', optional(date), ['办结时限']),
    c('resolvedDate', '解决日期', optional(date), ['解决时间', '办结日期']),
  ],
};
