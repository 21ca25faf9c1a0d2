// `sibi scheme check FILE [--period P] [--region R]`: every problem of a scheme file with its line
// and column (exit 1), or its summary; with a period, nominal against effective weights on that
// period's data (docs/methodology.md → 有效权重). A missing file or a malformed period is a usage
// error (exit 2).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { problemText } from '../../domain/evaluation/scheme';
import { roundHalfAway } from '../../domain/format';
import { builtinSchemePath, isBuiltinScheme } from '../../schemes/load-scheme';
import { checkScheme, type SchemeCheckOutcome } from '../../services/check-scheme';
import { UsageError } from '../../services/errors';
import { CLI_ACTOR, EXIT_REJECTED, printJson, withDatabase } from '../run';

interface CheckOptions {
  period?: string;
  region?: string;
  json?: boolean;
}

export function registerSchemeCommands(program: Command): void {
  const scheme = program.command('scheme').description('考评方案');
  scheme
    .command('check')
    .description(
      '校验考评方案文件：一次列出全部问题（行、列）；通过时显示概要，给出 --period 时对比名义权重与有效权重',
    )
    .argument('<file>', '方案文件（.yaml/.json），或内置方案 id')
    .option('--period <period>', '用该期间的数据试算：2020Q3 | 2020-09 | 2020')
    .option('--region <code>', '对其下级单位试算的地区，默认全省（需 --period）')
    .option('--json', '输出一个 JSON 文档')
    .action((file: string, opts: CheckOptions) => runCheck(file, opts));
}

async function runCheck(file: string, opts: CheckOptions): Promise<void> {
  if (opts.region && !opts.period) throw new UsageError('--region 需要与 --period 一起使用');
  const path = isBuiltinScheme(file) ? builtinSchemePath(file) : file;
  if (!existsSync(path)) throw new UsageError(`找不到方案文件 "${file}"`);
  const text = await readFile(path, 'utf8');
  const request = {
    text,
    source: isBuiltinScheme(file) ? `${file}.yaml` : basename(path),
    period: opts.period,
    region: opts.region,
    actor: CLI_ACTOR,
  };
  const outcome = opts.period
    ? await withDatabase((database) => checkScheme(database, request))
    : await checkScheme(null, request);
  if (opts.json) printJson({ ...outcome, scheme: undefined });
  else print(outcome, request.source);
  if (!outcome.ok) process.exitCode = EXIT_REJECTED;
}

const pct = (x: number) => `${roundHalfAway(x * 100, 1)}%`;

function print(outcome: SchemeCheckOutcome, source: string): void {
  if (outcome.problems.length) {
    process.stderr.write(`错误：考评方案 ${source} 有 ${outcome.problems.length} 处错误：\n`);
    for (const p of outcome.problems) process.stderr.write(`  ${problemText(p)}\n`);
  }
  const s = outcome.summary;
  if (!s) return;
  const lines = [
    `${s.name}（${s.id}，版本 ${s.version}）${outcome.ok ? '：校验通过' : ''}`,
    `总分 ${s.total}，${s.dimensions.length} 个维度，${s.indicators.length} 个指标；参评分组：${s.groups.map((g) => `${g.id}（${g.label}）`).join('、')}`,
  ];
  if (s.years) lines.push(`适用年度：${s.years}`);
  if (s.tieBreak.length) lines.push(`同分比较：${s.tieBreak.join('、')}`);
  lines.push('', '维度 / 指标 | 统计指标 | 规则 | 分值 | 名义权重');
  for (const d of s.dimensions) {
    lines.push(`${d.name}（${d.id}）${d.points} 分`);
    for (const i of s.indicators.filter((x) => x.dimension === d.id)) {
      const metrics = i.metrics.map((m) => `${m.key} ${m.label}`).join(' + ') || '（按事件计分）';
      const zero = i.zeroDenominator ? `，分母为零：${i.zeroDenominator}` : '';
      lines.push(`  ${i.name} | ${metrics} | ${i.rule}${zero} | ${i.points} | ${pct(i.nominal)}`);
    }
  }
  lines.push(
    '',
    `规则：${Object.entries(s.rules)
      .map(([rule, n]) => `${rule} ${n}`)
      .join('、')}`,
  );
  if (s.bonus) lines.push(`加分：上限 ${s.bonus.cap} 分，${s.bonus.items} 项`);
  if (s.penalty) lines.push(`扣分：上限 ${s.penalty.cap} 分，${s.penalty.items} 项`);
  const w = outcome.weights;
  if (w) {
    lines.push(
      '',
      `${w.period} ${w.region.name}（${w.region.code}）的数据：名义权重（分值占比）与有效权重（总分方差中该指标所占份额）`,
    );
    for (const g of w.groups) {
      lines.push(`${g.label}（${g.units} 个单位）`, '  指标 | 名义 | 有效');
      for (const r of g.rows)
        lines.push(
          `  ${r.name} | ${pct(r.nominal)} | ${r.effective === null ? '—（总分无差异）' : pct(r.effective)}`,
        );
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}
