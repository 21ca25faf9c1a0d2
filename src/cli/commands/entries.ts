// `sibi events` and `sibi adjustments`: 加分/扣分 events and manual adjustments — add one, import a
// spreadsheet (any bad row rejects the file, nothing written), list, approve (never by whoever
// entered it: --by names the person) and revoke with a reason. Only approved entries count.
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { Database } from '../../db/client';
import { adjustmentsSpec } from '../../io/columns/adjustments';
import { eventsSpec } from '../../io/columns/events';
import type { KindSpec } from '../../io/columns/types';
import { parseSpecFile } from '../../io/parse-file';
import type { AuditContext } from '../../services/context';
import { UsageError } from '../../services/errors';
import {
  type AdjustmentEntry,
  approveAdjustment,
  approveEvent,
  type EntryStatus,
  type EventEntry,
  listAdjustmentEntries,
  listEventEntries,
  presentAdjustment,
  presentEvent,
  revokeAdjustment,
  revokeEvent,
} from '../../services/evaluation-entries';
import { addAdjustments, addEvents, type EntryRows, SINGLE } from '../../services/evaluation-entries-add';
import { CLI_ACTOR, printJson, withDatabase } from '../run';
import { registerSelfScoreCommands } from './entries-self-scores';
import { idOf, provinceOption } from './honours';

/** Who enters (--by, else the system user), for the audit log. */
export const ctx = (by?: string) => {
  if (by !== undefined && !by.trim()) throw new UsageError('--by 不能为空');
  return { actor: by?.trim() || CLI_ACTOR, ip: null, now: new Date() };
};
/** The CLI is the operator: it may enter for any unit. */
export const anyone = () => true;

/** One row entered on the command line (no file, no row number). */
export const single = <T>(record: T) => ({ file: SINGLE, rows: [{ row: null, record }], mayEnter: anyone });

/** `<group> import <file>`: the spreadsheet taken whole or not at all (file, row, column, reason; exit 1). */
export function importCommand<T, S>(
  group: Command,
  description: string,
  spec: KindSpec<T>,
  store: (database: Database, request: EntryRows<T>, ctx: AuditContext) => Promise<S[]>,
  present: (stored: S) => unknown,
  done: (n: number) => string,
  byLabel = '录入人',
): void {
  group
    .command('import <file>')
    .description(description)
    .option('--by <name>', `${byLabel}，默认当前系统用户`)
    .option('--json', '输出一个 JSON 文档')
    .action(async (file: string, opts: Common) => {
      const parsed = await parseSpecFile(spec, file);
      const stored = await withDatabase((database) =>
        store(
          database,
          { file: basename(file), rows: parsed.records, mayEnter: anyone, problems: parsed.problems },
          ctx(opts.by),
        ),
      );
      if (opts.json) return printJson({ items: stored.map(present) });
      process.stdout.write(`${done(stored.length)}\n`);
    });
}

const STATUS_LABEL: Record<EntryStatus, string> = {
  pending: '待审核',
  approved: '已审核',
  revoked: '已撤销',
};

function statusOf(e: EventEntry | AdjustmentEntry): string {
  if (e.status === 'approved') return `已审核（${e.approvedBy}）`;
  if (e.status === 'revoked') return `已撤销（${e.revokedBy}：${e.revokeReason}）`;
  return STATUS_LABEL[e.status];
}

const eventLine = (e: EventEntry) =>
  `${e.id}\t${e.eventDate}\t${e.regionCode}\t${e.item}\t${e.count} 次\t${e.reason ?? ''}${e.note ? `（依据：${e.note}）` : ''}\t录入 ${e.author}\t${statusOf(e)}`;
const adjustmentLine = (a: AdjustmentEntry) =>
  `${a.id}\t${a.schemeId}\t${a.period}\t${a.unitCode}\t${a.kind === 'bonus' ? '加' : '扣'} ${a.points} 分\t${a.item ?? '—'}\t${a.reason}\t录入 ${a.author}\t${statusOf(a)}`;

function status(text: string | undefined): EntryStatus | undefined {
  if (text === undefined) return undefined;
  if (text === 'pending' || text === 'approved' || text === 'revoked') return text;
  throw new UsageError(`--status 应为 pending、approved 或 revoked，而不是 "${text}"`);
}

