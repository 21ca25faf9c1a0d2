// Memory under hostile uploads, against a real `sibi serve` child: three 45 MB CSV files, each one
// huge quoted field, uploaded at once by three accounts, and an .xlsx whose one shared string is
// 400 MB. The server must refuse them (422, or 429 past the concurrent-upload limit), stay up, and
// its peak resident memory (VmHWM from /proc) stay bounded. Also: a second upload by the same
// account while its first is still arriving gets 429 with Retry-After.
import { closeSync, mkdtempSync, openAsBlob, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, createDeflateRaw, inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client';
import { minimalXlsx } from './fixtures/io/hostile';
import { fakeZip } from './fixtures/io/zip';
import { preparedDataDir } from './helpers/databases';
import { load, REGIONS } from './helpers/factories';
import { Client, createTestAccount, TEST_PASSWORD } from './helpers/http';
import { peakRssMiB, type ServerChild, startServeChild } from './helpers/serve-child';

const MiB = 1024 * 1024;
const CSV_BYTES = 45 * MiB;
const SHARED_STRING_BYTES = 400 * MiB;
/** The bound asserted on the server's peak RSS (PGlite alone takes a few hundred MB). */
const PEAK_BOUND_MIB = 1200;
const HEADER = '签约项目名称,地区代码,投资方来源,签约日期,合同投资额(万元)\n';

/** A deals CSV of exactly `bytes`: the header, then one record whose first field fills the file. */
function hugeFieldCsv(path: string, bytes: number, fill: string): void {
  const tail = '",410300,省外,2020-06-01,1200\n';
  const head = `${HEADER}"`;
  let left = bytes - Buffer.byteLength(head) - Buffer.byteLength(tail);
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, head);
    const block = Buffer.alloc(MiB, fill);
    while (left > 0) {
      const piece = left >= block.length ? block : block.subarray(0, left);
      writeSync(fd, piece);
      left -= piece.length;
    }
    writeSync(fd, tail);
  } finally {
    closeSync(fd);
  }
}

