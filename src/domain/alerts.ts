// 红黄绿灯 (alert): the warnings on a lagging project or region for a period, as pure rules over
// facts gathered at the period end. A warning is recomputed from the facts every time, so it
// turns back to green as soon as the gap is made up.

export type AlertLevel = 'red' | 'yellow';
export type LightLevel = AlertLevel | 'green';
export type AlertKind = 'behind_time' | 'not_started' | 'no_report' | 'issue_overdue' | 'region_behind';

export interface Alert {
  kind: AlertKind;
  level: AlertLevel;
  /** percentage points (behind_time, region_behind: negative when behind) or days (not_started, issue_overdue); 0 for no_report. */
  value: number;
  /** The threshold the value passed, in the same unit. */
  threshold: number;
  message: string;
}

export interface AlertThresholds {
  /** Points behind (time progress, or the province's rate) beyond which a warning is red / yellow. */
  behindRed: number;
  behindYellow: number;
  /** Days late past the planned start after which not_started turns red (yellow before). */
  notStartedRedDays: number;
  /** Days an issue may stay open: more is yellow, more than twice as many red. */
  issueDays: number;
}

export const DEFAULT_ALERT_THRESHOLDS: AlertThresholds = {
  behindRed: 20,
  behindYellow: 10,
  notStartedRedDays: 30,
  issueDays: 30,
};

export interface AlertPeriod {
  year: number;
  /** Last month of the period (1–12). */
  month: number;
  /** ISO date of the period's last day. */
  end: string;
}

export interface OpenIssue {
  raisedDate: string;
  /** null while unresolved; a date after the period end counts as open at the period end. */
  resolvedDate: string | null;
}

/** What the rules need to know of one project at the end of the period. */
export interface ProjectFacts {
  annualTarget: bigint | null;
  /** investYtd at the end of month N, carried forward from the latest approved report; null before any. */
  investYtd: bigint | null;
  plannedStart: string | null;
  /** Started by the period end (a report said so, or the actual start date is on or before the end). */
  started: boolean;
  /** Completed by the period end: a completed project owes no more reports. */
  completed: boolean;
  /** A report for month N was submitted (submitted or approved). */
  reported: boolean;
  issues: readonly OpenIssue[];
}

export interface Light {
  level: LightLevel;
  alerts: Alert[];
}

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** A threshold in points as an exact integer of hundredths of a point. */
const hundredths = (points: number) => BigInt(Math.round(points * 100));
const round1 = (n: number) => Math.round(n * 10) / 10;

export function levelOf(alerts: readonly Alert[]): LightLevel {
  if (alerts.some((a) => a.level === 'red')) return 'red';
  return alerts.length ? 'yellow' : 'green';
}

/**
 * The level of a gap `actual − reference` given as exact fractions `an/ad − bn/bd`, in
 * percentage points, against the thresholds; null when within them. Exact: no float rounding
 * decides a boundary (a gap of exactly −20 points is not "more than 20 behind").
 */
function gapLevel(an: bigint, ad: bigint, bn: bigint, bd: bigint, t: AlertThresholds): AlertLevel | null {
  // gap × 100 points × 100 (hundredths) × ad × bd, compared with −threshold × ad × bd
  const scaled = (an * bd - bn * ad) * 10_000n;
  const denominator = ad * bd;
  if (scaled < -hundredths(t.behindRed) * denominator) return 'red';
  if (scaled < -hundredths(t.behindYellow) * denominator) return 'yellow';
  return null;
}

function behindTime(facts: ProjectFacts, period: AlertPeriod, t: AlertThresholds): Alert | null {
  const target = facts.annualTarget;
  if (target === null || target <= 0n) return null;
  const invest = facts.investYtd ?? 0n;
  const level = gapLevel(invest, target, BigInt(period.month), 12n, t);
  if (!level) return null;
  const rate = (Number(invest) / Number(target)) * 100;
  const time = (period.month / 12) * 100;
  const gap = round1(rate - time);
  return {
    kind: 'behind_time',
    level,
    value: gap,
    threshold: -(level === 'red' ? t.behindRed : t.behindYellow),
    message: `投资完成率 ${round1(rate)}%，落后时序进度 ${round1(time)}% 共 ${round1(-gap)} 个百分点；请加快投资进度，下月月报补上差距`,
  };
}

