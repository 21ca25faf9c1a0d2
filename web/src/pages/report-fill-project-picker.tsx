// The fill page's project choice: the projects in scope (the working region) searched by name or
// code on the server, each with its code and region, and marked when the caller only reads it.
import { Select, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../api/client';
import type { Project } from '../api/projects-types';
import { useApiQuery } from '../api/query';
import type { Page } from '../api/types';
import { useI18n } from '../i18n';
import { useRegions } from '../regions';
import { setSearch } from '../router';

/** Searches the projects in scope (the working region) by name or code, on the server. */
export function ProjectPicker({ value, current }: { value: number | null; current: Project | null }) {
  const { t } = useI18n();
  const regions = useRegions();
  const [q, setQ] = useState('');
  const [typed, setTyped] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQ(typed.trim()), 300);
    return () => window.clearTimeout(timer);
  }, [typed]);
  const found = useApiQuery(['/api/projects', 'search', q, regions.working], (signal) =>
    api.get<Page<Project>>(
      '/api/projects',
      { q: q || undefined, region: regions.working ?? undefined, pageSize: 30, sort: 'code' },
      signal,
    ),
  );
  const options = useMemo(() => {
    const items = found.data?.items ?? [];
    const all = current && !items.some((p) => p.id === current.id) ? [current, ...items] : items;
    return all.map((p) => ({
      value: p.id,
      label: p.name,
      code: p.code,
      region: regions.name(p.regionCode),
      fills: p.permissions.fillReports === true,
    }));
  }, [found.data, current, regions]);
  return (
    <Select<number>
      id="report-project"
      aria-label={t('reports.project')}
      data-testid="report-project"
      showSearch={{ filterOption: false, onSearch: setTyped }}
      value={value ?? undefined}
      placeholder={t('reports.fill.projectPlaceholder')}
      loading={found.loading}
      style={{ width: '100%' }}
      options={options}
      notFoundContent={found.loading ? t('common.loading') : t('common.empty')}
      optionRender={(option) => (
        <div>
          <div>{option.data.label}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {option.data.code} · {option.data.region}
            {!option.data.fills && ` · ${t('reports.fill.readOnlyShort')}`}
          </Typography.Text>
        </div>
      )}
      onChange={(id) => setSearch({ project: id })}
    />
  );
}
