// The fill form's buttons, as the server's permissions allow: save the draft, submit, save a
// correction of a submitted or approved report, delete the draft (after a confirmation). On a
// phone they stack, each the full width.
import { DeleteOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Popconfirm } from 'antd';
import type { MonthlyReport } from '../api/reports-types';
import { useI18n } from '../i18n';

export type Busy = 'save' | 'submit' | 'delete' | null;

export function ReportActions({
  report,
  phone,
  busy,
  isReview,
  canCorrect,
  canSubmit,
  onRun,
  onDelete,
}: {
  report: MonthlyReport | null;
  phone: boolean;
  busy: Busy;
  isReview: boolean;
  canCorrect: boolean;
  canSubmit: boolean;
  onRun(kind: 'save' | 'submit'): void;
  /** Its promise keeps the confirmation's button loading until the draft is deleted. */
  onDelete(): Promise<void>;
}) {
  const { t } = useI18n();
  return (
    <div
      style={{
        display: 'flex',
        flexDirection: phone ? 'column' : 'row',
        flexWrap: 'wrap',
        gap: 8,
      }}
    >
      {(!report || report.permissions.update || (canCorrect && !isReview)) && (
        <Button
          icon={<SaveOutlined />}
          loading={busy === 'save'}
          block={phone}
          onClick={() => onRun('save')}
          data-testid="report-save"
        >
          {t('reports.fill.saveDraft')}
        </Button>
      )}
      {canSubmit && (
        <Button
          type="primary"
          icon={<SendOutlined />}
          loading={busy === 'submit'}
          block={phone}
          onClick={() => onRun('submit')}
          data-testid="report-submit"
        >
          {t('reports.fill.submit')}
        </Button>
      )}
      {isReview && canCorrect && (
        <Button
          type="primary"
          icon={<SendOutlined />}
          loading={busy === 'save'}
          block={phone}
          onClick={() => onRun('save')}
          data-testid="report-correct"
        >
          {t('reports.fill.saveCorrection')}
        </Button>
      )}
      {report?.permissions.delete && (
        <Popconfirm title={t('reports.fill.deleteConfirm')} onConfirm={() => onDelete()}>
          <Button
            danger
            icon={<DeleteOutlined />}
            loading={busy === 'delete'}
            block={phone}
            data-testid="report-delete"
          >
            {t('reports.fill.deleteDraft')}
          </Button>
        </Popconfirm>
      )}
    </div>
  );
}
