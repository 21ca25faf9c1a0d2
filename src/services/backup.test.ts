// The restore drill on both databases: fill every table, back up (signed and encrypted), restore into
// a fresh database of each kind, and compare every table's row count and digest (computed
// independently, with SQL). Then every file a restore must refuse before it writes anything: damaged,
// cut, forged (checksums recomputed without the key), signed with another key, stripped of its
// signature, unsigned, encrypted with another passphrase.

import { createHash, createHmac } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliTarget, type TestDatabase, testDatabases } from '../../test/helpers/databases';
import { deal, load, project, REGIONS, report } from '../../test/helpers/factories';
import { fingerprint } from '../../test/helpers/fingerprint';
import { type Database, openDatabase } from '../db/client';
import { dataVersion } from '../db/data-version';
import { applyMigrations, forgetMigrations, migrationFiles } from '../db/migration-level';
import { queryRows } from '../db/query';
import { nameChangingUser } from '../db/records/project-leaders';
import { createAccount } from './auth/accounts';
import { createBackup } from './backup';
import type { BackupHeader } from './backup-file';
import type { BackupSecrets } from './backup-keys';
import { readBackupHeader } from './backup-read';
import { InputRejectedError, UsageError } from './errors';
import { restoreBackup } from './restore-backup';

const context = { actor: 'test', ip: null, now: new Date() };
const KEY = Buffer.from('k3y-for-the-backup-tests-0123456789abcdef');
const OTHER_KEY = Buffer.from('another-key-for-the-backup-tests-0123456789');
const PASSPHRASE = Buffer.from('a passphrase of the backup tests');
/** Signed and encrypted: what the drill backs up and restores. */
const SEALED: BackupSecrets = { signingKey: KEY, passphrase: PASSPHRASE };
/** Signed only: gzip'd lines a test can take apart and edit. */
const SIGNED: BackupSecrets = { signingKey: KEY };
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** Every table gets rows, with the values that break naive dumps: big money, floats, odd text, jsonb. */
async function fill(database: Database, projects = 250): Promise<void> {
  await load(database, 'regions', REGIONS);
  const codes = Array.from({ length: projects }, (_, i) => `P${String(i).padStart(4, '0')}`);
  await load(
    database,
    'projects',
    codes.map((code, i) =>
      project(code, {
        name: i === 0 ? '引号"反斜杠\\换行\n制表\t表情😀 行分隔\u2028' : `项目${code}`,
        totalInvestment: i === 0 ? 9_007_199_254_740_993n : BigInt(i) * 1_000_000n,
        lng: 112.4540000000001 + i / 3,
        lat: 34.61922222,
        plannedStart: '2020-03-15',
        leader: i % 5 === 0 ? `领导${i % 3}` : null,
      }),
    ),
    { year: 2020, list: 'province_key' },
  );
  await load(
    database,
    'reports',
    codes.flatMap((code, i) => MONTHS.map((m) => report(code, m, BigInt(m * (i + 1)) * 10_000n))),
  );
  await load(database, 'deals', [
    deal('签约一', { contractAmount: 123_456_789_012_345_678n }),
    deal('签约二'),
  ]);
  await load(database, 'reserve', [
    {
      name: '储备一',
      regionCode: '410300',
      targetYear: 2021,
      totalInvestment: 5n,
      domain: null,
      maturity: null,
      major: true,
      convertedProjectCode: null,
    },
  ]);
  await load(database, 'approvals', [
    {
      projectCode: 'P0001',
      itemName: '用地预审',
      department: '自然资源局',
      dueDate: '2020-06-30',
      submittedDate: '2020-05-01',
      doneDate: null,
    },
  ]);
  await load(database, 'issues', [
    {
      projectCode: 'P0002',
      category: '要素保障',
      description: '用电接入',
      responsibleUnit: null,
      raisedDate: '2020-04-01',
      dueDate: null,
      resolvedDate: '2020-05-20',
    },
  ]);
  const { account } = await createAccount(database, context, {
    username: 'owner1',
    role: 'project_owner',
    projectCodes: ['P0001', 'P0002'],
  });
  const { db } = database;
  // A second leader for P0000, changed by that account: 51 rows of project_leader_history.
  await db.transaction(async (tx) => {
    await nameChangingUser(tx, account.user.id);
    await tx.execute(sql`update projects set leader = '新领导' where code = 'P0000'`);
  });
  await db.execute(sql`insert into sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at)
    values ('h', ${account.user.id}, 'c', now(), now(), now() + interval '1 hour')`);
  await db.execute(
    sql`insert into settings (key, value) values ('test.value', '{"n": 12345678901234567890.5, "s": "中"}')`,
  );
  await db.execute(sql`insert into evaluation_events (province_code, region_code, item, event_date, author)
    values ('410000', '410300', 'foreign_enterprise', '2020-07-01', 'test')`);
  await db.execute(sql`insert into evaluation_adjustments (scheme_id, parent_code, period, unit_code, kind, points, reason, author)
    values ('s', '410000', '2020Q3', '410300', 'bonus', 12.25, '奖励', 'test'),
           ('s', '410000', '2020Q3', '410800', 'penalty', -0.50, '扣分', 'test')`);
  await db.execute(sql`insert into evaluations (scheme_id, scheme_version, period, parent_code, province_code, scheme,
      inputs, options, result, content_hash, created_by, published_at)
    values ('s', '1', '2020Q3', '410000', '410000', '{}', '[1.10, 2e-7]', '{}', '{"big": 123456789012345678901234}',
      'h', 'test', '2020-10-01 08:00:00.123456+08')`);
  // A gap in a sequence: the next id after a restore must still be beyond every id ever handed out.
  await db.execute(sql`select setval('projects_id_seq', 10000)`);
}

