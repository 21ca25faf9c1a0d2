// 考评结果 · a published evaluation: who published it when, its content hash and the check that
// recomputing it from the inputs stored with it gives the same hash (一致), then the results,
// robustness, what it takes and the 通报, all from the stored inputs.
import { ArrowLeftOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import { errorText } from '../api/error-text';
import type { PublishedEvaluation, Verification } from '../api/evaluation-types';
import { useApi } from '../api/use-api';
import { PageHeader } from '../components/page-header';
import { Async } from '../components/states';
import { formatDateTime, formatPeriod } from '../format';
import { useI18n } from '../i18n';
import { navigate, setSearch, useLocation } from '../router';
import type { PageProps } from '../routes';
import { useCan } from '../session';
import { GroupPicker } from './evaluation-common';
import { EvaluationView } from './evaluation-view';
import { PublicLinkPanel } from './public-link-panel';

export default function PublishedEvaluationPage({ params }: PageProps) {
  const { t, locale } = useI18n();
  const id = Number(params.id);
  const { search } = useLocation();
  const group = search.get('group') ?? undefined;
  const can = useCan();
  const state = useApi(
    (signal) => api.get<PublishedEvaluation>(`/api/evaluations/${id}`, undefined, signal),
    [id],
  );
  return (
    <>
      <PageHeader
        title={
          state.data
            ? t('evaluation.publishedTitle', {
                period: formatPeriod(state.data.period, locale),
                scheme: state.data.result.scheme.name,
              })
            : t('evaluation.title')
        }
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/evaluation')}>
            {t('common.back')}
          </Button>
        }
      />
      <Async state={state}>
        {(evaluation) => (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <PublishedFacts evaluation={evaluation} justPublished={search.get('published') === '1'} />
            {can('publicLink.manage') && (
              <PublicLinkPanel record={`/api/evaluations/${evaluation.id}`} kind="results" />
            )}
            <Space wrap>
              <Typography.Text>{t('evaluation.group')}</Typography.Text>
              <GroupPicker
                value={group}
                groups={evaluation.result.groups.map((g) => g.id)}
                onChange={(value) => setSearch({ group: value })}
              />
            </Space>
            <EvaluationView
              source={{
                kind: 'published',
                id: evaluation.id,
                scheme: evaluation.scheme,
                period: evaluation.period,
              }}
              result={evaluation.result}
              group={group}
              bulletin={{ period: evaluation.period, scheme: evaluation.scheme, draft: false }}
            />
          </Space>
        )}
      </Async>
    </>
  );
}

function PublishedFacts({
  evaluation,
  justPublished,
}: {
  evaluation: PublishedEvaluation;
  justPublished: boolean;
}) {
  const { t, locale } = useI18n();
  const [check, setCheck] = useState<
    | { state: 'idle' }
    | { state: 'checking' }
    | { state: 'done'; result: Verification }
    | { state: 'failed'; error: unknown }
  >({ state: 'idle' });
  const verify = async () => {
    setCheck({ state: 'checking' });
    try {
      setCheck({
        state: 'done',
        result: await api.get<Verification>(`/api/evaluations/${evaluation.id}/verify`),
      });
    } catch (error) {
      setCheck({ state: 'failed', error });
    }
  };
  return (
    <Card size="small" data-testid="published-facts">
      {justPublished && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('evaluation.publish.done', { id: evaluation.id })}
          description={t('evaluation.publish.final')}
        />
      )}
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          {
            key: 'id',
            label: t('evaluation.id'),
            children: <span data-testid="evaluation-id">{evaluation.id}</span>,
          },
          { key: 'period', label: t('evaluation.period'), children: formatPeriod(evaluation.period, locale) },
          {
            key: 'scheme',
            label: t('evaluation.scheme'),
            children: `${evaluation.result.scheme.name}（${evaluation.schemeVersion}）`,
          },
          { key: 'parent', label: t('evaluation.parent'), children: evaluation.parent.name },
          { key: 'by', label: t('evaluation.publishedBy'), children: evaluation.publishedBy ?? '—' },
          {
            key: 'at',
            label: t('evaluation.publishedAt'),
            children: formatDateTime(evaluation.publishedAt, locale),
          },
          {
            key: 'hash',
            label: t('evaluation.hash'),
            span: 'filled',
            children: (
              <Typography.Text code copyable data-testid="evaluation-hash" style={{ wordBreak: 'break-all' }}>
                {evaluation.hash}
              </Typography.Text>
            ),
          },
        ]}
      />
      <Space wrap style={{ marginTop: 8 }}>
        <Button
          icon={<SafetyCertificateOutlined />}
          loading={check.state === 'checking'}
          onClick={verify}
          data-testid="verify"
        >
          {t('evaluation.verify.button')}
        </Button>
        {check.state === 'done' &&
          (check.result.identical ? (
            <Tag color="success" data-testid="verify-result">
              {t('evaluation.verify.identical')}
            </Tag>
          ) : (
            <Tag color="error" data-testid="verify-result">
              {t('evaluation.verify.different', { hash: check.result.recomputedHash.slice(0, 16) })}
            </Tag>
          ))}
        {check.state === 'failed' && (
          <Typography.Text type="danger">{errorText(check.error, t, locale)}</Typography.Text>
        )}
        <Typography.Text type="secondary">{t('evaluation.verify.hint')}</Typography.Text>
      </Space>
    </Card>
  );
}
