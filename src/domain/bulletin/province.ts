// The province's 通报: header, title, opening, the province's figures, results per group (ranking in
// words, leaders per dimension and indicator, lagging units), requirements, 落款, and ranking tables.
import type { Scheme } from '../evaluation/scheme-schema';
import type { UnitResult } from '../evaluation/types';
import { type Period, periodLabel } from '../period';
import { groupLabel } from '../regions';
import { consequenceParagraphs } from './consequences';
import { dealsClause, programmeClause, reserveClause, servicesClause, versusTimeProgress } from './figures';
import type { EarlierRanks, ProvinceBulletinInput } from './inputs';
import {
  type Appendix,
  type Block,
  type BulletinDocument,
  heading,
  paragraph,
  type TableBlock,
} from './model';
import { activityName, dimensionNames, marksFor, serialLine, sourceNotes } from './phrases';
import {
  costliestIndicator,
  dimensionLeaders,
  groupUnits,
  indicatorLeaderPhrase,
  isTied,
  laggingCount,
  laggingUnits,
  rankCell,
  tidyExplanation,
  topRankingWords,
} from './ranking';
import { selfScoreAppendix } from './self-scores';
import { previousWord, streakWording } from './streak';
import { warningsAnnexTitle, warningsAppendix } from './warnings';
import {
  amountWording,
  asOfWording,
  chineseNumeral,
  dateWording,
  joinList,
  rateOf,
  scoreCell,
  scoreWording,
  sinceJanuaryWording,
} from './wording';

export function buildProvinceBulletin(input: ProvinceBulletinInput): BulletinDocument {
  const { period, evaluation } = input;
  const { scheme, result } = evaluation;
  const activity = activityName(scheme);
  const label = periodLabel(period);
  const groups = result.groups.filter((g) => g.ranking.length > 0);
  const body: Block[] = [];

  body.push(
    paragraph(
      `按照全省${activity}（${dimensionNames(scheme)}）考评办法，对${joinList(groups.map((g) => groupLabel(g.id)))}${label}重点项目建设情况进行了综合考评。现将考评结果通报如下。`,
    ),
  );

  let section = 1;
  body.push(heading(1, `${chineseNumeral(section++)}、全省重点项目建设总体情况`));
  body.push(...overallParagraphs(input));

  const appendices: Appendix[] = [];
  for (const g of groups) {
    const units = groupUnits(result.units, g.id);
    body.push(heading(1, `${chineseNumeral(section++)}、${groupLabel(g.id)}考评结果`));
    body.push(...groupBlocks(scheme, units, period, input.earlier));
    appendices.push({
      label: `附件${appendices.length + 1}`,
      title: `${label}${groupLabel(g.id)}${activity}综合考评结果`,
      blocks: [rankingTable(scheme, units)],
      landscape: scheme.dimensions.length + 6 > 8,
      newPage: true,
    });
  }

  // 自评分与核定得分对比, when units reported self-scores (a published result carries them).
  const selfScores = selfScoreAppendix(
    `附件${appendices.length + 1}`,
    `${label}各单位自评分与核定得分对比`,
    result.selfScores,
  );
  if (selfScores) appendices.push(selfScores);

  // The full list of red and yellow projects is a spreadsheet sent with the document (the last 附件).
  const annex = input.warnings && input.warnings.projects.length > 0 ? appendices.length + 2 : null;
  if (input.warnings) {
    appendices.push(
      warningsAppendix(`附件${appendices.length + 1}`, period, input.warnings, `附件${annex ?? ''}`),
    );
  }

  const uses = consequenceParagraphs(
    scheme,
    groups.map((g) => ({ id: g.id, label: groupLabel(g.id), units: groupUnits(result.units, g.id) })),
  );
  if (uses.length) body.push(heading(1, `${chineseNumeral(section++)}、考评结果运用`), ...uses);

  body.push(heading(1, `${chineseNumeral(section++)}、有关要求`));
  body.push(
    paragraph(
      `各地要对照考评结果，认真总结经验，查找差距和不足，进一步压实责任、强化要素保障，加快推进项目建设。排名靠前的地方要再接再厉、巩固提升；排名靠后的地方要深入分析原因，找准短板弱项，制定有针对性的整改措施，${
        period.month === 12 ? '为下一年度重点项目建设打好基础' : '确保全年目标任务圆满完成'
      }。`,
    ),
  );

  const titles = appendices.map((a) => a.title);
  if (annex !== null) titles.push(`${warningsAnnexTitle(period)}（电子表格）`);
  const attachmentList = titles.map((t, i) => `${i === 0 ? '附件：' : '　　　'}${i + 1}．${t}`);
  return {
    kind: 'province',
    marks: marksFor(evaluation, input.simulated),
    issuer: input.issuer,
    serial: serialLine(period),
    kicker: null,
    title: `关于${label}全省${activity}综合考评结果的通报`,
    subtitle: null,
    addressee: `${joinList(groups.map((g) => addresseeOf(g.id)))}：`,
    body,
    attachmentList,
    signature: { issuer: input.issuer, date: dateWording(input.date) },
    notes: sourceNotes(evaluation, input.earlier, input.simulated),
    appendices,
  };
}

