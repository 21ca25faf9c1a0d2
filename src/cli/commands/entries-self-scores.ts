import type { Command } from 'commander';
import type { SelfScoreComparison } from '../../domain/evaluation/self-scores';
import { selfScoresSpec } from '../../io/columns/self-scores';
import { runEvaluation } from '../../services/evaluate-period';
import {
  listSelfScoreEntries,
  presentSelfScore,
  reportSelfScores,
  type SelfScoreEntry,
} from '../../services/self-scores';
import { CLI_ACTOR, printJson, withDatabase } from '../run';
import { ctx, importCommand, single } from './entries';
import { provinceOption } from './honours';

const line = (s: SelfScoreEntry) =>
  `${s.schemeId}\t${s.period}\t${s.unitCode}\t${s.indicator || '总分'}\t${s.points}\t${s.note ?? ''}\t填报 ${s.reportedBy}（第 ${s.version} 版）`;

const signed = (d: number | null) => (d === null ? '—' : d > 0 ? `+${d}` : String(d));

/** The comparison as lines: unit, self, verified, difference; then its indicator lines, indented. */
export function comparisonText(c: SelfScoreComparison): string {
  const out: string[] = ['单位\t自评分\t核定得分\t差额'];
  for (const u of c.units) {
    out.push(
      `${u.name}（${u.code}）\t${u.total.self ?? '—'}\t${u.total.verified}\t${signed(u.total.difference)}`,
    );
    for (const l of u.indicators) out.push(`  ${l.name}\t${l.self}\t${l.verified}\t${signed(l.difference)}`);
  }
  if (c.missing.length)
    out.push(`未报自评分：${c.missing.join('、')}${c.required ? '（方案要求自评）' : ''}`);
  return `${out.join('\n')}\n`;
}

export function registerSelfScoreCommands(program: Command): void {
  const cmd = program
    .command('self-scores')
    .description('自评分：参评单位填报、导入、列出，与核定得分对比（结果发布后冻结）');

  cmd
    .command('report')
    .description('填报或修改一个单位的自评分（总分，或 --indicator 指定的指标）')
    .requiredOption('--scheme <id>', '考评方案，如 sibisikan-2020（或方案文件；方案须声明 self_score）')
    .requiredOption('--period <P>', '考评期，如 2020、2020Q3')
    .requiredOption('--unit <code>', '参评单位的地区代码')
    .requiredOption('--points <n>', '自评分，0 到满分，最多两位小数')
    .option('--indicator <id>', '指标代码或名称；不填为总分')
    .option('--note <text>', '说明')
    .option('--by <name>', '填报人，默认当前系统用户')
    .option('--json', '输出一个 JSON 文档')
    .action(
      async (opts: {
        scheme: string;
        period: string;
        unit: string;
        points: string;
        indicator?: string;
        note?: string;
        by?: string;
        json?: boolean;
      }) => {
        const [s] = await withDatabase((database) =>
          reportSelfScores(
            database,
            {
              ...single({
                scheme: opts.scheme,
                period: opts.period,
                unitCode: opts.unit,
                indicator: opts.indicator ?? null,
                points: opts.points,
                note: opts.note ?? null,
              }),
              allowSchemeFiles: true,
            },
            ctx(opts.by),
          ),
        );
        if (opts.json) return printJson(presentSelfScore(s!));
        process.stdout.write(`${line(s!)}\n`);
      },
    );

  importCommand(
    cmd,
    '导入自评分（.xlsx/.csv，列：考评方案、考评期、地区代码、指标、自评分、说明）；任何一行有误则整份拒绝',
    selfScoresSpec,
    reportSelfScores,
    presentSelfScore,
    (n) => `已导入 ${n} 条自评分`,
    '填报人',
  );

  cmd
    .command('list')
    .description('本省的自评分')
    .option('--scheme <id>', '考评方案')
    .option('--period <P>', '考评期')
    .option('--unit <code>', '参评单位')
    .option('--province <code>', '省份代码，默认已载入的唯一省份')
    .option('--json', '输出一个 JSON 文档')
    .action(
      async (opts: {
        scheme?: string;
        period?: string;
        unit?: string;
        province?: string;
        json?: boolean;
      }) => {
        const items = await withDatabase(async (database) =>
          listSelfScoreEntries(database, {
            provinceCode: await provinceOption(database, opts.province),
            scheme: opts.scheme,
            period: opts.period,
            unitCode: opts.unit,
          }),
        );
        if (opts.json) return printJson({ items: items.map(presentSelfScore) });
        if (items.length === 0) process.stdout.write('没有自评分\n');
        for (const s of items) process.stdout.write(`${line(s)}\n`);
      },
    );

  cmd
    .command('compare')
    .description('自评分与核定得分对比（当前数据的草稿计算；差额 = 自评 − 核定，差额大的在前）')
    .requiredOption('--scheme <id>', '考评方案')
    .requiredOption('--period <P>', '考评期')
    .option('--region <code>', '被考评单位的上级地区，默认全省')
    .option('--json', '输出一个 JSON 文档')
    .action(async (opts: { scheme: string; period: string; region?: string; json?: boolean }) => {
      const run = await withDatabase((database) =>
        runEvaluation(database, {
          scheme: opts.scheme,
          period: opts.period,
          region: opts.region,
          actor: CLI_ACTOR,
        }),
      );
      const c = run.result.selfScores ?? null;
      if (opts.json) return printJson({ selfScores: c });
      process.stdout.write(c ? comparisonText(c) : '没有自评分（方案未声明 self_score，或尚无单位填报）\n');
    });
}
