// The version guard (issue #14 item 9). A database records its schema version (the journal index of the
// newest migration applied) and the version of the program that last migrated it (table
// schema_version, migration 0015). A program older than either refuses to open it: it would run
// against tables it does not know, and its migrator would take the newer level for its own.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { APP_VERSION } from '../app-version';
import { queryRows, type Tx } from './query';

export interface VersionLevel {
  schemaVersion: number;
  appVersion: string;
}

export class VersionGuardError extends Error {
  constructor(
    readonly recorded: VersionLevel,
    readonly program: VersionLevel,
    readonly location: string,
  ) {
    super(
      `数据库 ${location} 由较新版本的 sibi 迁移过（数据库：sibi ${recorded.appVersion}，结构版本 ${recorded.schemaVersion}；` +
        `本程序：sibi ${program.appVersion}，结构版本 ${program.schemaVersion}），本程序不能打开它，未做任何改动。` +
        `请改用 sibi ${recorded.appVersion} 或更新的版本；要回到旧版本，请用旧版本做的备份恢复到一个新的数据库。`,
    );
    this.name = 'VersionGuardError';
  }
}

/** This program's level: the newest journal index it ships, and package.json's version. */
export function programLevel(migrationsFolder: string): VersionLevel {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { idx: number }[];
  };
  return { schemaVersion: Math.max(...journal.entries.map((e) => e.idx)), appVersion: APP_VERSION };
}

/** What the database records; null before migration 0015 or before the first record. */
export async function recordedLevel(db: Tx): Promise<VersionLevel | null> {
  const [present] = await queryRows<{ present: boolean }>(
    db,
    sql`select to_regclass('drizzle.schema_version') is not null as present`,
  );
  if (!present?.present) return null;
  const [row] = await queryRows<{ schema_version: number; app_version: string }>(
    db,
    sql`select schema_version, app_version from drizzle.schema_version where id = 1`,
  );
  return row ? { schemaVersion: Number(row.schema_version), appVersion: row.app_version } : null;
}

/** Refuses a database that a newer program migrated (a newer schema, or a newer app version). */
export async function guardVersion(db: Tx, program: VersionLevel, location: string): Promise<void> {
  const recorded = await recordedLevel(db);
  if (!recorded) return;
  if (
    recorded.schemaVersion > program.schemaVersion ||
    compareVersions(recorded.appVersion, program.appVersion) > 0
  ) {
    throw new VersionGuardError(recorded, program, location);
  }
}

/** Records the level after migrating (only when it changed, so migrated_at says when it did). */
export async function recordLevel(db: Tx, program: VersionLevel): Promise<void> {
  await db.execute(
    sql`insert into drizzle.schema_version as v (id, schema_version, app_version, migrated_at)
        values (1, ${program.schemaVersion}, ${program.appVersion}, now())
        on conflict (id) do update set schema_version = excluded.schema_version,
          app_version = excluded.app_version, migrated_at = excluded.migrated_at
        where (v.schema_version, v.app_version)
          is distinct from (excluded.schema_version, excluded.app_version)`,
  );
}

/** Compares dotted release numbers (1.10.0 > 1.9.2); a pre-release suffix sorts before its release. */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core = '', pre] = v.trim().split('-', 2);
    return { parts: core.split('.').map((p) => Number.parseInt(p, 10) || 0), pre: pre ?? null };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < Math.max(x.parts.length, y.parts.length); i++) {
    const d = (x.parts[i] ?? 0) - (y.parts[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === null) return 1;
  if (y.pre === null) return -1;
  return x.pre < y.pre ? -1 : 1;
}
