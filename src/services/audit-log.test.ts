// One stored audit row in words (describeAuditRow): the labels, the target named where it is a region
// or a setting, and the change field by field; the raw row kept.
import { describe, expect, it } from 'vitest';
import { type AuditRow, describeAuditRow } from './audit-log';

const row = (over: Partial<AuditRow>): AuditRow =>
  ({
    id: 7,
    at: new Date('2020-10-03T02:00:00Z'),
    actor: 'sys1',
    ip: '127.0.0.1',
    action: 'settings.update',
    targetType: 'settings',
    targetId: 'report.deadlineDay',
    outcome: 'ok',
    before: { 'report.deadlineDay': 5 },
    after: { 'report.deadlineDay': 7 },
    details: null,
    ...over,
  }) as AuditRow;

const names = {
  regions: new Map([['410300', '洛阳市']]),
  fields: { 'report.deadlineDay': '月报截止日（次月几日）' },
};

describe('an audit row in words', () => {
  it('names a setting target and the setting changed, before → after', () => {
    const entry = describeAuditRow(row({}), names);
    expect(entry).toMatchObject({
      id: 7,
      actionLabel: '修改系统设置',
      actionLabelEn: 'Change settings',
      targetTypeLabel: '系统设置',
      targetLabel: '月报截止日（次月几日）（report.deadlineDay）',
      outcomeLabel: '成功',
      before: { 'report.deadlineDay': 5 },
      changes: [{ field: 'report.deadlineDay', label: '月报截止日（次月几日）', before: '5', after: '7' }],
    });
  });

  it('names a region target; leaves other ids and unknown actions as they are', () => {
    const exported = describeAuditRow(
      row({ action: 'export.deals', targetType: 'deals', targetId: '410300', before: null, after: null }),
      names,
    );
    expect(exported).toMatchObject({
      actionLabel: '导出招商签约项目',
      targetLabel: '洛阳市（410300）',
      changes: [],
    });
    const unknown = describeAuditRow(
      row({ action: 'made.up', targetType: 'thing', targetId: '410300:x', outcome: 'odd' }),
      names,
    );
    expect(unknown).toMatchObject({
      actionLabel: 'made.up',
      targetTypeLabel: 'thing',
      targetLabel: '410300:x',
      outcomeLabel: 'odd',
    });
  });
});
