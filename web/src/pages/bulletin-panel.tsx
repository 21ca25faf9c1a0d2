// The 通报 of an evaluation: the province's bulletin and a unit's own summary (考评情况稿), each as
// a Word download or read in the page, with the 通报's spreadsheet 附件 (every red and yellow project; for
// a unit, its own) beside it. The HTML is fetched and shown in a sandboxed frame (no scripts) through
// srcdoc (the server forbids framing its own answer); a new tab opens it on its own. The server
// writes every fetch to the audit log and answers which evaluation it used (x-sibi-evaluation:
// an id, or "draft" for the province officer's trial before publication).
import { DownloadOutlined, ExportOutlined, EyeOutlined, FileExcelOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Tag, Tooltip, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { ApiError, withQuery } from '../api/client';
import type { EvaluationResult } from '../api/evaluation-types';
import { ErrorState, Loading } from '../components/states';
import { useI18n } from '../i18n';
import { useMe } from '../session';
import { UnitSelect } from './evaluation-common';

interface BulletinQuery {
  period: string;
  scheme: string;
  region?: string;
}

type View =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'error'; error: unknown }
  | { state: 'shown'; html: string; basis: string | null };

const FRAME_STYLE = {
  display: 'block',
  width: '100%',
  height: '80vh',
  marginTop: 12,
  border: '1px solid #d9d9d9',
  background: '#e8e8e8',
};

const bulletinUrl = (query: BulletinQuery, format: 'docx' | 'html' | 'xlsx', inline = false) =>
  withQuery('/api/bulletins', { ...query, format, inline: inline ? 'true' : undefined });

async function fetchBulletinHtml(query: BulletinQuery): Promise<{ html: string; basis: string | null }> {
  let response: Response;
  try {
    response = await fetch(bulletinUrl(query, 'html', true), { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', 'network error');
  }
  const text = await response.text();
  if (!response.ok) {
    let error: { code?: string; message?: string; details?: unknown } = {};
    try {
      error = (JSON.parse(text) as { error?: typeof error }).error ?? {};
    } catch {
      // not JSON: the status says enough
    }
    throw new ApiError(response.status, error.code ?? 'bad_request', error.message ?? text, error.details);
  }
  return { html: text, basis: response.headers.get('x-sibi-evaluation') };
}

export function BulletinPanel({
  period,
  scheme,
  result,
  draft,
}: {
  period: string;
  scheme: string;
  result: EvaluationResult;
  /** A draft: the province officer's 通报 is marked 草稿 until the result is published. */
  draft: boolean;
}) {
  const { t } = useI18n();
  const me = useMe();
  const units = result.units;
  const [unit, setUnit] = useState(
    units.find((u) => u.code === me.regionCode)?.code ?? units.find((u) => u.rank === 1)?.code,
  );
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="bulletin">
      {draft && <Alert type="warning" showIcon title={t('evaluation.bulletin.draftNote')} />}
      <BulletinCard
        title={t('evaluation.bulletin.province')}
        description={t('evaluation.bulletin.provinceIntro')}
        query={{ period, scheme }}
        testId="bulletin-province"
        annexHint={t('evaluation.bulletin.annexHint')}
      />
      <BulletinCard
        title={t('evaluation.bulletin.unit')}
        description={t('evaluation.bulletin.unitIntro')}
        query={unit ? { period, scheme, region: unit } : null}
        testId="bulletin-unit"
        annexHint={t('evaluation.bulletin.annexUnitHint')}
        extra={<UnitSelect id="bulletin-unit-select" units={units} value={unit} onChange={setUnit} />}
      />
    </Space>
  );
}

function BulletinCard({
  title,
  description,
  query,
  testId,
  annexHint,
  extra,
}: {
  title: string;
  description: string;
  query: BulletinQuery | null;
  testId: string;
  /** What the spreadsheet 附件 holds, shown on its button. */
  annexHint: string;
  extra?: ReactNode;
}) {
  const { t } = useI18n();
  const [view, setView] = useState<View>({ state: 'idle' });
  const key = query ? JSON.stringify(query) : '';
  const [shownKey, setShownKey] = useState('');
  const current = shownKey === key ? view : { state: 'idle' as const };

  const show = async () => {
    if (!query) return;
    setShownKey(key);
    setView({ state: 'loading' });
    try {
      setView({ state: 'shown', ...(await fetchBulletinHtml(query)) });
    } catch (error) {
      setView({ state: 'error', error });
    }
  };

  return (
    <Card size="small" title={title} extra={extra} data-testid={testId}>
      <Typography.Paragraph type="secondary">{description}</Typography.Paragraph>
      <Space wrap>
        <Button
          type="primary"
          icon={<DownloadOutlined />}
          href={query ? bulletinUrl(query, 'docx') : undefined}
          download
          disabled={!query}
          data-testid={`${testId}-docx`}
        >
          {t('evaluation.bulletin.docx')}
        </Button>
        <Tooltip title={annexHint}>
          <Button
            icon={<FileExcelOutlined />}
            href={query ? bulletinUrl(query, 'xlsx') : undefined}
            download
            disabled={!query}
            data-testid={`${testId}-xlsx`}
          >
            {t('evaluation.bulletin.annex')}
          </Button>
        </Tooltip>
        <Button icon={<EyeOutlined />} onClick={show} disabled={!query} data-testid={`${testId}-view`}>
          {t('evaluation.bulletin.view')}
        </Button>
        <Button
          icon={<ExportOutlined />}
          href={query ? bulletinUrl(query, 'html', true) : undefined}
          target="_blank"
          rel="noopener"
          disabled={!query}
        >
          {t('evaluation.bulletin.newTab')}
        </Button>
        {current.state === 'shown' && (
          <Tag color={current.basis === 'draft' ? 'orange' : 'green'} data-testid={`${testId}-basis`}>
            {current.basis === 'draft'
              ? t('evaluation.bulletin.basisDraft')
              : t('evaluation.bulletin.basisPublished', { id: current.basis ?? '—' })}
          </Tag>
        )}
      </Space>
      {current.state === 'loading' && <Loading />}
      {current.state === 'error' && (
        <div style={{ marginTop: 12 }}>
          <ErrorState error={current.error} onRetry={show} />
        </div>
      )}
      {current.state === 'shown' && (
        <iframe
          style={FRAME_STYLE}
          title={title}
          sandbox="allow-same-origin"
          srcDoc={current.html}
          data-testid={`${testId}-frame`}
        />
      )}
    </Card>
  );
}