function addresseeOf(group: string): string {
  if (group === 'city') return '各省辖市、济源示范区重点项目办';
  if (group === 'direct_county') return '各省直管县（市）重点项目办';
  return `各${groupLabel(group)}`;
}

function overallParagraphs(input: ProvinceBulletinInput): Block[] {
  const { period, figures } = input;
  const k = figures.totals.key;
  const month = period.month;
  let first = `${asOfWording(month)}，全省${k.projectCount}个省市重点项目年度计划投资${amountWording(k.annualTarget)}，累计完成投资${amountWording(k.investYtd)}`;
  if (k.annualTarget > 0n) {
    first += `，占年度目标的${rateOf(k.investYtd, k.annualTarget)}`;
    const vs = versusTimeProgress(k, month);
    if (vs) first += `，${vs}`;
  }
  if (k.plannedNewStarts > 0) {
    first += `；计划新开工项目${k.plannedNewStarts}个，已开工${k.newStarted}个，开工率${rateOf(k.newStarted, k.plannedNewStarts)}`;
  }
  if (k.plannedCompletions > 0) {
    first += `；计划竣工项目${k.plannedCompletions}个，已竣工${k.completed}个，竣工率${rateOf(k.completed, k.plannedCompletions)}`;
  }
  const second: string[] = [];
  const p = figures.programme982;
  if (p && p.projectCount > 0) second.push(`全省${programmeClause(p, '“982”补短板项目')}`);
  second.push(`${sinceJanuaryWording(month)}，${dealsClause(figures.totals, '全省', true)}`);
  second.push(reserveClause(figures.totals, period).replace(/^已/, '全省已'));
  second.push(servicesClause(figures.totals, '全省'));
  return [paragraph(`${first}。`), paragraph(`${second.join('；')}。`)];
}

function groupBlocks(
  scheme: Scheme,
  units: UnitResult[],
  period: Period,
  earlier: readonly EarlierRanks[],
): Block[] {
  const blocks: Block[] = [];
  if (units.length === 1) {
    const only = units[0]!;
    blocks.push(paragraph(`本组仅${only.name}1个单位参评，综合得分${scoreWording(only.adjusted)}。`));
    return blocks;
  }
  blocks.push(heading(2, '（一）综合排名'));
  blocks.push(
    paragraph(`${[topRankingWords(units), ...movesSentences(units, period, earlier)].join('；')}。`),
  );

  blocks.push(heading(2, '（二）分项情况'));
  for (const dim of scheme.dimensions) {
    // A dimension none of whose indicators is assessed this quarter (quarters.ts) has no points.
    if (units[0]?.dimensions.find((d) => d.id === dim.id)?.points === 0) continue;
    const leaders = dimensionLeaders(units, dim.id);
    if (!leaders) continue;
    const who = joinList(leaders.units.map((u) => u.name));
    const parts = [
      `${who}得分${leaders.units.length > 1 ? '并列' : ''}最高（${scoreWording(leaders.score)}）`,
    ];
    for (const ind of dim.indicators) {
      const phrase = indicatorLeaderPhrase(scheme, units, ind.id);
      if (phrase) parts.push(phrase);
    }
    blocks.push(paragraph(`${dim.name}（${dim.points}分）方面，${parts.join('；')}。`));
  }

  const top = new Set(units.filter((u) => u.rank <= 3).map((u) => u.code));
  const lagging = laggingUnits(units, laggingCount(units.length), top);
  if (lagging.length > 0) {
    blocks.push(heading(2, '（三）排名靠后单位'));
    const names = joinList(
      lagging.map(
        (u) => `${u.name}（${isTied(u, units) ? '并列' : ''}第${u.rank}名，${scoreWording(u.adjusted)}）`,
      ),
    );
    const reasons = lagging.map((u) => laggingReason(u)).filter((s): s is string => s !== null);
    blocks.push(paragraph(`排名靠后的是${names}。`), ...reasons.map((r) => paragraph(r)));
  }
  return blocks;
}

