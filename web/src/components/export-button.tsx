// 导出Excel for a list (issue 16 item 5): a download of `<list>/export` with the list's filters and
// sort and the UI's language, so the server writes exactly the table on screen, every page of it.
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { withQuery } from '../api/client';
import { useI18n } from '../i18n';

export function ExportButton({
  path,
  query,
  testId,
}: {
  /** The list's export route, e.g. "/api/deals/export". */
  path: string;
  /** The list's filters and sort (paging left out: the export holds every page). */
  query: Record<string, string | number | undefined>;
  testId: string;
}) {
  const { t, locale } = useI18n();
  return (
    <Tooltip title={t('table.exportHint')}>
      <Button
        icon={<DownloadOutlined />}
        href={withQuery(path, { ...query, lang: locale })}
        download
        data-testid={testId}
      >
        {t('table.export')}
      </Button>
    </Tooltip>
  );
}
