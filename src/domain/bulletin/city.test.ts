import { describe, expect, it } from 'vitest';
import { buildCitySummary } from './city';
import { BulletinInputError } from './errors';
import type { CitySummaryInput, EarlierRanks } from './inputs';
import type { ParagraphBlock, TableBlock } from './model';
import { earlierQuarters, luoyangFigures, Q3, source } from './testing/fixtures';

const PUBLISHED = {
  kind: 'published',
  id: 3,
  publishedAt: '2020-10-12',
  hash: 'abcdef0123456789',
  figures: 'stored',
} as const;

function summary(overrides: Partial<CitySummaryInput> = {}) {
  return buildCitySummary({
    unit: { code: '410300', name: '洛阳市' },
    parent: { code: '410000', name: '河南省', kind: 'province' },
    period: Q3,
    evaluation: source(PUBLISHED),
    figures: luoyangFigures(),
    earlier: earlierQuarters(),
    date: '2020-10-15',
    simulated: false,
    ...overrides,
  });
}

const text = (doc: ReturnType<typeof summary>) =>
  doc.body.filter((b): b is ParagraphBlock => b.kind === 'paragraph').map((b) => b.text);

describe('city summary in the words of the seed article', () => {
  it('opens with the seed lead and headline', () => {
    const doc = summary();
    expect(doc.kicker).toBe('2020年第三季度全省重点项目“四比四看”活动综合考评结果公布');
    expect(doc.title).toBe('我市再获全省第一');
    expect(text(doc)[0]).toMatch(
      /^2020年第三季度全省重点项目“四比四看”活动（比谋划看储备、比招引看投资、比开工看进度、比服务看实效）综合考评结果近日公布，我市继在第一、二季度夺得头名后，于第三季度再获全省第一。我市本期综合得分94\.22分，/,
    );
  });

  it('states the seed figures in its sentences', () => {
    const [, reserve, deals, progress, services, closing] = text(summary());
    expect(reserve).toContain(
      '截至9月底，我市已谋划储备2021年重点项目1036个，总投资15559.7亿元，其中重大项目311个。',
    );
    expect(deals).toContain('今年前9个月，全市共签约招商引资项目254个，投资总额1771.5亿元，已开工项目204个');
    expect(progress).toContain(
      '截至9月底，515个省市重点项目共完成投资1532亿元，占年度目标的96.9%，计划新开工重点项目253个，已开工250个，占年度计划的98.8%；728个省“982”补短板项目开工率99.18%，完成投资1847亿元，占年度计划的102%。',
    );
    expect(services).toContain('全市联审联批事项已基本办理完毕（应办结2279项，已办结2254项，办结率98.9%）');
    expect(closing).toMatch(/^我市已连续三季度获得全省第一。下一步，我市将继续推进“四比四看”/);
  });

  it('gives the standing on each dimension', () => {
    const [, reserve, deals] = text(summary());
    expect(reserve).toContain('本期“比谋划看储备”得分17.36分（满分20分），居全省首位。');
    expect(deals).toContain('本期“比招引看投资”得分13.64分（满分15分），居全省第2位。');
    const table = summary().appendices[0]!.blocks[0] as TableBlock;
    expect(table.rows.at(-1)).toEqual(['综合得分', '100', '94.22', '94.22', '1']);
  });

  it('words a unit that is not first by its place and move', () => {
    const earlier: EarlierRanks[] = earlierQuarters();
    const doc = summary({ unit: { code: '410800', name: '焦作市' }, earlier });
    expect(doc.title).toBe('我市位列全省第二名');
    expect(text(doc)[0]).toContain('综合考评结果近日公布，我市位列全省第二名，较上季度上升3位。');
    expect(text(doc).at(-1)).toMatch(/^下一步/);
  });

  it('marks a draft and says the result is not yet published', () => {
    const doc = summary({ evaluation: source({ kind: 'draft' }), simulated: true });
    expect(doc.marks).toEqual(['模拟数据', '草稿']);
    expect(doc.kicker).toBe('2020年第三季度全省重点项目“四比四看”活动综合考评结果测算');
    expect(text(doc)[0]).toContain('综合考评按当前数据测算（结果尚未发布），我市继在第一、二季度夺得头名后');
  });

  it('refuses a unit that is not in the evaluation', () => {
    expect(() => summary({ unit: { code: '419001', name: '济源示范区' } })).toThrow(BulletinInputError);
  });
});
