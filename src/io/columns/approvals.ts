// approvals: items handled by joint review (联审联批事项).

import type { ApprovalRecord } from '../../domain/records';
import { date, text } from '../cells';
import { columnsOf, type KindSpec, optional, required } from './types';

const c = columnsOf<ApprovalRecord>();

export const approvalsSpec: KindSpec<ApprovalRecord> = {
  kind: 'approvals',
  title: '联审联批',
  key: ['projectCode', 'itemName'],
  columns: [
    c('projectCode', '项目代码', required(text), ['项目编码', '项目编号', '统一项目代码']),
    c('itemName', '事项名称', required(text), ['审批事项', '审批事项名称']),
    c('department', '审批部门', optional(text), ['办理部门']),
    c('dueDate', '应办结日期', optional(date), ['承诺办结日期', '应办结时间']),
    c('submittedDate', '申报日期', optional(date), ['申报时间', '受理日期']),
    c('doneDate', '办结日期', optional(date), ['办结时间', '实际办结日期']),
  ],
};
