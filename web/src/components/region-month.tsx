// A page about the working region at one month (驾驶舱, 红黄绿灯): the month lives in the address
// (?period=2020-09) so the page can be linked to, and defaults to the latest month with reports.
import { Card, DatePicker, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { latestReportMonth } from '../api/latest-period';
import { type ApiState, useApiQuery } from '../api/query';
import { formatPeriod } from '../format';
import { useI18n } from '../i18n';
import { useRegions } from '../regions';
import { setSearch, useLocation } from '../router';
import { PageHeader } from './page-header';
import { Async, EmptyState } from './states';

const pad = (n: number) => String(n).padStart(2, '0');

export interface RegionMonth {
  latest: ApiState<{ year: number; month: number } | null>;
  /** "2020-09": the month asked for in the address, else the latest with reports; null before any. */
  period: string | null;
}

export function useRegionMonth(region: string): RegionMonth {
  const { search } = useLocation();
  const asked = search.get('period');
  const chosen = asked && /^\d{4}-\d{2}$/.test(asked) ? asked : null;
  const latest = useApiQuery(['/api/reports', 'latest-month', region], (signal) =>
    latestReportMonth(region, signal),
  );
  const latestId = latest.data ? `${latest.data.year}-${pad(latest.data.month)}` : null;
  return { latest, period: chosen ?? latestId };
}

export function MonthPicker({ period }: { period: string | null }) {
  const { locale } = useI18n();
  return (
    <DatePicker
      picker="month"
      allowClear={false}
      value={period ? dayjs(`${period}-01`) : null}
      onChange={(value) => value && setSearch({ period: value.format('YYYY-MM') })}
      format={(value) => formatPeriod(value.format('YYYY-MM'), locale)}
      data-testid="period-picker"
    />
  );
}

/** The page header (title · region · month) and, once the month is known, the page's content. */
export function RegionMonthPage({
  title,
  region,
  month,
  extra,
  children,
}: {
  title: ReactNode;
  region: string;
  month: RegionMonth;
  extra: ReactNode;
  children: (period: string) => ReactNode;
}) {
  const { t, locale } = useI18n();
  const regions = useRegions();
  const { period } = month;
  return (
    <>
      <PageHeader
        title={
          <>
            {title}
            <Typography.Text type="secondary" style={{ fontSize: 16, fontWeight: 'normal', marginLeft: 12 }}>
              {regions.name(region)}
              {period ? ` · ${formatPeriod(period, locale)}` : ''}
            </Typography.Text>
          </>
        }
        extra={extra}
      />
      <Async state={month.latest}>
        {() =>
          !period ? (
            <Card>
              <EmptyState text={t('dashboard.noPeriod')} />
            </Card>
          ) : (
            children(period)
          )
        }
      </Async>
    </>
  );
}
