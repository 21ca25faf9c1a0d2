// `sibi user add | disable | reset-password | list`: account operations from the server console.
import type { Command } from 'commander';
import { listUsers } from '../../db/auth/users';
import { isRole, ROLE_LABELS, ROLES, type Role } from '../../policies/roles';
import {
  accountIdByUsername,
  createAccount,
  resetPassword,
  setAccountDisabled,
} from '../../services/auth/accounts';
import { UsageError } from '../../services/errors';
import { CLI_ACTOR, withDatabase } from '../run';

const context = () => ({ actor: CLI_ACTOR, ip: null, now: new Date() });

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

interface AddOptions {
  username: string;
  role: string;
  region?: string;
  project?: string[];
  displayName?: string;
  passwordStdin?: boolean;
}

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('账户管理（在服务器上操作，记入审计日志）');

  user
    .command('add')
    .description('新建账户；首次登录须修改密码（管理员角色还须绑定动态验证码）')
    .requiredOption('--username <name>', '用户名：3–32 位小写字母、数字或 _ . -')
    .requiredOption('--role <role>', ROLES.join(' | '))
    .option('--region <code>', '所属地区代码（省/市/县级管理员与查看者必填）')
    .option('--project <codes...>', '绑定项目代码，可多个（项目单位必填，分包领导可选）')
    .option('--display-name <name>', '姓名或单位名称')
    .option('--password-stdin', '从标准输入读入密码（否则生成一次性密码并显示）')
    .action(async (opts: AddOptions) => {
      if (!isRole(opts.role)) throw new UsageError(`未知角色「${opts.role}」，可用：${ROLES.join('、')}`);
      const password = opts.passwordStdin ? await readStdin() : undefined;
      if (opts.passwordStdin && !password) throw new UsageError('标准输入中没有密码');
      const { account, password: generated } = await withDatabase((database) =>
        createAccount(database, context(), {
          username: opts.username,
          role: opts.role as Role,
          regionCode: opts.region ?? null,
          projectCodes: opts.project,
          displayName: opts.displayName,
          password,
        }),
      );
      const { username, role, regionCode } = account.user;
      process.stdout.write(
        `已创建账户 ${username}（${ROLE_LABELS[role as Role]}${regionCode ? `，地区 ${regionCode}` : ''}）\n`,
      );
      if (generated) process.stdout.write(`一次性密码（只显示这一次，首次登录须修改）：${generated}\n`);
    });

  user
    .command('disable')
    .description('停用账户并立即结束其全部会话')
    .argument('<username>')
    .action(async (username: string) => {
      await withDatabase(async (database) => {
        const id = await accountIdByUsername(database, username);
        await setAccountDisabled(database, context(), id, undefined, true);
      });
      process.stdout.write(`已停用账户 ${username}，其会话已全部结束\n`);
    });

  user
    .command('reset-password')
    .description('重置密码：生成一次性密码，下次登录须修改；解除锁定并结束其会话')
    .argument('<username>')
    .action(async (username: string) => {
      const { password } = await withDatabase(async (database) =>
        resetPassword(database, context(), await accountIdByUsername(database, username)),
      );
      process.stdout.write(`账户 ${username} 的一次性密码（只显示这一次，下次登录须修改）：${password}\n`);
    });

  user
    .command('list')
    .description('列出账户')
    .action(async () => {
      const page = await withDatabase((database) =>
        listUsers(database.db, {}, { page: 1, pageSize: 200, sort: 'username' }),
      );
      for (const u of page.items) {
        const flags = [
          u.disabled ? '已停用' : null,
          u.demo ? '演示' : null,
          u.totpEnabled ? '动态码' : null,
        ].filter(Boolean);
        process.stdout.write(
          `${u.username}\t${ROLE_LABELS[u.role as Role]}\t${u.regionCode ?? '-'}\t${u.displayName}${flags.length ? `\t${flags.join(' ')}` : ''}\n`,
        );
      }
    });
}
