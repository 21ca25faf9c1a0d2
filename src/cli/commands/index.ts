// Every top-level `sibi` command: its name, the one line `sibi --help` shows, and the module that
// registers it, imported only when that command runs. `sibi --help` therefore loads none of them;
// `sibi stats …` loads the stats command's code and nothing else (in the bundle each is a chunk).
// commands.test.ts checks each summary against the description the module registers.
import type { Command } from 'commander';

type Register = (program: Command) => void;

export interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<Register>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'serve',
    summary: '启动网页与 API 服务',
    load: async () => (await import('./serve')).registerServeCommand,
  },
  {
    name: 'demo',
    summary: '载入演示省份（河南，模拟数据；重复运行不改变数据）',
    load: async () => (await import('./demo')).registerDemoCommand,
  },
  {
    name: 'import',
    summary: '导入 .xlsx 或 .csv（任何一行有误则整批拒绝，不写入）',
    load: async () => (await import('./data')).registerDataCommands,
  },
  {
    name: 'export',
    summary: '按导入格式导出（导出后再导入不改变任何数据）；oc4ids：OC4IDS 0.9 项目包（JSON）',
    load: async () => (await import('./data')).registerDataCommands,
  },
  {
    name: 'stats',
    summary: '地区（含下级）在某期间的统计指标',
    load: async () => (await import('./stats')).registerStatsCommand,
  },
  {
    name: 'warnings',
    summary: '红黄绿灯：地区（含下级）项目与下级单位的预警',
    load: async () => (await import('./warnings')).registerWarningsCommand,
  },
  {
    name: 'quality',
    summary: '数据质量检查：地区（含下级）月报的疑似错误与各下级单位的问题数',
    load: async () => (await import('./quality')).registerQualityCommand,
  },
  {
    name: 'user',
    summary: '账户管理（在服务器上操作，记入审计日志）',
    load: async () => (await import('./user')).registerUserCommands,
  },
  {
    name: 'bulletin',
    summary: '综合考评通报：省级通报，或用 --region 生成该单位的考评情况稿（“我市再获全省第一”体例）',
    load: async () => (await import('./bulletin')).registerBulletinCommand,
  },
  {
    name: 'evaluate',
    summary: '综合考评：计分、排名；可发布、复核、稳健性分析',
    load: async () => (await import('./evaluate')).registerEvaluateCommand,
  },
  {
    name: 'scheme',
    summary: '考评方案',
    load: async () => (await import('./scheme')).registerSchemeCommands,
  },
  {
    name: 'honours',
    summary: '荣誉名单（如省重点项目建设先进单位）：导入、发布',
    load: async () => (await import('./honours')).registerHonoursCommands,
  },
  {
    name: 'events',
    summary: '加分/扣分事件：录入、导入、审核、撤销（审核通过后计分）',
    load: async () => (await import('./entries')).registerEntryCommands,
  },
  {
    name: 'adjustments',
    summary: '人工加分/扣分：录入、导入、审核、撤销（须注明理由，审核通过后计分）',
    load: async () => (await import('./entries')).registerEntryCommands,
  },
  {
    name: 'self-scores',
    summary: '自评分：参评单位填报、导入、列出，与核定得分对比（结果发布后冻结）',
    load: async () => (await import('./entries')).registerEntryCommands,
  },
  {
    name: 'public-link',
    summary: '已发布考评结果（evaluation）或荣誉名单（honours）的公开链接：创建（已有则显示）或撤销',
    load: async () => (await import('./public-link')).registerPublicLinkCommand,
  },
  {
    name: 'backup',
    summary:
      '备份整个数据库到一个文件（一致性快照，gzip 压缩，以 SIBI_BACKUP_KEY 签名；设置 SIBI_BACKUP_PASSPHRASE 时加密；PGlite 与 PostgreSQL 通用）',
    load: async () => (await import('./backup')).registerBackupCommands,
  },
  {
    name: 'restore',
    summary:
      '从备份文件恢复整个数据库：先通读校验签名与内容，再在一个事务中逐表核对行数与校验和，全部成功才生效',
    load: async () => (await import('./backup')).registerBackupCommands,
  },
  {
    name: 'db',
    summary: '数据库维护',
    load: async () => (await import('./db')).registerDbCommands,
  },
  {
    name: 'remind',
    summary: '发送到期的月报报送提醒（站内消息、群机器人；每份月报每期只提醒一次）',
    load: async () => (await import('./remind')).registerRemindCommand,
  },
  {
    name: 'audit',
    summary: '审计日志',
    load: async () => (await import('./audit')).registerAuditCommands,
  },
];

/**
 * Registers on `program` what the arguments need: the module of the command named (for `sibi help
 * <command>` too), or, for `sibi --help` and anything unknown, a stub per command that carries its
 * summary (commander then prints the list, or its "unknown command" error).
 */
export async function registerCommands(program: Command, args: readonly string[]): Promise<void> {
  const words = args.filter((arg) => !arg.startsWith('-'));
  const named = words[0] === 'help' ? words[1] : words[0];
  const entry = COMMANDS.find((c) => c.name === named);
  if (entry) {
    (await entry.load())(program);
    return;
  }
  for (const c of COMMANDS) program.command(c.name).description(c.summary);
}
