import { describe, expect, it } from 'vitest';
import { documentText, type ParagraphBlock, type TableBlock } from './model';
import { buildProvinceBulletin } from './province';
import { costliestIndicator, indicatorLeaderPhrase, laggingUnits, topRankingWords } from './ranking';
import { constructedEvaluation, earlierQuarters, provinceFigures, Q3, source } from './testing/fixtures';

function bulletin(overrides: Partial<Parameters<typeof buildProvinceBulletin>[0]> = {}) {
  return buildProvinceBulletin({
    province: { code: '410000', name: '河南省' },
    period: Q3,
    evaluation: source(),
    figures: provinceFigures(),
    earlier: earlierQuarters(),
    issuer: '河南省重点项目建设办公室',
    date: '2020-10-15',
    simulated: false,
    ...overrides,
  });
}

const paragraphs = (doc: ReturnType<typeof bulletin>) =>
  doc.body.filter((b): b is ParagraphBlock => b.kind === 'paragraph').map((b) => b.text);

describe('province bulletin', () => {
  it('has the 通报 title, header lines and marks', () => {
    const doc = bulletin({ simulated: true });
    expect(doc.title).toBe('关于2020年第三季度全省重点项目“四比四看”活动综合考评结果的通报');
    expect(doc.issuer).toBe('河南省重点项目建设办公室');
    expect(doc.serial).toBe('2020年第3期');
    expect(doc.marks).toEqual(['模拟数据', '草稿']);
    expect(doc.notes.join('')).toContain('草稿：本期考评结果尚未发布');
    expect(doc.signature).toEqual({ issuer: '河南省重点项目建设办公室', date: '2020年10月15日' });
    expect(doc.body.filter((b) => b.kind === 'heading').map((b) => (b as { text: string }).text)).toEqual([
      '一、全省重点项目建设总体情况',
      '二、省辖市（含济源示范区）考评结果',
      '（一）综合排名',
      '（二）分项情况',
      '（三）排名靠后单位',
      '三、省直管县（市）考评结果',
      '（一）综合排名',
      '（二）分项情况',
      '四、有关要求',
    ]);
  });

  it('says when the scores are the published ones', () => {
    const doc = bulletin({
      evaluation: source({
        kind: 'published',
        id: 7,
        publishedAt: '2020-10-12',
        hash: '0123456789abcdef',
        figures: 'current',
      }),
    });
    expect(doc.marks).toEqual([]);
    expect(doc.notes[0]).toBe('本文依据2020年10月12日发布的考评结果（编号7，内容校验码0123456789ab）。');
    expect(doc.notes[1]).toBe(
      '该考评结果发布时未存档通报数据：文中统计数字按当前数据计算，得分和排名为已发布结果。',
    );
  });

  it('words the province figures against 时序进度', () => {
    const text = paragraphs(bulletin()).join('\n');
    expect(text).toContain(
      '截至9月底，全省9830个省市重点项目年度计划投资23000亿元，累计完成投资18500亿元，占年度目标的80.4%，高于时序进度（75%）5.4个百分点；计划新开工项目3100个，已开工2950个，开工率95.2%；计划竣工项目1200个，已竣工700个，竣工率58.3%。',
    );
    expect(text).toContain('全省728个“982”补短板项目开工率99.18%，完成投资1847亿元，占年度计划的102%');
    expect(text).toContain('今年前9个月，全省共签约招商引资项目254个，投资总额1771.5亿元，已开工项目204个');
  });

  it('writes the ranking with ties 并列, the streak and the moves', () => {
    const text = paragraphs(bulletin()).join('\n');
    expect(text).toContain(
      '综合排名前三位的是洛阳市第一（94.22分），焦作市第二（81.53分），郑州市、开封市并列第三（73.29分）；洛阳市连续三季度获得第一；与上季度相比，上升较多的是焦作市（上升3位）。',
    );
    expect(text).toContain('综合排名前两位的依次是巩义市（91.73分）、兰考县（81.79分）。');
  });

  it('names the leaders of each dimension and indicator with their figures', () => {
    const text = paragraphs(bulletin()).join('\n');
    expect(text).toContain('比招引看投资（15分）方面，焦作市得分最高（14.41分）；');
    expect(text).toContain(
      '省外境外到位资金超过100亿元的有洛阳市（253.6亿元）、焦作市（245.3亿元）、郑州市（150亿元）、开封市（150亿元）',
    );
    expect(text).toContain(
      '20亿元以上项目占比较高的是焦作市（24.3%）、洛阳市（18.8%）、郑州市（10.0%）、开封市（10.0%）',
    );
    expect(text).toContain('平均办理天数最短的是洛阳市（17.5天）');
    expect(text).toContain('比服务看实效（25分）方面，巩义市、兰考县得分并列最高（21.5分）');
  });

  it('names the lagging units with the indicator that cost them most and their penalty', () => {
    const text = paragraphs(bulletin()).join('\n');
    expect(text).toContain(
      '排名靠后的是周口市（第5名，43.36分）。\n周口市失分最多的是“开工率”：开工率60.0%，',
    );
    expect(text).toContain('另被扣1分（报送数据经核查不实）。');
  });

  it('appends one ranking table per group with 并列 and two-decimal scores', () => {
    const doc = bulletin();
    expect(doc.attachmentList).toEqual([
      '附件：1．2020年第三季度省辖市（含济源示范区）重点项目“四比四看”活动综合考评结果',
      '　　　2．2020年第三季度省直管县（市）重点项目“四比四看”活动综合考评结果',
    ]);
    const table = doc.appendices[0]!.blocks[0] as TableBlock;
    expect(table.columns.map((c) => c.title)).toEqual([
      '名次',
      '单位',
      '比谋划看储备\n（20分）',
      '比招引看投资\n（15分）',
      '比开工看进度\n（40分）',
      '比服务看实效\n（25分）',
      '基本分',
      '加分',
      '扣分',
      '综合得分',
    ]);
    expect(table.rows.map((r) => [r[0], r[1], r[9]])).toEqual([
      ['1', '洛阳市', '94.22'],
      ['2', '焦作市', '81.53'],
      ['并列3', '郑州市', '73.29'],
      ['并列3', '开封市', '73.29'],
      ['5', '周口市', '43.36'],
    ]);
    expect(table.rows[4]![8]).toBe('1.00');
    expect(table.notes).toContain('周口市：报送数据经核查不实扣1分（9月月报投资额经核查不实）。');
    expect(doc.appendices[0]!.landscape).toBe(true);
  });

  it('leaves out moves without earlier periods', () => {
    expect(documentText(bulletin({ earlier: [] }))).not.toContain('与上季度相比');
  });
});

describe('reading a result', () => {
  const { scheme, result } = constructedEvaluation();
  const cities = result.units.filter((u) => u.group === 'city');

  it('writes the top three without ties as a plain list', () => {
    expect(topRankingWords(cities.slice(0, 2))).toBe(
      '综合排名前两位的依次是洛阳市（94.22分）、焦作市（81.53分）',
    );
  });

  it('lists every unit tied at the top of an indicator', () => {
    expect(indicatorLeaderPhrase(scheme, cities, 'reserve_conversion')).toBe(
      '储备项目转化率并列最高的有焦作市、郑州市、开封市、周口市（均为20.0%）',
    );
  });

  it('finds the last places and the costliest indicator', () => {
    const last = laggingUnits(cities, 2);
    expect(last.map((u) => u.name)).toEqual(['郑州市', '开封市', '周口市']); // the tie at the cut is kept whole
    expect(costliestIndicator(last[2]!)?.id).toBe('new_start_rate');
  });
});
