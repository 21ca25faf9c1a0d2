// `sibi evaluate`: scores and ranks, publication (behind the publish gate; --override-reason to
// publish anyway), revocation, verification, robustness and "what it takes".
import type { Command } from 'commander';
import { getEvaluation, type StoredEvaluation } from '../../db/evaluations';
import type { PublishGateRecord, PublishGateReport } from '../../domain/evaluation/publish-gate';
import { scoreText } from '../../domain/evaluation/rank';
import {
  DEFAULT_SEED,
  NORMALISATION_ALTERNATIVES,
  type NormalisationAlternative,
} from '../../domain/evaluation/sensitivity';
import type { EvaluationResult } from '../../domain/evaluation/types';
import { formatPercent } from '../../domain/format';
import { periodLabel } from '../../domain/period';
import { GROUP_LABELS } from '../../domain/regions';
import { analyseSensitivity, analyseWhatItTakes } from '../../services/analyse-evaluation';
import { analyseAudit } from '../../services/audit-evaluation';
import { NotFoundError, UsageError } from '../../services/errors';
import { type EvaluateRequest, runEvaluation } from '../../services/evaluate-period';
import { PublishRefusedError, publishEvaluation, revokeEvaluation } from '../../services/publish-evaluation';
import { verifyEvaluation } from '../../services/verify-evaluation';
import { CLI_ACTOR, EXIT_REJECTED, printJson, withDatabase } from '../run';
import { indexLines, renderAudit } from './evaluate-audit';

interface EvaluateOptions {
  scheme: string;
  period?: string;
  region?: string;
  group?: string;
  json?: boolean;
  publish?: boolean;
  overrideReason?: string;
  revoke?: string;
  reason?: string;
  verify?: string;
  sensitivity?: string | boolean;
  seed?: string;
  normalisation?: string;
  aggregation?: boolean;
  audit?: boolean;
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
    .option('--publish', '发布（发布后不可更改）；发布前检查：无数据的单位、数据覆盖率、数据质量错误')
    .option(
      '--override-reason <text>',
      '与 --publish 一起：发布前检查未通过时仍然发布的理由（记入审计并随结果保存）',
    )
    .option('--revoke <id>', '撤销已发布的结果（需 --reason；另存撤销记录，之后可重新发布）')
    .option('--reason <text>', '撤销理由')
    .option(
      '--verify <id>',
      '复核：存储的摘要、按保存的输入重算的摘要（不一致时退出码 1）、按当前数据重算的摘要',
    )
    .option('--sensitivity [n]', '稳健性分析：重复 n 次（默认 1000）')
    .option('--seed <n>', '稳健性分析的随机种子（随结果打印）', String(DEFAULT_SEED))
    .option(
      '--normalisation <rules>',
      `与 --sensitivity 一起：另加"标准化方法"因素，各指标改用这些规则之一计分（${NORMALISATION_ALTERNATIVES.join(',')}）`,
    )
    .option('--aggregation', '与 --sensitivity 一起：另加"汇总方法"因素（算术 / 几何）')
    .option('--audit', '统计审计：名义权重与有效权重、指标相关矩阵、离群值')
    .option('--what-it-takes <unit>', '某单位提升一个名次需要的最小单项变化')
    .action((opts: EvaluateOptions) => withDatabase((database) => runCommand(database, opts)));
}

