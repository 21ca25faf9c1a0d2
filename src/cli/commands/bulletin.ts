// `sibi bulletin`: the province's 通报, or with --region a unit's own summary, as md, html or docx; with
// --annex, also the 通报's spreadsheet 附件 of every red and yellow project (the province's, or the unit's).
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { renderAnnexXlsx } from '../../io/bulletin/annex-xlsx';
import { BULLETIN_FORMATS, isBulletinFormat, renderBulletin } from '../../io/bulletin/render';
import { UsageError } from '../../services/errors';
import {
  composeBulletin,
  composeBulletinWithAnnex,
  DEFAULT_BULLETIN_SCHEME,
} from '../../services/write-bulletin';
import { CLI_ACTOR, withDatabase } from '../run';

interface BulletinOptions {
  period: string;
  scheme: string;
  region?: string;
  format: string;
  out: string;
  annex?: string;
  issuer?: string;
  date?: string;
  demoMark?: boolean;
}

export function registerBulletinCommand(program: Command): void {
  program
    .command('bulletin')
    .description('综合考评通报：省级通报，或用 --region 生成该单位的考评情况稿（“我市再获全省第一”体例）')
    .requiredOption('--period <period>', '期间：2020Q3 | 2020-09 | 2020')
    .option('--scheme <id or file>', '考评方案（内置 id 或 .yaml/.json 文件）', DEFAULT_BULLETIN_SCHEME)
    .option('--region <code>', '单位代码，如 410300；省略则生成全省通报')
    .requiredOption('--format <format>', `输出格式：${BULLETIN_FORMATS.join(' | ')}`)
    .requiredOption('--out <file>', '输出文件')
    .option(
      '--annex <file.xlsx>',
      '同时写出附件：红黄灯预警名单（.xlsx，全部红灯、黄灯项目；有 --region 时为该单位的项目）',
    )
    .option('--issuer <name>', '发文机关（省级通报），默认“<省名>重点项目建设办公室”')
    .option('--date <YYYY-MM-DD>', '成文日期，默认为发布日期（草稿为当天）')
    .option('--demo-mark', '标注“模拟数据”（默认：库中有演示数据时自动标注）')
    .option('--no-demo-mark', '不标注“模拟数据”')
    .action(async (opts: BulletinOptions) => {
      const format = opts.format.toLowerCase();
      if (!isBulletinFormat(format)) {
        throw new UsageError(`不支持的通报格式「${opts.format}」：应为 ${BULLETIN_FORMATS.join('、')}`);
      }
      if (opts.annex !== undefined && !/\.xlsx$/i.test(opts.annex)) {
        throw new UsageError(`附件应为 .xlsx 文件：${opts.annex}`);
      }
      const request = {
        period: opts.period,
        scheme: opts.scheme,
        region: opts.region,
        issuer: opts.issuer,
        date: opts.date,
        simulated: opts.demoMark,
        actor: CLI_ACTOR,
      };
      const { outcome, annex } = await withDatabase(async (database) =>
        opts.annex === undefined
          ? { outcome: await composeBulletin(database, request), annex: null }
          : composeBulletinWithAnnex(database, request),
      );
      const bytes = await renderBulletin(outcome.document, format);
      const path = resolve(opts.out);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, bytes);
      let annexLine = '';
      if (annex && opts.annex !== undefined) {
        const annexPath = resolve(opts.annex);
        await mkdir(dirname(annexPath), { recursive: true });
        await writeFile(annexPath, await renderAnnexXlsx(annex));
        annexLine = `附件 ${annex.title}（${annex.rows.length} 个项目）已写入 ${annexPath}\n`;
      }
      const status =
        outcome.evaluationId === null
          ? '草稿：考评结果尚未发布'
          : `依据已发布的考评结果，编号 ${outcome.evaluationId}`;
      const marks = outcome.simulated ? '；模拟数据' : '';
      process.stdout.write(`${outcome.document.title}\n已写入 ${path}（${status}${marks}）\n${annexLine}`);
    });
}
