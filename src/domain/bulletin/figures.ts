// Sentences about a region's figures (key projects, the "982" programme, deals, reserve, services),
// in the seed article's order and words; clauses whose denominator is 0 are left out.
import type { UnitTotals } from '../metrics';
import type { Period } from '../period';
import type { RegionFigures } from './inputs';
import { amountWording, exactRatio, pointsDiffWording, rateOf, roundText } from './wording';

type KeyTotals = UnitTotals['key'];

/** 时序进度 as a percentage without a trailing ".0": 9/12 → "75%", 10/12 → "83.3%". */
export function timeProgressWording(month: number): string {
  return `${roundText((month / 12) * 100, 1).replace(/\.0$/, '')}%`;
}

/** "高于时序进度（75%）21.9个百分点" / "低于…" / "与时序进度（75%）持平"; null without a target. */
export function versusTimeProgress(key: KeyTotals, month: number): string | null {
  const rate = exactRatio(key.investYtd, key.annualTarget);
  if (rate === null) return null;
  const tp = month / 12;
  const label = `时序进度（${timeProgressWording(month)}）`;
  const diff = pointsDiffWording(rate, tp);
  if (diff === '0.0个百分点') return `与${label}持平`;
  return `${rate > tp ? '高于' : '低于'}${label}${diff}`;
}

/**
 * The seed's progress sentence, e.g. "515个省市重点项目共完成投资1532亿元，占年度目标的96.9%，计划新开工重点项目253个，
 * 已开工250个，占年度计划的98.8%；728个省“982”补短板项目开工率99.18%，完成投资1847亿元，占年度计划的102%".
 */
export function progressClauses(figures: RegionFigures, programmeOwner = '省'): string {
  const k = figures.totals.key;
  const parts: string[] = [];
  let first = `${k.projectCount}个省市重点项目共完成投资${amountWording(k.investYtd)}`;
  if (k.annualTarget > 0n) first += `，占年度目标的${rateOf(k.investYtd, k.annualTarget)}`;
  if (k.plannedNewStarts > 0) {
    first += `，计划新开工重点项目${k.plannedNewStarts}个，已开工${k.newStarted}个，占年度计划的${rateOf(k.newStarted, k.plannedNewStarts)}`;
  }
  parts.push(first);
  const p = figures.programme982;
  if (p && p.projectCount > 0) parts.push(programmeClause(p, `${programmeOwner}“982”补短板项目`));
  return parts.join('；');
}

/** "728个省“982”补短板项目开工率99.18%，完成投资1847亿元，占年度计划的102%". */
export function programmeClause(p: KeyTotals, label: string): string {
  let text = `${p.projectCount}个${label}`;
  text +=
    p.plannedNewStarts > 0
      ? `开工率${rateOf(p.newStarted, p.plannedNewStarts)}，完成投资${amountWording(p.investYtd)}`
      : `共完成投资${amountWording(p.investYtd)}`;
  if (p.annualTarget > 0n) text += `，占年度计划的${rateOf(p.investYtd, p.annualTarget)}`;
  return text;
}

/** "全市共签约招商引资项目254个，投资总额1771.5亿元，已开工项目204个" (+ funds from outside the province). */
export function dealsClause(t: UnitTotals, whole: string, withOutside: boolean): string {
  const d = t.deals;
  if (d.signedCount === 0) return `${whole}暂无签约招商引资项目`;
  let text = `${whole}共签约招商引资项目${d.signedCount}个，投资总额${amountWording(d.signedAmount)}，已开工项目${d.startedCount}个`;
  if (withOutside && d.outsideFunds > 0n) text += `，省外境外资金到位${amountWording(d.outsideFunds)}`;
  return text;
}

/** "已谋划储备2021年重点项目1036个，总投资15559.7亿元，其中重大项目311个". */
export function reserveClause(t: UnitTotals, period: Period): string {
  const r = t.reserve;
  const year = period.year + 1;
  if (r.count === 0) return `尚未录入${year}年谋划储备项目`;
  return `已谋划储备${year}年重点项目${r.count}个，总投资${amountWording(r.investment)}${r.majorCount > 0 ? `，其中重大项目${r.majorCount}个` : ''}`;
}

/** Approvals done and issues resolved; "已基本办理完毕" from 95% done. */
export function servicesClause(t: UnitTotals, whole: string): string {
  const s = t.services;
  const parts: string[] = [];
  if (s.approvalsDue > 0) {
    const rate = exactRatio(s.approvalsDone, s.approvalsDue) ?? 0;
    const detail = `应办结${s.approvalsDue}项，已办结${s.approvalsDone}项，办结率${rateOf(s.approvalsDone, s.approvalsDue)}`;
    parts.push(
      rate >= 1
        ? `${whole}联审联批事项已全部办理完毕（${detail}）`
        : rate >= 0.95
          ? `${whole}联审联批事项已基本办理完毕（${detail}）`
          : `${whole}联审联批事项${detail}`,
    );
  }
  if (s.issuesRaised > 0) {
    parts.push(
      `项目建设中提出的问题${s.issuesRaised}个，已协调解决${s.issuesResolved}个，解决率${rateOf(s.issuesResolved, s.issuesRaised)}`,
    );
  }
  return parts.length ? parts.join('；') : `${whole}本期无应办结的联审联批事项和待协调问题`;
}
