import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../test/helpers/databases';
import { deal, load, project, REGIONS, report } from '../../test/helpers/factories';
import type { Database } from '../db/client';
import { getEvaluation } from '../db/evaluations';
import { documentText, type ParagraphBlock } from '../domain/bulletin/model';
import { dateWording } from '../domain/bulletin/wording';
import { parsePeriod } from '../domain/period';
import { NotFoundError, UsageError } from './errors';
import { publishEvaluation } from './publish-evaluation';
import { composeBulletin, earlierPeriods, shanghaiDate } from './write-bulletin';

const YI = 100_000_000n;
const NOW = new Date('2020-10-20T02:00:00Z');
const base = { period: '2020Q3', actor: 'test', now: NOW };

const paragraphs = (doc: { body: { kind: string }[] }) =>
  doc.body.filter((b): b is ParagraphBlock => b.kind === 'paragraph').map((b) => b.text);

describe.each(testDatabases())('bulletin inputs on $name', (target: TestDatabase) => {
  let database: Database;
  beforeAll(async () => {
    database = await target.open();
    await load(database, 'regions', REGIONS);
    await load(
      database,
      'projects',
      [
        project('L1', {
          regionCode: '410322',
          nature: 'new',
          annualTarget: 10n * YI,
          scope: '新建厂房（模拟数据）',
        }),
        project('J1', { regionCode: '410800', nature: 'new', annualTarget: 10n * YI }),
      ],
      { year: 2020, list: 'province_key' },
    );
    await load(
      database,
      'projects',
      [project('L9', { regionCode: '410311', nature: 'new', annualTarget: 5n * YI })],
      {
        year: 2020,
        list: '982',
      },
    );
    // Luoyang is ahead in every quarter; Jiaozuo reports less and starts nothing.
    await load(database, 'reports', [
      report('L1', 3, 3n * YI, { started: true, startDate: '2020-02-10' }),
      report('L1', 6, 6n * YI, { started: true, startDate: '2020-02-10' }),
      report('L1', 9, 9n * YI, { started: true, startDate: '2020-02-10' }),
      report('J1', 3, 1n * YI),
      report('J1', 6, 2n * YI),
      report('J1', 9, 3n * YI),
      report('L9', 9, 510_000_000n, { started: true, startDate: '2020-04-01' }),
    ]);
    await load(database, 'deals', [
      deal('洛阳签约一', {
        regionCode: '410300',
        contractAmount: 30n * YI,
        origin: 'abroad',
        fundsInPlace: 5n * YI,
        startDate: '2020-05-01',
      }),
      deal('焦作签约一', { regionCode: '410800', contractAmount: 2n * YI }),
    ]);
  });
  afterAll(() => database.close());

  it('builds the province bulletin as a draft and detects the demo mark', async () => {
    const outcome = await composeBulletin(database, base);
    expect(outcome).toMatchObject({ kind: 'province', evaluationId: null, simulated: true });
    expect(outcome.earlier).toEqual([
      { period: '2020Q1', published: false },
      { period: '2020Q2', published: false },
    ]);
    const doc = outcome.document;
    expect(doc.title).toBe('关于2020年第三季度全省重点项目“四比四看”活动综合考评结果的通报');
    expect(doc.issuer).toBe('河南省重点项目建设办公室');
    expect(doc.marks).toEqual(['模拟数据', '草稿']);
    expect(doc.signature?.date).toBe('2020年10月20日');
    const text = documentText(doc);
    expect(text).toContain(
      '截至9月底，全省2个省市重点项目年度计划投资20亿元，累计完成投资12亿元，占年度目标的60.0%，低于时序进度（75%）15.0个百分点',
    );
    expect(text).toContain('全省1个“982”补短板项目开工率100%，完成投资5.1亿元，占年度计划的102%');
    expect(text).toContain('综合排名前两位的依次是洛阳市');
    expect(text).toContain('洛阳市连续三季度获得第一');
    expect(text).toContain('本组仅巩义市1个单位参评');
    expect(
      doc.appendices
        .slice(0, 2)
        .map((a) => a.blocks[0]!.kind === 'table' && a.blocks[0]!.rows.map((r) => r[1])),
    ).toEqual([['洛阳市', '焦作市'], ['巩义市']]);
    // 附件3: the month's red and yellow projects per unit, and the red ones (J1: 30% against 75%)
    const warnings = doc.appendices[2]!;
    expect(warnings.title).toBe('2020年9月重点项目红黄灯预警情况');
    expect(doc.attachmentList.slice(2)).toEqual([
      '　　　3．2020年9月重点项目红黄灯预警情况',
      '　　　4．2020年9月重点项目红黄灯预警名单（电子表格）',
    ]);
    const [counts, red] = warnings.blocks.filter((b) => b.kind === 'table');
    expect(counts!.rows).toEqual([
      ['1', '洛阳市', '0', '0', '0'],
      ['2', '焦作市', '1', '0', '1'],
      ['3', '巩义市', '0', '0', '0'],
      ['', '合计', '1', '0', '1'],
    ]);
    expect(red!.rows[0]!.slice(0, 3)).toEqual(['1', '焦作市', '项目J1']);
    expect(red!.rows[0]![3]).toContain('落后时序进度 75% 共 45 个百分点');
  });

  it('writes the city summary with the streak of the year and the seed sentences', async () => {
    const outcome = await composeBulletin(database, { ...base, region: '410300', simulated: false });
    expect(outcome).toMatchObject({ kind: 'city', simulated: false });
    const doc = outcome.document;
    expect(doc.title).toBe('我市再获全省第一');
    expect(doc.marks).toEqual(['草稿']);
    const [lead, , deals, progress] = paragraphs(doc);
    expect(lead).toContain('我市继在第一、二季度夺得头名后，于第三季度再获全省第一。');
    expect(deals).toContain(
      '今年前9个月，全市共签约招商引资项目1个，投资总额30亿元，已开工项目1个，省外境外资金到位5亿元。',
    );
    expect(progress).toContain(
      '截至9月底，1个省市重点项目共完成投资9亿元，占年度目标的90.0%，计划新开工重点项目1个，已开工1个，占年度计划的100%；1个省“982”补短板项目开工率100%，完成投资5.1亿元，占年度计划的102%。',
    );
  });

  it('uses the published evaluation and says so', async () => {
    // The few rows here cover too little for the publish gate: published with a reason, as an officer may.
    const request = { scheme: 'sibisikan-2020', actor: 'test', overrideReason: '测试用的少量数据' };
    const published = await publishEvaluation(database, { ...request, period: '2020Q1' });
    const q3 = await publishEvaluation(database, { ...request, period: '2020Q3' });
    expect(published.id).not.toBe(q3.id);
    const outcome = await composeBulletin(database, { ...base, region: '410300' });
    expect(outcome.evaluationId).toBe(q3.id);
    expect(outcome.earlier).toEqual([
      { period: '2020Q1', published: true },
      { period: '2020Q2', published: false },
    ]);
    const doc = outcome.document;
    expect(doc.marks).toEqual(['模拟数据']);
    expect(doc.kicker).toBe('2020年第三季度全省重点项目“四比四看”活动综合考评结果公布');
    const stored = await getEvaluation(database.db, q3.id);
    expect(doc.notes[0]).toBe(
      `本文依据${dateWording(shanghaiDate(stored!.publishedAt!))}发布的考评结果（编号${q3.id}，内容校验码${q3.hash.slice(0, 12)}）。`,
    );
    expect(doc.notes[1]).toBe('此前期次中本期发布时尚未发布的（2020Q2），排名按本期发布时的数据计算。');
  });

  it('refuses what it cannot state', async () => {
    await expect(composeBulletin(database, { ...base, region: '419999' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    // A county is ranked by its city under another scheme, not among the province's units.
    await expect(composeBulletin(database, { ...base, region: '410322' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(composeBulletin(database, { ...base, date: '2020-13-01' })).rejects.toBeInstanceOf(
      UsageError,
    );
  });
});

describe('earlier periods', () => {
  it('takes the quarters before a quarter and the month before a month', () => {
    expect(earlierPeriods(parsePeriod('2020Q3')).map((p) => p.id)).toEqual(['2020Q1', '2020Q2']);
    expect(earlierPeriods(parsePeriod('2020Q1'))).toEqual([]);
    expect(earlierPeriods(parsePeriod('2020-09')).map((p) => p.id)).toEqual(['2020-08']);
    expect(earlierPeriods(parsePeriod('2020'))).toEqual([]);
  });

  it('dates in China time', () => {
    expect(shanghaiDate(new Date('2020-10-14T17:00:00Z'))).toBe('2020-10-15');
  });
});