function notStarted(facts: ProjectFacts, period: AlertPeriod, t: AlertThresholds): Alert | null {
  if (facts.started || facts.completed || !facts.plannedStart || facts.plannedStart >= period.end)
    return null;
  const late = daysBetween(facts.plannedStart, period.end);
  const red = late > t.notStartedRedDays;
  return {
    kind: 'not_started',
    level: red ? 'red' : 'yellow',
    value: late,
    threshold: red ? t.notStartedRedDays : 0,
    message: `计划 ${facts.plannedStart} 开工，至 ${period.end} 仍未开工（逾期 ${late} 天）；请尽快开工或说明原因`,
  };
}

function noReport(facts: ProjectFacts, period: AlertPeriod): Alert | null {
  if (facts.reported || facts.completed) return null;
  return {
    kind: 'no_report',
    level: 'yellow',
    value: 0,
    threshold: 0,
    message: `${period.year}年${period.month}月月报未报送；请项目单位尽快填报`,
  };
}

function issueOverdue(facts: ProjectFacts, period: AlertPeriod, t: AlertThresholds): Alert | null {
  const ages = facts.issues
    .filter((i) => i.raisedDate <= period.end && (i.resolvedDate === null || i.resolvedDate > period.end))
    .map((i) => daysBetween(i.raisedDate, period.end))
    .filter((days) => days > t.issueDays);
  if (!ages.length) return null;
  const oldest = Math.max(...ages);
  const red = oldest > 2 * t.issueDays;
  return {
    kind: 'issue_overdue',
    level: red ? 'red' : 'yellow',
    value: oldest,
    threshold: red ? 2 * t.issueDays : t.issueDays,
    message: `${ages.length} 个问题提出后超过 ${t.issueDays} 天未解决（最久 ${oldest} 天）；请责任单位限期协调解决`,
  };
}

/** A project's light for the period: every rule that fires, and the worst level (green when none). */
export function projectAlerts(
  facts: ProjectFacts,
  period: AlertPeriod,
  thresholds: AlertThresholds = DEFAULT_ALERT_THRESHOLDS,
): Light {
  const alerts = [
    behindTime(facts, period, thresholds),
    notStarted(facts, period, thresholds),
    noReport(facts, period),
    issueOverdue(facts, period, thresholds),
  ].filter((a): a is Alert => a !== null);
  return { level: levelOf(alerts), alerts };
}

export interface InvestmentTotals {
  annualTarget: bigint;
  investYtd: bigint;
}

/**
 * A region's light: its investment completion rate against the province's. Yellow when behind by
 * more than the yellow threshold, red beyond the red one; green without a target on either side.
 */
export function regionAlerts(
  region: InvestmentTotals,
  province: InvestmentTotals,
  thresholds: AlertThresholds = DEFAULT_ALERT_THRESHOLDS,
): Light {
  if (region.annualTarget <= 0n || province.annualTarget <= 0n) return { level: 'green', alerts: [] };
  const level = gapLevel(
    region.investYtd,
    region.annualTarget,
    province.investYtd,
    province.annualTarget,
    thresholds,
  );
  if (!level) return { level: 'green', alerts: [] };
  const rate = (Number(region.investYtd) / Number(region.annualTarget)) * 100;
  const average = (Number(province.investYtd) / Number(province.annualTarget)) * 100;
  const gap = round1(rate - average);
  const alert: Alert = {
    kind: 'region_behind',
    level,
    value: gap,
    threshold: -(level === 'red' ? thresholds.behindRed : thresholds.behindYellow),
    message: `投资完成率 ${round1(rate)}%，低于全省平均 ${round1(average)}% 共 ${round1(-gap)} 个百分点；请督促落后项目加快进度`,
  };
  return { level, alerts: [alert] };
}

export const ALERT_KIND_LABELS: Record<AlertKind, string> = {
  behind_time: '投资落后时序',
  not_started: '逾期未开工',
  no_report: '本月未报',
  issue_overdue: '问题超期未解决',
  region_behind: '低于全省平均',
};

export const LEVEL_LABELS: Record<LightLevel, string> = { red: '红灯', yellow: '黄灯', green: '绿灯' };
