// 数据质量检查: plausibility checks on one project's monthly reports of a year, as pure rules.
// They never reject anything: each finding states the fact with its figures and the fix to make,
// and is shown on import, before a reviewer approves a report, and counted per region (信息报送质量).
//
// Amounts are exact 元 (bigint). The month amount of month m is its cumulative (investYtd, January
// to m) minus the cumulative of the latest earlier reported month of the year (0 before the first).
import { yuanToWanString } from './money';
import type { ReportRecord } from './records';

export type QualityCheck =
  | 'cumulative_falling'
  | 'month_over_remaining'
  | 'over_total'
  | 'jump'
  | 'completed_not_started'
  | 'completion_before_start'
  | 'copied_progress'
  | 'blank_progress';

export const QUALITY_CHECKS: readonly QualityCheck[] = [
  'cumulative_falling',
  'month_over_remaining',
  'over_total',
  'jump',
  'completed_not_started',
  'completion_before_start',
  'copied_progress',
  'blank_progress',
];

export const QUALITY_CHECK_LABELS: Record<QualityCheck, string> = {
  cumulative_falling: '累计投资减少',
  month_over_remaining: '当月投资超过总投资余额',
  over_total: '累计投资超过总投资',
  jump: '月度投资突变（单位疑误）',
  completed_not_started: '竣工但未开工',
  completion_before_start: '竣工日期早于开工日期',
  copied_progress: '形象进度连续多月未变',
  blank_progress: '形象进度未填',
};

export type QualitySeverity = 'error' | 'warning';

export interface QualityFinding {
  check: QualityCheck;
  severity: QualitySeverity;
  projectCode: string;
  year: number;
  month: number;
  /** The fact, in Chinese, with its figures (amounts in 万元). */
  message: string;
  /** The fix to make, in Chinese. */
  fix: string;
  /** The figures the finding rests on: amounts as 元 decimal strings (exact), counts and months as numbers. */
  figures: Record<string, string | number>;
}

export interface QualityThresholds {
  /** A month amount at least this many times the previous non-zero month amount (or at most 1/this) is a jump. */
  jumpFactor: number;
  /** 万元: an upward jump counts only when the previous amount is at least this; a downward one when the previous amount is at least jumpFactor × this. */
  jumpFloorWan: number;
  /** 形象进度 identical (not blank) in this many consecutive reported months is copied text. */
  copiedMonths: number;
}

export const DEFAULT_QUALITY_THRESHOLDS: QualityThresholds = {
  jumpFactor: 100,
  jumpFloorWan: 10,
  copiedMonths: 3,
};

/** What the checks know of a project besides its reports. */
export interface QualityProject {
  code: string;
  /** 总投资, 元; null when unknown (the total checks are skipped). */
  totalInvestment: bigint | null;
  /** Completed in earlier years: Σ of each earlier year's last reported cumulative, 元 (0 without earlier reports). */
  investedBefore: bigint;
  /** 实际开工日期 on the project record. */
  actualStart: string | null;
}

/** What the checks read of one month's report. */
export type QualityReport = Pick<
  ReportRecord,
  'month' | 'investYtd' | 'started' | 'startDate' | 'completed' | 'completionDate' | 'progressNote'
>;

const wan = (yuan: bigint) => `${yuanToWanString(yuan)} 万元`;
const WAN = 10_000n;

/** The floor in 元 (thresholds hold 万元 with at most 4 decimals). */
const floorYuan = (t: QualityThresholds) => BigInt(Math.round(t.jumpFloorWan * 10_000));

/**
 * a ≥ factor × b, exactly: the factor may have decimals (up to 4), so both sides are scaled by 10⁴.
 */
const atLeastTimes = (a: bigint, factor: number, b: bigint) =>
  a * WAN >= BigInt(Math.round(factor * 10_000)) * b;

