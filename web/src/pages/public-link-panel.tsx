// 公开链接 of a published evaluation or honours list, for the province office: create it, show the short
// link and its QR code (download SVG / PNG for print), open the public page, revoke it.
import { DeleteOutlined, DownloadOutlined, ExportOutlined, LinkOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import { errorText } from '../api/error-text';
import type { PublicLinkInfo } from '../api/public-types';
import { useApiQuery } from '../api/query';
import { Async } from '../components/states';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';

/** `record`: the API path of the published record (/api/evaluations/7, /api/honours/3). */
export function PublicLinkPanel({ record, kind }: { record: string; kind: 'results' | 'honours' }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const state = useApiQuery([`${record}/public-link`, record], (signal) =>
    api.get<PublicLinkInfo>(`${record}/public-link`, undefined, signal),
  );
  const act = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await work();
      void message.success(done);
      state.reload();
    } catch (error) {
      void message.error(errorText(error, t, locale));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('publicLink.title')} data-testid="public-link-panel">
      <Async state={state}>
        {({ link }) =>
          link === null ? (
            <Space orientation="vertical">
              <Typography.Text type="secondary">{t('publicLink.none')}</Typography.Text>
              <Button
                type="primary"
                icon={<LinkOutlined />}
                loading={busy}
                data-testid="public-link-create"
                onClick={() => act(() => api.post(`${record}/public-link`), t('publicLink.created'))}
              >
                {t('publicLink.create')}
              </Button>
            </Space>
          ) : (
            <Space align="start" size={24} wrap>
              <img
                src={`/api/public/${kind}/${link.slug}/qr.svg`}
                alt={t('publicLink.qrAlt')}
                width={132}
                height={132}
                data-testid="public-link-qr"
              />
              <Space orientation="vertical">
                <Typography.Text strong copyable data-testid="public-link-url">
                  {link.shortUrl}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {t('publicLink.createdBy', {
                    by: link.createdBy,
                    at: formatDateTime(link.createdAt, locale),
                  })}
                </Typography.Text>
                <Space wrap>
                  <Button icon={<ExportOutlined />} href={link.pagePath} target="_blank" rel="noopener">
                    {t('publicLink.open')}
                  </Button>
                  <Button
                    icon={<DownloadOutlined />}
                    href={`/api/public/${kind}/${link.slug}/qr.svg`}
                    download={`sibi-${link.slug}.svg`}
                  >
                    {t('publicLink.downloadSvg')}
                  </Button>
                  <Button
                    icon={<DownloadOutlined />}
                    href={`/api/public/${kind}/${link.slug}/qr.png`}
                    download={`sibi-${link.slug}.png`}
                  >
                    {t('publicLink.downloadPng')}
                  </Button>
                  <Popconfirm
                    title={t('publicLink.revokeConfirm')}
                    onConfirm={() => act(() => api.delete(`${record}/public-link`), t('publicLink.revoked'))}
                  >
                    <Button danger icon={<DeleteOutlined />} loading={busy} data-testid="public-link-revoke">
                      {t('publicLink.revoke')}
                    </Button>
                  </Popconfirm>
                </Space>
              </Space>
            </Space>
          )
        }
      </Async>
    </Card>
  );
}
