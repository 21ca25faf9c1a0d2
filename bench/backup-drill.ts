// The restore drill on the demo province (docs/security.md → 备份与恢复演练): back up, restore into a
// fresh database, and compare every table's row count and digest, computed independently.
// Usage: npx tsx bench/backup-drill.ts [--into postgres://…/empty_db] [--plain]
// Signed and encrypted as configured (SIBI_BACKUP_KEY, SIBI_BACKUP_PASSPHRASE), with a random key and
// passphrase for the drill where none is; --plain: signed only.
// Source: PGlite in .bench-data/backup-drill (the demo is loaded when it holds none), or DATABASE_URL.
// Target: a new PGlite folder, or with --into an empty PostgreSQL database.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/db/client';
import { readSetting } from '../src/db/lookups';
import { createBackup } from '../src/services/backup';
import { backupSecretsFromEnv } from '../src/services/backup-keys';
import { loadDemo } from '../src/services/load-demo';
import { restoreBackup } from '../src/services/restore-backup';
import { fingerprint } from '../test/helpers/fingerprint';
import { arg, peakRssKib } from './lib';

const context = { actor: 'bench', ip: null, now: new Date() };
const url = process.env.DATABASE_URL;
const into = arg('into', '');
const dir = mkdtempSync(join(tmpdir(), 'sibi-drill-'));
const file = join(dir, 'demo.sibi.gz');
const configured = backupSecretsFromEnv();
const secrets = {
  signingKey: configured.signingKey ?? randomBytes(32),
  ...(process.argv.includes('--plain') ? {} : { passphrase: configured.passphrase ?? randomBytes(32) }),
};

const source = await openDatabase(url ? { url } : { dataDir: '.bench-data/backup-drill' });
// Any version of the demo will do: the drill is about the copy, not the figures.
if ((await readSetting(source.db, 'demo.fingerprint', null)) === null) await loadDemo(source);
const cpu = () => process.cpuUsage().user / 1e6;
let start = cpu();
const backup = await createBackup(source, file, context, { secrets });
const backupCpu = cpu() - start;
const target = await openDatabase(into ? { url: into, migrate: false } : { dataDir: join(dir, 'restored') });
start = cpu();
const restore = await restoreBackup(target, file, context, { secrets });
const restoreCpu = cpu() - start;
const [before, after] = [await fingerprint(source), await fingerprint(target)];
const equal = Object.keys(before).filter(
  (t) => t === 'sessions' || JSON.stringify(before[t]) === JSON.stringify(after[t]),
);
await Promise.all([source.close(), target.close()]);
rmSync(dir, { recursive: true, force: true });

console.log(`${source.kind} → ${target.kind}, ${secrets.passphrase ? 'signed and encrypted' : 'signed'}`);
console.log(
  `tables ${backup.tables}, rows ${backup.rows}, file ${(backup.bytes / 1024 / 1024).toFixed(1)} MB`,
);
console.log(`backup ${backup.seconds.toFixed(1)} s, restore ${restore.seconds.toFixed(1)} s`);
// This process's CPU: all of the work on PGlite, the client's share on PostgreSQL.
console.log(`process CPU: backup ${backupCpu.toFixed(1)} s, restore ${restoreCpu.toFixed(1)} s`);
console.log(`tables equal after restore (rows and md5): ${equal.length} of ${Object.keys(before).length}`);
console.log(`peak RSS ${(peakRssKib() / 1024).toFixed(0)} MiB`);
if (equal.length !== Object.keys(before).length) process.exitCode = 1;
