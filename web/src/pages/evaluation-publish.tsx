// 发布 a draft: a dialog that says publication is final, then asks the server. When the publish gate
// refuses (units without data, coverage below the scheme's minimum, unresolved data-quality errors),
// the dialog lists the reasons and, for a user the server says may override, asks for the reason to
// publish anyway; the reason is stored with the result and audited (docs/methodology.md §七).
import { CloudUploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, api } from '../api/client';
import { errorText } from '../api/error-text';
import type {
  DraftEvaluation,
  GateRefusal,
  PublishedEvaluation,
  PublishRefusal,
} from '../api/evaluation-types';
import { formatPeriod } from '../format';
import { type Locale, type MessageKey, type Translate, useI18n } from '../i18n';
import { navigate } from '../router';

/** The shortest reason the server accepts. */
const MIN_REASON = 4;

function isGate(details: unknown): details is PublishRefusal {
  return (
    typeof details === 'object' && details !== null && Array.isArray((details as PublishRefusal).refusals)
  );
}

const REFUSAL_KEYS = {
  no_units: 'evaluation.gate.refusal.no_units',
  units_without_data: 'evaluation.gate.refusal.units_without_data',
  coverage: 'evaluation.gate.refusal.coverage',
  quality_errors: 'evaluation.gate.refusal.quality_errors',
} as const satisfies Record<GateRefusal['code'], MessageKey>;

/** A refusal in the UI language: the server's Chinese sentence, or the English text of its code. */
export function refusalText(refusal: GateRefusal, t: Translate, locale: Locale): string {
  if (locale === 'zh-CN') return refusal.message;
  return t(REFUSAL_KEYS[refusal.code], refusal.params);
}

export function PublishButton({ draft }: { draft: DraftEvaluation }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        type="primary"
        danger
        icon={<CloudUploadOutlined />}
        onClick={() => setOpen(true)}
        data-testid="publish"
      >
        {t('evaluation.publish.button')}
      </Button>
      {open && <PublishDialog draft={draft} onClose={() => setOpen(false)} />}
    </>
  );
}

function PublishDialog({ draft, onClose }: { draft: DraftEvaluation; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [gate, setGate] = useState<PublishRefusal | null>(null);
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (overrideReason?: string) => {
    setBusy(true);
    setFailure(null);
    try {
      const published = await api.post<PublishedEvaluation>('/api/evaluations', {
        scheme: draft.scheme.id,
        period: draft.period,
        region: draft.parent.code,
        ...(overrideReason === undefined ? {} : { overrideReason }),
      });
      void message.success(t('evaluation.publish.done', { id: published.id }));
      navigate(`/evaluation/results/${published.id}?published=1`);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'rule_violation' && isGate(error.details)) {
        setGate(error.details);
      } else {
        setFailure(errorText(error, t, locale));
      }
      setBusy(false);
    }
  };

  const mayOverride = gate?.mayOverride === true;
  const reasonOk = reason.trim().length >= MIN_REASON;
  const footer = [
    <Button key="cancel" onClick={onClose} disabled={busy}>
      {t('common.cancel')}
    </Button>,
    gate === null ? (
      <Button
        key="ok"
        type="primary"
        danger
        loading={busy}
        onClick={() => void submit()}
        data-testid="publish-confirm"
      >
        {t('evaluation.publish.ok')}
      </Button>
    ) : mayOverride ? (
      <Button
        key="override"
        type="primary"
        danger
        loading={busy}
        disabled={!reasonOk}
        onClick={() => void submit(reason.trim())}
        data-testid="publish-override"
      >
        {t('evaluation.gate.override')}
      </Button>
    ) : null,
  ];

  return (
    <Modal
      open
      title={t('evaluation.publish.title')}
      onCancel={busy ? undefined : onClose}
      footer={footer}
      maskClosable={false}
      width={600}
      data-testid="publish-dialog"
    >
      <Typography.Paragraph>
        {t('evaluation.publish.confirm', {
          period: formatPeriod(draft.period, locale),
          scheme: draft.scheme.name,
          parent: draft.parent.name,
        })}
      </Typography.Paragraph>
      {gate && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('evaluation.gate.refused')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="gate-refusals">
              {gate.refusals.map((r) => (
                <li key={r.code}>{refusalText(r, t, locale)}</li>
              ))}
            </ul>
          }
        />
      )}
      {gate && mayOverride && (
        <Form layout="vertical" requiredMark>
          <Form.Item
            label={t('evaluation.gate.reason')}
            htmlFor="publish-override-reason"
            required
            extra={t('evaluation.gate.reasonHint')}
          >
            <Input.TextArea
              id="publish-override-reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              rows={3}
              maxLength={500}
              showCount
              data-testid="override-reason"
            />
          </Form.Item>
        </Form>
      )}
      {gate && !mayOverride && <Alert type="info" showIcon title={t('evaluation.gate.noOverride')} />}
      {failure && <Alert type="error" showIcon title={failure} data-testid="publish-error" />}
    </Modal>
  );
}
