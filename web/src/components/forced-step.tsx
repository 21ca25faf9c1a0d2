// A step the account must finish before the shell opens (password change, TOTP enrolment).
import { Alert, App as AntApp, Button, Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { LanguageSwitch } from './language-switch';

/** A step the account must finish before the shell opens: a centred card with a way out. */
export function ForcedStep({
  title,
  intro,
  children,
}: {
  title: string;
  intro: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const { state, logout } = useSession();
  const who = state.status === 'signed-in' ? state.me : null;
  // The antd App context (message, modal) lives in the shell; a forced step is outside it.
  return (
    <AntApp>
      <div className="sibi-login">
        <div className="sibi-login-lang">
          <LanguageSwitch />
        </div>
        <div className="sibi-login-head">
          <h1>{t('app.fullName')}</h1>
          {who && (
            <Typography.Text type="secondary">
              {who.displayName} ({who.username})
            </Typography.Text>
          )}
        </div>
        <Card
          title={title}
          className="sibi-login-card"
          style={{ width: 460 }}
          extra={
            <Button type="link" onClick={() => void logout('logout')}>
              {t('shell.logout')}
            </Button>
          }
        >
          <Alert type="warning" showIcon title={intro} style={{ marginBottom: 16 }} />
          {children}
        </Card>
      </div>
    </AntApp>
  );
}
