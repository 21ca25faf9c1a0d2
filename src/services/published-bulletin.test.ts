// A published period's 通报 and city summary come from what was stored at publication: importing more
// reports, deals, reserve projects and projects afterwards changes today's statistics but not one
// byte of the documents (md, html, every part of the docx but its creation time).
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../test/helpers/databases';
import { deal, load, project, REGIONS, report } from '../../test/helpers/factories';
import type { Database } from '../db/client';
import { queryRows } from '../db/query';
import { ANNEX_HEADERS, renderAnnexXlsx } from '../io/bulletin/annex-xlsx';
import { renderBulletin } from '../io/bulletin/render';
import { unzipEntries } from '../io/bulletin/testing/unzip';
import { computeAlerts } from './compute-alerts';
import { computeStats } from './compute-stats';
import { publishEvaluation } from './publish-evaluation';
import {
  type BulletinRequest,
  composeBulletin,
  composeWarningsAnnex,
  type WarningsAnnex,
} from './write-bulletin';

const YI = 100_000_000n;
const NOW = new Date('2020-10-20T02:00:00Z');

interface Rendered {
  md: string;
  html: string;
  docx: Map<string, Buffer>;
}

async function renderAll(database: Database, request: Omit<BulletinRequest, 'actor'>): Promise<Rendered> {
  const outcome = await composeBulletin(database, { ...request, actor: 'test', now: NOW });
  return {
    md: (await renderBulletin(outcome.document, 'md')).toString('utf8'),
    html: (await renderBulletin(outcome.document, 'html')).toString('utf8'),
    docx: unzipEntries(await renderBulletin(outcome.document, 'docx')),
  };
}

/** Every part of the package, the core properties without their timestamps. */
function docxParts(parts: Map<string, Buffer>): Record<string, string> {
  return Object.fromEntries(
    [...parts].map(([name, bytes]) => [
      name,
      name === 'docProps/core.xml'
        ? bytes.toString('utf8').replace(/<dcterms:(created|modified)[^>]*>[^<]*</g, '<dcterms:$1>')
        : bytes.toString('base64'),
    ]),
  );
}

