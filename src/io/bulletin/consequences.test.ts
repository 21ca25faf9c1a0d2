// The 通报 prints the consequences of the scheme's rank bands (考评结果运用) from the evaluation result
// as stored at publication (JSON, read back), in every format; the city summary says its own.
import { describe, expect, it } from 'vitest';
import { buildCitySummary } from '../../domain/bulletin/city';
import { documentText } from '../../domain/bulletin/model';
import { buildProvinceBulletin } from '../../domain/bulletin/province';
import {
  earlierQuarters,
  luoyangFigures,
  PENALTY,
  provinceFigures,
  Q3,
  UNITS,
  VALUES,
} from '../../domain/bulletin/testing/fixtures';
import { evaluate } from '../../domain/evaluation/engine';
import { parseScheme } from '../../domain/evaluation/scheme';
import type { EvaluationResult } from '../../domain/evaluation/types';
import { loadSchemeSync } from '../../schemes/load-scheme';
import { renderBulletin } from './render';
import { unzipEntries } from './testing/unzip';

// The fixture ranks the cities 洛阳 1, 焦作 2, 郑州 = 开封 3 (tied), 周口 5; the counties 巩义 1, 兰考 2.
const scheme = parseScheme({
  ...loadSchemeSync('sibisikan-2020'),
  consequences: [
    { from: 1, to: 1, label: '流动红旗' },
    { from: 3, to: 3, label: '通报表扬' },
    { last: 1, label: '约谈' },
  ],
});
const computed = evaluate({
  scheme,
  units: UNITS,
  values: VALUES,
  adjustments: [PENALTY],
  context: { timeProgress: 0.75 },
});
// What the database holds for a published evaluation and the bulletin reads back.
const stored = JSON.parse(JSON.stringify(computed)) as EvaluationResult;
const status = {
  kind: 'published' as const,
  id: 9,
  publishedAt: '2020-10-12',
  hash: '0123456789abcdef',
  figures: 'stored' as const,
};

const province = buildProvinceBulletin({
  province: { code: '410000', name: '河南省' },
  period: Q3,
  evaluation: { scheme, result: stored, status },
  figures: provinceFigures(),
  earlier: earlierQuarters(),
  issuer: '河南省重点项目建设办公室',
  date: '2020-10-15',
  simulated: false,
});

const CITY_LINE =
  '省辖市（含济源示范区）：“流动红旗”（第1名）：洛阳市（第1名）；“通报表扬”（第3名）：郑州市（并列第3名）、开封市（并列第3名）；“约谈”（后1名）：周口市（第5名）。';
const COUNTY_LINE =
  '省直管县（市）：“流动红旗”（第1名）：巩义市（第1名）；“约谈”（后1名）：兰考县（第2名）。';

describe('consequences in the 通报', () => {
  it('are held by the stored result, one per unit in a band', () => {
    expect(Object.fromEntries(stored.units.map((u) => [u.name, u.consequence ?? null]))).toEqual({
      洛阳市: '流动红旗',
      焦作市: null,
      郑州市: '通报表扬',
      开封市: '通报表扬',
      周口市: '约谈',
      巩义市: '流动红旗',
      兰考县: '约谈',
    });
  });

  it('get a section before the requirements, one paragraph per group', () => {
    const headings = province.body.flatMap((b) => (b.kind === 'heading' && b.level === 1 ? [b.text] : []));
    expect(headings.slice(-2)).toEqual(['四、考评结果运用', '五、有关要求']);
    const text = documentText(province);
    expect(text).toContain(CITY_LINE);
    expect(text).toContain(COUNTY_LINE);
  });

  it('get a column in the ranking tables of the 附件', () => {
    const table = province.appendices[0]!.blocks.find((b) => b.kind === 'table')!;
    expect(table.kind === 'table' && table.columns.at(-1)!.title).toBe('结果运用');
    const rows = table.kind === 'table' ? table.rows : [];
    expect(rows.map((r) => [r[1], r.at(-1)])).toEqual([
      ['洛阳市', '流动红旗'],
      ['焦作市', '—'],
      ['郑州市', '通报表扬'],
      ['开封市', '通报表扬'],
      ['周口市', '约谈'],
    ]);
  });

  it('are printed in markdown, HTML and Word', async () => {
    const md = (await renderBulletin(province, 'md')).toString('utf8');
    expect(md).toContain('考评结果运用');
    expect(md).toContain('“约谈”（后1名）：周口市（第5名）');
    const html = (await renderBulletin(province, 'html')).toString('utf8');
    expect(html).toContain('考评结果运用');
    expect(html).toContain('“流动红旗”（第1名）：洛阳市（第1名）');
    const docx = await renderBulletin(province, 'docx');
    const xml = unzipEntries(docx).get('word/document.xml')?.toString('utf8') ?? '';
    const plain = xml.replace(/<[^>]+>/g, '');
    expect(plain).toContain('考评结果运用');
    expect(plain).toContain('“约谈”（后1名）：兰考县（第2名）');
  });

  it('are left out of a 通报 whose scheme declares none', () => {
    const plain = parseScheme(loadSchemeSync('sibisikan-2020'));
    const result = evaluate({ scheme: plain, units: UNITS, values: VALUES, context: { timeProgress: 0.75 } });
    const doc = buildProvinceBulletin({
      province: { code: '410000', name: '河南省' },
      period: Q3,
      evaluation: { scheme: plain, result, status },
      figures: provinceFigures(),
      earlier: earlierQuarters(),
      issuer: '河南省重点项目建设办公室',
      date: '2020-10-15',
      simulated: false,
    });
    expect(documentText(doc)).not.toContain('考评结果运用');
  });

  it("are stated in a unit's own summary", () => {
    const city = buildCitySummary({
      unit: { code: '410300', name: '洛阳市' },
      parent: { code: '410000', name: '河南省', kind: 'province' },
      period: Q3,
      evaluation: { scheme, result: stored, status },
      figures: luoyangFigures(),
      earlier: earlierQuarters(),
      date: '2020-10-15',
      simulated: false,
    });
    expect(documentText(city)).toContain('本期列入“流动红旗”（第1名）。');
  });
});
