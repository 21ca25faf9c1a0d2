import { hostname, userInfo } from 'node:os';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sibiInProcess as sibi } from '../../../test/helpers/cli-in-process';
import { type CliTarget, createCliTarget } from '../../../test/helpers/databases';
import { load, project, REGIONS } from '../../../test/helpers/factories';
import { openCliDatabase, serveOnce } from '../../../test/helpers/serve-once';
import { findUserByUsername, userProjectCodes } from '../../db/auth/users';
import type { Database } from '../../db/client';
import { queryRows } from '../../db/query';
import { verifyPassword } from '../../services/auth/password-hash';

const TARGETS =
  process.env.SIBI_TEST_PG_AVAILABLE === '1' ? (['pglite', 'postgres'] as const) : (['pglite'] as const);

describe.each(TARGETS)('sibi user and first start on %s', (name) => {
  let target: CliTarget;

  const runCli = (args: string[], env: Record<string, string>, input?: string) =>
    sibi(args, { ...env, USER: 'ops' }, input);
  const withDb = async <T>(work: (db: Database) => Promise<T>) => {
    const database = await openCliDatabase(target.env);
    try {
      return await work(database);
    } finally {
      await database.close();
    }
  };

  beforeAll(async () => {
    target = await createCliTarget(name);
    await withDb(async (database) => {
      await load(database, 'regions', REGIONS);
      await load(
        database,
        'projects',
        [project('P-A', { regionCode: '410322' }), project('P-B', { regionCode: '410322' })],
        {
          year: 2020,
          list: 'province_key',
        },
      );
    });
  });
  afterAll(() => target.cleanup());

  it('creates no usable default account: the first start makes admin with a password printed once', async () => {
    const first = await serveOnce(target.env);
    const match = /初始密码（只显示这一次）：(\S+)/.exec(first.stderr);
    expect(match, first.stderr).not.toBeNull();
    const password = match![1]!;
    await withDb(async (database) => {
      const admin = await findUserByUsername(database.db, 'admin');
      expect(admin).toMatchObject({
        role: 'sysadmin',
        mustChangePassword: true,
        totpEnabled: false,
        demo: false,
      });
      expect(await verifyPassword(password, admin!.passwordHash)).toBe(true);
    });
    const second = await serveOnce(target.env);
    expect(second.stderr).toContain('sibi 已启动');
    expect(second.stderr).not.toContain('初始密码');
  });

  it('adds an account with a password from stdin, refusing a weak one and an unknown role', async () => {
    const added = await runCli(
      [
        'user',
        'add',
        '--username',
        'cli_city',
        '--role',
        'city_officer',
        '--region',
        '410300',
        '--display-name',
        '洛阳市发改委',
        '--password-stdin',
      ],
      target.env,
      'Longmen#Grotto88\n',
    );
    expect(added).toMatchObject({ code: 0, stderr: '' });
    expect(added.stdout).toBe('已创建账户 cli_city（市级管理员，地区 410300）\n');
    const weak = await runCli(
      ['user', 'add', '--username', 'cli_weak', '--role', 'viewer', '--region', '410300', '--password-stdin'],
      target.env,
      'password1\n',
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('错误：密码不符合密码策略');
    expect(weak.stderr).toContain('密码过于常见，请换一个');
    const owner = await runCli(
      ['user', 'add', '--username', 'cli_owner', '--role', 'project_owner', '--project', 'P-A', 'P-B'],
      target.env,
    );
    expect(owner.code).toBe(0);
    expect(owner.stdout).toMatch(
      /^已创建账户 cli_owner（项目单位）\n一次性密码（只显示这一次，首次登录须修改）：\S{16}\n$/,
    );
    const role = await runCli(['user', 'add', '--username', 'cli_x', '--role', 'root'], target.env);
    expect(role.code).toBe(2);
    expect(role.stderr).toContain('未知角色「root」');
    await withDb(async (database) => {
      const user = await findUserByUsername(database.db, 'cli_city');
      expect(user).toMatchObject({
        role: 'city_officer',
        regionCode: '410300',
        displayName: '洛阳市发改委',
        mustChangePassword: true,
      });
      expect(await verifyPassword('Longmen#Grotto88', user!.passwordHash)).toBe(true);
      expect(await findUserByUsername(database.db, 'cli_weak')).toBeUndefined();
      const owner = await findUserByUsername(database.db, 'cli_owner');
      expect(await userProjectCodes(database.db, owner!.id)).toEqual(['P-A', 'P-B']);
    });
  });

  it('resets a password and disables an account, each audited as the operator', async () => {
    const reset = await runCli(['user', 'reset-password', 'cli_city'], target.env);
    expect(reset.code).toBe(0);
    const password = /：(\S+)\n$/.exec(reset.stdout)![1]!;
    const disabled = await runCli(['user', 'disable', 'cli_city'], target.env);
    expect(disabled).toMatchObject({ code: 0, stdout: '已停用账户 cli_city，其会话已全部结束\n' });
    const missing = await runCli(['user', 'disable', 'nobody'], target.env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('错误：账户 nobody 不存在\n');
    const listed = await runCli(['user', 'list'], target.env);
    expect(listed.stdout).toContain('cli_city\t市级管理员\t410300\t洛阳市发改委\t已停用');
    await withDb(async (database) => {
      const user = await findUserByUsername(database.db, 'cli_city');
      expect(user).toMatchObject({ disabled: true, mustChangePassword: true });
      expect(await verifyPassword(password, user!.passwordHash)).toBe(true);
      const audited = await queryRows<{ actor: string; action: string }>(
        database.db,
        sql`select actor, action from audit_log where target_id = 'cli_city' order by id`,
      );
      // The operating-system account and machine, not the USER variable (set to 'ops' above).
      const actor = `cli:${userInfo().username}@${hostname()}`;
      expect(audited).toEqual([
        { actor, action: 'user.create' },
        { actor, action: 'user.reset_password' },
        { actor, action: 'user.disable' },
      ]);
    });
  });
});
