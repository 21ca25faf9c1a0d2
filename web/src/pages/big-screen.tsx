// 大屏 (/screen): a full-window dark view for a meeting room's projector, without the app's menu or
// header (a bare route). For the working region and month (the latest with reports unless ?period=)
// it shows the headline figures (GET /api/dashboard and /api/map), the child units ranked by
// completion rate, the map, the latest published evaluation's ranking and the month's movers (this
// month's 驾驶舱 against last month's); everything reloads 5 minutes after the last load ended (?refresh=60: seconds).
import { useEffect, useMemo, useState } from 'react';
import { api } from '../api/client';
import type { Dashboard } from '../api/dashboard-types';
import type { PublishedEvaluation, PublishedSummary } from '../api/evaluation-types';
import type { RegionMapData } from '../api/map-types';
import { useApiQuery } from '../api/query';
import { MapLegend } from '../components/map-legend';
import { RegionMap } from '../components/region-map';
import { useRegionMonth } from '../components/region-month';
import { formatAmount, formatPercent, formatPeriod } from '../format';
import { useI18n } from '../i18n';
import { useRegions } from '../regions';
import { Link, useLocation } from '../router';
import { useCan } from '../session';
import { monthMovers, previousMonth, rankByRate, refreshSeconds } from './big-screen-figures';
import { Clock, EvaluationRanking, Figure, Movers, Panel, RateRanking } from './big-screen-parts';
import './big-screen.css';

export default function BigScreenPage() {
  const { t } = useI18n();
  const regions = useRegions();
  if (!regions.working) return <div className="screen screen-message">{t('screen.noRegion')}</div>;
  return <BigScreen region={regions.working} />;
}

const pad = (n: number) => String(n).padStart(2, '0');
const timeOf = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;

function BigScreen({ region }: { region: string }) {
  const { t, locale } = useI18n();
  const can = useCan();
  const { search } = useLocation();
  const seconds = refreshSeconds(search.get('refresh'));
  // the next refresh is counted from the end of the last one, so a slow answer is never cut off
  const [tick, setTick] = useState(0);
  const { period } = useRegionMonth(region);
  const before = period ? previousMonth(period) : null;

  const dashboard = useApiQuery(['/api/dashboard', region, period, tick], (signal) =>
    period ? api.get<Dashboard>('/api/dashboard', { region, period }, signal) : Promise.resolve(null),
  );
  const previous = useApiQuery(['/api/dashboard', 'previous', region, before, tick], (signal) =>
    before ? api.get<Dashboard>('/api/dashboard', { region, period: before }, signal) : Promise.resolve(null),
  );
  const map = useApiQuery(['/api/map', region, period, tick], (signal) =>
    period ? api.get<RegionMapData>('/api/map', { region, period }, signal) : Promise.resolve(null),
  );
  const readsEvaluations = can('evaluation.read');
  const evaluation = useApiQuery(
    ['/api/evaluations', 'latest', region, readsEvaluations, tick],
    async (signal) => {
      if (!readsEvaluations) return null;
      const list = await api.get<{ items: PublishedSummary[] }>('/api/evaluations', { region }, signal);
      const latest = list.items[0];
      return latest ? api.get<PublishedEvaluation>(`/api/evaluations/${latest.id}`, undefined, signal) : null;
    },
  );

  const busy = dashboard.loading || previous.loading || map.loading || evaluation.loading;
  useEffect(() => {
    if (busy) return;
    const timer = window.setTimeout(() => setTick((n) => n + 1), seconds * 1000);
    return () => window.clearTimeout(timer);
  }, [busy, seconds]);

  const [refreshed, setRefreshed] = useState<Date | null>(null);
  useEffect(() => {
    if (dashboard.data) setRefreshed(new Date());
  }, [dashboard.data]);

  const [full, setFull] = useState(false);
  useEffect(() => {
    const follow = () => setFull(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', follow);
    return () => document.removeEventListener('fullscreenchange', follow);
  }, []);
  const toggleFull = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen?.().catch(() => {});
  };

  const d = dashboard.data;
  const ranked = useMemo(() => (d ? rankByRate(d.children) : []), [d]);
  const movers = useMemo(() => (d ? monthMovers(d, previous.data ?? null) : []), [d, previous.data]);
  const number = (name: string) => {
    const value = d?.metrics[name];
    return typeof value === 'number' ? value : null;
  };

  return (
    <div className="screen" data-testid="big-screen">
      <header className="screen-header">
        <div className="screen-title">
          <h1>{t('screen.title', { region: d?.region.name ?? '' })}</h1>
          <span>{period ? formatPeriod(period, locale) : ''}</span>
        </div>
        <div className="screen-header-side">
          <span className="screen-refreshed" data-testid="screen-refreshed">
            {refreshed
              ? t('screen.refreshed', {
                  time: timeOf(refreshed),
                  seconds,
                })
              : ''}
          </span>
          <Clock />
          <button
            type="button"
            className="screen-button"
            onClick={toggleFull}
            data-testid="screen-fullscreen"
          >
            {full ? t('screen.exitFullscreen') : t('screen.fullscreen')}
          </button>
          <Link to="/" className="screen-button">
            {t('screen.back')}
          </Link>
        </div>
      </header>

      <div className="screen-figures" data-testid="screen-figures">
        <Figure label={t('screen.projects')} value={d ? String(d.metrics['key.projectCount'] ?? '—') : '—'} />
        <Figure
          label={t('screen.totalInvestment')}
          value={map.data ? formatAmount(map.data.totalInvestment, locale) : '—'}
        />
        <Figure
          label={t('screen.investYtd')}
          value={d ? formatAmount(d.metrics['key.investYtd'], locale) : '—'}
          footer={
            d
              ? t('screen.target', { amount: formatAmount(d.metrics['key.annualTarget'], locale) })
              : undefined
          }
        />
        <Figure
          label={t('screen.rate')}
          value={formatPercent(number('key.investRate'))}
          footer={t('screen.timeProgress', { rate: formatPercent(number('key.timeProgress')) })}
        />
      </div>

      <main className="screen-main">
        <Panel title={t('screen.ranking')} testId="screen-ranking-panel">
          <RateRanking units={ranked} />
        </Panel>
        <Panel title={t('screen.map')} note={<MapLegend dark />} className="screen-map-panel">
          {map.data && <RegionMap data={map.data} height="100%" dark />}
        </Panel>
        <div className="screen-side">
          <Panel title={t('menu.evaluationResults')} testId="screen-evaluation-panel">
            <EvaluationRanking evaluation={evaluation.data} />
          </Panel>
          <Panel title={t('screen.movers')} testId="screen-movers-panel">
            <Movers movers={movers} />
          </Panel>
        </div>
      </main>
    </div>
  );
}
