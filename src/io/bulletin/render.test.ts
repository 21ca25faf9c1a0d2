import { describe, expect, it } from 'vitest';
import { buildCitySummary } from '../../domain/bulletin/city';
import { buildProvinceBulletin } from '../../domain/bulletin/province';
import {
  earlierQuarters,
  luoyangFigures,
  provinceFigures,
  Q3,
  source,
} from '../../domain/bulletin/testing/fixtures';
import { fontTableXml } from './docx';
import { escapeHtml } from './html';
import { escapeMarkdown } from './markdown';
import { renderBulletin } from './render';
import { unzipEntries } from './testing/unzip';

const province = buildProvinceBulletin({
  province: { code: '410000', name: '河南省' },
  period: Q3,
  evaluation: source(),
  figures: provinceFigures(),
  earlier: earlierQuarters(),
  issuer: '河南省重点项目建设办公室',
  date: '2020-10-15',
  simulated: true,
});

const city = buildCitySummary({
  unit: { code: '410300', name: '洛阳市' },
  parent: { code: '410000', name: '河南省', kind: 'province' },
  period: Q3,
  evaluation: source({
    kind: 'published',
    id: 3,
    publishedAt: '2020-10-12',
    hash: 'abcdef0123456789',
    figures: 'stored',
  }),
  figures: luoyangFigures(),
  earlier: earlierQuarters(),
  date: '2020-10-15',
  simulated: false,
});

const SEED_PROGRESS =
  '515个省市重点项目共完成投资1532亿元，占年度目标的96.9%，计划新开工重点项目253个，已开工250个，占年度计划的98.8%；728个省“982”补短板项目开工率99.18%，完成投资1847亿元，占年度计划的102%';

describe('markdown', () => {
  it('holds the title, the sentences and the ranking table', async () => {
    const md = (await renderBulletin(province, 'md')).toString('utf8');
    expect(md).toContain('# 关于2020年第三季度全省重点项目“四比四看”活动综合考评结果的通报');
    expect(md).toContain('> **模拟数据 · 草稿**');
    expect(md).toContain('## 二、省辖市（含济源示范区）考评结果');
    expect(md).toContain('### （一）综合排名');
    expect(md).toContain('郑州市、开封市并列第三（73.29分）');
    expect(md).toContain('| 并列3 | 郑州市 | 8.87 | 8.41 | 35.13 | 20.88 | 73.29 | 0.00 | 0.00 | 73.29 |');
    expect(md).toContain('| 名次 | 单位 | 比谋划看储备（20分） |');
  });

  it('writes the city summary in the seed words, the 附表 before the notes', async () => {
    const md = (await renderBulletin(city, 'md')).toString('utf8');
    expect(md).toContain('# 我市再获全省第一');
    expect(md).toContain('我市继在第一、二季度夺得头名后，于第三季度再获全省第一。');
    expect(md).toContain(SEED_PROGRESS);
    expect(md.indexOf('## 附表')).toBeLessThan(md.indexOf('- 本文依据2020年10月12日发布的考评结果'));
  });

  it('escapes markup characters', () => {
    expect(escapeMarkdown('a|b*c_d')).toBe('a\\|b\\*c\\_d');
  });
});

describe('html', () => {
  it('is one self-contained zh-CN page with print CSS', async () => {
    const html = (await renderBulletin(province, 'html')).toString('utf8');
    expect(html).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
    expect(html).toContain('@page { size: A4; margin: 37mm 26mm 35mm 28mm;');
    expect(html).toContain('size: A4 landscape');
    expect(html).toContain('"仿宋_GB2312"');
    expect(html).toContain('"方正小标宋简体"');
    expect(html).not.toMatch(/<(link|script|img)\b|url\(|https?:/);
    // The title breaks at a phrase boundary, not inside “四比四看”.
    expect(html).toContain('<h1>关于2020年第三季度全省重点项目<br>“四比四看”活动综合考评结果的通报</h1>');
    expect(html).toContain('<td style="text-align:center">并列3</td>');
  });

  it('carries the city summary sentences', async () => {
    const html = (await renderBulletin(city, 'html')).toString('utf8');
    expect(html).toContain(`${SEED_PROGRESS}。`);
    expect(html).toContain('<h1>我市再获全省第一</h1>');
  });

  it('escapes text', () => {
    expect(escapeHtml('<a href="x">&')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;');
  });
});

/** Asserts a substring without printing the whole XML part when it is missing. */
function has(xml: string, part: string): void {
  expect(xml.includes(part), `missing ${part}`).toBe(true);
}

describe('docx', () => {
  it('is a valid package whose document names the title, the fonts and the layout', async () => {
    const zip = await renderBulletin(province, 'docx');
    expect(zip.subarray(0, 2).toString('latin1')).toBe('PK');
    const files = unzipEntries(zip);
    expect([...files.keys()]).toEqual(
      expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/fontTable.xml']),
    );
    const doc = files.get('word/document.xml')!.toString('utf8');
    has(doc, '关于2020年第三季度全省重点项目');
    has(doc, '“四比四看”活动综合考评结果的通报');
    for (const font of ['方正小标宋简体', '仿宋_GB2312', '黑体', '楷体_GB2312'])
      has(doc, `w:eastAsia="${font}"`);
    has(doc, 'w:eastAsia="zh-CN"');
    // A4, margins 37/35/28/26 mm, fixed 29 pt lines, two-character first-line indent.
    has(doc, '<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    has(doc, '<w:pgMar w:top="2097" w:right="1474" w:bottom="1984" w:left="1587"');
    has(doc, 'w:line="580" w:lineRule="exact"');
    has(doc, 'w:firstLineChars="200"');
    // The appendix table: a landscape section with bordered cells.
    has(doc, 'w:orient="landscape"');
    has(doc, '<w:tblBorders>');
    has(doc, '并列3');
  });

  it('numbers pages "— 1 —" with a PAGE field, odd right and even left', async () => {
    const files = unzipEntries(await renderBulletin(province, 'docx'));
    const footers = [...files.entries()]
      .filter(([name]) => /^word\/footer\d+\.xml$/.test(name))
      .map(([, b]) => b.toString('utf8'));
    expect(footers.length).toBeGreaterThanOrEqual(2);
    for (const f of footers) {
      expect(/<w:instrText[^>]*>PAGE<\/w:instrText>/.test(f), 'PAGE field').toBe(true);
      has(f, '— </w:t>');
      has(f, 'w:eastAsia="宋体"');
    }
    has(files.get('word/settings.xml')!.toString('utf8'), '<w:evenAndOddHeaders/>');
  });

  it('declares the fallbacks of the official fonts in the font table', () => {
    const xml = fontTableXml();
    expect(xml).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="华文中宋"/>');
    expect(xml).toContain('<w:font w:name="华文中宋"><w:altName w:val="SimSun"/>');
    expect(xml).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(xml).toContain('<w:font w:name="Noto Serif CJK SC">');
  });

  it('puts the font table into the package', async () => {
    const files = unzipEntries(await renderBulletin(city, 'docx'));
    expect(files.get('word/fontTable.xml')!.toString('utf8')).toBe(fontTableXml());
    const doc = files.get('word/document.xml')!.toString('utf8');
    has(doc, '我市再获全省第一');
    expect(doc.includes('w:orient="landscape"'), 'no landscape section').toBe(false);
  });
});
