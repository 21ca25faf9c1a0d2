// The CLI names the database it uses (issue #14 item 13) and who it is (item 8): every command that
// opens the database says which one on stderr — the folder, or PostgreSQL host, database and user,
// never a password — refuses a data folder that is not there instead of making an empty database in
// it (or in ./data), and writes its audit rows as the operating-system account and machine, not as
// whatever USER says.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sibi } from '../../test/helpers/cli';
import { type CliTarget, createCliTarget } from '../../test/helpers/databases';
import { openCliDatabase, serveOnce } from '../../test/helpers/serve-once';
import { describeDatabase } from '../db/client';
import { queryRows } from '../db/query';

const TARGETS =
  process.env.SIBI_TEST_PG_AVAILABLE === '1' ? (['pglite', 'postgres'] as const) : (['pglite'] as const);

function expectedLine(target: CliTarget): string {
  if (target.env.SIBI_DATA_DIR) return `内置 PGlite，数据目录 ${target.env.SIBI_DATA_DIR}`;
  const url = new URL(target.env.DATABASE_URL!);
  return `PostgreSQL ${url.host}${url.pathname}（用户 ${url.username}）`;
}

describe.each(TARGETS)('the CLI on %s', (name) => {
  let target: CliTarget;
  beforeAll(async () => {
    target = await createCliTarget(name);
  });
  afterAll(() => target.cleanup());

  it('says which database a writing command uses, and records the OS account and host as a CLI actor', {
    timeout: 180_000,
  }, async () => {
    const added = await sibi(['user', 'add', '--username', 'named_db', '--role', 'auditor'], {
      ...target.env,
      USER: 'impostor',
    });
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.database).toBe(expectedLine(target));
    if (target.env.DATABASE_URL) {
      const password = new URL(target.env.DATABASE_URL).password;
      expect(added.database).not.toContain(`:${password}@`);
    }
    const database = await openCliDatabase(target.env);
    try {
      const rows = await queryRows<{ actor: string; ip: string | null }>(
        database.db,
        sql`select actor, ip from audit_log where action = 'user.create' and target_id = 'named_db'`,
      );
      expect(rows).toEqual([{ actor: `cli:${userInfo().username}@${hostname()}`, ip: null }]);
    } finally {
      await database.close();
    }
  });
});

describe('no silent fallback to another data folder', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sibi-cli-db-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a configured data folder that does not exist, and creates nothing', async () => {
    const missing = join(dir, 'typo-data');
    const run = await sibi(['user', 'add', '--username', 'nowhere', '--role', 'auditor'], {
      SIBI_DATA_DIR: missing,
    });
    expect(run.code).toBe(1);
    expect(run.database).toBe(`内置 PGlite，数据目录 ${missing}`);
    expect(run.stderr).toBe(
      `错误：数据目录 ${missing}（SIBI_DATA_DIR）不存在，没有新建空数据库：请检查路径；` +
        '要在此新建数据库，请运行 sibi serve 或 sibi demo，或先建立这个空目录\n',
    );
    expect(existsSync(missing)).toBe(false);
  });

  it('refuses ./data when nothing is configured and there is none, naming the folder', async () => {
    const cwd = mkdtempSync(join(dir, 'elsewhere-'));
    const run = await sibi(['user', 'list'], {}, undefined, { cwd });
    expect(run.code).toBe(1);
    expect(run.database).toBe(
      `内置 PGlite，数据目录 ${join(cwd, 'data')}（未设置 SIBI_DATA_DIR 与 DATABASE_URL，使用默认目录）`,
    );
    expect(run.stderr).toContain(
      `未设置 SIBI_DATA_DIR 或 DATABASE_URL，默认数据目录 ${join(cwd, 'data')} 不存在`,
    );
    expect(existsSync(join(cwd, 'data'))).toBe(false);
  });

  it('still makes a database in a new folder on first start (sibi serve)', { timeout: 240_000 }, async () => {
    const fresh = join(dir, 'first-start');
    const run = await serveOnce({ SIBI_DATA_DIR: fresh });
    expect(run.stderr).toContain(`数据库：pglite（${fresh}）`);
    expect(existsSync(join(fresh, 'PG_VERSION'))).toBe(true);
  });

  it('names a PostgreSQL database by host, database and user, never its password', () => {
    expect(
      describeDatabase({
        url: 'postgres://ops:S3cr%40t@db.example.cn:5433/sibi?password=other&sslmode=require',
      }),
    ).toBe('PostgreSQL db.example.cn:5433/sibi（用户 ops）');
    expect(describeDatabase({ url: 'postgresql:///sibi?host=/var/run/postgresql' })).toBe(
      'PostgreSQL /var/run/postgresql/sibi',
    );
  });
});