/** "周口市失分最多的是“开工率”：开工率85.3%，低于全组平均5.2个百分点，…得5.40分（满分10分）。" */
function laggingReason(unit: UnitResult): string | null {
  const worst = costliestIndicator(unit);
  const parts: string[] = [];
  if (worst) parts.push(`${unit.name}失分最多的是“${worst.name}”：${tidyExplanation(worst.explanation)}`);
  if (unit.penalty.total > 0) {
    const items = unit.penalty.lines.map((l) => l.name);
    parts.push(
      `${worst ? '另' : `${unit.name}`}被扣${scoreWording(unit.penalty.total)}${items.length ? `（${joinList([...new Set(items)])}）` : ''}`,
    );
  }
  return parts.length ? `${parts.join('；')}。` : null;
}

/** Streaks at the top and the biggest moves since the previous period of the same kind. */
function movesSentences(units: UnitResult[], period: Period, earlier: readonly EarlierRanks[]): string[] {
  const out: string[] = [];
  if (earlier.length === 0) return out;
  for (const u of units.filter((x) => x.rank === 1)) {
    const standings = earlier.map((e) => ({ period: e.period, rank: e.ranks[u.code] ?? null }));
    const s = streakWording({ period, rank: 1 }, standings, '', u.name);
    if (s.streakLine) out.push(`${u.name}${s.streakLine}`);
  }
  const previous = earlier[earlier.length - 1]!;
  const moves = units
    .map((u) => ({
      u,
      moved: previous.ranks[u.code] === undefined ? null : previous.ranks[u.code]! - u.rank,
    }))
    .filter((m): m is { u: UnitResult; moved: number } => m.moved !== null);
  const up = moves
    .filter((m) => m.moved >= 2)
    .sort((a, b) => b.moved - a.moved || a.u.rank - b.u.rank)
    .slice(0, 3);
  const down = moves
    .filter((m) => m.moved <= -2)
    .sort((a, b) => a.moved - b.moved || a.u.rank - b.u.rank)
    .slice(0, 3);
  const prev = previousWord(period);
  const bits: string[] = [];
  if (up.length) bits.push(`上升较多的是${joinList(up.map((m) => `${m.u.name}（上升${m.moved}位）`))}`);
  if (down.length) bits.push(`下降较多的是${joinList(down.map((m) => `${m.u.name}（下降${-m.moved}位）`))}`);
  if (bits.length) out.push(`与${prev}相比，${bits.join('，')}`);
  return out;
}

export function rankingTable(scheme: Scheme, units: UnitResult[]): TableBlock {
  const columns: TableBlock['columns'] = [
    { title: '名次', align: 'center', width: 0.9 },
    { title: '单位', align: 'center', width: 2.6 },
    ...scheme.dimensions.map((d) => ({
      title: `${d.name}\n（${d.points}分）`,
      align: 'center' as const,
      width: 1.7,
    })),
    { title: '基本分', align: 'center', width: 1 },
    { title: '加分', align: 'center', width: 0.8 },
    { title: '扣分', align: 'center', width: 0.8 },
    { title: '综合得分', align: 'center', width: 1.1 },
  ];
  // The consequences of the scheme's rank bands (考评结果运用), when it declares any.
  const bands = (scheme.consequences?.length ?? 0) > 0;
  if (bands) columns.push({ title: '结果运用', align: 'center', width: 1.2 });
  const rows = units.map((u) => [
    rankCell(u, units),
    u.name,
    ...scheme.dimensions.map((d) => scoreCell(u.dimensions.find((x) => x.id === d.id)?.score ?? 0)),
    scoreCell(u.base),
    scoreCell(u.bonus.total),
    scoreCell(u.penalty.total),
    scoreCell(u.adjusted),
    ...(bands ? [u.consequence ?? '—'] : []),
  ]);
  const notes = [
    '注：综合得分＝基本分＋加分－扣分；得分保留两位小数，名次按未经四舍五入的得分排列，“并列”表示名次相同。',
  ];
  for (const u of units) {
    const lines = [
      ...u.bonus.lines.map((l) => ({ l, sign: '加' })),
      ...u.penalty.lines.map((l) => ({ l, sign: '扣' })),
    ];
    if (lines.length === 0) continue;
    const text = lines
      .map(
        ({ l, sign }) =>
          `${l.name}${l.count ? `${l.count}次` : ''}${sign}${scoreWording(l.points)}${l.reason ? `（${l.reason}）` : ''}`,
      )
      .join('；');
    const capped = [
      u.bonus.capped ? `加分按上限${scoreWording(u.bonus.total)}计` : '',
      u.penalty.capped ? `扣分按上限${scoreWording(u.penalty.total)}计` : '',
    ]
      .filter(Boolean)
      .join('，');
    notes.push(`${u.name}：${text}${capped ? `（${capped}）` : ''}。`);
  }
  return { kind: 'table', columns, rows, notes };
}
