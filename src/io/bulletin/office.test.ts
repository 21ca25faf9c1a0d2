// The Word files open in a real office suite: LibreOffice converts the province bulletin (with a
// month of 700 warned projects, the size that once made a 126-page 附件) and a city summary to PDF;
// poppler then reads back the page size (A4 throughout, landscape 附件 pages included), the page
// count, the fonts (embedded, resolved to CJK faces) and the text (title and key figures).
// Needs `soffice` (libreoffice-writer-nogui) and poppler-utils on PATH; CI installs them. Without
// soffice the suite is skipped with a message; without poppler it fails.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCitySummary } from '../../domain/bulletin/city';
import { buildProvinceBulletin } from '../../domain/bulletin/province';
import {
  earlierQuarters,
  luoyangFigures,
  manyWarnings,
  provinceFigures,
  Q3,
  source,
} from '../../domain/bulletin/testing/fixtures';
import { renderBulletin } from './render';
import { unzipEntries } from './testing/unzip';

const run = promisify(execFile);

function onPath(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const HAS_SOFFICE = onPath('soffice');
if (!HAS_SOFFICE) {
  console.warn('office.test.ts skipped: soffice (LibreOffice) is not on PATH; CI installs it');
}

/** Page counts the documents must stay within (measured: province 11, city 2). */
const MAX_PROVINCE_PAGES = 16;
const MAX_CITY_PAGES = 3;
const A4 = { short: 595.3, long: 841.9 };

const province = buildProvinceBulletin({
  province: { code: '410000', name: '河南省' },
  period: Q3,
  evaluation: source({ kind: 'published', id: 7, publishedAt: '2020-10-12', hash: 'abc', figures: 'stored' }),
  figures: provinceFigures(),
  earlier: earlierQuarters(),
  issuer: '河南省重点项目建设办公室',
  date: '2020-10-15',
  simulated: false,
  warnings: manyWarnings(60, 40),
});

const city = buildCitySummary({
  unit: { code: '410300', name: '洛阳市' },
  parent: { code: '410000', name: '河南省', kind: 'province' },
  period: Q3,
  evaluation: source({ kind: 'published', id: 7, publishedAt: '2020-10-12', hash: 'abc', figures: 'stored' }),
  figures: luoyangFigures(),
  earlier: earlierQuarters(),
  date: '2020-10-15',
  simulated: false,
});

interface Pdf {
  pages: number;
  sizes: { width: number; height: number }[];
  fonts: { name: string; type: string; embedded: boolean }[];
  /** The text without any whitespace (line breaks fall inside titles and figures). */
  text: string;
}

async function readPdf(path: string): Promise<Pdf> {
  const info = (await run('pdfinfo', ['-f', '1', '-l', '999', path])).stdout;
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
  const fontLines = (await run('pdffonts', [path])).stdout.split('\n').slice(2).filter(Boolean);
  const fonts = fontLines.map((line) => {
    // name, type (may hold spaces: "Type 1", "CID TrueType"), encoding, emb, sub, uni, object, id
    const cols = line.trim().split(/\s+/);
    return { name: cols[0]!, type: cols.slice(1, -6).join(' '), embedded: cols.at(-5) === 'yes' };
  });
  const text = (await run('pdftotext', ['-enc', 'UTF-8', path, '-'])).stdout.replace(/\s+/g, '');
  return { pages, sizes, fonts, text };
}

const isA4 = (s: { width: number; height: number }) => {
  const [short, long] = [Math.min(s.width, s.height), Math.max(s.width, s.height)];
  return Math.abs(short - A4.short) < 1 && Math.abs(long - A4.long) < 1;
};

describe.skipIf(!HAS_SOFFICE)('the bulletins in LibreOffice', () => {
  let dir: string;
  const pdf: Record<'province' | 'city', Pdf> = {} as never;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sibi-office-'));
    writeFileSync(join(dir, 'province.docx'), await renderBulletin(province, 'docx'));
    writeFileSync(join(dir, 'city.docx'), await renderBulletin(city, 'docx'));
    // A private profile: parallel runs (and a user's own LibreOffice) do not collide.
    const profile = `file://${join(dir, 'lo-profile')}`;
    await run(
      'soffice',
      [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        join(dir, 'province.docx'),
        join(dir, 'city.docx'),
      ],
      { timeout: 170_000 },
    );
    pdf.province = await readPdf(join(dir, 'province.pdf'));
    pdf.city = await readPdf(join(dir, 'city.pdf'));
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lays every page out on A4, the first portrait', () => {
    for (const doc of [pdf.province, pdf.city]) {
      expect(doc.sizes).toHaveLength(doc.pages);
      expect(doc.sizes.every(isA4), JSON.stringify(doc.sizes)).toBe(true);
      expect(doc.sizes[0]!.width).toBeLessThan(doc.sizes[0]!.height);
    }
    // the ranking and warning 附件 are landscape sections
    expect(pdf.province.sizes.some((s) => s.width > s.height)).toBe(true);
  });

  it('stays a document: 700 warned projects do not make a hundred pages', () => {
    expect(pdf.province.pages).toBeGreaterThanOrEqual(5);
    expect(pdf.province.pages).toBeLessThanOrEqual(MAX_PROVINCE_PAGES);
    expect(pdf.city.pages).toBeGreaterThanOrEqual(1);
    expect(pdf.city.pages).toBeLessThanOrEqual(MAX_CITY_PAGES);
  });

  it('embeds its fonts, the Chinese text in a CJK face', () => {
    for (const doc of [pdf.province, pdf.city]) {
      expect(doc.fonts.length).toBeGreaterThan(0);
      expect(doc.fonts.filter((f) => !f.embedded)).toEqual([]);
      expect(doc.fonts.filter((f) => f.type === 'Type 3')).toEqual([]);
      expect(doc.fonts.map((f) => f.name).join(' ')).toMatch(/CJK|Song|Fang|Hei|Kai|GB2312|Han/i);
    }
  });

  it('reads back the title and the key figures', () => {
    const p = pdf.province.text;
    expect(p).toContain('关于2020年第三季度全省重点项目“四比四看”活动综合考评结果的通报');
    expect(p).toContain('全省9830个省市重点项目年度计划投资23000亿元');
    expect(p).toContain('郑州市、开封市并列第三');
    expect(p).toContain('2020年9月重点项目红黄灯预警情况');
    expect(p).toContain('另有57个红灯项目');
    expect(p).toContain('河南省重点项目建设办公室');
    const c = pdf.city.text;
    expect(c).toContain('我市再获全省第一');
    expect(c).toContain('515个省市重点项目共完成投资1532亿元');
  });
});

