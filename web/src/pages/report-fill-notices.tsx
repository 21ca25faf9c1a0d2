// What the fill form warns of above its fields: someone else changed the report (reload), the
// reviewer's reason for returning it, that the caller only reads it, that a change now is a
// correction (after the lock, or of a submitted or approved report), that values were carried from
// last month (texts among them to review), and a rule the server refused the last try by.
// A list, not a component: each notice is an item of the form's vertical Space, spaced as before.
import { Alert, Button } from 'antd';
import type { ReactNode } from 'react';
import type { ReportForm } from '../api/reports-types';
import { formatMonth } from '../format';
import type { Locale, Translate } from '../i18n';

export function reportNotices(
  {
    data,
    fills,
    correction,
    editable,
    conflict,
    onReload,
    ruleError,
    onCloseRuleError,
  }: {
    data: ReportForm;
    fills: boolean;
    correction: boolean;
    editable: boolean;
    conflict: boolean;
    onReload(): void;
    ruleError: string | null;
    onCloseRuleError(): void;
  },
  t: Translate,
  locale: Locale,
): ReactNode[] {
  const { report, previous: prev } = data;
  const copiedText = (['progressNote', 'problems'] as const).filter(
    (f) => data.carried.includes(f) || data.unchanged.includes(f),
  );
  return [
    conflict && (
      <Alert
        key="conflict"
        type="error"
        showIcon
        data-testid="report-conflict"
        title={t('reports.conflict')}
        action={
          <Button size="small" onClick={onReload}>
            {t('reports.reload')}
          </Button>
        }
      />
    ),
    report?.state === 'returned' && report.returnedReason && (
      <Alert
        key="returned"
        type="error"
        showIcon
        data-testid="report-returned"
        title={t('reports.fill.returnedTitle')}
        description={report.returnedReason}
      />
    ),
    !fills && <Alert key="read-only" type="info" showIcon title={t('reports.fill.readOnly')} />,
    fills && correction && editable && (
      <Alert
        key="correction"
        type="warning"
        showIcon
        data-testid="report-correction"
        title={data.locked ? t('reports.fill.lockedHint') : t('reports.fill.correctionHint')}
      />
    ),
    data.carried.length > 0 && prev && (
      <Alert
        key="carried"
        type="info"
        showIcon
        data-testid="report-carried"
        title={t('reports.fill.carriedHint', { month: formatMonth(prev.year, prev.month, locale) })}
      />
    ),
    copiedText.length > 0 && editable && (
      <Alert
        key="copied"
        type="warning"
        showIcon
        data-testid="report-copied"
        title={t('reports.fill.copiedHint')}
      />
    ),
    ruleError && (
      <Alert key="rule" type="error" showIcon closable onClose={onCloseRuleError} title={ruleError} />
    ),
  ];
}
