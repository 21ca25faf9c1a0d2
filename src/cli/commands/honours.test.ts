// `sibi honours` and `sibi public-link` as a user runs them (in the test’s process on a PGlite folder; the
// SQL underneath is tested on both databases in src/http/routes/public-results.test.ts): a file with a
// bad row is refused with file, row and column and exit 1, nothing written; a good one becomes a
// draft, is published once, and gets a public link under SIBI_PUBLIC_URL.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sibiInProcess as sibi } from '../../../test/helpers/cli-in-process';
import { preparedDataDir } from '../../../test/helpers/databases';
import { load, REGIONS } from '../../../test/helpers/factories';
import { openDatabase } from '../../db/client';

describe('sibi honours / sibi public-link (PGlite)', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sibi-honours-'));
    const dataDir = join(dir, 'data');
    const database = await openDatabase({ dataDir: await preparedDataDir(dataDir) });
    await load(database, 'regions', REGIONS);
    await database.close();
    env = { SIBI_DATA_DIR: dataDir, SIBI_PUBLIC_URL: 'https://sibi.example.gov.cn/' };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a bad file whole, then imports, publishes and links a good one', async () => {
    const bad = join(dir, '名单.csv');
    writeFileSync(
      bad,
      '序号,名称,地区代码,类别,备注\n1,洛阳建设集团,410300,先进单位,\n1,焦作某公司,410800,,\n3,,410800,,\n',
    );
    const refused = await sibi(['honours', 'import', bad, '--title', '先进单位', '--year', '2020'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('名单.csv：');
    expect(refused.stderr).toContain('名单.csv 第4行 列「名称」：必填项为空');
    expect(refused.stderr).toMatch(/名单\.csv 第3行 列「序号」.*重复/);

    const good = join(dir, 'good.csv');
    writeFileSync(good, '序号,名称,地区代码\n1,洛阳建设集团,410300\n2,焦作某公司,410800\n');
    const imported = await sibi(
      ['honours', 'import', good, '--title', '2020年度先进单位', '--year', '2020', '--json'],
      env,
    );
    expect(imported.code).toBe(0);
    const list = JSON.parse(imported.stdout) as {
      id: number;
      publishedAt: string | null;
      entries: unknown[];
    };
    expect(list.id).toBe(1); // the refused file wrote nothing
    expect(list.publishedAt).toBeNull();
    expect(list.entries).toHaveLength(2);
    // A draft has no public link.
    expect((await sibi(['public-link', 'honours', String(list.id)], env)).code).toBe(1);
    const published = await sibi(['honours', 'publish', String(list.id)], env);
    expect(published.code).toBe(0);
    expect(published.stdout).toContain('已发布，不可更改');
    expect((await sibi(['honours', 'publish', String(list.id)], env)).code).toBe(1);
    const link = await sibi(['public-link', 'honours', String(list.id), '--json'], env);
    expect(link.code).toBe(0);
    const { shortUrl, created } = JSON.parse(link.stdout) as { shortUrl: string; created: boolean };
    expect(created).toBe(true);
    expect(shortUrl).toMatch(/^https:\/\/sibi\.example\.gov\.cn\/p\/[a-km-np-z2-9]{10}$/);
    const revoked = await sibi(['public-link', 'honours', String(list.id), '--revoke'], env);
    expect(revoked.stdout).toBe(`已撤销：${shortUrl.split('/p/')[1]}\n`);
    expect((await sibi(['public-link', 'other', '1'], env)).code).toBe(2);
  }, 300_000);
});
