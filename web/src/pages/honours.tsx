// 荣誉名单 for the province office: import a list (.xlsx/.csv: 序号, 名称, 地区代码, 类别, 备注) as a draft —
// a file with any bad row is refused whole, every problem listed —, look it over, publish it (final),
// and make it public (short link, QR code) like a published evaluation.
import { CheckOutlined, UploadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Input,
  InputNumber,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { HONOURS_TABLE } from '../../../src/domain/tables/honours';
import { api } from '../api/client';
import { errorText } from '../api/error-text';
import type { HonourListDetail, HonourListSummary } from '../api/public-types';
import { useApiQuery } from '../api/query';
import { ExportButton } from '../components/export-button';
import { PageHeader } from '../components/page-header';
import { Async, EmptyState, ErrorState } from '../components/states';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { setSearch, useLocation } from '../router';
import type { PageProps } from '../routes';
import { uploadWithProgress } from './import-upload';
import { PublicLinkPanel } from './public-link-panel';
import { screenContext, specColumns } from './spec-columns';

export default function HonoursPage(_props: PageProps) {
  const { t, locale } = useI18n();
  const { search } = useLocation();
  const selected = Number(search.get('list') ?? 0) || null;
  const lists = useApiQuery(['/api/honours'], (signal) =>
    api.get<{ items: HonourListSummary[] }>('/api/honours', undefined, signal),
  );
  return (
    <>
      <PageHeader title={t('honours.title')} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <ImportCard
          onImported={(id) => {
            lists.reload();
            setSearch({ list: id });
          }}
        />
        <Card size="small" title={t('honours.lists')}>
          <Async state={lists}>
            {({ items }) =>
              items.length === 0 ? (
                <EmptyState text={t('honours.none')} />
              ) : (
                <Table<HonourListSummary>
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={items}
                  data-testid="honours-lists"
                  rowClassName={(row) => (row.id === selected ? 'ant-table-row-selected' : '')}
                  onRow={(row) => ({
                    onClick: () => setSearch({ list: row.id }),
                    style: { cursor: 'pointer' },
                  })}
                  columns={[
                    { key: 'title', title: t('honours.listTitle'), dataIndex: 'title' },
                    { key: 'year', title: t('public.year'), dataIndex: 'year', width: 80 },
                    {
                      key: 'entries',
                      title: t('honours.entries'),
                      dataIndex: 'entries',
                      width: 80,
                      align: 'right',
                    },
                    {
                      key: 'state',
                      title: t('honours.state'),
                      render: (_, row) =>
                        row.publishedAt ? (
                          <Tag color="green">
                            {t('honours.published', { at: formatDateTime(row.publishedAt, locale) })}
                          </Tag>
                        ) : (
                          <Tag>{t('honours.draft')}</Tag>
                        ),
                    },
                  ]}
                />
              )
            }
          </Async>
        </Card>
        {selected && <ListDetail id={selected} onChanged={lists.reload} />}
      </Space>
    </>
  );
}

function ImportCard({ onImported }: { onImported(id: number): void }) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const [year, setYear] = useState<number | null>(new Date().getFullYear() - 1);
  const [issuedBy, setIssuedBy] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    if (!file || !title.trim() || !year) return;
    setBusy(true);
    setError(null);
    try {
      const list = await uploadWithProgress<HonourListDetail>('/api/honours', file, {
        query: { title: title.trim(), year, ...(issuedBy.trim() ? { issuedBy: issuedBy.trim() } : {}) },
      });
      setFile(null);
      onImported(list.id);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('honours.import')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('honours.importHint')}</Typography.Text>
        <Space wrap>
          <Input
            placeholder={t('honours.listTitle')}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            style={{ width: 320 }}
            id="honours-title"
          />
          <InputNumber
            placeholder={t('public.year')}
            value={year}
            min={1990}
            max={2100}
            onChange={(value) => setYear(value)}
            id="honours-year"
          />
          <Input
            placeholder={t('public.issuedBy')}
            value={issuedBy}
            onChange={(e) => setIssuedBy(e.target.value)}
            style={{ width: 280 }}
          />
          <Upload
            accept=".xlsx,.csv"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(picked) => {
              setFile(picked);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>{file ? file.name : t('honours.chooseFile')}</Button>
          </Upload>
          <Button
            type="primary"
            loading={busy}
            disabled={!file || !title.trim() || !year}
            onClick={submit}
            data-testid="honours-import"
          >
            {t('honours.importButton')}
          </Button>
        </Space>
        {error !== null && <ErrorState error={error} />}
      </Space>
    </Card>
  );
}

const free = { extra: { width: undefined } };

function ListDetail({ id, onChanged }: { id: number; onChanged(): void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const state = useApiQuery(['/api/honours', id], (signal) =>
    api.get<HonourListDetail>(`/api/honours/${id}`, undefined, signal),
  );
  const publish = async () => {
    try {
      await api.post(`/api/honours/${id}/publish`);
      void message.success(t('honours.publishDone'));
      state.reload();
      onChanged();
    } catch (error) {
      void message.error(errorText(error, t, locale));
    }
  };
  return (
    <Async state={state}>
      {(list) => (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card
            size="small"
            title={`${list.title}（${list.year}）`}
            extra={
              <Space wrap>
                <ExportButton path={`/api/honours/${list.id}/export`} query={{}} testId="honours-export" />
                {list.publishedAt === null && (
                  <Popconfirm title={t('honours.publishConfirm')} onConfirm={publish}>
                    <Button type="primary" icon={<CheckOutlined />} data-testid="honours-publish">
                      {t('honours.publish')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            }
          >
            <Typography.Paragraph type="secondary">
              {t('public.hash')}：<Typography.Text code>{list.hash}</Typography.Text>
            </Typography.Paragraph>
            <Table
              size="small"
              rowKey="position"
              pagination={false}
              dataSource={list.items}
              // The columns of the export (src/domain/tables/honours.ts); the texts take their width.
              columns={specColumns(HONOURS_TABLE, screenContext(locale, String), {
                position: { extra: { align: undefined } },
                name: free,
                category: free,
                note: free,
              })}
            />
          </Card>
          {list.publishedAt !== null && <PublicLinkPanel record={`/api/honours/${list.id}`} kind="honours" />}
        </Space>
      )}
    </Async>
  );
}