/** Every finding on one project's reports of one year (reports in any order; one per month). */
export function checkProjectYear(
  project: QualityProject,
  year: number,
  reports: readonly QualityReport[],
  thresholds: QualityThresholds = DEFAULT_QUALITY_THRESHOLDS,
): QualityFinding[] {
  const months = [...reports].sort((a, b) => a.month - b.month);
  const out: QualityFinding[] = [];
  const add = (
    check: QualityCheck,
    severity: QualitySeverity,
    month: number,
    message: string,
    fix: string,
    figures: QualityFinding['figures'],
  ) => out.push({ check, severity, projectCode: project.code, year, month, message, fix, figures });

  let previous: QualityReport | null = null;
  let lastAmount: { month: number; amount: bigint } | null = null;
  let startKnown: string | null = project.actualStart;
  let startedBefore = project.actualStart !== null;
  let run = 0;
  for (const r of months) {
    const before = previous?.investYtd ?? 0n;
    const amount = r.investYtd - before;

    // 1. 累计投资减少
    if (previous && r.investYtd < previous.investYtd) {
      add(
        'cumulative_falling',
        'error',
        r.month,
        `${r.month}月累计完成投资 ${wan(r.investYtd)}，低于${previous.month}月的 ${wan(previous.investYtd)}（减少 ${wan(previous.investYtd - r.investYtd)}）`,
        `累计完成投资是自1月起的累计数，只增不减；请核对${r.month}月与${previous.month}月的填报数（是否把当月数填成了累计数，或单位填错），更正后重新报送`,
        {
          investYtd: r.investYtd.toString(),
          previousMonth: previous.month,
          previousYtd: previous.investYtd.toString(),
        },
      );
    }

    // 2. 当月投资超过总投资余额 (the month the total is crossed) / 3. 累计投资超过总投资 (already over)
    const total = project.totalInvestment;
    if (total !== null && total > 0n) {
      const position = project.investedBefore + r.investYtd;
      const priorPosition = project.investedBefore + before;
      if (position > total && priorPosition <= total && amount > 0n) {
        const remaining = total - priorPosition;
        add(
          'month_over_remaining',
          'error',
          r.month,
          `${r.month}月新增投资 ${wan(amount)}，超过总投资 ${wan(total)} 尚未完成的 ${wan(remaining)}（以前年度已完成 ${wan(project.investedBefore)}，本年此前累计 ${wan(before)}）`,
          `请核对${r.month}月累计完成投资（是否单位填错或重复计入）；确属总投资调增的，请先更新项目的总投资`,
          {
            amount: amount.toString(),
            remaining: remaining.toString(),
            totalInvestment: total.toString(),
            investedBefore: project.investedBefore.toString(),
          },
        );
      } else if (position > total) {
        add(
          'over_total',
          'error',
          r.month,
          `累计完成投资（含以前年度 ${wan(project.investedBefore)}）达 ${wan(position)}，超过项目总投资 ${wan(total)}（超出 ${wan(position - total)}）`,
          `请核对累计完成投资与以前年度完成数；确属总投资调增的，请更新项目的总投资`,
          {
            position: position.toString(),
            totalInvestment: total.toString(),
            investedBefore: project.investedBefore.toString(),
          },
        );
      }
    }

    // 4. 月度投资突变 (a 元/万元/亿元 mix-up shows as a factor of 10⁴)
    if (amount > 0n && lastAmount) {
      const p = lastAmount.amount;
      const floor = floorYuan(thresholds);
      if (atLeastTimes(amount, thresholds.jumpFactor, p) && p >= floor) {
        add(
          'jump',
          'warning',
          r.month,
          `${r.month}月新增投资 ${wan(amount)}，是${lastAmount.month}月新增 ${wan(p)} 的 ${timesText(amount, p)} 倍`,
          `疑为金额单位填错（如把元当作万元填报）；请按万元核对${r.month}月累计完成投资，确无误的请在形象进度中说明原因`,
          { amount: amount.toString(), previousMonth: lastAmount.month, previousAmount: p.toString() },
        );
      } else if (
        atLeastTimes(p, thresholds.jumpFactor, amount) &&
        atLeastTimes(p, thresholds.jumpFactor, floor)
      ) {
        add(
          'jump',
          'warning',
          r.month,
          `${r.month}月新增投资 ${wan(amount)}，仅为${lastAmount.month}月新增 ${wan(p)} 的 1/${timesText(p, amount)}`,
          `疑为金额单位填错（如把亿元当作万元填报，或${lastAmount.month}月把元当作万元）；请按万元核对${r.month}月与${lastAmount.month}月的累计完成投资`,
          { amount: amount.toString(), previousMonth: lastAmount.month, previousAmount: p.toString() },
        );
      }
    }
    if (amount > 0n) lastAmount = { month: r.month, amount };

    // 5. 竣工但未开工 / 竣工日期早于开工日期
    if (r.startDate) startKnown = startKnown && startKnown < r.startDate ? startKnown : r.startDate;
    startedBefore = startedBefore || r.started || r.startDate !== null;
    if (r.completed && !startedBefore) {
      add(
        'completed_not_started',
        'error',
        r.month,
        `${r.month}月月报填报已竣工，但未填报开工（无开工标记和开工日期）`,
        `请补填开工情况和实际开工日期；如尚未竣工，请取消竣工标记`,
        {},
      );
    }
    if (r.completed && r.completionDate && startKnown && r.completionDate < startKnown) {
      add(
        'completion_before_start',
        'error',
        r.month,
        `竣工日期 ${r.completionDate} 早于开工日期 ${startKnown}`,
        `请核对实际开工日期与竣工日期，更正填错的一项`,
        { completionDate: r.completionDate, startDate: startKnown },
      );
    }

    // 6. 形象进度: blank, or the same text for several consecutive months
    const note = r.progressNote?.trim() ?? '';
    const prevNote = previous?.progressNote?.trim() ?? '';
    const consecutive = previous !== null && previous.month === r.month - 1;
    run = note && consecutive && note === prevNote ? run + 1 : note ? 1 : 0;
    if (!note && !r.completed) {
      add(
        'blank_progress',
        'warning',
        r.month,
        `${r.month}月月报未填形象进度`,
        `请填写本月形象进度：完成的主要工程量、所处施工阶段或前期工作进展`,
        {},
      );
    } else if (note && !r.completed && run >= thresholds.copiedMonths) {
      add(
        'copied_progress',
        'warning',
        r.month,
        `形象进度已连续 ${run} 个月（${r.month - run + 1}月至${r.month}月）完全相同：“${clip(note)}”`,
        `请按本月实际填写形象进度（本月完成的工程量和节点）；确无进展的，请写明停工或滞后的原因`,
        { months: run, firstMonth: r.month - run + 1 },
      );
    }
    previous = r;
  }
  return out;
}