async function expectRestored(source: Database, restored: Database): Promise<void> {
  const [before, after] = [await fingerprint(source), await fingerprint(restored)];
  // Sessions are not backed up: everyone signs in again after a restore.
  expect([before.sessions!.rows, after.sessions!.rows]).toEqual([1, 0]);
  delete before.sessions;
  delete after.sessions;
  expect(after).toEqual(before);
}

describe.each(testDatabases())('backup and restore on $name', (target: TestDatabase) => {
  let source: Database;
  let dir: string;
  let file: string;
  /** The same database, signed but not encrypted. */
  let plain: string;
  let tables: number;

  beforeAll(async () => {
    source = await target.open();
    await fill(source);
    dir = mkdtempSync(join(tmpdir(), 'sibi-backup-'));
    file = join(dir, 'drill.sibi.gz');
    const summary = await createBackup(source, file, context, { secrets: SEALED });
    expect(summary).toMatchObject({ encrypted: true, keyId: expect.stringMatching(/^[0-9a-f]{16}$/) });
    plain = join(dir, 'plain.sibi.gz');
    await createBackup(source, plain, context, { secrets: SIGNED });
    // Every table the fingerprint compares, and the data version's two (backed up, not compared).
    tables = Object.keys(await fingerprint(source)).length + 2;
    expect(summary.tables).toBe(tables);
    expect(summary.rows).toBeGreaterThan(2_750);
  }, 300_000);

  afterAll(async () => {
    await source?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a header with the migration level and every table’s rows and checksum', async () => {
    const header = await readBackupHeader(file, SEALED);
    expect(header.signature).toEqual({ algorithm: 'hmac-sha256', keyId: expect.any(String) });
    expect(header.migrations.map((m) => m.hash)).toEqual(migrationFiles().map((m) => m.hash));
    const reports = header.tables.find((t) => t.name === 'monthly_reports')!;
    expect(reports).toMatchObject({ rows: 2_500, sequences: [{ column: 'id', next: '2501' }] });
    expect(header.tables.find((t) => t.name === 'sessions')!.rows).toBe(0);
    expect(header.tables.find((t) => t.name === 'project_leader_history')!.rows).toBe(51);
    const order = header.tables.map((t) => t.name);
    expect(order.indexOf('projects')).toBeLessThan(order.indexOf('monthly_reports'));
    expect(order.indexOf('users')).toBeLessThan(order.indexOf('user_projects'));
    expect(order.indexOf('users')).toBeLessThan(order.indexOf('project_leader_history'));
  });

  it.each(testDatabases())(
    'restores a signed, encrypted backup into a fresh $name database with every table equal',
    async (into) => {
      expect(readFileSync(file).subarray(0, 40).toString()).toMatch(/^\{"format":"sibi-backup-encrypted"/);
      // Encrypted: not a row's text is readable in the file.
      expect(readFileSync(file).includes(Buffer.from('P0001'))).toBe(false);
      const restored = await into.open();
      try {
        const summary = await restoreBackup(restored, file, context, { secrets: SEALED });
        expect(summary).toMatchObject({ tables, laterMigrations: 0, signature: 'verified', encrypted: true });
        await expectRestored(source, restored);
        // Not the snapshot's data version: one of its own, so no cached answer of before is reused.
        expect(BigInt(await dataVersion(restored.db))).toBeGreaterThan(BigInt(await dataVersion(source.db)));
        const [next] = await queryRows<{ id: number }>(
          restored.db,
          sql`select nextval('projects_id_seq')::int as id`,
        );
        expect(next!.id).toBe(10_001);
      } finally {
        await restored.close();
      }
    },
    300_000,
  );

  it('refuses a database that holds data unless --force, which replaces everything', async () => {
    const restored = await target.open();
    try {
      await load(restored, 'regions', REGIONS.slice(0, 2));
      const before = await fingerprint(restored);
      await expect(restoreBackup(restored, file, context, { secrets: SEALED })).rejects.toThrow(
        /不是空的.*--force/,
      );
      expect(await fingerprint(restored)).toEqual(before);
      await restoreBackup(restored, file, context, { force: true, secrets: SEALED });
      await expectRestored(source, restored);
    } finally {
      await restored.close();
    }
  }, 300_000);

  it('keeps the audit log append-only and every privilege as it was', async () => {
    const restored = await target.open();
    try {
      // As scripts/app-role.sql does for the application role, here for PUBLIC (tests cannot create roles).
      await restored.db.execute(
        sql`alter default privileges in schema public grant select, insert, update, delete on tables to public`,
      );
      await restored.db.execute(
        sql`grant select, insert, update, delete on all tables in schema public to public`,
      );
      await restored.db.execute(sql`revoke update, delete on audit_log from public`);
      await restoreBackup(restored, file, context, { secrets: SEALED });
      const privileges = await queryRows<{
        audit_update: boolean;
        audit_insert: boolean;
        project_update: boolean;
      }>(
        restored.db,
        sql`select has_table_privilege('public', 'audit_log', 'UPDATE') or has_table_privilege('public', 'audit_log', 'DELETE') as audit_update,
                   has_table_privilege('public', 'audit_log', 'INSERT') as audit_insert,
                   has_table_privilege('public', 'projects', 'UPDATE') as project_update`,
      );
      expect(privileges[0]).toEqual({ audit_update: false, audit_insert: true, project_update: true });
      const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(
        restored.db,
        sql`select count(*)::int as n from audit_log`,
      );
      expect(n).toBeGreaterThan(5);
      await expect(restored.db.execute(sql`update audit_log set actor = 'x'`)).rejects.toThrow();
      await expect(restored.db.execute(sql`delete from audit_log`)).rejects.toThrow();
      await expect(restored.db.execute(sql`truncate audit_log`)).rejects.toThrow();
      const disabled = await queryRows(restored.db, sql`select tgname from pg_trigger where tgenabled = 'D'`);
      expect(disabled).toEqual([]);
    } finally {
      await restored.close();
    }
  }, 300_000);

  it('rejects a damaged, cut, forged, re-keyed, unsigned or wrongly encrypted file before writing anything', async () => {
    const text = gunzipSync(readFileSync(plain)).toString('utf8');
    const lines = text.split('\n');
    const row = lines.findIndex((l) => l.startsWith('["410300"'));
    const edited = replaced(lines, row, lines[row]!.replace('洛阳市', '洛阳县'));
    const bytes = readFileSync(plain);
    const sealed = readFileSync(file);
    const stripped = withoutSignature(lines);
    const other = join(dir, 'other-key.sibi.gz');
    await createBackup(source, other, context, { secrets: { signingKey: OTHER_KEY } });
    const unsigned = join(dir, 'unsigned.sibi.gz');
    await createBackup(source, unsigned, context, { unsigned: true });
    const sealedCases: [string, Buffer | string, BackupSecrets, RegExp][] = [
      [
        'sealed-flipped.sibi.gz',
        flip(sealed, Math.floor(sealed.length / 2)),
        SEALED,
        /被截断或改动过|认证标签不符/,
      ],
      ['sealed-tag.sibi.gz', flip(sealed, sealed.length - 3), SEALED, /认证标签不符/],
      ['sealed-cut.sibi.gz', sealed.subarray(0, sealed.length - 1000), SEALED, /认证标签不符|被截断/],
      [
        'sealed-passphrase.sibi.gz',
        sealed,
        { ...SEALED, passphrase: Buffer.from('another passphrase, not this one') },
        /加密口令不符/,
      ],
      ['sealed-no-passphrase.sibi.gz', sealed, SIGNED, /是加密的备份，但未配置加密口令/],
    ];
    const cases: [string, Buffer | string, BackupSecrets, RegExp][] = [
      ['cut.sibi.gz', bytes.subarray(0, Math.floor(bytes.length / 2)), SIGNED, /不完整/],
      ['flipped.sibi.gz', flip(bytes, 200), SIGNED, /./],
      ['plain.txt', Buffer.from('name,code\n'), SIGNED, /不是 gzip/],
      ['foreign.gz', gzipSync('{"hello": 1}\n'), SIGNED, /不是 sibi 备份文件/],
      ['edited.sibi.gz', gzipSync(edited.join('\n')), SIGNED, /regions 的数据与其校验值不符/],
      // Every plain checksum recomputed (the section's SHA-256 and the header's table checksum):
      // only the signature, which needs the key, tells the forgery.
      ['forged.sibi.gz', gzipSync(reChecksummed(edited, 'regions').join('\n')), SIGNED, /签名不符/],
      [
        'resigned.sibi.gz',
        gzipSync(signed(reChecksummed(edited, 'regions'), OTHER_KEY).join('\n')),
        SIGNED,
        /签名不符/,
      ],
      ['short.sibi.gz', gzipSync(lines.slice(0, -2).join('\n')), SIGNED, /不完整/],
      [
        'no-signature-line.sibi.gz',
        gzipSync(lines.filter((l) => !l.startsWith('{"signature"')).join('\n')),
        SIGNED,
        /不完整（在签名处结束）/,
      ],
      [
        'stripped.sibi.gz',
        gzipSync(reChecksummed(withoutSignature(edited), 'regions').join('\n')),
        SIGNED,
        /没有签名.*--unsigned/,
      ],
      ['version-1.sibi.gz', gzipSync(asVersion1(stripped).join('\n')), SIGNED, /没有签名.*--unsigned/],
      [
        'other-key.sibi.gz',
        other,
        SIGNED,
        /由另一把签名密钥签名（备份的密钥标识 [0-9a-f]{16}，当前配置的密钥 [0-9a-f]{16}）/,
      ],
      ['unsigned.sibi.gz', unsigned, SIGNED, /没有签名.*--unsigned/],
      ['no-key.sibi.gz', plain, {}, /已签名（密钥标识 [0-9a-f]{16}），但未配置签名密钥/],
      ...sealedCases,
    ];
    const restored = await target.open();
    try {
      await load(restored, 'regions', REGIONS);
      const before = await fingerprint(restored);
      for (const [name, content, secrets, message] of cases) {
        const bad = typeof content === 'string' ? content : join(dir, name);
        if (typeof content !== 'string') writeFileSync(bad, content);
        const failure = restoreBackup(restored, bad, context, { force: true, secrets });
        await expect(failure, name).rejects.toBeInstanceOf(InputRejectedError);
        await expect(failure, name).rejects.toThrow(message);
        await expect(failure, name).rejects.toThrow(`备份文件 ${bad}：`);
        await expect(failure, name).rejects.toThrow(/未做任何改动$/);
      }
      expect(await fingerprint(restored)).toEqual(before);
      // With --unsigned the unsigned backup, and the signed one without a key, are restored (and say so).
      const loose = await restoreBackup(restored, unsigned, context, { force: true, unsigned: true });
      expect(loose.signature).toBe('unsigned');
      await expectRestored(source, restored);
      const unverified = await restoreBackup(restored, plain, context, { force: true, unsigned: true });
      expect(unverified.signature).toBe('unverified');
      // --unsigned does not pass a forgery when the key is there to check it.
      await expect(
        restoreBackup(restored, join(dir, 'forged.sibi.gz'), context, {
          force: true,
          unsigned: true,
          secrets: SIGNED,
        }),
      ).rejects.toThrow(/签名不符/);
    } finally {
      await restored.close();
    }
  }, 600_000);

  it('refuses to write an unsigned backup unless asked to', async () => {
    const refused = join(dir, 'refused.sibi.gz');
    const failure = createBackup(source, refused, context);
    await expect(failure).rejects.toBeInstanceOf(UsageError);
    await expect(failure).rejects.toThrow(
      /未配置备份签名密钥（SIBI_BACKUP_KEY 或 SIBI_BACKUP_KEY_FILE）.*--unsigned/,
    );
    expect(existsSync(refused)).toBe(false);
  });

  it('rebuilds a migration edited since the backup, and refuses other versions’ or changed tables', async () => {
    const variants: [string, (h: BackupHeader) => void, RegExp | null][] = [
      [
        'edited.sibi.gz',
        (h) => {
          h.migrations.at(-1)!.hash = 'edited';
        },
        null,
      ],
      [
        'branch.sibi.gz',
        (h) => {
          h.migrations.at(-1)!.createdAt += 1;
        },
        /来自另一版本分支/,
      ],
      ['newer.sibi.gz', (h) => void h.migrations.push({ hash: 'x', createdAt: 9e12 }), /较新版本的 sibi/],
      [
        'column.sibi.gz',
        (h) => {
          h.tables[0]!.columns[0]!.type = 'text';
        },
        /的列与该迁移级别的数据库结构不符/,
      ],
    ];
    const restored = await target.open();
    try {
      for (const [name, edit, refusal] of variants) {
        const variant = join(dir, name);
        writeFileSync(variant, withHeader(readFileSync(plain), edit));
        const restore = restoreBackup(restored, variant, context, { force: true, secrets: SIGNED });
        if (refusal) await expect(restore, name).rejects.toThrow(refusal);
        else expect((await restore).changedMigrations).toEqual([migrationFiles().at(-1)!.tag]);
      }
      await expectRestored(source, restored);
    } finally {
      await restored.close();
    }
  }, 300_000);

  it('restores a backup made before later migrations, then applies them to the loaded rows', async () => {
    // Made before the accounts tables (0003), the derived project_months (0004) and the leader
    // history (0007): 0004 must fill project_months from the loaded reports, 0007 the history
    // from the loaded projects' leaders.
    const migrations = migrationFiles();
    const level = migrations.findIndex((m) => m.tag === '0003_accounts_sessions');
    const older = await openUnmigrated(target.name);
    const restored = await target.open();
    try {
      await older.database.db.transaction(async (tx) => {
        await forgetMigrations(tx);
        await applyMigrations(tx, migrations.slice(0, level));
      });
      await load(older.database, 'regions', REGIONS);
      await load(older.database, 'projects', [project('OLD1', { leader: '旧领导' })], {
        year: 2020,
        list: 'province_key',
      });
      // by SQL: this program's import names the unique key that migration 0008 made
      await older.database.db.execute(
        sql`insert into monthly_reports (project_id, province_code, year, month, invest_ytd, invest_month, started, state)
            select id, province_code, 2020, 3, 5000, 5000, true, 'approved' from projects where code = 'OLD1'`,
      );
      // The leader was set by an edit after the project was created, which the audit log kept: the
      // backfilled term starts then.
      await older.database.db.execute(sql`insert into audit_log (at, actor, action, target_type, target_id, outcome, before, after)
        values (now() + interval '1 second', 'test', 'project.update', 'project', 'OLD1', 'ok', '{"leader": null}', '{"leader": "旧领导"}')`);
      const oldFile = join(dir, 'older.sibi.gz');
      await createBackup(older.database, oldFile, context, { secrets: SIGNED });
      expect((await readBackupHeader(oldFile)).migrations).toHaveLength(level);
      const summary = await restoreBackup(restored, oldFile, context, { secrets: SIGNED });
      expect(summary).toMatchObject({ backupMigrations: level, laterMigrations: migrations.length - level });
      const after = await fingerprint(restored);
      const before = await fingerprint(older.database);
      for (const [table, print] of Object.entries(before)) expect(after[table], table).toEqual(print);
      expect(Object.keys(after)).toEqual(Object.keys(await fingerprint(source)));
      expect(after.project_months!.rows).toBeGreaterThan(0);
      const history = await queryRows<{ leader: string; since_edit: boolean; open: boolean }>(
        restored.db,
        sql`select leader, valid_to is null as open,
                   valid_from = (select at from audit_log where action = 'project.update') as since_edit
            from project_leader_history`,
      );
      expect(history).toEqual([{ leader: '旧领导', since_edit: true, open: true }]);
      const [applied] = await queryRows<{ n: number }>(
        restored.db,
        sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
      );
      expect(applied!.n).toBe(migrations.length);
    } finally {
      await restored.close();
      await older.close();
    }
  }, 300_000);
});

/** The file with its header edited, signed again with the key (so only the header's content is tested). */
function withHeader(gzipped: Buffer, edit: (header: BackupHeader) => void): Buffer {
  const lines = gunzipSync(gzipped).toString('utf8').split('\n');
  const header = JSON.parse(lines[0]!) as BackupHeader;
  edit(header);
  return gzipSync(signed(replaced(lines, 0, JSON.stringify(header)), KEY).join('\n'));
}

const replaced = (lines: string[], at: number, line: string) => lines.map((l, i) => (i === at ? line : l));

const flip = (bytes: Buffer, at: number) => Buffer.from(bytes.map((b, i) => (i === at ? b ^ 0xff : b)));

/**
 * A forger's edit without the key: the section's SHA-256 and the header's checksum of the table
 * (the sums of the two 64-bit halves of each row line's SHA-256, src/db/dump/rows.ts) made to match.
 */
function reChecksummed(lines: string[], table: string): string[] {
  const start = lines.indexOf(JSON.stringify({ table }));
  const end = lines.findIndex((l, i) => i > start && l.startsWith('{"end"'));
  const hash = createHash('sha256');
  let high = 0n;
  let low = 0n;
  for (const line of lines.slice(start + 1, end)) {
    hash.update(`${line}\n`);
    const h = createHash('sha256').update(line).digest('hex');
    high += BigInt.asIntN(64, BigInt(`0x${h.slice(0, 16)}`));
    low += BigInt.asIntN(64, BigInt(`0x${h.slice(16, 32)}`));
  }
  const trailer = { ...JSON.parse(lines[end]!), sha256: hash.digest('hex') };
  const header = JSON.parse(lines[0]!) as BackupHeader;
  header.tables.find((t) => t.name === table)!.checksum = `${high}:${low}`;
  return replaced(replaced(lines, end, JSON.stringify(trailer)), 0, JSON.stringify(header));
}

/** The lines with the signature line made with `key` over the lines before it. */
function signed(lines: string[], key: Buffer): string[] {
  const body = lines.filter((l) => l !== '' && !l.startsWith('{"signature"'));
  const hmac = createHmac('sha256', key);
  for (const line of body) hmac.update(`${line}\n`);
  return [...body, JSON.stringify({ signature: hmac.digest('hex') }), ''];
}

/** The signature taken off: the header says unsigned and the signature line is gone. */
function withoutSignature(lines: string[]): string[] {
  const header = JSON.parse(lines[0]!) as BackupHeader;
  header.signature = null;
  return replaced(lines, 0, JSON.stringify(header)).filter((l) => !l.startsWith('{"signature"'));
}

/** As the format before signatures wrote it. */
function asVersion1(lines: string[]): string[] {
  const { signature: _, ...header } = { ...(JSON.parse(lines[0]!) as BackupHeader), formatVersion: 1 };
  return replaced(lines, 0, JSON.stringify(header));
}

/** A database without any migration: PGlite in memory, or a new PostgreSQL database. */
async function openUnmigrated(name: TestDatabase['name']) {
  if (name === 'pglite') {
    const database = await openDatabase({ migrate: false });
    return { database, close: () => database.close() };
  }
  const cli = await createCliTarget('postgres', { unmigrated: true });
  const database = await openDatabase({ url: cli.env.DATABASE_URL, migrate: false });
  return {
    database,
    close: async () => {
      await database.close();
      await cli.cleanup();
    },
  };
}
