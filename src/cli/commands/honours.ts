// `sibi honours`: honours lists (荣誉名单) — import a list from .xlsx/.csv as a draft (序号, 名称, 地区代码,
// 类别, 备注; any bad row rejects the file, nothing written), list, show, and publish (final).
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { Database } from '../../db/client';
import { honoursSpec } from '../../io/columns/honours';
import { parseSpecFile } from '../../io/parse-file';
import { InputRejectedError, UsageError } from '../../services/errors';
import {
  createHonourList,
  type HonourListDetail,
  listHonours,
  loadHonourList,
  publishHonourList,
} from '../../services/honours';
import { regionTree } from '../../services/region-tree';
import { CLI_ACTOR, printJson, withDatabase } from '../run';

/** The province asked for, else the one province loaded. */
export async function provinceOption(database: Database, code: string | undefined): Promise<string> {
  if (code) {
    if (!/^\d{2}0000$/.test(code))
      throw new UsageError(`--province 应为省级地区代码，如 410000，而不是 "${code}"`);
    return code;
  }
  const provinces = (await regionTree(database)).filter((r) => r.kind === 'province');
  if (provinces.length !== 1) throw new UsageError('请用 --province 指定省份');
  return provinces[0]!.code;
}

const ctx = () => ({ actor: CLI_ACTOR, ip: null, now: new Date() });

function listText(list: HonourListDetail): string {
  const state = list.publishedAt ? `已发布 ${list.publishedAt.toISOString()}（${list.publishedBy}）` : '草稿';
  const lines = [
    `荣誉名单 ${list.id}：${list.title}（${list.year}年度）${list.issuedBy ? ` ${list.issuedBy}` : ''}  ${state}`,
    `内容摘要 ${list.contentHash}，${list.entries.length} 条`,
  ];
  for (const e of list.entries)
    lines.push(
      `  ${e.position}. ${e.name}${e.regionCode ? ` ${e.regionCode}` : ''}${e.category ? ` ${e.category}` : ''}${e.note ? `（${e.note}）` : ''}`,
    );
  return lines.join('\n');
}

interface ImportOptions {
  title: string;
  year: string;
  issuedBy?: string;
  issuedOn?: string;
  province?: string;
  json?: boolean;
}

export function registerHonoursCommands(program: Command): void {
  const honours = program.command('honours').description('荣誉名单（如省重点项目建设先进单位）：导入、发布');

  honours
    .command('import <file>')
    .description(
      '导入荣誉名单（.xlsx/.csv，列：序号、名称、地区代码、类别、备注）为草稿；任何一行有误则整份拒绝',
    )
    .requiredOption('--title <title>', '名单标题，如 2020年度省重点项目建设先进单位')
    .requiredOption('--year <year>', '年度，如 2020')
    .option('--issued-by <name>', '发布单位，如 省重点项目建设领导小组办公室')
    .option('--issued-on <date>', '发文日期 YYYY-MM-DD')
    .option('--province <code>', '省份代码，默认已载入的唯一省份')
    .option('--json', '输出一个 JSON 文档')
    .action(async (file: string, opts: ImportOptions) => {
      const year = Number(opts.year);
      if (!/^\d{4}$/.test(opts.year)) throw new UsageError(`--year 应为四位年份，而不是 "${opts.year}"`);
      if (opts.issuedOn !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.issuedOn))
        throw new UsageError(`--issued-on 应为 YYYY-MM-DD，而不是 "${opts.issuedOn}"`);
      const name = basename(file);
      const parsed = await parseSpecFile(honoursSpec, file);
      if (parsed.problems.length > 0)
        throw new InputRejectedError(
          `${name}：${parsed.problems.length} 处问题，未写入任何数据`,
          parsed.problems,
        );
      const list = await withDatabase(async (database) =>
        createHonourList(
          database,
          {
            provinceCode: await provinceOption(database, opts.province),
            title: opts.title,
            year,
            issuedBy: opts.issuedBy,
            issuedOn: opts.issuedOn,
            file: name,
            rows: parsed.records,
          },
          ctx(),
        ),
      );
      if (opts.json) return printJson(list);
      process.stdout.write(
        `${listText(list)}\n已导入为草稿；核对无误后用 sibi honours publish ${list.id} 发布\n`,
      );
    });

  honours
    .command('list')
    .description('本省的荣誉名单')
    .option('--province <code>', '省份代码，默认已载入的唯一省份')
    .option('--json', '输出一个 JSON 文档')
    .action(async (opts: { province?: string; json?: boolean }) => {
      const lists = await withDatabase(async (database) =>
        listHonours(database, await provinceOption(database, opts.province)),
      );
      if (opts.json) return printJson({ items: lists });
      if (lists.length === 0) process.stdout.write('没有荣誉名单\n');
      for (const l of lists)
        process.stdout.write(
          `${l.id}\t${l.year}\t${l.title}\t${l.entries} 条\t${l.publishedAt ? `已发布 ${l.publishedAt.toISOString()}` : '草稿'}\n`,
        );
    });

  honours
    .command('show <id>')
    .description('一份荣誉名单及其条目')
    .option('--json', '输出一个 JSON 文档')
    .action(async (id: string, opts: { json?: boolean }) => {
      const list = await withDatabase((database) => loadHonourList(database, idOf(id)));
      if (opts.json) return printJson(list);
      process.stdout.write(`${listText(list)}\n`);
    });

  honours
    .command('publish <id>')
    .description('发布荣誉名单（发布后不可更改）')
    .action(async (id: string) => {
      const list = await withDatabase((database) => publishHonourList(database, idOf(id), ctx()));
      process.stdout.write(
        `${listText(list)}\n已发布，不可更改；公开链接：sibi public-link honours ${list.id}\n`,
      );
    });
}

export function idOf(text: string): number {
  if (!/^[1-9]\d{0,9}$/.test(text)) throw new UsageError(`编号应为正整数，而不是 "${text}"`);
  return Number(text);
}
