import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/fixtures/io/samples';
import { decodeFile, detectEncoding } from './csv-decode';

let dir = '';
let cleanup: () => Promise<void> = async () => {};
beforeAll(async () => ({ dir, cleanup } = await tempDir()));
afterAll(() => cleanup());

async function decodeAll(path: string): Promise<string> {
  let text = '';
  for await (const chunk of decodeFile(path, await detectEncoding(path))) text += chunk;
  return text;
}

const TEXT = '项目代码,项目名称\r\n2020-410300-47-01-012345,洛阳市𠀀重点项目（一期）\r\n';

describe('CSV encodings', () => {
  it('UTF-8 with BOM: detected, BOM dropped', async () => {
    const path = join(dir, 'bom.csv');
    await writeFile(path, `\uFEFF${TEXT}`, 'utf8');
    expect(await detectEncoding(path)).toBe('utf-8');
    expect(await decodeAll(path)).toBe(TEXT);
  });

  it('UTF-8 without BOM', async () => {
    const path = join(dir, 'plain.csv');
    await writeFile(path, TEXT, 'utf8');
    expect(await detectEncoding(path)).toBe('utf-8');
    expect(await decodeAll(path)).toBe(TEXT);
  });

  it('GB18030 (and so GBK): not valid UTF-8, decoded as gb18030, including 4-byte characters', async () => {
    const path = join(dir, 'gb.csv');
    await writeFile(path, iconv.encode(TEXT, 'gb18030'));
    expect(await detectEncoding(path)).toBe('gb18030');
    expect(await decodeAll(path)).toBe(TEXT);
  });

  it('multi-byte characters split across read chunks decode intact', async () => {
    const path = join(dir, 'long.csv');
    const long = `x${'重点项目'.repeat(50_000)}`; // odd byte offset: 2-byte characters straddle 64 KiB reads
    await writeFile(path, iconv.encode(long, 'gb18030'));
    expect(await decodeAll(path)).toBe(long);
    await writeFile(path, long, 'utf8');
    expect(await decodeAll(path)).toBe(long);
  });
});
