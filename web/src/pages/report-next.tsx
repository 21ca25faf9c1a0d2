// 下一个待填项目: from a project's form, straight on to the next project that still owes the month's
// report (GET /api/reports/missing, in project-code order) that the caller fills (next-to-fill.ts).
import { ArrowRightOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { api } from '../api/client';
import { useApiQuery } from '../api/query';
import type { MissingReport } from '../api/reports-types';
import type { Page } from '../api/types';
import { useI18n } from '../i18n';
import { setSearch } from '../router';
import { useMe } from '../session';
import { nextToFill } from './next-to-fill';

export function NextProject({ current, year, month }: { current: number; year: number; month: number }) {
  const { t } = useI18n();
  const me = useMe();
  const query = { year, month, sort: 'projectCode', pageSize: 200 };
  const missing = useApiQuery(['/api/reports/missing', 'next', year, month], (signal) =>
    api.get<Page<MissingReport>>('/api/reports/missing', query, signal),
  );
  const next = nextToFill(missing.data?.items ?? [], me, current);
  if (!next) return null;
  return (
    <Button
      icon={<ArrowRightOutlined />}
      iconPlacement="end"
      onClick={() => setSearch({ project: next.projectId })}
      data-testid="next-project"
    >
      {t('reports.fill.nextProject', { name: next.projectName })}
    </Button>
  );
}
