// 批量审核: approve every report on the page the caller may review, or return them all with one
// reason — one request (POST /api/reports/review), all or nothing. When the server refuses (a report
// changed or no longer submitted since the page loaded) it lists every one and nothing is changed.
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { App, Button, Form, Modal, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { ApiError, api } from '../api/client';
import { errorText } from '../api/error-text';
import type { MonthlyReport } from '../api/reports-types';
import { useI18n } from '../i18n';
import { ReturnReasonItem } from './report-shared';

interface Refused {
  id: number;
  report: string;
  reason: string;
}

export function BulkReview({ reports, onDone }: { reports: MonthlyReport[]; onDone(): void }) {
  const { t, locale } = useI18n();
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [returning, setReturning] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const approvable = reports.filter((r) => r.permissions.approve);
  const returnable = reports.filter((r) => r.permissions.return);

  const send = async (action: 'approve' | 'return', chosen: MonthlyReport[], reason?: string) => {
    setBusy(true);
    try {
      const items = chosen.map((r) => ({ id: r.id, version: r.version }));
      const done = await api.post<{ count: number }>('/api/reports/review', { action, reason, items });
      void message.success(
        t(action === 'approve' ? 'reports.review.bulkApproved' : 'reports.review.bulkReturned', {
          count: done.count,
        }),
      );
      setReturning(false);
      onDone();
    } catch (error) {
      setReturning(false);
      const refused =
        error instanceof ApiError && Array.isArray(error.details) ? (error.details as Refused[]) : [];
      if (refused.length > 0) {
        modal.warning({
          title: t('reports.review.bulkRefused'),
          content: (
            <ul data-testid="bulk-refused">
              {refused.map((r) => (
                <li key={r.id}>
                  {r.report}：{r.reason}
                </li>
              ))}
            </ul>
          ),
        });
      } else void message.error(errorText(error, t, locale));
      onDone();
    } finally {
      setBusy(false);
    }
  };

  if (approvable.length === 0 && returnable.length === 0) return null;
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      {approvable.length > 0 && (
        <Popconfirm
          title={t('reports.review.bulkApproveConfirm', { count: approvable.length })}
          onConfirm={() => send('approve', approvable)}
        >
          <Button icon={<CheckOutlined />} loading={busy} data-testid="bulk-approve">
            {t('reports.review.bulkApprove', { count: approvable.length })}
          </Button>
        </Popconfirm>
      )}
      {returnable.length > 0 && (
        <Button
          danger
          icon={<RollbackOutlined />}
          onClick={() => setReturning(true)}
          data-testid="bulk-return"
        >
          {t('reports.review.bulkReturn', { count: returnable.length })}
        </Button>
      )}
      {returning && (
        <Modal
          open
          title={t('reports.review.bulkReturnTitle', { count: returnable.length })}
          okText={t('reports.review.return')}
          okButtonProps={{ danger: true, loading: busy, id: 'bulk-return-ok' }}
          onOk={() =>
            void form
              .validateFields()
              .then(({ reason }) => send('return', returnable, reason.trim()))
              .catch(() => {})
          }
          onCancel={() => setReturning(false)}
          destroyOnHidden
        >
          <Form form={form} layout="vertical">
            <ReturnReasonItem id="bulk-return-reason" />
          </Form>
        </Modal>
      )}
    </Space>
  );
}
