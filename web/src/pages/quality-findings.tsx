// 数据质量检查 findings where a report is filled, reviewed or imported: each finding's check, the
// fact with its figures and the fix to make (the server's Chinese text; in English the check's name
// and the Chinese text below it). Findings never block anything; an error asks the reviewer to
// confirm before approving.
import { Alert, List, Space, Tag, Typography } from 'antd';
import { checkName, factText, fixText } from '../../../src/domain/tables/quality';
import { api } from '../api/client';
import type { ImportQuality, QualityFinding } from '../api/quality-types';
import { useApiQuery } from '../api/query';
import { useI18n } from '../i18n';

const SEVERITY_COLORS = { error: 'red', warning: 'gold' } as const;

export function SeverityTag({ severity }: { severity: QualityFinding['severity'] }) {
  const { t } = useI18n();
  return (
    <Tag color={SEVERITY_COLORS[severity]} data-testid={`quality-${severity}`}>
      {t(`quality.severity.${severity}`)}
    </Tag>
  );
}

/** One finding: severity, check, the fact and the fix. */
export function FindingText({ finding }: { finding: QualityFinding }) {
  const { locale } = useI18n();
  const fact = factText(finding.check, finding.message, locale);
  const name = checkName(finding.check, locale);
  return (
    <Space orientation="vertical" size={0}>
      <span>
        <SeverityTag severity={finding.severity} />
        <Typography.Text strong>{name}</Typography.Text>
        {fact.slice(name.length)}
      </span>
      <Typography.Text type="secondary">{fixText(finding.fix, locale)}</Typography.Text>
    </Space>
  );
}

export function FindingList({ findings, testId }: { findings: QualityFinding[]; testId?: string }) {
  return (
    <List
      size="small"
      data-testid={testId}
      dataSource={findings}
      rowKey={(f) => `${f.reportId}-${f.check}`}
      renderItem={(f) => (
        <List.Item>
          <FindingText finding={f} />
        </List.Item>
      )}
    />
  );
}

// One request per report version, shared (one cache entry) by the review table's column, its
// expanded row and the approve confirmation.
export function useReportQuality(id: number, version: number) {
  return useApiQuery(['/api/reports', id, 'quality', version], (signal) =>
    api.get<{ findings: QualityFinding[] }>(`/api/reports/${id}/quality`, undefined, signal),
  );
}

/** A report's findings with the fix text (report fill and review), or that none were found. */
export function ReportQuality({ reportId, version }: { reportId: number; version: number }) {
  const { t } = useI18n();
  const state = useReportQuality(reportId, version);
  const findings = state.data?.findings;
  if (!findings) return null;
  if (findings.length === 0) {
    return <Alert type="success" showIcon data-testid="report-quality" title={t('quality.report.clean')} />;
  }
  return (
    <Alert
      type={findings.some((f) => f.severity === 'error') ? 'error' : 'warning'}
      showIcon
      data-testid="report-quality"
      title={t('quality.report.title')}
      description={
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
            {t('quality.report.hint')}
          </Typography.Paragraph>
          <FindingList findings={findings} />
        </>
      }
    />
  );
}

/** A compact count of a report's findings (a review table column). */
export function QualityTags({ reportId, version }: { reportId: number; version: number }) {
  const { t } = useI18n();
  const findings = useReportQuality(reportId, version).data?.findings;
  if (!findings) return null;
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  if (findings.length === 0) return <Tag color="green">{t('quality.clean')}</Tag>;
  return (
    <Space size={0} data-testid="review-quality">
      {errors > 0 && (
        <Tag color="red">
          {t('quality.errors')} {errors}
        </Tag>
      )}
      {warnings > 0 && (
        <Tag color="gold">
          {t('quality.warnings')} {warnings}
        </Tag>
      )}
    </Space>
  );
}

/** The approve confirmation: a warning and the count when the report has errors. */
export function ApproveTitle({
  reportId,
  version,
  plain,
}: {
  reportId: number;
  version: number;
  plain: string;
}) {
  const { t } = useI18n();
  const errors = useReportQuality(reportId, version).data?.findings.filter((f) => f.severity === 'error');
  if (!errors?.length) return <>{plain}</>;
  return (
    <span data-testid="approve-quality">
      {plain}
      <br />
      <Typography.Text type="danger">{t('quality.approveConfirm', { count: errors.length })}</Typography.Text>
    </span>
  );
}

/** A reports import's findings: warnings, the file is imported anyway. */
export function ImportQualityView({ quality }: { quality: ImportQuality | undefined }) {
  const { t } = useI18n();
  if (!quality || quality.errors + quality.warnings === 0) return null;
  const more = quality.errors + quality.warnings - quality.findings.length;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="import-quality"
      title={t('quality.import.title', { errors: quality.errors, warnings: quality.warnings })}
      description={
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
            {t('quality.import.hint')}
          </Typography.Paragraph>
          <List
            size="small"
            dataSource={quality.findings}
            pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }}
            rowKey={(f) => `${f.reportId}-${f.check}`}
            renderItem={(f) => (
              <List.Item>
                <Space orientation="vertical" size={0}>
                  <Typography.Text type="secondary">
                    {f.projectCode} {f.projectName} · {f.year}-{String(f.month).padStart(2, '0')}
                  </Typography.Text>
                  <FindingText finding={f} />
                </Space>
              </List.Item>
            )}
          />
          {more > 0 && (
            <Typography.Text type="secondary">{t('quality.import.more', { count: more })}</Typography.Text>
          )}
        </>
      }
    />
  );
}