/** An .xlsx whose shared-string table holds one string of `bytes` (deflated, it is a few hundred kB). */
async function hugeSharedStringXlsx(bytes: number): Promise<Buffer> {
  const open =
    '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>';
  const close = '</t></si></sst>';
  const deflate = createDeflateRaw({ level: 1 });
  const chunks: Buffer[] = [];
  deflate.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  let crc = 0;
  const write = async (piece: Buffer) => {
    crc = crc32(piece, crc);
    if (!deflate.write(piece)) await new Promise((r) => deflate.once('drain', r));
  };
  await write(Buffer.from(open));
  const block = Buffer.alloc(16 * MiB, 'x');
  for (let left = bytes; left > 0; left -= block.length)
    await write(left >= block.length ? block : block.subarray(0, left));
  await write(Buffer.from(close));
  deflate.end();
  await done;
  const size = Buffer.byteLength(open) + bytes + Buffer.byteLength(close);
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`;
  // The parts of a minimal workbook, with the huge table in place of its empty one.
  const { entries } = parseFakeZipNames(minimalXlsx(sheet));
  return fakeZip([
    ...entries.filter((e) => e.name !== 'xl/sharedStrings.xml'),
    { name: 'xl/sharedStrings.xml', size, deflated: { data: Buffer.concat(chunks), crc } },
  ]);
}

/** The entries of a small zip made by fakeZip, read back (stored deflated; inflated here). */
function parseFakeZipNames(zip: Buffer): { entries: { name: string; size: number; content: Buffer }[] } {
  const entries: { name: string; size: number; content: Buffer }[] = [];
  let at = 0;
  while (zip.readUInt32LE(at) === 0x04034b50) {
    const method = zip.readUInt16LE(at + 8);
    const compressed = zip.readUInt32LE(at + 18);
    const nameLength = zip.readUInt16LE(at + 26);
    const extraLength = zip.readUInt16LE(at + 28);
    const name = zip.subarray(at + 30, at + 30 + nameLength).toString();
    const start = at + 30 + nameLength + extraLength;
    const data = zip.subarray(start, start + compressed);
    const content = method === 8 ? inflateRawSync(data) : Buffer.from(data);
    entries.push({ name, size: content.length, content });
    at = start + compressed;
  }
  return { entries };
}

async function upload(client: Client, path: string, name: string) {
  const form = new FormData();
  form.append('file', await openAsBlob(path), name);
  return client.request('POST', '/api/import/deals', form);
}

describe('hostile uploads against a real server: bounded memory', () => {
  let dir = '';
  let server: ServerChild;
  const users = ['mem_a', 'mem_b', 'mem_c'];
  const clients: Client[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sibi-upload-memory-'));
    const dataDir = join(dir, 'data');
    const database = await openDatabase({ dataDir: await preparedDataDir(dataDir) });
    await load(database, 'regions', REGIONS);
    for (const username of users)
      await createTestAccount(database, { username, role: 'city_officer', regionCode: '410300' });
    await database.close();
    for (const [i, fill] of ['a', 'b', 'c'].entries())
      hugeFieldCsv(join(dir, `huge-${i}.csv`), CSV_BYTES, fill);
    writeFileSync(join(dir, 'huge-string.xlsx'), await hugeSharedStringXlsx(SHARED_STRING_BYTES));
    writeFileSync(join(dir, 'long-string.xlsx'), await hugeSharedStringXlsx(50 * MiB));
    server = await startServeChild({ SIBI_DATA_DIR: dataDir });
    for (const username of users) {
      const client = new Client(server.url);
      expect((await client.login(username, TEST_PASSWORD)).status).toBe(200);
      clients.push(client);
    }
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses three 45 MB one-field CSV files uploaded at once, and stays up with bounded memory', async () => {
    const before = peakRssMiB(server.pid);
    const replies = await Promise.all(
      clients.map((client, i) => upload(client, join(dir, `huge-${i}.csv`), `huge-${i}.csv`)),
    );
    const statuses = replies.map((r) => r.status);
    expect(
      statuses.every((s) => s === 422 || s === 429),
      JSON.stringify(replies.map((r) => r.body)),
    ).toBe(true);
    expect(statuses.filter((s) => s === 422).length).toBeGreaterThanOrEqual(2); // the server takes two at once
    for (const reply of replies.filter((r) => r.status === 429)) {
      expect(reply.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(reply.body.error.message).toMatch(/稍后/);
    }
    for (const reply of replies.filter((r) => r.status === 422)) {
      expect(JSON.stringify(reply.body)).toMatch(/超过 2 MB/);
    }
    // The refused ones, again, now that the others are done.
    for (const [i, reply] of replies.entries()) {
      if (reply.status !== 429) continue;
      const again = await upload(clients[i]!, join(dir, `huge-${i}.csv`), `huge-${i}.csv`);
      expect(again.status).toBe(422);
    }
    const peak = peakRssMiB(server.pid);
    console.log(
      `3 x 45 MB CSV: statuses ${statuses.join(', ')}; server VmHWM ${Math.round(before)} -> ${Math.round(peak)} MiB`,
    );
    expect(server.alive()).toBe(true);
    expect(peak).toBeLessThan(PEAK_BOUND_MIB);
    expect((await clients[0]!.get('/api/auth/me')).status).toBe(200);
  }, 300_000);

  it('refuses an .xlsx whose one shared string is 400 MB before reading it', async () => {
    const reply = await upload(clients[0]!, join(dir, 'huge-string.xlsx'), 'huge-string.xlsx');
    expect(reply.status).toBe(422);
    expect(JSON.stringify(reply.body)).toMatch(/共享字符串表解压后超过 100 MB|超过 1 MB 的文本/);
    const peak = peakRssMiB(server.pid);
    console.log(
      `400 MB shared string: ${reply.body.error.details?.[0]?.reason}; server VmHWM ${Math.round(peak)} MiB`,
    );
    expect(server.alive()).toBe(true);
    expect(peak).toBeLessThan(PEAK_BOUND_MIB);
    // Under the table's cap, one 50 MB string is still no cell: refused while the zip is checked.
    const long = await upload(clients[0]!, join(dir, 'long-string.xlsx'), 'long-string.xlsx');
    expect(long.status).toBe(422);
    expect(JSON.stringify(long.body)).toContain('xl/sharedStrings.xml 含一段超过 1 MB 的文本');
    expect(peakRssMiB(server.pid)).toBeLessThan(PEAK_BOUND_MIB);
  }, 300_000);

  it('answers 429 with Retry-After to a second upload by an account whose first is still arriving', async () => {
    // The first upload's body is held open, so it is certainly still in progress.
    let finish!: () => void;
    const held = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const boundary = 'sibi-held-upload';
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(
          new TextEncoder().encode(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="slow.csv"\r\nContent-Type: text/csv\r\n\r\n${HEADER}`,
          ),
        );
        await held;
        controller.enqueue(
          new TextEncoder().encode(`本市签约,410300,省外,2020-06-01,1200\r\n--${boundary}--\r\n`),
        );
        controller.close();
      },
    });
    const first = fetch(`${server.url}/api/import/deals?dryRun=true`, {
      method: 'POST',
      body,
      duplex: 'half',
      headers: {
        cookie: clients[1]!.cookie,
        'x-csrf-token': clients[1]!.csrf,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
    } as RequestInit);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const second = await upload(clients[1]!, join(dir, 'huge-0.csv'), 'huge-0.csv');
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(second.body.error.message).toContain('您已有一个文件正在导入');
    // Another account is not held up by it.
    const other = await upload(clients[2]!, join(dir, 'huge-2.csv'), 'huge-2.csv');
    expect(other.status).toBe(422);
    finish();
    expect((await first).status).toBe(200);
    // Once the first is done, the same account may upload again.
    expect((await upload(clients[1]!, join(dir, 'huge-1.csv'), 'huge-1.csv')).status).toBe(422);
  }, 300_000);
});
