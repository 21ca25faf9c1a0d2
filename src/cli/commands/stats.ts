// `sibi stats`: the figures of a region and period, as a table or one JSON document.
import type { Command } from 'commander';
import { formatMetric, metricLabel } from '../../domain/format';
import { metricsToJson } from '../../domain/metrics';
import { periodLabel } from '../../domain/period';
import { computeStats } from '../../services/compute-stats';
import { printJson, withDatabase } from '../run';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerStatsCommand(program: Command): void {
  program
    .command('stats')
    .description('地区（含下级）在某期间的统计指标')
    .requiredOption('--region <code>', '地区代码，如 410300')
    .requiredOption('--period <period>', '期间：2020-09 | 2020Q3 | 2020')
    .option('--list <list>', '名单，可重复；默认 province_key 与 city_key', collect)
    .option('--json', '输出一个 JSON 文档')
    .action(async (opts: { region: string; period: string; list?: string[]; json?: boolean }) => {
      const stats = await withDatabase((database) =>
        computeStats(database, { region: opts.region, period: opts.period, lists: opts.list }),
      );
      if (opts.json) {
        printJson({
          region: stats.region,
          period: stats.period.id,
          periodStart: stats.period.start,
          periodEnd: stats.period.end,
          lists: stats.lists,
          metrics: metricsToJson(stats.metrics),
        });
        return;
      }
      const lines = [
        `${stats.region.name}（${stats.region.code}） ${periodLabel(stats.period)}  名单：${stats.lists.join('、')}`,
      ];
      for (const [name, value] of Object.entries(stats.metrics)) {
        lines.push(`  ${metricLabel(name).padEnd(12, '　')} ${formatMetric(name, value)}`);
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
