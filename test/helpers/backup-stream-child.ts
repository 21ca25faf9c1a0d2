// Run by src/services/backup-stream.test.ts in a child process with a small heap
// (node --max-old-space-size=64 --import tsx): writes a signed, encrypted backup of `rows` made-up
// rows of about 2 kB, reads it back through every check, and prints the peak resident memory.
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupHeader,
  signatureOf,
  writeBackupFile,
} from '../../src/services/backup-file';
import { verifyBackup } from '../../src/services/backup-read';

const [file, count] = process.argv.slice(2);
const rows = Number(count);
const secrets = {
  signingKey: Buffer.from('a signing key for the streaming test, 32+ chars'),
  passphrase: Buffer.from('a passphrase for the streaming test'),
};
const header: BackupHeader = {
  format: BACKUP_FORMAT,
  formatVersion: BACKUP_FORMAT_VERSION,
  signature: signatureOf(secrets),
  appVersion: 'test',
  createdAt: new Date().toISOString(),
  source: { database: 'pglite', serverVersion: 'test' },
  migrations: [{ hash: 'h', createdAt: 1 }],
  omitted: [],
  tables: [
    {
      name: 'big',
      columns: ['id', 'name', 'noise', 'day', 'amount'].map((name) => ({ name, type: 'text' })),
      rows,
      checksum: 'unused here',
      sequences: [],
    },
  ],
};
let text = 0;
async function* batches() {
  for (let i = 0; i < rows; i += 500) {
    // Incompressible noise: the file is about as large as the text.
    const batch = Array.from({ length: Math.min(500, rows - i) }, (_, j) =>
      JSON.stringify([
        String(i + j),
        `项目${i + j}`,
        randomBytes(1_536).toString('base64'),
        '2020-03-15',
        String(i),
      ]),
    );
    text += batch.reduce((n, l) => n + l.length + 1, 0);
    yield batch;
  }
}
await writeBackupFile(file!, header, batches, secrets);
const reading = await verifyBackup(file!, { secrets });
const peak = Number(/VmHWM:\s+(\d+)\s+kB/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) / 1024;
process.stdout.write(
  `${JSON.stringify({ textMiB: text / 2 ** 20, fileMiB: statSync(file!).size / 2 ** 20, peakMiB: peak, signature: reading.signature })}\n`,
);
