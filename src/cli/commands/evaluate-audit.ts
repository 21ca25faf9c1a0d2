// Text of `sibi evaluate --audit` (the statistical audit, docs/methodology.md → 统计审计) and the
// Sobol lines of `--sensitivity` with their bootstrap intervals.
import type { GroupAudit } from '../../domain/evaluation/audit';
import type { SensitivityResult } from '../../domain/evaluation/sensitivity';
import { formatPercent } from '../../domain/format';
import { GROUP_LABELS } from '../../domain/regions';
import type { EvaluationAudit } from '../../services/audit-evaluation';

const r2 = (x: number | null) => (x === null ? '—' : x.toFixed(2));
const r3 = (x: number) => x.toFixed(3);

const TREATED = { none: '未处理', winsorised: '已缩尾', log: '已做对数变换' } as const;
const DECLARED = { none: '方案未声明处理', winsorise: '方案声明 winsorise', log: '方案声明 log' } as const;

function weightLines(g: GroupAudit): string[] {
  return [
    '名义权重与有效权重（有效权重：该指标得分在总分方差中的份额）：',
    '指标 | 分值 | 名义权重 | 有效权重',
    ...g.weights.map(
      (w) =>
        `${w.name} | ${w.points} | ${formatPercent(w.nominal)} | ${w.effective === null ? '—（总分无差异）' : formatPercent(w.effective)}`,
    ),
  ];
}

function matrixLines(g: GroupAudit): string[] {
  const K = g.indicators.length;
  const head = Array.from({ length: K }, (_, j) => `${j + 1}`.padStart(5)).join('');
  return [
    '指标得分的相关矩阵（Spearman 秩相关；— 表示该指标各单位得分相同，无从计算）：',
    `${''.padEnd(4)}${head}`,
    ...g.indicators.map(
      (ind, i) =>
        `${`${i + 1}`.padEnd(4)}${g.scores.spearman[i]!.map((x) => r2(x).padStart(5)).join('')}  ${ind.name}`,
    ),
    '各指标得分与总分（基础分）的相关（Pearson / Spearman）：',
    ...g.withTotal.map((t, i) => `  ${g.indicators[i]!.name}：${r2(t.pearson)} / ${r2(t.spearman)}`),
  ];
}

function outlierLines(g: GroupAudit): string[] {
  const hits = g.outliers.filter((o) => o.outlying);
  if (hits.length === 0) return ['离群值：无（没有指标同时满足 |偏度| > 2 且 峰度 > 3.5）'];
  return [
    '离群值（|偏度| > 2 且 峰度 > 3.5，样本矩）：',
    ...hits.map((o) => {
      const units = o.units.map((u) => `${u.name} ${u.value}`).join('、');
      const clip = o.winsorisable
        ? `缩尾可消除：${units}`
        : `缩尾 ${o.units.length} 个仍不能消除（${units}）`;
      return `  ${o.name}：偏度 ${r2(o.skewness)}，峰度 ${r2(o.kurtosis)}；${clip}；${DECLARED[o.treatment]}，${TREATED[o.applied]}`;
    }),
  ];
}

export function renderAudit(audit: EvaluationAudit): string {
  const lines = [
    `统计审计：${audit.parent.name ?? audit.parent.code} ${audit.period}  方案：${audit.scheme.name}（${audit.scheme.id} ${audit.scheme.version}）`,
  ];
  for (const g of audit.groups) {
    lines.push(
      '',
      `${GROUP_LABELS[g.group] ?? g.group}（${g.units} 个单位）`,
      ...weightLines(g),
      ...matrixLines(g),
      ...outlierLines(g),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The Sobol indices with their intervals, and the seed that reproduces them. */
export function indexLines(result: SensitivityResult): string[] {
  const { samples, level } = result.bootstrap;
  const ci = (x?: [number, number]) => (x ? `［${r3(x[0])}, ${r3(x[1])}］` : '');
  return [
    `敏感性指数（一阶 / 总效应${samples ? `，${formatPercent(level, 0)} 置信区间：${samples} 次自助抽样` : ''}；种子 ${result.seed}）：`,
    ...result.indices.map(
      (i) => `  ${i.label}：${r3(i.first)}${ci(i.firstCi)} / ${r3(i.total)}${ci(i.totalCi)}`,
    ),
  ];
}
