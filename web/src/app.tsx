// Providers (language, antd theme and locale, session) and the switch between the login page,
// a pending step (password change, TOTP enrolment) and the shell with its pages.
import { ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { I18nProvider, useI18n } from './i18n';
import { SessionProvider, useSession } from './session';

const LoginPage = lazy(() => import('./pages/login'));
const PasswordPage = lazy(() => import('./pages/password'));
const TotpPage = lazy(() => import('./pages/totp'));
const Shell = lazy(() => import('./layout/shell'));
// A public link's page (/public/<slug>): no session, no shell, no redirect to the login page.
const PublicResultsPage = lazy(() => import('./pages/public-results'));
const PUBLIC_PATH = /^\/public\/([a-z0-9]{1,64})\/?$/;

const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#1d5fb8',
    borderRadius: 4,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', " +
      "'Noto Sans CJK SC', 'Source Han Sans SC', 'Helvetica Neue', Arial, sans-serif",
  },
};

export function App() {
  const publicSlug = PUBLIC_PATH.exec(window.location.pathname)?.[1] ?? null;
  return (
    <I18nProvider>
      <Themed>
        {publicSlug ? (
          <Suspense fallback={<FullPageLoading />}>
            <PublicResultsPage slug={publicSlug} />
          </Suspense>
        ) : (
          <SessionProvider>
            <Root />
          </SessionProvider>
        )}
      </Themed>
    </I18nProvider>
  );
}

function Themed({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  useEffect(() => {
    dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={THEME}>
      {children}
    </ConfigProvider>
  );
}

function Root() {
  const { state } = useSession();
  let screen: ReactNode;
  if (state.status === 'loading') screen = <FullPageLoading />;
  else if (state.status === 'anonymous') screen = <LoginPage reason={state.reason} />;
  else if (state.me.pending === 'totp_enrolment') screen = <TotpPage forced />;
  else if (state.me.pending) screen = <PasswordPage forced={state.me.pending} />;
  else screen = <Shell me={state.me} />;
  return <Suspense fallback={<FullPageLoading />}>{screen}</Suspense>;
}

/** Plain markup (no antd component), so the entry chunk stays small. */
function FullPageLoading() {
  return (
    <div className="sibi-fullpage" role="status" aria-busy="true">
      <span className="sibi-spinner" />
    </div>
  );
}
