// `sibi import` and `sibi export`.
import { writeFile as writeText } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { IMPORT_KINDS, type ImportKind } from '../../domain/records';
import { packageText } from '../../io/oc4ids/package';
import { writeFile } from '../../io/write-file';
import { UsageError } from '../../services/errors';
import { exportOc4ids } from '../../services/export-oc4ids';
import { exportRecords } from '../../services/export-records';
import { importFile } from '../../services/import-file';
import type { ImportQuality, importRecords } from '../../services/import-records';
import { importChangesText } from '../import-changes-text';
import { importViaServer } from '../import-via-server';
import { startProgress } from '../progress';
import { CLI_ACTOR, parseYear, withDatabase } from '../run';
import { findingLines } from './quality';

function kindOf(text: string): ImportKind {
  if (!(IMPORT_KINDS as readonly string[]).includes(text)) {
    throw new UsageError(`未知的数据类型「${text}」，可用：${IMPORT_KINDS.join('、')}`);
  }
  return text as ImportKind;
}

export function registerDataCommands(program: Command): void {
  program
    .command('import')
    .description('导入 .xlsx 或 .csv（任何一行有误则整批拒绝，不写入）')
    .argument('<kind>', IMPORT_KINDS.join(' | '))
    .argument('<file>', '.xlsx 或 .csv 文件')
    .option('--year <year>', '年度（导入项目时必填）')
    .option('--list <list>', '名单：province_key | city_key | 982 | …', 'province_key')
    .option('--dry-run', '只检查并列出将要新增、更改的数据，不写入')
    .option('--server <url>', '经正在运行的服务导入（账户取自 SIBI_USER、SIBI_PASSWORD），不打开本地数据库')
    .action(
      async (
        kindText: string,
        file: string,
        opts: { year?: string; list: string; dryRun?: boolean; server?: string },
      ) => {
        const kind = kindOf(kindText);
        const year = parseYear(opts.year);
        if (kind === 'projects' && !year) throw new UsageError('导入项目需要指定年度：--year 2020');
        if (opts.server) {
          const summary = await importViaServer<ImportSummary & { warnings?: string[] }>({
            server: opts.server,
            kind,
            file,
            year,
            list: opts.list,
            dryRun: opts.dryRun === true,
          });
          for (const warning of summary.warnings ?? []) process.stderr.write(`提示：${warning}\n`);
          return printImportSummary(summary, opts.dryRun === true);
        }
        const progress = startProgress('读取');
        const summary = await withDatabase((database) =>
          importFile(database, {
            kind,
            path: file,
            file: basename(file),
            year,
            list: opts.list,
            actor: CLI_ACTOR,
            dryRun: opts.dryRun === true,
            onProgress: (n) => progress.update(n),
          }).finally(() => progress.stop()),
        );
        for (const warning of summary.warnings) process.stderr.write(`提示：${warning}\n`);
        printImportSummary(summary, opts.dryRun === true);
      },
    );

  program
    .command('export')
    .description('按导入格式导出（导出后再导入不改变任何数据）；oc4ids：OC4IDS 0.9 项目包（JSON）')
    .argument('<kind>', [...IMPORT_KINDS, 'oc4ids'].join(' | '))
    .requiredOption('--out <file>', '输出 .xlsx 或 .csv；oc4ids 输出 .json')
    .option('--region <code>', '地区代码（含下级），默认全部')
    .option('--year <year>', '年度（导出项目和 oc4ids 时必填，oc4ids 也可只给 --period）')
    .option('--list <list>', '名单', 'province_key')
    .option('--period <period>', 'oc4ids：截至哪一期的月报，如 2020-09、2020Q3、2020（默认全年）')
    .action(async (kindText: string, opts: ExportOptions) => {
      if (kindText === 'oc4ids') return writeOc4idsFile(opts);
      if (opts.period !== undefined) throw new UsageError('--period 只用于 oc4ids');
      const kind = kindOf(kindText);
      const year = parseYear(opts.year);
      const records = await withDatabase((database) =>
        exportRecords(database, { kind, region: opts.region, year, list: opts.list, actor: CLI_ACTOR }),
      );
      await writeFile(kind, records, opts.out);
      process.stdout.write(`已导出 ${records.length} 行到 ${opts.out}\n`);
    });
}

interface ExportOptions {
  out: string;
  region?: string;
  year?: string;
  list: string;
  period?: string;
}

/** `sibi export oc4ids --out F.json`: the package of the region's projects on the list, validated by the tests. */
async function writeOc4idsFile(opts: ExportOptions): Promise<void> {
  const { pkg } = await withDatabase((database) =>
    exportOc4ids(database, {
      region: opts.region,
      year: parseYear(opts.year),
      period: opts.period,
      list: opts.list,
      actor: CLI_ACTOR,
    }),
  );
  await writeText(opts.out, packageText(pkg), 'utf8');
  process.stdout.write(`已导出 OC4IDS 项目包：${pkg.projects.length} 个项目到 ${opts.out}\n`);
}

type ImportSummary = Awaited<ReturnType<typeof importRecords>>;

/** What an import did (or, with --dry-run, would do), from this process or from the server. */
function printImportSummary(summary: ImportSummary, dryRun: boolean): void {
  const verb = dryRun ? '检查（未写入）' : '已导入';
  process.stdout.write(
    `${verb} ${summary.file}：${summary.rows} 行（新增 ${summary.inserted}，更新 ${summary.updated}，未变 ${summary.unchanged}）\n`,
  );
  process.stdout.write(importChangesText(summary.changes));
  if (summary.quality) process.stderr.write(importQualityText(summary.quality));
}

/** A reports import's quality findings (they never reject the file), for stderr. */
export function importQualityText(q: ImportQuality): string {
  const total = q.errors + q.warnings;
  if (total === 0) return '';
  const lines = [`数据质量检查：错误 ${q.errors} 条，提示 ${q.warnings} 条（已导入，请核对更正）`];
  for (const f of q.findings) lines.push(...findingLines(f).map((l) => `提示：${l.trimStart()}`));
  if (total > q.findings.length)
    lines.push(`提示：另有 ${total - q.findings.length} 条，请用 sibi quality 查看`);
  return `${lines.join('\n')}\n`;
}