describe('the Word files declare GB/T 9704', () => {
  it('A4, margins 37/35/28/26 mm, body 仿宋_GB2312 3号, title 方正小标宋简体 2号', async () => {
    for (const doc of [province, city]) {
      const files = unzipEntries(await renderBulletin(doc, 'docx'));
      const xml = files.get('word/document.xml')!.toString('utf8');
      expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
      // twips: 37 mm = 2097, 26 mm = 1474, 35 mm = 1984, 28 mm = 1587
      expect(xml).toContain('<w:pgMar w:top="2097" w:right="1474" w:bottom="1984" w:left="1587"');
      expect(xml).toMatch(/w:eastAsia="仿宋_GB2312"[^>]*\/><w:sz w:val="32"\/>/);
      expect(xml).toMatch(/w:eastAsia="方正小标宋简体"[^>]*\/><w:sz w:val="44"\/>/);
      const fonts = files.get('word/fontTable.xml')!.toString('utf8');
      for (const [name, alt] of [
        ['方正小标宋简体', '华文中宋'],
        ['华文中宋', 'SimSun'],
        ['仿宋_GB2312', '仿宋'],
        ['仿宋', 'FangSong'],
      ]) {
        expect(fonts).toContain(`<w:font w:name="${name}"><w:altName w:val="${alt}"/>`);
      }
      expect(fonts).toContain('<w:font w:name="Noto Serif CJK SC">');
      expect(fonts).toContain('<w:font w:name="Noto Sans CJK SC">');
    }
  });
});
