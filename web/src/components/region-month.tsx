// A page about the working region at one month (驾驶舱, 红黄绿灯): the month lives in the address
// (?period=2020-09) so the page can be linked to, and defaults to the region's default month
// (GET /api/periods: the latest month that is over with submitted reports). The month picker marks
// the months that have data.
import { Card, DatePicker, Typography } from 'antd';
import dayjs from 'dayjs';
import { cloneElement, isValidElement, type ReactElement, type ReactNode, useMemo } from 'react';
import { periodsWithData, type RegionPeriods, useRegionPeriods } from '../api/periods';
import type { ApiState } from '../api/query';
import { formatPeriod } from '../format';
import { useI18n } from '../i18n';
import { useRegions } from '../regions';
import { setSearch, useLocation } from '../router';
import { PageHeader } from './page-header';
import { Async, EmptyState } from './states';

export interface RegionMonth {
  latest: ApiState<RegionPeriods>;
  /** "2020-09": the month asked for in the address, else the region's default; null before any. */
  period: string | null;
}

export function useRegionMonth(region: string): RegionMonth {
  const { search } = useLocation();
  const asked = search.get('period');
  const chosen = asked && /^\d{4}-\d{2}$/.test(asked) ? asked : null;
  const latest = useRegionPeriods(region);
  return { latest, period: chosen ?? latest.data?.month ?? null };
}

/** The month of a page, in the address; the months with data are marked (a dot, and named so). */
export function MonthPicker({ month }: { month: RegionMonth }) {
  const { t, locale } = useI18n();
  const { period } = month;
  const months = month.latest.data?.months;
  const marked = useMemo(() => periodsWithData(months), [months]);
  return (
    <DatePicker
      picker="month"
      allowClear={false}
      value={period ? dayjs(`${period}-01`) : null}
      onChange={(value) => value && setSearch({ period: value.format('YYYY-MM') })}
      format={(value) => formatPeriod(value.format('YYYY-MM'), locale)}
      cellRender={(current, info) =>
        info.type === 'month' && dayjs(current).isValid() && marked.has(dayjs(current).format('YYYY-MM'))
          ? markHasData(info.originNode, t('dashboard.period.hasData'))
          : info.originNode
      }
      data-testid="period-picker"
    />
  );
}

/** A picker cell of a period with data: the class that draws its dot, and its name says so. */
export function markHasData(node: ReactNode, label: string): ReactNode {
  if (!isValidElement(node)) return node;
  const cell = node as ReactElement<{ className?: string; title?: string }>;
  return cloneElement(cell, {
    className: `${cell.props.className ?? ''} sibi-period-has-data`,
    title: label,
  });
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
