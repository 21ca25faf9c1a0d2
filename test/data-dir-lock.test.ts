// Two processes on one embedded (PGlite) data folder: while a real `sibi serve` child holds it, a
// CLI import (and any other command, and this process) is refused with a message naming the server's
// pid and what to do; `sibi import --server` sends the import through the running server instead;
// after kill -9 of the server its stale lock is taken over, and a stopped server leaves no lock.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, openDatabase } from '../src/db/client';
import { lockFileFor } from '../src/db/data-dir-lock';
import { queryRows } from '../src/db/query';
import { writeFile } from '../src/io/write-file';
import { preparedDataDir } from './helpers/databases';
import { deal, load, REGIONS } from './helpers/factories';
import { createTestAccount, TEST_PASSWORD } from './helpers/http';
import { sibi } from './helpers/run-sibi';
import { type ServerChild, startServeChild } from './helpers/serve-child';

const USER = 'lock_city';

describe('one process at a time on a PGlite data folder', () => {
  let dir = '';
  let dataDir = '';
  let env: Record<string, string>;
  let server: ServerChild | undefined;
  const file = (name: string) => join(dir, name);

  async function dealNames(): Promise<string[]> {
    const database = await openDatabase({ dataDir });
    try {
      const rows = await queryRows<{ name: string }>(database.db, sql`select name from deals order by name`);
      return rows.map((r) => r.name);
    } finally {
      await database.close();
    }
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sibi-lock-'));
    dataDir = join(dir, 'data');
    env = { SIBI_DATA_DIR: dataDir };
    const database = await openDatabase({ dataDir: await preparedDataDir(dataDir) });
    await load(database, 'regions', REGIONS);
    await createTestAccount(database, { username: USER, role: 'city_officer', regionCode: '410300' });
    await database.close();
    for (const name of ['本地导入', '经服务导入', '接管后导入']) {
      await writeFile('deals', [deal(name)], file(`${name}.csv`));
    }
    server = await startServeChild(env);
  }, 180_000);
  afterAll(async () => {
    await server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a CLI import while the server runs, naming its pid and what to do', async () => {
    const lock = JSON.parse(readFileSync(lockFileFor(dataDir), 'utf8'));
    expect(lock).toMatchObject({ pid: server!.pid, url: server!.url });
    expect(lock.command).toMatch(/^sibi serve/);

    const result = await sibi(['import', 'deals', file('本地导入.csv')], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `数据目录 ${dataDir} 正由另一个 sibi 进程使用：进程号 ${server!.pid}（sibi serve`,
    );
    expect(result.stderr).toContain(`kill ${server!.pid}`);
    expect(result.stderr).toContain(`--server ${server!.url}`);
    expect(result.stdout).not.toContain('已导入');
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  }, 120_000);

  it('refuses read-only commands and this process too', async () => {
    const result = await sibi(['user', 'list'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`进程号 ${server!.pid}`);
    await expect(openDatabase({ dataDir })).rejects.toBeInstanceOf(DataDirLockedError);
  }, 120_000);

  it('imports through the running server with --server', async () => {
    const result = await sibi(['import', 'deals', file('经服务导入.csv'), '--server', server!.url], {
      ...env,
      SIBI_USER: USER,
      SIBI_PASSWORD: TEST_PASSWORD,
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('已导入 经服务导入.csv：1 行（新增 1');

    const refused = await sibi(['import', 'deals', file('经服务导入.csv'), '--server', server!.url], {
      ...env,
      SIBI_USER: USER,
      SIBI_PASSWORD: 'wrong-password',
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('登录失败');
  }, 120_000);

  it('takes over the lock of a server killed with SIGKILL, and keeps every row', async () => {
    await server!.kill();
    expect(existsSync(lockFileFor(dataDir))).toBe(true); // left behind: its process is gone
    const result = await sibi(['import', 'deals', file('接管后导入.csv')], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(existsSync(lockFileFor(dataDir))).toBe(false); // released when the command ended
    expect(await dealNames()).toEqual(['接管后导入', '经服务导入']);
  }, 120_000);

  it('removes the lock when the server is stopped with SIGTERM', async () => {
    server = await startServeChild(env);
    expect(existsSync(lockFileFor(dataDir))).toBe(true);
    await server.stop();
    expect(server.child.exitCode).toBe(0);
    expect(existsSync(lockFileFor(dataDir))).toBe(false);
  }, 120_000);
});
