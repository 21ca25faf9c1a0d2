// Setting up the authenticator (TOTP): the password creates a secret, shown once as a QR code
// and as text; a code from the app confirms it. Forced for administrator accounts at first
// sign-in, voluntary for everyone else (account menu).
import { Alert, App, Button, Card, Form, Input, QRCode, Result, Steps, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import { errorText } from '../api/error-text';
import type { TotpEnrolment } from '../api/types';
import { ForcedStep } from '../components/forced-step';
import { PageHeader } from '../components/page-header';
import { useI18n } from '../i18n';
import type { PageProps } from '../routes';
import { useSession } from '../session';

export default function TotpPage({ forced }: Partial<PageProps> & { forced?: boolean }) {
  const { t } = useI18n();
  const { state } = useSession();
  const enrolled = state.status === 'signed-in' && state.me.totpEnabled;
  if (forced)
    return (
      <ForcedStep title={t('totp.title')} intro={t('totp.forced')}>
        <TotpSteps />
      </ForcedStep>
    );
  return (
    <>
      <PageHeader title={t('totp.title')} />
      <Card style={{ maxWidth: 640 }}>
        {enrolled ? <Result status="success" title={t('totp.already')} /> : <TotpSteps />}
      </Card>
    </>
  );
}

function TotpSteps() {
  const { t, locale } = useI18n();
  const { refresh } = useSession();
  const { message } = App.useApp();
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const start = ({ password }: { password: string }) =>
    run(async () => setEnrolment(await api.post<TotpEnrolment>('/api/auth/totp/enrol', { password })));

  const verify = ({ code }: { code: string }) =>
    run(async () => {
      await api.post('/api/auth/totp/verify', { code: code.trim() });
      void message.success(t('totp.done'));
      await refresh();
    });

  return (
    <>
      <Steps
        size="small"
        current={enrolment ? 1 : 0}
        style={{ marginBottom: 24 }}
        items={[{ title: t('totp.step1') }, { title: t('totp.step2') }, { title: t('totp.step3') }]}
        orientation="vertical"
      />
      {error !== null && (
        <Alert type="error" showIcon title={errorText(error, t, locale)} style={{ marginBottom: 16 }} />
      )}
      {!enrolment ? (
        <Form layout="vertical" onFinish={start} disabled={busy} requiredMark={false}>
          <Form.Item
            name="password"
            label={t('password.current')}
            rules={[{ required: true }]}
            htmlFor="totp-password"
          >
            <Input.Password autoComplete="current-password" id="totp-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('totp.start')}
          </Button>
        </Form>
      ) : (
        <>
          <Alert type="warning" showIcon title={t('totp.onceWarning')} style={{ marginBottom: 16 }} />
          <div style={{ display: 'flex', gap: 24, flexWrap: 'wrap', alignItems: 'center', marginBottom: 16 }}>
            <QRCode value={enrolment.uri} size={176} aria-label={t('totp.step2')} />
            <div>
              <Typography.Text type="secondary">{t('totp.secret')}</Typography.Text>
              <Typography.Paragraph copyable code data-testid="totp-secret" style={{ marginTop: 4 }}>
                {enrolment.secret}
              </Typography.Paragraph>
            </div>
          </div>
          <Form layout="vertical" onFinish={verify} disabled={busy} requiredMark={false}>
            <Form.Item
              htmlFor="totp-code"
              name="code"
              label={t('totp.code')}
              rules={[{ required: true, pattern: /^\d{6}$/, message: t('login.required.totp') }]}
            >
              <Input inputMode="numeric" maxLength={6} autoComplete="one-time-code" id="totp-code" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('totp.verify')}
            </Button>
          </Form>
        </>
      )}
    </>
  );
}
