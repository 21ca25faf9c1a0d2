// 考评结果 · a published evaluation: who published it when, its edition, the publish gate (and the
// reason it was published past a refusal), whether it was revoked, its content hash and the check that
// recomputing it from the inputs stored with it gives the same hash (一致) — with the hash on current
// data beside it —, then the results, robustness, what it takes and the 通报, all from the stored inputs.
import { ArrowLeftOutlined, SafetyCertificateOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import { errorText } from '../api/error-text';
import type { PublishedEvaluation, Verification } from '../api/evaluation-types';
import { useApiQuery } from '../api/query';
import { LinkButton } from '../components/link-button';
import { PageHeader } from '../components/page-header';
import { Async } from '../components/states';
import { formatDateTime, formatPeriod } from '../format';
import { useI18n } from '../i18n';
import { setSearch, useLocation } from '../router';
import type { PageProps } from '../routes';
import { useCan } from '../session';
import { GroupPicker, shareText } from './evaluation-common';
import { refusalText } from './evaluation-publish';
import { EvaluationView } from './evaluation-view';
import { PublicLinkPanel } from './public-link-panel';

export default function PublishedEvaluationPage({ params }: PageProps) {
  const { t, locale } = useI18n();
  const id = Number(params.id);
  const { search } = useLocation();
  const group = search.get('group') ?? undefined;
  const can = useCan();
  const state = useApiQuery(['/api/evaluations', id], (signal) =>
    api.get<PublishedEvaluation>(`/api/evaluations/${id}`, undefined, signal),
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
          <LinkButton icon={<ArrowLeftOutlined />} to="/evaluation">
            {t('common.back')}
          </LinkButton>
        }
      />
      <Async state={state}>
        {(evaluation) => (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <PublishedFacts
              evaluation={evaluation}
              justPublished={search.get('published') === '1'}
              onRevoked={state.reload}
            />
            {can('publicLink.manage') && evaluation.revocation === null && (
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
  onRevoked,
}: {
  evaluation: PublishedEvaluation;
  justPublished: boolean;
  onRevoked: () => void;
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
  const gate = evaluation.gate;
  const revocation = evaluation.revocation;
  return (
    <Card size="small" data-testid="published-facts">
      {revocation && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('evaluation.revoked.title')}
          description={t('evaluation.revoked.text', {
            by: revocation.revokedBy,
            at: formatDateTime(revocation.revokedAt, locale),
            reason: revocation.reason,
          })}
          data-testid="revoked"
        />
      )}
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
          { key: 'edition', label: t('evaluation.edition'), children: evaluation.edition },
          {
            key: 'at',
            label: t('evaluation.publishedAt'),
            children: formatDateTime(evaluation.publishedAt, locale),
          },
          ...(gate
            ? [
                {
                  key: 'gate',
                  label: t('evaluation.gate.label'),
                  span: 'filled' as const,
                  children: (
                    <span data-testid="publish-gate">
                      {gate.override
                        ? t('evaluation.gate.overridden', {
                            by: gate.override.by,
                            reason: gate.override.reason,
                          })
                        : t('evaluation.gate.passed', {
                            coverage: shareText(gate.coverage),
                            minCoverage: shareText(gate.minCoverage),
                          })}
                      {gate.override && (
                        <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                          {gate.refusals.map((r) => (
                            <li key={r.code}>{refusalText(r, t, locale)}</li>
                          ))}
                        </ul>
                      )}
                    </span>
                  ),
                },
              ]
            : []),
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
        {check.state === 'done' && check.result.current && (
          <Tag color={check.result.current.identical ? 'default' : 'warning'} data-testid="verify-current">
            {t('evaluation.verify.current', {
              state: check.result.current.identical
                ? t('evaluation.verify.currentSame')
                : t('evaluation.verify.currentDifferent'),
            })}
          </Tag>
        )}
        {check.state === 'failed' && (
          <Typography.Text type="danger">{errorText(check.error, t, locale)}</Typography.Text>
        )}
        <Typography.Text type="secondary">{t('evaluation.verify.hint')}</Typography.Text>
        {evaluation.permissions?.revoke && <RevokeButton id={evaluation.id} onRevoked={onRevoked} />}
      </Space>
    </Card>
  );
}

/** 撤销发布: a reason, then a revocation record; the page reloads showing it revoked. */
function RevokeButton({ id, onRevoked }: { id: number; onRevoked: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const revoke = async () => {
    setBusy(true);
    try {
      await api.post(`/api/evaluations/${id}/revoke`, { reason: reason.trim() });
      void message.success(t('evaluation.revoke.done'));
      setOpen(false);
      onRevoked();
    } catch (error) {
      void message.error(errorText(error, t, locale));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button danger icon={<StopOutlined />} onClick={() => setOpen(true)} data-testid="revoke">
        {t('evaluation.revoke.button')}
      </Button>
      <Modal
        open={open}
        title={t('evaluation.revoke.title')}
        onCancel={() => setOpen(false)}
        okText={t('evaluation.revoke.ok')}
        okButtonProps={{ danger: true, disabled: reason.trim().length < 4, loading: busy }}
        onOk={() => void revoke()}
        data-testid="revoke-dialog"
      >
        <Typography.Paragraph>{t('evaluation.revoke.text')}</Typography.Paragraph>
        <Form layout="vertical" requiredMark>
          <Form.Item label={t('evaluation.revoke.reason')} htmlFor="revoke-reason" required>
            <Input.TextArea
              id="revoke-reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              rows={3}
              maxLength={500}
              showCount
              data-testid="revoke-reason"
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
