// The head of the fill form: the project, the month, its deadline (overdue while a draft is late),
// the report's state (late, locked), last month's cumulative amount, and who submitted and approved.
import { Descriptions, Space, Tag, Typography } from 'antd';
import type { ReportForm } from '../api/reports-types';
import { formatAmount, formatDate, formatDateTime, formatMonth } from '../format';
import { useI18n } from '../i18n';
import { useRegions } from '../regions';
import { chinaToday, LateTag, ReportStateTag } from './report-shared';

export function ReportStatus({ data, phone }: { data: ReportForm; phone: boolean }) {
  const { t, locale } = useI18n();
  const regions = useRegions();
  const { project, report, previous: prev } = data;
  const overdue = chinaToday() > data.deadline;
  return (
    <Descriptions
      size="small"
      column={phone ? 1 : { xs: 1, sm: 2, lg: 4 }}
      data-testid="report-status"
      items={[
        {
          key: 'project',
          label: t('reports.project'),
          span: phone ? 1 : { xs: 1, sm: 2, lg: 4 },
          children: (
            <span>
              <Typography.Text strong>{project.name}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {project.code} · {regions.name(project.regionCode)}
              </Typography.Text>
            </span>
          ),
        },
        { key: 'month', label: t('reports.month'), children: formatMonth(data.year, data.month, locale) },
        {
          key: 'deadline',
          label: t('reports.deadline'),
          children: (
            <Space size={4} wrap>
              {formatDate(data.deadline, locale)}
              {overdue && !report?.late && (!report || report.state === 'draft') && (
                <Tag color="warning">{t('reports.fill.overdue')}</Tag>
              )}
            </Space>
          ),
        },
        {
          key: 'state',
          label: t('reports.state'),
          children: (
            <Space size={4} wrap>
              {report ? <ReportStateTag state={report.state} /> : <Tag>{t('reports.state.none')}</Tag>}
              {report?.late && <LateTag />}
              {data.locked && (
                <Tag color="purple" data-testid="report-locked">
                  {t('reports.locked')}
                </Tag>
              )}
            </Space>
          ),
        },
        {
          key: 'previous',
          label: t('reports.fill.previous'),
          children: prev
            ? `${formatMonth(prev.year, prev.month, locale)} · ${formatAmount(prev.investYtd, locale)}`
            : t('reports.fill.noPrevious'),
        },
        ...(report?.submittedAt
          ? [
              {
                key: 'submittedAt',
                label: t('reports.submittedAt'),
                children: `${formatDateTime(report.submittedAt, locale)}${report.submittedBy ? ` · ${report.submittedBy}` : ''}`,
              },
            ]
          : []),
        ...(report?.approvedAt
          ? [
              {
                key: 'approvedAt',
                label: t('reports.approvedAt'),
                children: `${formatDateTime(report.approvedAt, locale)}${report.approvedBy ? ` · ${report.approvedBy}` : ''}`,
              },
            ]
          : []),
      ]}
    />
  );
}
