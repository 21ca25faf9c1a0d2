// What the two ledgers of 加分扣分 share: an entry's review state and actions (approve, never one's own;
// revoke with a reason), the spreadsheet import, and the page shape — a form to enter one (for those who
// may), then the list with the author, the state and the actions after the kind's own columns.
import { UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Input,
  Popconfirm,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  Upload,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useState } from 'react';
import { api } from '../api/client';
import { errorText } from '../api/error-text';
import type { ApiState } from '../api/use-api';
import { Async, EmptyState } from '../components/states';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { useCan, useMe } from '../session';
import { uploadWithProgress } from './import-upload';

export type Status = 'pending' | 'approved' | 'revoked';
export interface Review {
  id: number;
  status: Status;
  author: string;
  createdAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  revokedBy: string | null;
  revokedAt: string | null;
  revokeReason: string | null;
  version: number;
}
export type { AdjustmentEntry, EntryChoices as Choices, EventEntry } from '../api/evaluation-entries-types';

function StatusCell({ row }: { row: Review }) {
  const { t, locale } = useI18n();
  if (row.status === 'approved')
    return (
      <Tag color="green">
        {t('entries.approved')} · {row.approvedBy}
      </Tag>
    );
  if (row.status === 'revoked')
    return (
      <Tooltip
        title={t('entries.revokedInfo', {
          by: row.revokedBy ?? '',
          at: row.revokedAt ? formatDateTime(row.revokedAt, locale) : '',
          reason: row.revokeReason ?? '',
        })}
      >
        <Tag>{t('entries.revoked')}</Tag>
      </Tooltip>
    );
  return <Tag color="gold">{t('entries.pending')}</Tag>;
}

function ReviewActions({ row, base, onDone }: { row: Review; base: string; onDone(): void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const can = useCan();
  const [reason, setReason] = useState('');
  const act = async (path: string, body: unknown) => {
    try {
      await api.post(`${base}/${row.id}/${path}`, body);
      onDone();
    } catch (error) {
      message.error(errorText(error, t, locale));
    }
  };
  if (row.status === 'revoked') return null;
  const own = row.author === me.username;
  return (
    <Space size={4}>
      {row.status === 'pending' && can('evaluationEntry.approve') && (
        <Tooltip title={own ? t('entries.ownEntry') : undefined}>
          <Button
            size="small"
            type="primary"
            disabled={own}
            onClick={() => act('approve', { version: row.version })}
          >
            {t('entries.approve')}
          </Button>
        </Tooltip>
      )}
      {can('evaluationEntry.revoke') && (
        <Popconfirm
          title={t('entries.revokeReason')}
          description={
            <Input
              aria-label={t('entries.revokeReason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          }
          okButtonProps={{ disabled: !reason.trim() }}
          onConfirm={() => act('revoke', { version: row.version, reason: reason.trim() })}
        >
          <Button size="small" danger>
            {t('entries.revoke')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}

/** A spreadsheet upload taken whole or not at all: every problem the server lists is shown. */
export function ImportButton({
  path,
  hint,
  onDone,
  label,
  done,
}: {
  path: string;
  hint: string;
  onDone(): void;
  /** The button's text (default 导入表格) and the success message (default: imported, pending review). */
  label?: string;
  done?: (n: number) => string;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Upload
          accept=".xlsx,.csv"
          showUploadList={false}
          beforeUpload={async (file) => {
            setError(null);
            try {
              const out = await uploadWithProgress<{ items: unknown[] }>(path, file);
              message.success(
                done ? done(out.items.length) : t('entries.importedCount', { n: out.items.length }),
              );
              onDone();
            } catch (caught) {
              setError(errorText(caught, t, locale));
            }
            return false;
          }}
        >
          <Button icon={<UploadOutlined />}>{label ?? t('entries.import')}</Button>
        </Upload>
        <Typography.Text type="secondary">{hint}</Typography.Text>
      </Space>
      {error && (
        <Alert type="error" showIcon title={<span style={{ whiteSpace: 'pre-wrap' }}>{error}</span>} />
      )}
    </Space>
  );
}

export function useSubmit(onDone: () => void) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const submit = async (path: string, body: unknown) => {
    setBusy(true);
    try {
      await api.post(path, body);
      message.success(t('entries.saved'));
      onDone();
      return true;
    } catch (error) {
      message.error(errorText(error, t, locale));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, submit };
}

interface EntryLedgerProps<T extends Review> {
  /** The API path of the kind, e.g. /api/evaluation-events (its import is base + /import). */
  base: string;
  list: ApiState<{ items: T[] }>;
  /** The form that enters one entry. */
  form: ReactNode;
  importHint: string;
  /** The kind's own columns, before the author, state and actions. */
  columns: ColumnsType<T>;
  testId: string;
}

export function EntryLedger<T extends Review>({
  base,
  list,
  form,
  importHint,
  columns,
  testId,
}: EntryLedgerProps<T>) {
  const { t } = useI18n();
  const can = useCan();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {can('evaluationEntry.enter') && (
        <Card size="small" title={t('entries.add')}>
          {form}
          <div style={{ marginTop: 12 }}>
            <ImportButton path={`${base}/import`} hint={importHint} onDone={list.reload} />
          </div>
        </Card>
      )}
      <Async state={list}>
        {({ items }) => (
          <Table<T>
            size="small"
            rowKey="id"
            dataSource={items}
            data-testid={testId}
            locale={{ emptyText: <EmptyState text={t('entries.none')} /> }}
            columns={[
              ...columns,
              { key: 'author', title: t('entries.author'), dataIndex: 'author', width: 110 },
              { key: 'status', title: t('entries.status'), render: (_, r) => <StatusCell row={r} /> },
              {
                key: 'actions',
                title: t('entries.actions'),
                render: (_, r) => <ReviewActions row={r} base={base} onDone={list.reload} />,
              },
            ]}
          />
        )}
      </Async>
    </Space>
  );
}
