// What an import changed (or, checked first, would change): rows per column, then the first changed
// rows cell by cell, before → after, as the file writes the values.
import { Space, Table, Tag, Typography } from 'antd';
import type { ImportChanges } from '../api/import-types';
import { useI18n } from '../i18n';

interface ChangeLine {
  key: string;
  row: number;
  record: string;
  header: string;
  before: string | null;
  after: string | null;
}

export function ImportChangesView({ changes, dryRun = false }: { changes: ImportChanges; dryRun?: boolean }) {
  const { t } = useI18n();
  if (changes.changedRows === 0) return null;
  const lines: ChangeLine[] = changes.rows.flatMap((r) =>
    r.cells.map((c) => ({
      key: `${r.row}:${c.field}`,
      row: r.row,
      record: r.key,
      header: c.header,
      before: c.before,
      after: c.after,
    })),
  );
  const value = (v: string | null) => v ?? t('import.changes.empty');
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="import-changes">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t(dryRun ? 'import.changes.wouldTitle' : 'import.changes.title', { count: changes.changedRows })}
      </Typography.Title>
      <div data-testid="import-changes-columns">
        {changes.columns.map((c) => (
          <Tag key={c.field}>{t('import.changes.rowsOf', { header: c.header, rows: c.rows })}</Tag>
        ))}
      </div>
      <Table<ChangeLine>
        size="small"
        rowKey="key"
        data-testid="import-changes-rows"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 640 }}
        dataSource={lines}
        columns={[
          { key: 'row', title: t('import.changes.row'), dataIndex: 'row', width: 70 },
          { key: 'record', title: t('import.changes.key'), dataIndex: 'record' },
          { key: 'header', title: t('import.changes.column'), dataIndex: 'header' },
          { key: 'before', title: t('import.changes.before'), dataIndex: 'before', render: value },
          { key: 'after', title: t('import.changes.after'), dataIndex: 'after', render: value },
        ]}
      />
      {changes.changedRows > changes.rows.length && (
        <Typography.Text type="secondary">
          {t('import.changes.more', {
            shown: changes.rows.length,
            more: changes.changedRows - changes.rows.length,
          })}
        </Typography.Text>
      )}
    </Space>
  );
}
