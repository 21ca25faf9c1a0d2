// The language menu (中文 / English), in the header and on the login page.
import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { LOCALES, useI18n } from '../i18n';

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [locale],
        items: LOCALES.map((l) => ({ key: l, label: t(`lang.${l}`) })),
        onClick: ({ key }) => setLocale(key === 'en' ? 'en' : 'zh-CN'),
      }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        aria-label={`${t('lang.label')}: ${t(`lang.${locale}`)}`}
        data-testid="lang-switch"
      >
        {t(`lang.${locale}`)}
      </Button>
    </Dropdown>
  );
}
