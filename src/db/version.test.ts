// The version guard (issue #14 item 9): a database records its schema version and the sibi version
// that last migrated it; an older program refuses a newer database — in process, from the CLI and as
// a server — with a message naming both versions and what to do, and writes nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, sibi } from '../../test/helpers/cli';
import { type CliTarget, createCliTarget, openTestPglite } from '../../test/helpers/databases';
import { openCliDatabase, serveOnce } from '../../test/helpers/serve-once';
import { APP_VERSION } from '../app-version';
import { buildApp } from '../http/app';
import { MIGRATIONS_FOLDER } from './client';
import { compareVersions, recordedLevel, VersionGuardError } from './version';

const TARGETS =
  process.env.SIBI_TEST_PG_AVAILABLE === '1' ? (['pglite', 'postgres'] as const) : (['pglite'] as const);

const PACKAGE_VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
const NEWEST_MIGRATION = Math.max(
  ...JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')).entries.map(
    (e: { idx: number }) => e.idx,
  ),
);

/** Runs SQL on the target with no sibi code in between (the guard would refuse to open it). */
async function raw(target: CliTarget, text: string): Promise<Record<string, unknown>[]> {
  if (target.env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: target.env.DATABASE_URL });
    await client.connect();
    try {
      return (await client.query(text)).rows;
    } finally {
      await client.end();
    }
  }
  const client = new PGlite({ dataDir: target.env.SIBI_DATA_DIR });
  try {
    return (await client.query<Record<string, unknown>>(text)).rows;
  } finally {
    await client.close();
  }
}

const recorded = async (target: CliTarget) =>
  (await raw(target, 'select schema_version, app_version from drizzle.schema_version'))[0];

describe.each(TARGETS)('the version guard on %s', (name) => {
  let target: CliTarget;
  beforeAll(async () => {
    target = await createCliTarget(name);
  });
  afterAll(() => target.cleanup());

  it('records the newest migration and the version from package.json', async () => {
    expect(APP_VERSION).toBe(PACKAGE_VERSION);
    const database = await openCliDatabase(target.env);
    try {
      expect(await recordedLevel(database.db)).toEqual({
        schemaVersion: NEWEST_MIGRATION,
        appVersion: PACKAGE_VERSION,
      });
    } finally {
      await database.close();
    }
  });

  it('refuses a database a newer sibi migrated: in process, the CLI and the server, writing nothing', async () => {
    await raw(
      target,
      `update drizzle.schema_version set schema_version = schema_version + 1, app_version = '99.0.0'`,
    );
    const [{ n: auditBefore }] = (await raw(target, 'select count(*)::int as n from audit_log')) as [
      { n: number },
    ];

    const refused = openCliDatabase(target.env);
    await expect(refused).rejects.toBeInstanceOf(VersionGuardError);
    const message = (await refused.catch((e: Error) => e)) as Error;
    expect(message.message).toContain(
      `（数据库：sibi 99.0.0，结构版本 ${NEWEST_MIGRATION + 1}；本程序：sibi ${PACKAGE_VERSION}，结构版本 ${NEWEST_MIGRATION}）`,
    );
    expect(message.message).toContain('请改用 sibi 99.0.0 或更新的版本');

    const cli = await sibi(['user', 'add', '--username', 'too_old', '--role', 'auditor'], target.env);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toBe(`错误：${message.message}\n`);

    const server = await serveOnce(target.env);
    expect(server.code).toBe(1);
    expect(server.stderr).toBe(`错误：${message.message}\n`);

    expect(await recorded(target)).toEqual({ schema_version: NEWEST_MIGRATION + 1, app_version: '99.0.0' });
    const [{ n: auditAfter }] = (await raw(target, 'select count(*)::int as n from audit_log')) as [
      { n: number },
    ];
    expect(auditAfter).toBe(auditBefore);
  }, 240_000);

  it('refuses a newer app version alone, and opens again once the versions match', async () => {
    const [major, minor] = PACKAGE_VERSION.split('.').map(Number) as [number, number];
    const newer = `${major}.${minor + 1}.0`;
    await raw(
      target,
      `update drizzle.schema_version set schema_version = ${NEWEST_MIGRATION}, app_version = '${newer}'`,
    );
    const cli = await sibi(['user', 'list'], target.env);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain(`（数据库：sibi ${newer}，结构版本 ${NEWEST_MIGRATION}；`);

    await raw(target, `update drizzle.schema_version set app_version = '${PACKAGE_VERSION}'`);
    const again = await sibi(['user', 'list'], target.env);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
  }, 240_000);

  it('records an older database’s level as this program’s once it migrated it', async () => {
    await raw(target, `update drizzle.schema_version set schema_version = 1, app_version = '0.0.1'`);
    const database = await openCliDatabase(target.env);
    await database.close();
    expect(await recorded(target)).toEqual({
      schema_version: NEWEST_MIGRATION,
      app_version: PACKAGE_VERSION,
    });
  });

  it('migrates and records with `sibi db migrate`, also where SIBI_MIGRATE=0 is set for the servers', async () => {
    const first = await sibi(['db', 'migrate'], target.env);
    expect(first.code).toBe(0);
    await raw(target, `update drizzle.schema_version set schema_version = 1, app_version = '0.0.1'`);
    const run = await sibi(['db', 'migrate'], { ...target.env, SIBI_MIGRATE: '0' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `数据库已迁移到结构版本 ${NEWEST_MIGRATION}（由 sibi ${PACKAGE_VERSION} 记录）\n`,
    );
    expect(await recorded(target)).toEqual({
      schema_version: NEWEST_MIGRATION,
      app_version: PACKAGE_VERSION,
    });
  }, 120_000);
});

describe('comparing versions', () => {
  it('orders release numbers numerically, a pre-release before its release', () => {
    expect(compareVersions('0.10.0', '0.9.9')).toBe(1);
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
    expect(compareVersions('1.0.0-rc.1', '1.0.0')).toBe(-1);
    expect(compareVersions('1.0', '1.0.1')).toBe(-1);
  });
});

describe('the API description', () => {
  it('states the version from package.json', async () => {
    const database = await openTestPglite();
    const app = await buildApp({ database });
    try {
      await app.ready();
      expect(app.swagger().info.version).toBe(PACKAGE_VERSION);
    } finally {
      await app.close();
      await database.close();
    }
  });
});
