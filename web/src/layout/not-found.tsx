// 页面不存在: an address no route answers, inside the shell (with the menu, to go somewhere else)
// or alone (a public link's address that cannot be one), with a way back to the start.
import { Result } from 'antd';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../i18n';

export default function NotFound({ alone = false }: { alone?: boolean }) {
  const { t } = useI18n();
  useEffect(() => {
    if (alone) document.title = `${t('page.notFound.title')} · ${t('app.name')}`;
  }, [alone, t]);
  const result = (
    <Result
      status="404"
      title={t('page.notFound.title')}
      subTitle={t('page.notFound.text')}
      extra={<Link to="/">{t('shell.home')}</Link>}
      data-testid="not-found"
    />
  );
  return alone ? <main className="sibi-fullpage">{result}</main> : result;
}
