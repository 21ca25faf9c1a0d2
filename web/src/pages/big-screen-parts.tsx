// The 大屏's panels: a headline figure, the clock, the ranking by completion rate, the latest
// published evaluation's ranking and the month's movers — plain markup on the dark screen
// (styles in big-screen.css), sized for a 1920×1080 projector.
import { type ReactNode, useEffect, useState } from 'react';
import type { PublishedEvaluation } from '../api/evaluation-types';
import { formatDateTime, formatPercent, formatPeriod } from '../format';
import { useI18n } from '../i18n';
import type { Mover, RankedUnit } from './big-screen-figures';

export function Panel({
  title,
  note,
  children,
  testId,
  className,
}: {
  title: ReactNode;
  note?: ReactNode;
  children: ReactNode;
  testId?: string;
  className?: string;
}) {
  return (
    <section className={`screen-panel ${className ?? ''}`} data-testid={testId}>
      <header className="screen-panel-title">
        <span>{title}</span>
        {note && <small>{note}</small>}
      </header>
      <div className="screen-panel-body">{children}</div>
    </section>
  );
}

export function Figure({ label, value, footer }: { label: string; value: string; footer?: string }) {
  return (
    <div className="screen-figure">
      <div className="screen-figure-label">{label}</div>
      <div className="screen-figure-value">{value}</div>
      <div className="screen-figure-footer">{footer ?? '\u00a0'}</div>
    </div>
  );
}

export function Clock() {
  const { locale } = useI18n();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <div className="screen-clock" data-testid="screen-clock">
      {formatDateTime(now.toISOString(), locale, { seconds: true })}
    </div>
  );
}

export function RateRanking({ units }: { units: RankedUnit[] }) {
  const top = Math.max(1, ...units.map((u) => u.rate ?? 0));
  return (
    <ol className="screen-ranking" data-testid="screen-ranking">
      {units.map((u) => (
        <li key={u.code}>
          <span className={`screen-rank screen-rank-${Math.min(u.rank, 4)}`}>{u.rank}</span>
          <span className="screen-ranking-name">{u.name}</span>
          <span className="screen-bar">
            <span style={{ width: `${((u.rate ?? 0) / top) * 100}%` }} />
          </span>
          <span className="screen-ranking-value">{formatPercent(u.rate)}</span>
        </li>
      ))}
    </ol>
  );
}

export function EvaluationRanking({ evaluation }: { evaluation: PublishedEvaluation | null | undefined }) {
  const { t, locale } = useI18n();
  if (!evaluation) return <div className="screen-empty">{t('screen.noEvaluation')}</div>;
  const byCode = new Map(evaluation.result.units.map((u) => [u.code, u]));
  // the largest group (the cities) is the ranking the meeting talks about
  const group = [...evaluation.result.groups].sort((a, b) => b.ranking.length - a.ranking.length)[0];
  const units = (group?.ranking ?? []).map((code) => byCode.get(code)).filter((u) => u !== undefined);
  return (
    <>
      <div className="screen-subtitle">
        {t('screen.evaluation', { period: formatPeriod(evaluation.period, locale) })} ·{' '}
        {evaluation.result.scheme.name}
      </div>
      <ol
        className="screen-ranking screen-ranking-compact"
        style={{ gridTemplateRows: `repeat(${Math.ceil(units.length / 2)}, auto)` }}
        data-testid="screen-evaluation"
      >
        {units.map((u) => (
          <li key={u.code}>
            <span className={`screen-rank screen-rank-${Math.min(u.rank, 4)}`}>{u.rank}</span>
            <span className="screen-ranking-name">{u.name}</span>
            <span className="screen-ranking-value">{u.adjusted.toFixed(2)}</span>
          </li>
        ))}
      </ol>
    </>
  );
}

export function Movers({ movers }: { movers: Mover[] }) {
  const { t } = useI18n();
  if (movers.length === 0) return <div className="screen-empty">{t('screen.noMovers')}</div>;
  return (
    <>
      <div className="screen-subtitle">{t('screen.moversNote')}</div>
      <ol className="screen-movers" data-testid="screen-movers">
        {movers.map((m) => (
          <li key={m.code}>
            <span className="screen-ranking-name">{m.name}</span>
            <span className="screen-movers-gain">{t('screen.points', { points: m.gained.toFixed(1) })}</span>
            <span
              className={
                m.rankChange && m.rankChange > 0
                  ? 'screen-up'
                  : m.rankChange && m.rankChange < 0
                    ? 'screen-down'
                    : ''
              }
            >
              {m.rankChange === null || m.rankChange === 0
                ? t('screen.rankSame')
                : m.rankChange > 0
                  ? `▲ ${t('screen.rankUp', { n: m.rankChange })}`
                  : `▼ ${t('screen.rankDown', { n: -m.rankChange })}`}
            </span>
          </li>
        ))}
      </ol>
    </>
  );
}
