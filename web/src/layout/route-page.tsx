// One page of the route table inside the shell: the role's capability checked (403 otherwise), the
// path's :params handed to the page.
import { Result } from 'antd';
import { useParams } from 'react-router';
import { useI18n } from '../i18n';
import { type RouteDef, routeAllowed } from '../routes';
import { useCan } from '../session';

export default function RoutePage({ route }: { route: RouteDef }) {
  const { t } = useI18n();
  const can = useCan();
  const params = useParams() as Record<string, string>;
  if (!routeAllowed(route, can))
    return <Result status="403" title={t('page.forbidden.title')} subTitle={t('page.forbidden.text')} />;
  const Page = route.page;
  return <Page params={params} />;
}