/** a / b as a whole number of times (rounded down), b > 0. */
function timesText(a: bigint, b: bigint): string {
  return (a / b).toString();
}

const clip = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

export const SEVERITY_LABELS: Record<QualitySeverity, string> = { error: '错误', warning: '提示' };

/** Reports checked and those with no finding, for one unit: the counts behind reports.cleanRate. */
export interface QualityCounts {
  reports: number;
  clean: number;
  errors: number;
  warnings: number;
}

export const emptyQualityCounts = (): QualityCounts => ({ reports: 0, clean: 0, errors: 0, warnings: 0 });

/** The metric names a scheme can read for 信息报送质量 (evaluation adds them when a scheme does). */
export const QUALITY_METRIC_NAMES: ReadonlySet<string> = new Set([
  'reports.qualityFindings',
  'reports.cleanRate',
]);

export interface QualityMetrics {
  'reports.qualityFindings': number;
  'reports.cleanRate': number | null;
}

/** The 信息报送质量 metrics of a unit: findings counted, and the share of its reports with none. */
export function qualityMetrics(c: QualityCounts): QualityMetrics {
  return {
    'reports.qualityFindings': c.errors + c.warnings,
    'reports.cleanRate': c.reports === 0 ? null : c.clean / c.reports,
  };
}
