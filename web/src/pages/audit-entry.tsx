// One audit entry opened: what changed, field by field (变更前 → 变更后, as the server words it), then
// the request's details and the raw JSON of the record before and after, folded away.
import { Table, Typography } from 'antd';
import type { AuditRow } from '../api/types';
import { useI18n } from '../i18n';

type Change = AuditRow['changes'][number];

export const hasDetails = (row: AuditRow) =>
  row.changes.length > 0 || row.details !== null || row.before !== null || row.after !== null;

export function AuditEntry({ row }: { row: AuditRow }) {
  const { t, locale } = useI18n();
  const raw = [
    ['audit.before', row.before],
    ['audit.after', row.after],
  ] as const;
  return (
    <div style={{ display: 'grid', gap: 12 }} data-testid="audit-entry">
      {row.changes.length > 0 ? (
        <Table<Change>
          size="small"
          rowKey="field"
          pagination={false}
          data-testid="audit-changes"
          title={() => <Typography.Text strong>{t('audit.changes')}</Typography.Text>}
          dataSource={row.changes}
          columns={[
            {
              key: 'field',
              title: t('audit.field'),
              width: 200,
              render: (_, c) => (locale === 'en' ? c.labelEn : c.label),
            },
            { key: 'before', title: t('audit.before'), dataIndex: 'before' },
            { key: 'arrow', title: '', width: 32, render: () => <span aria-hidden="true">→</span> },
            { key: 'after', title: t('audit.after'), dataIndex: 'after' },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>
      )}
      {row.details !== null && row.details !== undefined && (
        <div>
          <Typography.Text strong>{t('audit.details')}</Typography.Text>
          <pre className="sibi-json">{JSON.stringify(row.details, null, 2)}</pre>
        </div>
      )}
      {(row.before !== null || row.after !== null) && (
        <details>
          <summary>{t('audit.raw')}</summary>
          <div
            style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))', gap: 12 }}
          >
            {raw
              .filter(([, value]) => value !== null && value !== undefined)
              .map(([label, value]) => (
                <div key={label}>
                  <Typography.Text strong>{t(label)}</Typography.Text>
                  <pre className="sibi-json">{JSON.stringify(value, null, 2)}</pre>
                </div>
              ))}
          </div>
        </details>
      )}
    </div>
  );
}