function count(text: string): number {
  if (!/^[1-9]\d{0,3}$/.test(text)) throw new UsageError(`--count 应为正整数，而不是 "${text}"`);
  return Number(text);
}

interface Common {
  by?: string;
  json?: boolean;
}

export function registerEntryCommands(program: Command): void {
  registerSelfScoreCommands(program);
  const events = program
    .command('events')
    .description('加分/扣分事件：录入、导入、审核、撤销（审核通过后计分）');

  events
    .command('add')
    .description('录入一条事件（待另一人审核）')
    .requiredOption('--region <code>', '地区代码（参评单位或其下属地区）')
    .requiredOption('--date <date>', '事件日期 YYYY-MM-DD')
    .requiredOption('--item <item>', '事项：方案加分、扣分或计次指标中的事项代码或名称')
    .requiredOption('--reason <text>', '理由')
    .option('--count <n>', '次数', '1')
    .option('--note <text>', '依据（文件、通报）')
    .option('--by <name>', '录入人，默认当前系统用户')
    .option('--json', '输出一个 JSON 文档')
    .action(
      async (
        opts: Common & {
          region: string;
          date: string;
          item: string;
          reason: string;
          count: string;
          note?: string;
        },
      ) => {
        const [e] = await withDatabase((database) =>
          addEvents(
            database,
            single({
              regionCode: opts.region,
              eventDate: opts.date,
              item: opts.item,
              count: count(opts.count),
              note: opts.note ?? null,
              reason: opts.reason,
            }),
            ctx(opts.by),
          ),
        );
        if (opts.json) return printJson(presentEvent(e!));
        process.stdout.write(
          `${eventLine(e!)}\n已录入，待审核：sibi events approve ${e!.id} --by <审核人>\n`,
        );
      },
    );

  importCommand(
    events,
    '导入事件（.xlsx/.csv，列：地区代码、日期、事项、次数、理由、依据）；任何一行有误则整份拒绝',
    eventsSpec,
    addEvents,
    presentEvent,
    (n) => `已导入 ${n} 条事件，待审核`,
  );

  events
    .command('list')
    .description('本省的事件（--period：事件日期所在考评期）')
    .option('--period <P>', '考评期，如 2020、2020Q3、2020-09')
    .option('--region <code>', '地区代码')
    .option('--status <s>', 'pending | approved | revoked')
    .option('--province <code>', '省份代码，默认已载入的唯一省份')
    .option('--json', '输出一个 JSON 文档')
    .action(
      async (opts: {
        period?: string;
        region?: string;
        status?: string;
        province?: string;
        json?: boolean;
      }) => {
        const items = await withDatabase(async (database) =>
          listEventEntries(database, {
            provinceCode: await provinceOption(database, opts.province),
            period: opts.period,
            regionCode: opts.region,
            status: status(opts.status),
          }),
        );
        if (opts.json) return printJson({ items: items.map(presentEvent) });
        if (items.length === 0) process.stdout.write('没有事件\n');
        for (const e of items) process.stdout.write(`${eventLine(e)}\n`);
      },
    );

  events
    .command('approve <id>')
    .description('审核通过一条事件（审核人不能是录入人）')
    .option('--by <name>', '审核人，默认当前系统用户')
    .option('--json', '输出一个 JSON 文档')
    .action(async (id: string, opts: Common) => {
      const e = await withDatabase((database) => approveEvent(database, idOf(id), ctx(opts.by)));
      if (opts.json) return printJson(presentEvent(e));
      process.stdout.write(`${eventLine(e)}\n`);
    });

  events
    .command('revoke <id>')
    .description('撤销一条事件（保留记录，不再计分）')
    .requiredOption('--reason <text>', '撤销理由')
    .option('--by <name>', '撤销人，默认当前系统用户')
    .option('--json', '输出一个 JSON 文档')
    .action(async (id: string, opts: Common & { reason: string }) => {
      const e = await withDatabase((database) => revokeEvent(database, idOf(id), opts.reason, ctx(opts.by)));
      if (opts.json) return printJson(presentEvent(e));
      process.stdout.write(`${eventLine(e)}\n`);
    });

  const adjustments = program
    .command('adjustments')
    .description('人工加分/扣分：录入、导入、审核、撤销（须注明理由，审核通过后计分）');

  adjustments
    .command('add')
    .description('录入一条人工加分或扣分（待另一人审核）')
    .requiredOption('--scheme <id>', '考评方案，如 sibisikan-2020（或方案文件）')
    .requiredOption('--period <P>', '考评期，如 2020、2020Q3')
    .requiredOption('--unit <code>', '参评单位的地区代码')
    .requiredOption('--kind <kind>', 'bonus（加分）或 penalty（扣分）')
    .requiredOption('--points <n>', '分值，正数，最多两位小数')
    .requiredOption('--reason <text>', '理由')
    .option('--item <item>', '方案中的加分或扣分事项（代码或名称）')
    .option('--by <name>', '录入人，默认当前系统用户')
    .option('--json', '输出一个 JSON 文档')
    .action(
      async (
        opts: Common & {
          scheme: string;
          period: string;
          unit: string;
          kind: string;
          points: string;
          reason: string;
          item?: string;
        },
      ) => {
        const [a] = await withDatabase((database) =>
          addAdjustments(
            database,
            {
              ...single({
                scheme: opts.scheme,
                period: opts.period,
                unitCode: opts.unit,
                kind: opts.kind,
                item: opts.item ?? null,
                points: opts.points,
                reason: opts.reason,
              }),
              allowSchemeFiles: true,
            },
            ctx(opts.by),
          ),
        );
        if (opts.json) return printJson(presentAdjustment(a!));
        process.stdout.write(
          `${adjustmentLine(a!)}\n已录入，待审核：sibi adjustments approve ${a!.id} --by <审核人>\n`,
        );
      },
    );

  importCommand(
    adjustments,
    '导入人工加分/扣分（.xlsx/.csv，列：考评方案、考评期、地区代码、类别、事项、分值、理由）；任何一行有误则整份拒绝',
    adjustmentsSpec,
    addAdjustments,
    presentAdjustment,
    (n) => `已导入 ${n} 条人工调整，待审核`,
  );

  adjustments
    .command('list')
    .description('本省考评的人工加分/扣分')
    .option('--scheme <id>', '考评方案')
    .option('--period <P>', '考评期')
    .option('--unit <code>', '参评单位')
    .option('--status <s>', 'pending | approved | revoked')
    .option('--province <code>', '省份代码，默认已载入的唯一省份')
    .option('--json', '输出一个 JSON 文档')
    .action(
      async (opts: {
        scheme?: string;
        period?: string;
        unit?: string;
        status?: string;
        province?: string;
        json?: boolean;
      }) => {
        const items = await withDatabase(async (database) =>
          listAdjustmentEntries(database, {
            provinceCode: await provinceOption(database, opts.province),
            scheme: opts.scheme,
            period: opts.period,
            unitCode: opts.unit,
            status: status(opts.status),
          }),
        );
        if (opts.json) return printJson({ items: items.map(presentAdjustment) });
        if (items.length === 0) process.stdout.write('没有人工调整\n');
        for (const a of items) process.stdout.write(`${adjustmentLine(a)}\n`);
      },
    );

  adjustments
    .command('approve <id>')
    .description('审核通过一条人工调整（审核人不能是录入人）')
    .option('--by <name>', '审核人，默认当前系统用户')
    .option('--json', '输出一个 JSON 文档')
    .action(async (id: string, opts: Common) => {
      const a = await withDatabase((database) => approveAdjustment(database, idOf(id), ctx(opts.by)));
      if (opts.json) return printJson(presentAdjustment(a));
      process.stdout.write(`${adjustmentLine(a)}\n`);
    });

  adjustments
    .command('revoke <id>')
    .description('撤销一条人工调整（保留记录，不再计分）')
    .requiredOption('--reason <text>', '撤销理由')
    .option('--by <name>', '撤销人，默认当前系统用户')
    .option('--json', '输出一个 JSON 文档')
    .action(async (id: string, opts: Common & { reason: string }) => {
      const a = await withDatabase((database) =>
        revokeAdjustment(database, idOf(id), opts.reason, ctx(opts.by)),
      );
      if (opts.json) return printJson(presentAdjustment(a));
      process.stdout.write(`${adjustmentLine(a)}\n`);
    });
}