async function runCommand(
  database: Parameters<typeof runEvaluation>[0],
  opts: EvaluateOptions,
): Promise<void> {
  if (opts.verify) return verifyCommand(database, opts);
  if (opts.revoke) {
    if (!opts.reason) throw new UsageError('撤销需要理由：--reason "…"');
    const outcome = await revokeEvaluation(database, parseId(opts.revoke), {
      reason: opts.reason,
      actor: CLI_ACTOR,
    });
    if (opts.json) return printJson(outcome);
    process.stdout.write(
      `已撤销考评结果 ${outcome.id}（另存撤销记录，结果本身不变）${outcome.links.length ? `；公开链接一并撤销：${outcome.links.join('、')}` : ''}\n`,
    );
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
  if (opts.overrideReason !== undefined && !opts.publish) {
    throw new UsageError('--override-reason 只与 --publish 一起使用');
  }
  if (opts.audit) {
    const audit = await analyseAudit(database, request);
    if (opts.json) return printJson(audit);
    process.stdout.write(renderAudit(audit));
    return;
  }
  if (opts.sensitivity !== undefined) {
    const n = opts.sensitivity === true ? 1000 : Number(opts.sensitivity);
    if (!Number.isInteger(n) || n < 10) throw new UsageError('--sensitivity 需要不小于 10 的整数');
    const seed = Number(opts.seed);
    if (!Number.isInteger(seed) || seed < 0 || seed > 2_147_483_647)
      throw new UsageError(`--seed 需要 0 到 2147483647 之间的整数：${opts.seed}`);
    const result = await analyseSensitivity(database, request, {
      replications: n,
      seed,
      normalisation: parseNormalisation(opts.normalisation),
      aggregation: opts.aggregation,
    });
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
    lines.push(...indexLines(result));
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
    // The CLI is the operator at the database: its override is recorded as cli:<user>.
    const outcome = await publishEvaluation(database, {
      ...request,
      overrideReason: opts.overrideReason,
    }).catch((error: unknown) => {
      if (error instanceof PublishRefusedError && !opts.json) {
        process.stderr.write(`${gateLines(error.gate).join('\n')}\n`);
        process.stderr.write(
          '如确需发布，请说明理由：--override-reason "…"（理由记入审计日志并随结果保存）\n',
        );
      }
      throw error;
    });
    if (opts.json) {
      return printJson({
        id: outcome.id,
        hash: outcome.hash,
        gate: outcome.gate,
        result: outcome.run.result,
      });
    }
    process.stdout.write(
      renderRanking(
        outcome.run.result,
        `${outcome.run.parent.name} ${periodLabel(outcome.run.period)}`,
        outcome.run.snapshot.scheme.score_decimals,
      ),
    );
    process.stdout.write(`${gateLines(outcome.gate).join('\n')}\n`);
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
  process.stdout.write(
    renderRanking(
      run.result,
      `${run.parent.name} ${periodLabel(run.period)}（草稿）`,
      run.snapshot.scheme.score_decimals,
    ),
  );
  if (run.published) {
    process.stdout.write(
      run.published.identical
        ? `与已发布结果（编号 ${run.published.id}）一致\n`
        : `与已发布结果（编号 ${run.published.id}）相比有变化：${run.published.moves.map((m) => `${m.name} ${m.publishedRank}→${m.rank}`).join('，')}\n`,
    );
  }
}

function parseNormalisation(text: string | undefined): NormalisationAlternative[] | undefined {
  if (text === undefined) return undefined;
  const list = text.split(',').map((s) => s.trim());
  const bad = list.filter((s) => !(NORMALISATION_ALTERNATIVES as readonly string[]).includes(s));
  if (bad.length)
    throw new UsageError(
      `--normalisation 只能是 ${NORMALISATION_ALTERNATIVES.join('、')}（逗号分隔），收到 ${bad.join('、')}`,
    );
  return list as NormalisationAlternative[];
}

function parseId(text: string): number {
  const id = Number(text);
  if (!Number.isSafeInteger(id) || id < 1) throw new UsageError(`考评结果编号应为正整数：${text}`);
  return id;
}

/** The stored hash against the recomputations: from the stored inputs (exit 1 when they differ) and from today's data. */
async function verifyCommand(
  database: Parameters<typeof runEvaluation>[0],
  opts: EvaluateOptions,
): Promise<void> {
  const id = parseId(opts.verify!);
  const stored = await getEvaluation(database.db, id);
  if (stored?.state !== 'published') throw new NotFoundError(`考评结果 ${id} 不存在`);
  const v = await verifyEvaluation(database, id);
  if (!v.identical) process.exitCode = EXIT_REJECTED;
  if (opts.json) return printJson(v);
  const current = v.current!;
  const lines = [
    ...metadataLines(stored),
    `存储的内容摘要：          ${v.storedHash}`,
    `按保存的输入重算的摘要：  ${v.recomputedHash}  ${v.identical ? '一致：已发布结果完好' : '不一致：存储的结果或摘要已被改动'}`,
    `按当前数据重算的摘要：    ${current.hash}  ${
      current.identical
        ? '与已发布结果相同'
        : `与已发布结果不同：数据在发布后有变化（已发布结果不受影响）${current.moves?.length ? `，名次或得分变化：${current.moves.map((m) => `${m.name} ${m.publishedRank ?? '—'}→${m.rank ?? '—'}`).join('，')}` : ''}`
    }`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** Who published, when, which edition, the publish gate and any override or revocation. */
function metadataLines(stored: StoredEvaluation): string[] {
  const lines = [
    `考评结果 ${stored.id}：${stored.schemeId} ${stored.schemeVersion}，${stored.parentCode}，${stored.period}，第 ${stored.edition} 版，${stored.publishedBy ?? '—'} 于 ${stored.publishedAt?.toISOString() ?? '—'} 发布`,
  ];
  const gate = stored.publishGate as PublishGateRecord | null;
  if (gate) lines.push(...gateLines(gate));
  if (stored.revocation) {
    lines.push(
      `已撤销：${stored.revocation.revokedBy} 于 ${stored.revocation.revokedAt.toISOString()}，理由：${stored.revocation.reason}`,
    );
  }
  return lines;
}

/** The publish gate: coverage, refusals, and the override when there was one. */
function gateLines(gate: PublishGateReport & { override?: PublishGateRecord['override'] }): string[] {
  const lines = [
    `发布前检查：数据覆盖率 ${formatPercent(gate.coverage)}（${gate.cellsWithData}/${gate.cells}，要求不低于 ${formatPercent(gate.minCoverage)}）${gate.refusals.length ? '，未通过：' : '，通过'}`,
    ...gate.refusals.map((r) => `  - ${r.message}`),
  ];
  if (gate.override) {
    lines.push(`仍然发布：${gate.override.by} 于 ${gate.override.at}，理由：${gate.override.reason}`);
  }
  return lines;
}

const fmtNum = (x: number | null) =>
  x === null ? '—' : Math.abs(x) < 10 ? `${Number(x.toPrecision(4))}` : x.toFixed(0);

/** The ranking as published: totals at the scheme's decimals, the same decimals the ranks are decided on. */
function renderRanking(result: EvaluationResult, heading: string, decimals?: number): string {
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
          ...u.dimensions.map((d) => scoreText(d.score, decimals)),
          scoreText(u.bonus.total, decimals),
          scoreText(u.penalty.total, decimals),
          scoreText(u.adjusted, decimals),
        ].join(' | '),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
