// Sign-in: username and password, then the authenticator code when the server asks for it
// (totp_required). With `serve --demo` the demo accounts are listed; a click fills the form.
import { KeyOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../api/client';
import { errorText } from '../api/error-text';
import { useApiQuery } from '../api/query';
import type { DemoAccounts } from '../api/types';
import { LanguageSwitch } from '../components/language-switch';
import { type MessageKey, useI18n } from '../i18n';
import { IDLE_MINUTES, type LoginBody, type SignOutReason, useSession } from '../session';

const REASONS: Record<SignOutReason, { key: MessageKey; type: 'info' | 'warning' | 'success' }> = {
  idle: { key: 'login.reason.idle', type: 'warning' },
  expired: { key: 'login.reason.expired', type: 'warning' },
  logout: { key: 'login.reason.logout', type: 'info' },
  passwordChanged: { key: 'login.reason.passwordChanged', type: 'success' },
};

export default function LoginPage({ reason }: { reason: SignOutReason | null }) {
  const { t, locale } = useI18n();
  const { login } = useSession();
  const [form] = Form.useForm<LoginBody>();
  const [needTotp, setNeedTotp] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // Why the last session ended matters until the next attempt to sign in.
  const [noticeShown, setNoticeShown] = useState(true);
  const totpRef = useRef<HTMLInputElement>(null);
  // Only answered by a server started with --demo; anything else means "no demo accounts".
  const demo = useApiQuery(['/api/public/demo-accounts'], (signal) =>
    api.get<DemoAccounts>('/api/public/demo-accounts', undefined, signal).catch(() => null),
  );

  useEffect(() => {
    document.title = `${t('login.title')} · ${t('app.name')}`;
  }, [t]);

  useEffect(() => {
    if (needTotp) totpRef.current?.focus();
  }, [needTotp]);

  const submit = async (values: LoginBody) => {
    setBusy(true);
    setError(null);
    setNoticeShown(false);
    try {
      await login({
        username: values.username.trim(),
        password: values.password,
        ...(needTotp && values.totp ? { totp: values.totp.trim() } : {}),
      });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'totp_required' && !needTotp) setNeedTotp(true);
      else setError(e);
    } finally {
      setBusy(false);
    }
  };

  const fill = (username: string, password: string) => {
    form.setFieldsValue({ username, password, totp: '' });
    setNeedTotp(false);
    setError(null);
  };

  const notice = reason && noticeShown ? REASONS[reason] : null;
  return (
    <div className="sibi-login">
      <div className="sibi-login-lang">
        <LanguageSwitch />
      </div>
      <div className="sibi-login-head">
        <span className="sibi-logo-mark" style={{ width: 48, height: 48, fontSize: 24, color: '#fff' }}>
          四
        </span>
        <h1>{t('app.fullName')}</h1>
        <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
      </div>
      <div className="sibi-login-body">
        <Card title={t('login.title')} className="sibi-login-card">
          {notice && (
            <Alert
              type={notice.type}
              showIcon
              title={t(notice.key, { minutes: IDLE_MINUTES })}
              style={{ marginBottom: 16 }}
              data-testid="login-notice"
            />
          )}
          {error !== null && (
            <Alert
              type="error"
              showIcon
              title={errorText(error, t, locale)}
              style={{ marginBottom: 16 }}
              data-testid="login-error"
            />
          )}
          <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
            <Form.Item
              name="username"
              label={t('login.username')}
              htmlFor="login-username"
              rules={[{ required: true, whitespace: true, message: t('login.required.username') }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus id="login-username" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              htmlFor="login-password"
              rules={[{ required: true, message: t('login.required.password') }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" id="login-password" />
            </Form.Item>
            {needTotp && (
              <Form.Item
                name="totp"
                label={t('login.totp')}
                htmlFor="login-totp"
                extra={t('login.totpHint')}
                rules={[{ required: true, pattern: /^\d{6}$/, message: t('login.required.totp') }]}
              >
                <Input
                  ref={(input) => {
                    totpRef.current = input?.input ?? null;
                  }}
                  prefix={<KeyOutlined />}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  id="login-totp"
                />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
        {demo.data && (
          <Card title={t('login.demo.title')} className="sibi-demo-card" data-testid="demo-accounts">
            <Typography.Paragraph type="secondary">
              {t('login.demo.hint', { password: demo.data.password })}
            </Typography.Paragraph>
            <ul className="sibi-demo-list">
              {demo.data.accounts.map((account) => (
                <li key={account.username}>
                  <button
                    type="button"
                    className="sibi-demo-item"
                    onClick={() => fill(account.username, demo.data!.password)}
                    data-username={account.username}
                  >
                    <span>
                      <Typography.Text code>{account.username}</Typography.Text>{' '}
                      <Tag color="blue">{t(`role.${account.role}`)}</Tag>
                    </span>
                    {locale === 'zh-CN' && (
                      <Typography.Text type="secondary" className="sibi-demo-note">
                        {account.displayName} · {account.note}
                      </Typography.Text>
                    )}
                  </button>
                </li>
              ))}
            </ul>
          </Card>
        )}
      </div>
    </div>
  );
}