describe.each(testDatabases())('a published bulletin on $name', (target: TestDatabase) => {
  let database: Database;
  const before: Record<string, Rendered> = {};
  let annexBefore: WarningsAnnex;
  const annexOf = () => composeWarningsAnnex(database, { period: '2020Q3', actor: 'test', now: NOW });
  const requests: Record<string, Omit<BulletinRequest, 'actor'>> = {
    province: { period: '2020Q3' },
    city: { period: '2020Q3', region: '410300' },
  };

  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', REGIONS);
    await load(
      database,
      'projects',
      [
        project('L1', { regionCode: '410322', nature: 'new', annualTarget: 10n * YI }),
        project('J1', { regionCode: '410800', nature: 'new', annualTarget: 10n * YI }),
      ],
      { year: 2020, list: 'province_key' },
    );
    await load(database, 'projects', [project('L9', { regionCode: '410311', annualTarget: 5n * YI })], {
      year: 2020,
      list: '982',
    });
    await load(database, 'reports', [
      report('L1', 9, 9n * YI, { started: true, startDate: '2020-02-10' }),
      report('J1', 9, 3n * YI),
      report('L9', 9, 4n * YI, { started: true, startDate: '2020-04-01' }),
    ]);
    await load(database, 'deals', [deal('洛阳签约一', { regionCode: '410300', contractAmount: 30n * YI })]);
    await load(database, 'reserve', [
      {
        name: '洛阳储备一',
        regionCode: '410322',
        targetYear: 2021,
        totalInvestment: 20n * YI,
        domain: null,
        maturity: null,
        major: true,
        convertedProjectCode: null,
      },
    ]);
    // The few rows here cover too little for the publish gate: published with a reason, as an officer may.
    const publish = {
      scheme: 'sibisikan-2020',
      period: '2020Q3',
      actor: 'test',
      overrideReason: '测试用的少量数据',
    };
    await publishEvaluation(database, publish);
    for (const [name, request] of Object.entries(requests)) before[name] = await renderAll(database, request);
    annexBefore = await annexOf();

    // After publication: late reports, a new deal, a new reserve project and a new lagging project.
    await load(
      database,
      'projects',
      [project('J2', { regionCode: '410800', nature: 'new', annualTarget: 20n * YI })],
      { year: 2020, list: 'province_key' },
    );
    await load(database, 'reports', [
      report('L1', 9, 10n * YI, { started: true, startDate: '2020-02-10' }),
      report('J1', 9, 8n * YI, { started: true, startDate: '2020-03-01' }),
      report('L9', 9, 5n * YI, { started: true, startDate: '2020-04-01' }),
    ]);
    await load(database, 'deals', [
      deal('洛阳签约二', { regionCode: '410322', contractAmount: 7n * YI, signedDate: '2020-08-01' }),
    ]);
    await load(database, 'reserve', [
      {
        name: '洛阳储备二',
        regionCode: '410311',
        targetYear: 2021,
        totalInvestment: 3n * YI,
        domain: null,
        maturity: null,
        major: false,
        convertedProjectCode: null,
      },
    ]);
  });
  afterAll(() => database.close());

  it('has data that moved since publication (else the test proves nothing)', async () => {
    const now = await computeStats(database, { region: '410000', period: '2020Q3' });
    expect(now.totals.key.projectCount).toBe(3);
    expect(now.totals.key.investYtd).toBe(18n * YI);
    expect(now.totals.deals.signedCount).toBe(2);
    expect(now.totals.reserve.count).toBe(2);
  });

  it.each(['province', 'city'])('states the %s document from the snapshot, byte for byte', async (name) => {
    const after = await renderAll(database, requests[name]!);
    const was = before[name]!;
    expect(after.md).toBe(was.md);
    expect(after.html).toBe(was.html);
    expect(docxParts(after.docx)).toEqual(docxParts(was.docx));
  });

  it('keeps the stored bulletin data final: no UPDATE or DELETE', async () => {
    await expect(
      database.db.execute(sql`update bulletin_snapshots set snapshot = '{}'::jsonb`),
    ).rejects.toThrow();
    await expect(database.db.execute(sql`delete from bulletin_snapshots`)).rejects.toThrow();
    const rows = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from bulletin_snapshots`,
    );
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('prints the figures of the day of publication', () => {
    const province = before.province!.md;
    expect(province).toContain('全省2个省市重点项目年度计划投资20亿元，累计完成投资12亿元');
    expect(province).toContain('全省共签约招商引资项目1个，投资总额30亿元');
    expect(province).toContain('全省已谋划储备2021年重点项目1个，总投资20亿元，其中重大项目1个');
    const city = before.city!.md;
    expect(city).toContain('已谋划储备2021年重点项目1个，总投资20亿元，其中重大项目1个');
    expect(city).toContain('1个省市重点项目共完成投资9亿元');
    expect(city).toContain('1个省“982”补短板项目共完成投资4亿元');
  });

  it('keeps the spreadsheet 附件 of the published period as it was', async () => {
    const after = await annexOf();
    expect(after).toEqual(annexBefore);
    expect(after.rows.map((r) => [r.code, r.level, r.investYtd])).toEqual([['J1', 'red', 3n * YI]]);
    // today J1 has made up part of its gap and the new J2 has not reported: today's lights differ
    const today = await computeAlerts(database, { region: '410000', period: '2020-09' });
    expect(today.projects.map((p) => [p.code, p.level])).not.toEqual([['J1', 'red']]);
    expect((await renderAnnexXlsx(after)).equals(await renderAnnexXlsx(annexBefore))).toBe(true);
  });

  it('writes the spreadsheet with Chinese headers and exact amounts in 万元', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await renderAnnexXlsx(annexBefore)).buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['预警名单', '各地汇总']);
    const sheet = workbook.getWorksheet('预警名单')!;
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    expect(values(1)[0]).toBe('2020年9月重点项目红黄灯预警名单');
    expect(String(values(2)[0])).toMatch(
      /^依据\d{4}年\d{1,2}月\d{1,2}日发布的考评结果（编号\d+），名单为发布时存档的数据。$/,
    );
    expect(values(3)).toEqual([...ANNEX_HEADERS]);
    expect(values(4)).toEqual([
      1,
      '红灯',
      '焦作市',
      '焦作市',
      'J1',
      '项目J1',
      100000,
      30000,
      0.3,
      expect.stringContaining('落后时序进度'),
    ]);
    expect(sheet.getRow(4).getCell(7).numFmt).toBe('#,##0.####');
    const counts = workbook.getWorksheet('各地汇总')!;
    expect(
      counts
        .getSheetValues()
        .slice(1)
        .map((r) => (r as unknown[]).slice(1)),
    ).toEqual([
      ['地区', '红灯', '黄灯', '合计'],
      ['洛阳市', 0, 0, 0],
      ['焦作市', 1, 0, 1],
      ['巩义市', 0, 0, 0],
      ['合计', 1, 0, 1],
    ]);
  });
});
