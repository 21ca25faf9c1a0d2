// `sibi evaluate`: scores and ranks, publication, verification, robustness and "what it takes".
import type { Command } from 'commander';
import type { EvaluationResult } from '../../domain/evaluation/types';
import { formatPercent, roundHalfAway } from '../../domain/format';
import { periodLabel } from '../../domain/period';
import { GROUP_LABELS } from '../../domain/regions';
import { analyseSensitivity, analyseWhatItTakes } from '../../services/analyse-evaluation';
import { UsageError } from '../../services/errors';
import {
  type EvaluateRequest,
  publishEvaluation,
  runEvaluation,
  verifyEvaluation,
} from '../../services/evaluate-period';
import { CLI_ACTOR, EXIT_REJECTED, printJson, withDatabase } from '../run';

interface EvaluateOptions {
  scheme: string;
  period?: string;
  region?: string;
  group?: string;
  json?: boolean;
  publish?: boolean;
  verify?: string;
  sensitivity?: string | boolean;
  seed?: string;
  whatItTakes?: string;
}

export function registerEvaluateCommand(program: Command): void {
  program
    .command('evaluate')
    .description('综合考评：计分、排名；可发布、复核、稳健性分析')
    .option('--scheme <id|file>', '考评方案：内置 id 或 .yaml/.json 文件', 'sibisikan-2020')
    .option('--period <period>', '期间：2020Q3 | 2020-09 | 2020')
    .option('--region <code>', '对其下级单位考评的地区，默认全省')
    .option('--group <id>', '只排某一组：city | direct_county | district | county')
    .option('--json', '输出一个 JSON 文档')
    .option('--publish', '发布（发布后不可更改）')
    .option('--verify <id>', '用已发布结果保存的输入重新计算并比对')
    .option('--sensitivity [n]', '稳健性分析：重复 n 次（默认 1000）')
    .option('--seed <n>', '稳健性分析的随机种子', '20201')
    .option('--what-it-takes <unit>', '某单位提升一个名次需要的最小单项变化')
    .action((opts: EvaluateOptions) => withDatabase((database) => runCommand(database, opts)));
}

async function runCommand(
  database: Parameters<typeof runEvaluation>[0],
  opts: EvaluateOptions,
): Promise<void> {
  if (opts.verify) {
    const v = await verifyEvaluation(database, Number(opts.verify));
    if (opts.json) printJson(v);
    else
      process.stdout.write(
        `${v.identical ? '一致' : '不一致'}：存储 ${v.storedHash}，重算 ${v.recomputedHash}\n`,
      );
    if (!v.identical) process.exitCode = EXIT_REJECTED;
    return;
  }
  if (!opts.period) throw new UsageError('需要 --period，例如 --period 2020Q3');
  const request: EvaluateRequest = {
    scheme: opts.scheme,
    period: opts.period,
    region: opts.region,
    group: opts.group,
    actor: CLI_ACTOR,
  };
  if (opts.sensitivity !== undefined) {
    const n = opts.sensitivity === true ? 1000 : Number(opts.sensitivity);
    if (!Number.isInteger(n) || n < 10) throw new UsageError('--sensitivity 需要不小于 10 的整数');
    const result = await analyseSensitivity(database, request, { replications: n, seed: Number(opts.seed) });
    if (opts.json) return printJson(result);
    const lines = [
      `稳健性分析：${result.replications} 次，种子 ${result.seed}`,
      '单位 | 名次 | 中位名次 | 5%–95% 区间 | 第一概率 | 前三概率',
    ];
    for (const u of result.units) {
      lines.push(
        `${u.name} | ${u.nominalRank} | ${u.medianRank} | ${u.rankP5}–${u.rankP95} | ${formatPercent(u.pFirst)} | ${formatPercent(u.pTop3)}`,
      );
    }
    lines.push('敏感性指数（一阶 / 总效应）：');
    for (const i of result.indices) lines.push(`  ${i.label}：${i.first.toFixed(3)} / ${i.total.toFixed(3)}`);
    process.stdout.write(`${lines.join('\n')}\n`);
    return;
  }
  if (opts.whatItTakes) {
    const result = await analyseWhatItTakes(database, request, opts.whatItTakes);
    if (opts.json) return printJson(result);
    const lines = [
      `${result.name}：第 ${result.rank} 名（共 ${result.groupSize} 个），提升一个名次需要（单项）：`,
    ];
    for (const e of result.entries) {
      lines.push(
        `  ${e.label}：${e.required === null ? '单项无法实现' : `${fmtNum(e.current)} → ${fmtNum(e.required)}（第 ${e.newRank} 名）`}`,
      );
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    return;
  }
  if (opts.publish) {
    const outcome = await publishEvaluation(database, request);
    if (opts.json) return printJson({ id: outcome.id, hash: outcome.hash, result: outcome.run.result });
    process.stdout.write(
      renderRanking(outcome.run.result, `${outcome.run.parent.name} ${periodLabel(outcome.run.period)}`),
    );
    process.stdout.write(`已发布：编号 ${outcome.id}，内容摘要 ${outcome.hash}\n`);
    return;
  }
  const run = await runEvaluation(database, request);
  if (opts.json) {
    return printJson({
      period: run.period.id,
      parent: run.parent.code,
      hash: run.hash,
      published: run.published,
      result: run.result,
    });
  }
  process.stdout.write(renderRanking(run.result, `${run.parent.name} ${periodLabel(run.period)}（草稿）`));
  if (run.published) {
    process.stdout.write(
      run.published.identical
        ? `与已发布结果（编号 ${run.published.id}）一致\n`
        : `与已发布结果（编号 ${run.published.id}）相比有变化：${run.published.moves.map((m) => `${m.name} ${m.publishedRank}→${m.rank}`).join('，')}\n`,
    );
  }
}

const fmtNum = (x: number | null) =>
  x === null ? '—' : Math.abs(x) < 10 ? `${Number(x.toPrecision(4))}` : x.toFixed(0);

function renderRanking(result: EvaluationResult, heading: string): string {
  const lines = [`${heading}  方案：${result.scheme.name}（${result.scheme.id} ${result.scheme.version}）`];
  for (const group of result.groups) {
    lines.push('', GROUP_LABELS[group.id] ?? group.id);
    const units = result.units.filter((u) => u.group === group.id);
    const dims = units[0]?.dimensions.map((d) => d.name) ?? [];
    lines.push(['名次', '单位', ...dims, '加分', '扣分', '总分'].join(' | '));
    const rankCount = new Map<number, number>();
    for (const u of units) rankCount.set(u.rank, (rankCount.get(u.rank) ?? 0) + 1);
    for (const u of units) {
      const tie = (rankCount.get(u.rank) ?? 0) > 1 ? '（并列）' : '';
      lines.push(
        [
          `${u.rank}${tie}`,
          u.name,
          ...u.dimensions.map((d) => roundHalfAway(d.score, 2)),
          roundHalfAway(u.bonus.total, 2),
          roundHalfAway(u.penalty.total, 2),
          roundHalfAway(u.adjusted, 2),
        ].join(' | '),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
