// `sibi import` and `sibi export`.
import { basename } from 'node:path';
import type { Command } from 'commander';
import { IMPORT_KINDS, type ImportKind } from '../../domain/records';
import { parseFile } from '../../io/parse-file';
import { writeFile } from '../../io/write-file';
import { InputRejectedError, UsageError } from '../../services/errors';
import { exportRecords } from '../../services/export-records';
import { importRecords } from '../../services/import-records';
import { startProgress } from '../progress';
import { CLI_ACTOR, parseYear, withDatabase } from '../run';

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
    .action(async (kindText: string, file: string, opts: { year?: string; list: string }) => {
      const kind = kindOf(kindText);
      const year = parseYear(opts.year);
      if (kind === 'projects' && !year) throw new UsageError('导入项目需要指定年度：--year 2020');
      const progress = startProgress('读取');
      const parsed = await parseFile(kind, file, { year, onProgress: (n) => progress.update(n) });
      progress.stop();
      for (const warning of parsed.warnings) process.stderr.write(`提示：${warning}\n`);
      if (parsed.problems.length > 0) {
        throw new InputRejectedError(
          `${basename(file)}：${parsed.problems.length} 处问题，未写入任何数据`,
          parsed.problems,
        );
      }
      const summary = await withDatabase((database) =>
        importRecords(database, {
          kind,
          file: basename(file),
          rows: parsed.records,
          fields: parsed.columns.map((c) => c.field),
          year,
          list: opts.list,
          actor: CLI_ACTOR,
        }),
      );
      process.stdout.write(
        `已导入 ${summary.file}：${summary.rows} 行（新增 ${summary.inserted}，更新 ${summary.updated}，未变 ${summary.unchanged}）\n`,
      );
    });

  program
    .command('export')
    .description('按导入格式导出（导出后再导入不改变任何数据）')
    .argument('<kind>', IMPORT_KINDS.join(' | '))
    .requiredOption('--out <file>', '输出 .xlsx 或 .csv')
    .option('--region <code>', '地区代码（含下级），默认全部')
    .option('--year <year>', '年度（导出项目时必填）')
    .option('--list <list>', '名单', 'province_key')
    .action(async (kindText: string, opts: { out: string; region?: string; year?: string; list: string }) => {
      const kind = kindOf(kindText);
      const year = parseYear(opts.year);
      const records = await withDatabase((database) =>
        exportRecords(database, { kind, region: opts.region, year, list: opts.list, actor: CLI_ACTOR }),
      );
      await writeFile(kind, records, opts.out);
      process.stdout.write(`已导出 ${records.length} 行到 ${opts.out}\n`);
    });
}
