// `sibi warnings`: the 红黄绿灯 of a region's projects and child units, as a table or one JSON document.
import type { Command } from 'commander';
import { ALERT_KIND_LABELS, LEVEL_LABELS } from '../../domain/alerts';
import { formatPercent } from '../../domain/format';
import { periodLabel } from '../../domain/period';
import { type AlertsReport, computeAlerts } from '../../services/compute-alerts';
import { UsageError } from '../../services/errors';
import { printJson, withDatabase } from '../run';

const collect = (value: string, previous: string[] = []) => [...previous, value];

interface WarningsOptions {
  region: string;
  period: string;
  list?: string[];
  level?: string;
  json?: boolean;
}

export function registerWarningsCommand(program: Command): void {
  program
    .command('warnings')
    .description('红黄绿灯：地区（含下级）项目与下级单位的预警')
    .requiredOption('--region <code>', '地区代码，如 410300')
    .requiredOption('--period <period>', '期间：2020-09 | 2020Q3 | 2020')
    .option('--list <list>', '名单，可重复；默认 province_key 与 city_key', collect)
    .option('--level <level>', '只列 red（红灯）或 yellow（黄灯）')
    .option('--json', '输出一个 JSON 文档')
    .action(async (opts: WarningsOptions) => {
      if (opts.level !== undefined && opts.level !== 'red' && opts.level !== 'yellow') {
        throw new UsageError(`--level 应为 red 或 yellow，而不是 "${opts.level}"`);
      }
      const level = opts.level as 'red' | 'yellow' | undefined;
      const report = await withDatabase((database) =>
        computeAlerts(database, { region: opts.region, period: opts.period, lists: opts.list, level }),
      );
      if (opts.json) {
        printJson({ ...report, period: report.period.id, periodEnd: report.period.end });
        return;
      }
      process.stdout.write(`${warningsText(report)}\n`);
    });
}

/** The warnings as lines of Chinese text: a heading, the counts and thresholds, then each light. */
export function warningsText(report: AlertsReport): string {
  const { region, counts, thresholds: t } = report;
  const lines = [
    `${region.name}（${region.code}） ${periodLabel(report.period)} 红黄绿灯  名单：${report.lists.join('、')}`,
    `项目：红灯 ${counts.red} 个，黄灯 ${counts.yellow} 个，绿灯 ${counts.green} 个`,
    `阈值：落后时序进度或全省平均超过 ${t.behindRed} 个百分点红灯、${t.behindYellow} 个百分点黄灯；` +
      `逾期未开工超过 ${t.notStartedRedDays} 天红灯；问题超过 ${t.issueDays} 天未解决黄灯、${2 * t.issueDays} 天红灯`,
  ];
  lines.push('', report.projects.length ? '项目预警' : '项目预警：无');
  for (const p of report.projects) {
    lines.push(`  ${LEVEL_LABELS[p.level]}  ${p.code}  ${p.name}（${p.region.name}）`);
    for (const a of p.alerts)
      lines.push(`        ${LEVEL_LABELS[a.level]} ${ALERT_KIND_LABELS[a.kind]}：${a.message}`);
  }
  const average = formatPercent(report.provinceRate);
  lines.push('', report.units.length ? `地区预警（全省平均投资完成率 ${average}）` : '地区预警：无');
  for (const u of report.units) {
    lines.push(
      `  ${LEVEL_LABELS[u.level]}  ${u.region.name}（${u.region.code}）  投资完成率 ${formatPercent(u.investRate)}`,
    );
    for (const a of u.alerts) lines.push(`        ${a.message}`);
  }
  return lines.join('\n');
}
