// Changing one's own password: forced (first sign-in, reset or expired password: nothing else
// answers until it is done) or from the account menu. The server ends every session and issues
// a new one, which the session takes over.
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import { errorText } from '../api/error-text';
import type { SessionResponse } from '../api/types';
import { ForcedStep } from '../components/forced-step';
import { PageHeader } from '../components/page-header';
import { useI18n } from '../i18n';
import type { PageProps } from '../routes';
import { useSession } from '../session';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export default function PasswordPage({
  forced,
}: Partial<PageProps> & { forced?: 'password_change' | 'password_expired' }) {
  const { t } = useI18n();
  const form = <PasswordForm />;
  if (!forced)
    return (
      <>
        <PageHeader title={t('password.title')} />
        <Card style={{ maxWidth: 520 }}>{form}</Card>
      </>
    );
  return (
    <ForcedStep title={t('password.title')} intro={t(`password.forced.${forced}`)}>
      {form}
    </ForcedStep>
  );
}

function PasswordForm() {
  const { t, locale } = useI18n();
  const { accept } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async ({ currentPassword, newPassword }: Values) => {
    setBusy(true);
    setError(null);
    try {
      const response = await api.post<SessionResponse>('/api/auth/password', {
        currentPassword,
        newPassword,
      });
      form.resetFields();
      void message.success(t('password.done'));
      accept(response);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} disabled={busy} requiredMark={false}>
      {error !== null && (
        <Alert
          type="error"
          showIcon
          title={errorText(error, t, locale)}
          style={{ marginBottom: 16 }}
          data-testid="password-error"
        />
      )}
      <Form.Item
        name="currentPassword"
        label={t('password.current')}
        rules={[{ required: true }]}
        htmlFor="password-current"
      >
        <Input.Password autoComplete="current-password" id="password-current" />
      </Form.Item>
      <Form.Item
        htmlFor="password-new"
        name="newPassword"
        label={t('password.new')}
        extra={t('password.rules')}
        rules={[{ required: true, min: 8 }]}
      >
        <Input.Password autoComplete="new-password" id="password-new" />
      </Form.Item>
      <Form.Item
        htmlFor="password-confirm"
        name="confirm"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" id="password-confirm" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('password.submit')}
      </Button>
    </Form>
  );
}
