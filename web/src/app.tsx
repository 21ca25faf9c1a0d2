// Providers (language, antd theme and locale, the data cache) around the router; the route tree,
// with the login page, the pending steps and the shell, is in app-routes.tsx.
import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { type ReactNode, useEffect } from 'react';
import { RouterProvider } from 'react-router/dom';
import { queryClient } from './api/query';
import { appRoutes } from './app-routes';
import { I18nProvider, useI18n } from './i18n';
import { reducedMotion } from './motion';
import { startRouter } from './router';

const router = startRouter(appRoutes());

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

/** The theme without antd's transitions, for a user who asked for reduced motion. */
const STILL: ThemeConfig = { ...THEME, token: { ...THEME.token, motion: false } };

export function App() {
  return (
    <I18nProvider>
      <Themed>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
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
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={reducedMotion ? STILL : THEME}>
      {children}
    </ConfigProvider>
  );
}
