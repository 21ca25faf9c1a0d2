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

// Text colours reach WCAG 2 AA's 4.5:1 (checked by axe-core in the browser tests): antd's defaults
// do not (rgba(0,0,0,.45) secondary text 3.4:1 on white, #1677ff links 4.1:1, a tag's
// orange-7 on orange-1 3.3:1). Ratios below are on white unless said.
const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#1d5fb8', // 6.2:1; white on it 6.2:1
    colorPrimaryHover: '#3570c0', // white on a hovered primary button 5.0:1 (antd's own: 4.2:1)
    // Danger buttons, form errors, Typography type="danger": #ff4d4f was 3.3:1 (white on it too).
    colorError: '#cf1322', // 5.6:1
    colorErrorHover: '#d9363e', // 4.6:1
    colorErrorActive: '#a8071a',
    colorInfo: '#1d5fb8', // links, info alerts and 'processing' take the primary blue
    colorLink: '#1d5fb8',
    // Typography type="warning": antd's #faad14 is 1.9:1 on white.
    colorWarningText: '#ad4e00', // 5.4:1
    // A link under the pointer or with its popover open: antd derives a lighter blue (#649bd1, 2.8:1).
    colorLinkHover: '#164a8f', // 8.7:1 (8.3:1 on #fafafa)
    colorLinkActive: '#123d76',
    // Descriptions' labels, breadcrumbs, Typography type="secondary", a Steps' waiting title:
    // #6e6e6e, 5.1:1 (5.0:1 on the #f5f5f5 layout and on #e6f4ff selected rows).
    colorTextTertiary: 'rgba(0, 0, 0, 0.57)',
    // A select's placeholder is text on the page (antd's rgba(0,0,0,.25) is 1.8:1): the same grey.
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.57)',
    borderRadius: 4,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', " +
      "'Noto Sans CJK SC', 'Source Han Sans SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    // A tag's text is its palette's 7th shade on the 1st: a shade darker where that is under 4.5:1.
    Tag: {
      orange7: '#ad4e00', // 5.1:1 on #fff7e6
      gold7: '#8f5a00', // 5.6:1 on #fffbe6
      volcano7: '#ad2102', // 6.4:1 on #fff2e8
      green7: '#237804', // 5.4:1 on #f6ffed
      cyan7: '#006d75', // 5.8:1 on #e6fffb
      lime7: '#3f6600', // 6.6:1 on #fcffe6
      yellow7: '#876800', // 5.2:1 on #feffe6
      // status tags (success, warning, error, processing) write in the status colour itself
      colorSuccess: '#237804', // 5.4:1 on #f6ffed
      colorWarning: '#8f5a00', // 5.6:1 on #fffbe6 (error: colorError above, 5.1:1 on #fff2f0)
    },
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
