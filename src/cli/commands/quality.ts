// `sibi quality`: the 数据质量检查 findings on a region's monthly reports for a period, with the
// counts per child unit (信息报送质量), as text or one JSON document.
import type { Command } from 'commander';
import { QUALITY_CHECK_LABELS, type QualityCounts, SEVERITY_LABELS } from '../../domain/data-quality';
import { formatPercent } from '../../domain/format';
import { periodLabel } from '../../domain/period';
import { checkDataQuality, type QualityReport, type ReportFinding } from '../../services/check-data-quality';
import { printJson, withDatabase } from '../run';

export function registerQualityCommand(program: Command): void {
  program
    .command('quality')
    .description('数据质量检查：地区（含下级）月报的疑似错误与各下级单位的问题数')
    .requiredOption('--region <code>', '地区代码，如 410300')
    .requiredOption('--period <period>', '期间：2020-09 | 2020Q3 | 2020（检查 1 月至该月的月报）')
    .option('--last-month', '只检查期末当月的月报（默认 1 月至期末）')
    .option('--json', '输出一个 JSON 文档')
    .action(async (opts: { region: string; period: string; lastMonth?: boolean; json?: boolean }) => {
      const months = opts.lastMonth ? 'last' : 'all';
      const report = await withDatabase((database) =>
        checkDataQuality(database, { region: opts.region, period: opts.period, months }),
      );
      if (opts.json) {
        printJson({ ...report, period: report.period.id });
        return;
      }
      process.stdout.write(`${qualityText(report)}\n`);
    });
}

const countsText = (c: QualityCounts) =>
  `月报 ${c.reports} 份，无问题 ${c.clean} 份（${formatPercent(c.reports ? c.clean / c.reports : null)}），错误 ${c.errors} 条，提示 ${c.warnings} 条`;

/** One finding as two lines: what is wrong, then the fix. */
export function findingLines(f: ReportFinding, indent = '  '): string[] {
  return [
    `${indent}${SEVERITY_LABELS[f.severity]}  ${f.projectCode} ${f.projectName}  ${f.year}年${f.month}月  ${QUALITY_CHECK_LABELS[f.check]}：${f.message}`,
    `${indent}      处理：${f.fix}`,
  ];
}

/** The findings as lines of Chinese text: heading, counts, the units, then each finding. */
export function qualityText(report: QualityReport): string {
  const { region, thresholds: t } = report;
  const lines = [
    `${region.name}（${region.code}） ${periodLabel(report.period)} 数据质量检查（${report.months === 'last' ? `${report.period.month}月月报` : `1月至${report.period.month}月月报`}）`,
    countsText(report.counts),
    `阈值：月度新增为上月的 ${t.jumpFactor} 倍（或 1/${t.jumpFactor}）视为突变（上月不足 ${t.jumpFloorWan} 万元不计）；` +
      `形象进度连续 ${t.copiedMonths} 个月相同视为照抄`,
  ];
  if (report.units.length) {
    lines.push('', '各单位');
    for (const u of report.units)
      lines.push(`  ${u.region.name}（${u.region.code}）  ${countsText(u.counts)}`);
  }
  lines.push('', report.findings.length ? `问题 ${report.findings.length} 条` : '问题：无');
  for (const f of report.findings) lines.push(...findingLines(f));
  return lines.join('\n');
}
