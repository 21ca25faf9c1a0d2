// A multi-byte character split across two chunks of a workbook's XML must be read whole.
// exceljs 4.4.0 decoded every chunk on its own (upstream issues #2063, #2316), turning a CJK
// character that straddles a chunk boundary into U+FFFD; patches/exceljs+4.4.0.patch fixes
// lib/utils/parse-sax.js, which both the streaming and the whole-workbook readers use.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/fixtures/io/samples';
import type { DealRecord } from '../domain/records';
import { parseFile } from './parse-file';
import { writeFile } from './write-file';

const require = createRequire(import.meta.url);
const parseSax = require('exceljs/lib/utils/parse-sax.js') as (
  chunks: AsyncIterable<Buffer | string>,
) => AsyncGenerator<{ eventType: string; value: unknown }[]>;

async function textOf(chunks: (Buffer | string)[]): Promise<string> {
  async function* source() {
    yield* chunks;
  }
  let text = '';
  for await (const events of parseSax(source())) {
    for (const e of events) if (e.eventType === 'text') text += e.value as string;
  }
  return text;
}

describe('the XML reader under exceljs', () => {
  const xml = Buffer.from('<t>汝州市交通运输局 建设教学楼 𠀀</t>', 'utf8');

  it('reads a character whose bytes are split between two chunks', async () => {
    // Split at every byte offset: each CJK character (3 bytes) and the 4-byte one are cut.
    for (let at = 1; at < xml.length; at++) {
      const text = await textOf([xml.subarray(0, at), xml.subarray(at)]);
      expect(text, `split at byte ${at}`).toBe('汝州市交通运输局 建设教学楼 𠀀');
    }
  });

  it('reads one byte at a time', async () => {
    const bytes = Array.from(xml, (b) => Buffer.from([b]));
    expect(await textOf(bytes)).toBe('汝州市交通运输局 建设教学楼 𠀀');
  });

  it('still reads strings handed to it as strings', async () => {
    expect(await textOf(['<t>建设', '教学楼</t>'])).toBe('建设教学楼');
  });
});

describe('a workbook whose shared strings run to megabytes of CJK text', () => {
  let dir = '';
  let cleanup: () => Promise<void> = async () => {};
  beforeAll(async () => ({ dir, cleanup } = await tempDir()));
  afterAll(() => cleanup());

  // Names of uneven length, so character boundaries fall at every offset against the chunk size.
  const deal = (i: number): DealRecord => ({
    name: `中原区同创智能家居智能制造项目${'建设教学楼及配套设施'.repeat(1 + (i % 7))}${i}`,
    regionCode: '410102',
    investor: `河南省${'交通运输'.repeat(1 + (i % 5))}投资集团有限公司`,
    origin: 'out_of_province',
    top500: i % 9 === 0 ? 'china500' : null,
    signedDate: '2020-03-15',
    contractAmount: BigInt(i + 1) * 10_000n,
    fundsInPlace: BigInt(i) * 100n,
    industry: '智能制造',
    startDate: null,
    projectCode: null,
  });

  it('reads every cell back exactly (no U+FFFD) through the streaming reader', async () => {
    const records = Array.from({ length: 12_000 }, (_, i) => deal(i));
    const path = join(dir, 'deals-cjk.xlsx');
    await writeFile('deals', records, path);
    const parsed = await parseFile('deals', path);
    expect(parsed.problems).toEqual([]);
    const read = parsed.records.map((r) => r.record);
    expect(
      read.filter((r) => Object.values(r).some((v) => typeof v === 'string' && v.includes('\uFFFD'))),
    ).toEqual([]);
    expect(read).toEqual(records);
  });
});
